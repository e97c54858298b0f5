"""The reflection's state survives the round trip through its Rasa slot, and a
slot that comes back empty, old or forged is read as it always was."""

import pytest

from seen import knowledge, reflection
from seen.reflection import Heard
from seen.reflection_state import ACTIVE, ReflectionState, from_slot, to_slot

KB = knowledge.default()


def test_a_reflection_comes_back_from_its_slot_as_it_went_in():
    turn = reflection.start(KB, None, None, Heard("hv here, 6 week old not gaining", "share_worry", 0.9))
    slot = to_slot(turn.state)
    assert slot["status"] == ACTIVE and slot["declinable"] is True
    assert from_slot(slot) == turn.state and to_slot(from_slot(slot)) == slot


@pytest.mark.parametrize("slot", [None, {}, [], ""])
def test_no_slot_is_no_reflection(slot):
    assert from_slot(slot) is None and to_slot(None) is None


def test_a_slot_written_before_a_field_existed_reads_it_as_its_default():
    state = from_slot({"status": "paused", "current": "history", "answers": {}, "order": []})
    assert state == ReflectionState("paused", "history")


def test_fields_seen_does_not_keep_are_dropped():
    assert to_slot(from_slot({"status": "done", "sender": "someone"})) == to_slot(ReflectionState("done"))


@pytest.mark.parametrize("slot", [{"current": "role"}, ["status"], "status", 7])
def test_a_slot_that_holds_no_reflection_is_refused(slot):
    with pytest.raises(ValueError):
        from_slot(slot)
