"""A note is stored only as knowledge/ and the anonymiser make it: the draft
comes back in the conversation's state over the network, so a forged or
stale one never reaches the database as it was sent (issue 13)."""

import pytest

from seen import knowledge, note_draft
from seen.handover import NoteDraft

KB = knowledge.default()


def _draft(**changes) -> NoteDraft:
    values = dict(area="derby", role="teacher", age_band="age_5_11",
                  answers=[{"question": "daily_life", "label": "Daily life",
                            "text": "Always hungry at breakfast club."}],
                  prompts=[{"id": "cumulative_harm", "text": "anything", "sources": ["anything"]}],
                  flags=["no_chronology"])
    values.update(changes)
    return NoteDraft(**values)


def test_an_answer_with_a_name_and_phone_number_is_stored_anonymised():
    draft = _draft(answers=[{"question": "daily_life", "label": "Daily life",
                             "text": "Kayleigh Bannister, 07700 900461, comes in hungry"}])
    text = note_draft.checked(KB, draft).answers[0]["text"]
    assert "Kayleigh" not in text and "Bannister" not in text and "07700" not in text
    assert "hungry" in text


def test_labels_prompts_and_sources_come_from_knowledge_not_from_the_draft():
    checked = note_draft.checked(KB, _draft(answers=[{"question": "daily_life", "label": "forged",
                                                      "text": "cold house"}]))
    rule = next(r for r in KB.reflection.prompts if r.id == "cumulative_harm")
    assert checked.answers[0]["label"] == next(q.label for q in KB.reflection.questions if q.id == "daily_life")
    assert checked.prompts[0]["text"] == rule.text and checked.prompts[0]["sources"] != ["anything"]


def test_an_answer_longer_than_a_message_is_cut_to_the_limit():
    long = "the house is cold " * 1000
    checked = note_draft.checked(KB, _draft(answers=[{"question": "daily_life", "label": "x", "text": long}]))
    assert len(checked.answers[0]["text"]) <= KB.message_max_chars


@pytest.mark.parametrize("changes", [
    {"area": "atlantis"},
    {"role": "wizard"},
    {"age_band": "age_99"},
    {"answers": [{"question": "no_such_question", "label": "x", "text": "y"}]},
    {"answers": [{"question": "daily_life", "label": "x", "text": "a"},
                 {"question": "daily_life", "label": "x", "text": "b"}]},
    {"answers": [{"question": "daily_life", "label": "x", "text": 42}]},
    {"prompts": [{"id": "no_such_prompt", "text": "x", "sources": []}]},
    {"flags": ["no_such_flag"]},
])
def test_a_draft_that_names_what_seen_does_not_hold_is_refused(changes):
    with pytest.raises(ValueError):
        note_draft.checked(KB, _draft(**changes))
