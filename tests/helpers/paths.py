"""Where the tests find the project and its installed scripts, and where they
leave screenshots and server logs (tests/artifacts/, ignored by git)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "bot"
BIN = ROOT / ".venv" / "bin"
ARTIFACTS = ROOT / "tests" / "artifacts"
