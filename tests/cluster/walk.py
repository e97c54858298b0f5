"""A reflection over the cluster's REST channel, answered as tests/helpers/reflection.py
answers it, one message at a time."""

from typing import List

from tests.helpers.cluster import send
from tests.helpers.reflection import KB, ORDINARY, question_asked

OPENER = "I'm worried about a child"
AGE_BAND = "5 to 11"


def reply_to(messages: List[dict]) -> str:
    """What a practitioner answers to the question just asked."""
    question = question_asked(messages)
    if question == "area":
        return next(b["payload"] for b in messages[-1]["buttons"] if b["title"] == "Derby")
    return AGE_BAND if question == "age_band" else ORDINARY[question]


def summary_of(messages: List[dict]) -> str:
    return next((m["text"] for m in messages if m.get("text", "").startswith(KB.reflection.summary.heading)), "")


def answer_to_the_end(sender: str, messages: List[dict]) -> str:
    """Answer until the summary; return it."""
    for _ in range(len(KB.reflection.questions) + 1):
        messages = send(sender, reply_to(messages))
        if summary_of(messages):
            return summary_of(messages)
    raise AssertionError("no summary")
