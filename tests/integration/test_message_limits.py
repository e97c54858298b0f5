"""A message over the length limit, on either channel, gets a clear reply and
leaves the conversation where it was; a body far over it is refused by the
server before any of it is read as a message."""

import asyncio
import uuid

import requests

from seen import knowledge
from tests.integration.conftest import MAX_BODY_BYTES, RASA_PORT, _send

KB = knowledge.load()
TOO_LONG = "the house was cold and there was no food " * (KB.message_max_chars // 40 + 1)


def texts(messages):
    return [m.get("text", "") for m in messages]


def test_a_too_long_answer_mid_reflection_loses_nothing(chat, servers):
    opening, answer = "I'm worried about a boy in year 4, he's always hungry", "health visitor"
    reference = f"test-{uuid.uuid4()}"
    _send(reference, opening)
    expected = texts(_send(reference, answer))

    chat(opening)
    refused = texts(chat(TOO_LONG))
    assert refused[0].startswith(KB.messages.call_999) and f"{KB.message_max_chars:,} characters" in refused[0]
    assert texts(chat(answer)) == expected


def test_a_body_far_over_the_limit_is_refused_by_the_server(servers):
    response = requests.post(f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook",
                             json={"sender": "big", "message": "x" * (MAX_BODY_BYTES + 1)}, timeout=30)
    assert response.status_code == 413


def test_the_socketio_channel_refuses_a_too_long_message_and_answers_the_next(servers):
    import socketio

    async def converse():
        client = socketio.AsyncClient()
        confirmed, replies = asyncio.Queue(), asyncio.Queue()
        client.on("session_confirm", lambda session_id: confirmed.put_nowait(session_id))
        client.on("bot_uttered", lambda data: replies.put_nowait(data))
        await client.connect(f"http://127.0.0.1:{RASA_PORT}", transports=["websocket"], socketio_path="/socket.io")
        try:
            await client.emit("session_request", {"session_id": None})
            session_id = await asyncio.wait_for(confirmed.get(), timeout=30)
            await client.emit("user_uttered", {"message": TOO_LONG, "session_id": session_id})
            refused = await asyncio.wait_for(replies.get(), timeout=30)
            await client.emit("user_uttered", {"message": "hello", "session_id": session_id})
            answered = await asyncio.wait_for(replies.get(), timeout=30)
            return refused, answered
        finally:
            await client.disconnect()

    refused, answered = asyncio.run(converse())
    assert f"{KB.message_max_chars:,} characters" in refused["text"]
    assert KB.messages.call_999 in answered["text"] and "characters" not in answered["text"]
