"""The tuning sets (tests/dev*) some components learn from beside Rasa's own
training data: where they are, and a fingerprint so a change to them retrains."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import List

PROJECT = Path(__file__).resolve().parents[2]


def folders(pattern: str) -> List[Path]:
    return sorted(p for p in PROJECT.glob(pattern) if p.is_dir())


def fingerprint(pattern: str) -> str:
    """The tuning sets are training data Rasa does not see: a change to them
    must retrain the components that read them."""
    digest = hashlib.sha256()
    for folder in folders(pattern):
        for path in sorted(folder.glob("*.yml")):
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()
