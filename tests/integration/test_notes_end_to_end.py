"""A practitioner who types real details anyway: complete a reflection over
REST, confirm the note, and check that neither the stored note nor the export
holds any of those details; and one whose note holds a word the anonymiser is
not sure of ("Storm"), asked about before the note is saved, or one it took
out in doubt ("Bill came through"), put back on a "no" (issue 14)."""

import json
import os
import subprocess

from seen import knowledge
from seen.notes import NoteStore
from tests.helpers.paths import ROOT
from tests.helpers.reflection import A_PLACE, IDENTIFYING, NOT_A_NAME, SECRETS, UNSURE, walk

KB = knowledge.load()
WORDS = KB.reflection.note

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


def _reference(saved: str) -> str:
    return saved.split("reference is ")[1].split(":")[0]


def test_a_word_the_anonymiser_is_unsure_of_is_asked_about_and_yes_removes_it_everywhere(chat, notes_url):
    result = walk(chat, "5 to 11", UNSURE)
    asked = result["last"][-1]
    assert asked["text"] == WORDS.is_it_a_name.format(word="Storm", placeholder="[NAME]"), asked["text"]
    buttons = {b["title"]: b["payload"] for b in asked.get("buttons") or []}
    assert list(buttons) == [WORDS.buttons.name_yes, WORDS.buttons.name_no]
    said = [m.get("text", "") for m in chat(buttons[WORDS.buttons.name_yes])]
    note = next(t for t in said if t.startswith(WORDS.heading))
    assert "storm" not in note.lower() and "helps out with [NAME]" in note, note
    assert said[-1] == WORDS.ask
    stored = NoteStore(notes_url).get(_reference(chat("Save note")[0]["text"]))
    assert stored and "storm" not in json.dumps(stored).lower()


def test_no_keeps_the_word_and_it_is_stored_as_written(chat, notes_url):
    walk(chat, "5 to 11", UNSURE)
    said = [m.get("text", "") for m in chat(WORDS.buttons.name_no)]
    assert said[0] == WORDS.name_kept.format(word="Storm") and said[-1] == WORDS.ask
    stored = NoteStore(notes_url).get(_reference(chat("Save note")[0]["text"]))
    assert "Storm was born at 34 weeks" in json.dumps(stored)


def test_a_typed_yes_removes_the_word(chat, notes_url):
    walk(chat, "5 to 11", UNSURE)
    said = [m.get("text", "") for m in chat("yes")]
    assert said[0] == WORDS.name_removed.format(word="Storm", placeholder="[NAME]"), said
    stored = NoteStore(notes_url).get(_reference(chat("Save note")[0]["text"]))
    assert "storm" not in json.dumps(stored).lower()


def test_an_unclear_answer_removes_the_word_says_so_and_keeps_the_note(chat, notes_url):
    walk(chat, "5 to 11", UNSURE)
    said = [m.get("text", "") for m in chat("hmm what do you mean")]
    assert said[0] == WORDS.name_unclear.format(word="Storm", placeholder="[NAME]"), said
    assert said[-1] == WORDS.ask
    stored = NoteStore(notes_url).get(_reference(chat("Save note")[0]["text"]))
    assert stored and "storm" not in json.dumps(stored).lower()


def test_a_word_taken_out_in_doubt_is_asked_about_and_no_puts_it_back_in_the_stored_note(chat, notes_url):
    result = walk(chat, "5 to 11", NOT_A_NAME)
    note = next(t for t in result["said"] if t.startswith(WORDS.heading))
    assert "[NAME] came through" in note, note
    asked = result["last"][-1]
    assert asked["text"] == WORDS.is_it_a_name_removed.format(word="Bill", placeholder="[NAME]"), asked["text"]
    said = [m.get("text", "") for m in chat(WORDS.buttons.name_no)]
    assert said[0] == WORDS.name_restored.format(word="Bill") and said[-1] == WORDS.ask
    assert "Bill came through" in next(t for t in said if t.startswith(WORDS.heading))
    stored = NoteStore(notes_url).get(_reference(chat("Save note")[0]["text"]))
    assert "Bill came through from the council" in json.dumps(stored)


def test_a_word_taken_out_in_doubt_stays_out_on_yes(chat, notes_url):
    walk(chat, "5 to 11", NOT_A_NAME)
    said = [m.get("text", "") for m in chat(WORDS.buttons.name_yes)]
    assert said[0] == WORDS.name_removed.format(word="Bill", placeholder="[NAME]"), said
    stored = NoteStore(notes_url).get(_reference(chat("Save note")[0]["text"]))
    assert "Bill" not in json.dumps(stored) and "[NAME] came through" in json.dumps(stored)


def test_a_places_name_left_in_is_asked_about_and_yes_stores_it_as_a_place(chat, notes_url):
    asked = walk(chat, "5 to 11", A_PLACE)["last"][-1]
    assert asked["text"] == WORDS.is_it_a_place.format(word="Arndale Centre", placeholder="[PLACE]"), asked["text"]
    buttons = {b["title"]: b["payload"] for b in asked.get("buttons") or []}
    said = [m.get("text", "") for m in chat(buttons[WORDS.buttons.name_yes])]
    note = next(t for t in said if t.startswith(WORDS.heading))
    assert "arndale" not in note.lower() and note.count("[PLACE]") == 2, note
    stored = NoteStore(notes_url).get(_reference(chat("Save note")[0]["text"]))
    assert stored and "arndale" not in json.dumps(stored).lower()
