"""A message over the length limit, on either channel, gets a clear reply and
leaves the conversation where it was; a body far over it is refused by the
server before any of it is read as a message."""

import asyncio
import uuid

import requests

from channels.limits import MAX_BODY_BYTES
from seen import knowledge
from tests.helpers.bot import RASA_PORT, send
from tests.helpers.socket_tab import SocketTab

KB = knowledge.load()
TOO_LONG = "the house was cold and there was no food " * (KB.message_max_chars // 40 + 1)


def texts(messages):
    return [m.get("text", "") for m in messages]


def test_a_too_long_answer_mid_reflection_loses_nothing(chat, servers):
    opening, answer = "I'm worried about a boy in year 4, he's always hungry", "health visitor"
    reference = f"test-{uuid.uuid4()}"
    send(reference, opening)
    expected = texts(send(reference, answer))

    chat(opening)
    refused = texts(chat(TOO_LONG))
    assert refused[0].startswith(KB.messages.call_999) and f"{KB.message_max_chars:,} characters" in refused[0]
    assert texts(chat(answer)) == expected


def test_a_body_far_over_the_limit_is_refused_by_the_server(servers):
    response = requests.post(f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook",
                             json={"sender": "big", "message": "x" * (MAX_BODY_BYTES + 1)}, timeout=30)
    assert response.status_code == 413


def test_the_socketio_channel_refuses_a_too_long_message_and_answers_the_next(servers):
    async def converse():
        tab = SocketTab()
        try:
            await tab.open()
            return await tab.say(TOO_LONG), await tab.say("hello")
        finally:
            await tab.close()

    refused, answered = asyncio.run(converse())
    assert f"{KB.message_max_chars:,} characters" in refused
    assert KB.messages.call_999 in answered and "characters" not in answered
