"""Settings read from the environment, with safe defaults for a laptop."""

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
KNOWLEDGE_DIR = Path(os.environ.get("SEEN_KNOWLEDGE_DIR", PROJECT_DIR / "knowledge"))
