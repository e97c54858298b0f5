"""A practitioner who types real details anyway: complete a reflection over
REST, confirm the note, and check that neither the stored note nor the export
holds any of those details."""

import json
import os
import subprocess

from seen import knowledge
from seen.notes import NoteStore
from tests.helpers.paths import ROOT
from tests.helpers.reflection import IDENTIFYING, SECRETS, walk

KB = knowledge.load()

def test_a_confirmed_note_is_stored_and_exported_without_identifying_details(chat, notes_url):
    result = walk(chat, "5 to 11", IDENTIFYING)
    note = next(t for t in result["said"] if t.startswith(KB.reflection.note.heading))
    assert not [s for s in SECRETS if s in note], note
    saved = chat("Save note")[0]["text"]
    reference = saved.split("reference is ")[1].split(":")[0]
    stored = NoteStore(notes_url).get(reference)
    assert stored and stored["area"] == "derby" and stored["age_band"] == "age_5_11"
    assert "[NAME]" in json.dumps(stored) and "[POSTCODE]" in json.dumps(stored)
    assert not [s for s in SECRETS if s in json.dumps(stored)]
    export = subprocess.run([str(ROOT / ".venv" / "bin" / "seen-notes"), "export"], capture_output=True, text=True,
                            env={**os.environ, "DATABASE_URL": notes_url}, check=True).stdout
    assert reference in export and not [s for s in SECRETS if s in export]


def test_declining_stores_nothing(chat, notes_url):
    before = len(list(NoteStore(notes_url).export()))
    walk(chat, "1 to 4", {})
    assert chat("Don't save")[0]["text"] == KB.reflection.note.not_saved
    assert len(list(NoteStore(notes_url).export())) == before
