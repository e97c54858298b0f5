"""The notes store every storage test uses, on a migrated throw-away database of each backend."""

from typing import Iterator

import pytest

from seen.db import migrate
from seen.notes import NoteStore


@pytest.fixture
def store(backend) -> Iterator[NoteStore]:
    migrate(backend.url)
    note_store = NoteStore(backend.url)
    yield note_store
    note_store.close()
