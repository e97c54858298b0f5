"""What Redis holds of a conversation (bot/stores/kept.py): after a whole
reflection, what the NLU made of each message but no text typed; after the
note is saved, none of the answers either. Once Redis has expired an idle
conversation, its practitioner is told it ended."""

import json
import uuid
from typing import List

import redis

from tests.cluster.walk import OPENER, reply_to, summary_of
from tests.helpers.cluster import Cluster, send
from tests.helpers.reflection import IDENTIFYING, KB, SECRETS, question_asked


def test_redis_keeps_no_message_text_and_after_saving_no_answer(cluster: Cluster):
    sender = f"kept-{uuid.uuid4()}"
    messages, typed = send(sender, OPENER), [OPENER]
    while not summary_of(messages):
        answer = IDENTIFYING.get(question_asked(messages)) or reply_to(messages)
        typed.append(answer)
        messages = send(sender, answer)
    events = _events(cluster, sender)
    payloads = {b["payload"] for e in events if e["event"] == "bot" for b in (e.get("data") or {}).get("buttons") or []}
    users = [e for e in events if e["event"] == "user"]
    assert len(users) == len(typed) and all(e["parse_data"]["intent"]["name"] for e in users)
    assert all(e["text"] in payloads | {None} and e["parse_data"]["text"] == e["text"] for e in users)
    shown = [e["text"] or "" for e in events if e["event"] == "bot"]
    assert not [text for text in shown if KB.reflection.note.heading in text], "the draft note was kept"

    assert "Your reference is" in send(sender, KB.reflection.note.buttons.save)[0]["text"]
    stored = json.dumps(_events(cluster, sender))
    left = [text for text in typed if len(text) > 12 and text in stored] + [s for s in SECRETS if s in stored]
    assert not left, f"Redis still holds: {left}"


def _events(cluster: Cluster, sender: str) -> List[dict]:
    return json.loads(redis.Redis(port=cluster.redis.port).get(f"seen:tracker:{sender}"))["events"]


def test_a_practitioner_back_after_the_idle_time_is_told_the_conversation_ended(cluster: Cluster):
    sender = f"idle-{uuid.uuid4()}"
    question_asked(send(sender, OPENER))
    redis.Redis(port=cluster.redis.port).delete(f"seen:tracker:{sender}")  # what Redis does after 120 minutes idle
    messages = send(sender, "sorry, got called away. she's still coming in hungry")
    said = "\n".join(m.get("text", "") for m in messages)
    assert said.splitlines()[0] == KB.messages.call_999
    assert KB.messages.conversation_expired.format(idle="2 hours").strip().splitlines()[1] in said
    question_asked(messages)  # and a new reflection starts with what was just said
