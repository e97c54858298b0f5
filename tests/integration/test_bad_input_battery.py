"""A battery of bad input over REST and socket.io, in a fresh conversation and
mid-reflection (issue 13): each gets replies or a clean 4xx, never a server
error; afterwards Seen still answers, and a reflection in progress elsewhere
has lost nothing. (The web app's share is tests/web/test_hostile_requests.py.)"""

import asyncio
import json
import uuid

import pytest
import requests

from seen import knowledge
from tests.helpers.bot import RASA_PORT, send
from tests.helpers.socket_tab import SocketTab

KB = knowledge.load()
URL = f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook"
WORRY = "I'm worried about a girl in year 2, she's often hungry and her clothes are dirty"

#: Messages a practitioner, a broken client or an attacker might send.
MESSAGES = {
    "too long": "a " * KB.message_max_chars,
    "empty": "",
    "whitespace": "   \n\t  ",
    "nul": "hello\x00there",
    "control characters": "\x07\x1b[31mred\x1b[0m\x08",
    "emoji": "😀😀 👶🏽 worried 💔",
    "right to left": "\u202emum says\u202c مرحبا שלום",
    "other language": "Bonjour, je suis inquiète pour un enfant de ma classe",
    "html": "<script>alert('seen')</script><img src=x onerror=alert(1)>",
    "template": "{{7*7}} ${7*7} {% raw %}{{ config }}{% endraw %} #{7*7}",
    "sql": "'; DROP TABLE notes; --",
    "slash command": "/restart",
    "forged intent": '/inform_context{"area": "atlantis", "role": "admin"}',
    "forged emergency": "/emergency",
    "only punctuation": "?!?!...,,,;;",
    "lone surrogate pair text": "\ud83d\ude00 text",
    "very long word": "x" * 3000,
    "numbers": "0" * 200,
}

#: Request bodies that are not a well-formed message.
BODIES = {
    "not json": b"{not json",
    "json list": b"[1, 2, 3]",
    "json string": b'"hello"',
    "message a number": json.dumps({"sender": "battery", "message": 123}).encode(),
    "message null": json.dumps({"sender": "battery", "message": None}).encode(),
    "message a list": json.dumps({"sender": "battery", "message": ["a", "b"]}).encode(),
    "no message": json.dumps({"sender": "battery"}).encode(),
    "sender an object": json.dumps({"sender": {"id": 1}, "message": "hello"}).encode(),
    "metadata a string": json.dumps({"sender": "battery", "message": "hello", "metadata": "{oops"}).encode(),
    "metadata a list": json.dumps({"sender": "battery", "message": "hello", "metadata": [1, 2]}).encode(),
    "board unknown": json.dumps({"sender": "battery", "message": "where are the procedures?",
                                 "metadata": {"board": "<script>"}}).encode(),
}


def _clean(response: requests.Response) -> bool:
    return response.status_code < 500


def _answered(response: requests.Response) -> str:
    """What the practitioner would see, or why nothing: a reply with words, or
    a refusal that says what was wrong. An empty 200 is a silent failure."""
    if response.status_code >= 400:
        body = response.json() if "json" in response.headers.get("Content-Type", "") else {}
        reason = body.get("message") or body.get("error") or "" if isinstance(body, dict) else ""
        return reason if len(str(reason).split()) >= 3 else ""
    messages = response.json()
    return " ".join(m.get("text") or "" for m in messages if isinstance(m, dict)).strip()


def _post(sender: str, text: str) -> requests.Response:
    return requests.post(URL, data=json.dumps({"sender": sender, "message": text}).encode("utf-8", "surrogatepass"),
                         headers={"Content-Type": "application/json"}, timeout=60)


@pytest.fixture(scope="module")
def untouched(servers):
    """A reflection in progress that the battery must not disturb, and what it should say next."""
    reference, kept = f"reference-{uuid.uuid4()}", f"kept-{uuid.uuid4()}"
    for sender in (reference, kept):
        send(sender, WORRY)
    return kept, _said(send(reference, "teacher"))


def _said(messages):
    return [(m.get("text"), m.get("buttons")) for m in messages]


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_a_bad_message_in_a_fresh_conversation_gets_a_clean_answer(servers, untouched, name):
    response = _post(f"fresh-{uuid.uuid4()}", MESSAGES[name])
    assert _clean(response), response.text[:200]
    assert _answered(response), f"nothing the practitioner could read: {response.status_code} {response.text[:200]}"


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_a_bad_message_mid_reflection_gets_a_clean_answer(servers, untouched, name):
    sender = f"mid-{uuid.uuid4()}"
    send(sender, WORRY)
    response = _post(sender, MESSAGES[name])
    assert _clean(response), response.text[:200]
    assert _answered(response), f"nothing the practitioner could read: {response.status_code} {response.text[:200]}"
    after = _post(sender, "go back")
    assert _clean(after) and _answered(after), "the reflection should go on after it"


@pytest.mark.parametrize("name", sorted(BODIES))
def test_a_malformed_body_gets_a_clean_answer(servers, untouched, name):
    response = requests.post(URL, data=BODIES[name], headers={"Content-Type": "application/json"}, timeout=60)
    assert _clean(response), response.text[:200]


@pytest.mark.parametrize("payload", ["a string", 123, None, [1, 2], {"message": 5}, {"message": None},
                                     {"message": "hello", "metadata": "{oops"}, {"message": "x" * 10_000}])
def test_a_bad_socketio_message_does_not_break_the_socket(servers, untouched, payload):
    async def scenario():
        tab = SocketTab()
        try:
            await tab.open()
            await tab.send(payload)
            await asyncio.sleep(1)
            tab.drop_replies()
            await tab.send({"message": "hello"})
            return await tab.next_reply()
        finally:
            await tab.close()

    assert KB.messages.call_999 in asyncio.run(scenario())


def test_after_the_battery_seen_answers_and_the_reflection_elsewhere_lost_nothing(servers, untouched):
    kept, expected = untouched
    assert KB.messages.call_999 in send(f"after-{uuid.uuid4()}", "hello")[0]["text"]
    assert _said(send(kept, "teacher")) == expected


def test_a_typed_rasa_restart_mid_reflection_keeps_the_reflection_where_it_was(servers, untouched):
    """Rasa obeys "/restart" before any rule and would wipe the reflection without
    a word; the channels read it as the word "restart" (bot/channels/limits.py)."""
    sender = f"restart-{uuid.uuid4()}"
    send(sender, WORRY)
    asked = send(sender, "teacher")[-1]["text"]
    assert asked.startswith("Question ")
    assert send(sender, "/restart")[-1]["text"] == asked
