"""A conversation over socket.io belongs to the browser tab that started it
(issue 13): the server mints the session id, a client cannot choose one, and
a message cannot name another session to write into."""

import asyncio

import socketio

from seen import knowledge
from tests.integration.conftest import RASA_PORT

KB = knowledge.load()
WORRY = "I'm worried about a boy in year 4, he's always hungry"


class Client:
    """One browser tab's socket: its session and the bot's messages to it."""

    def __init__(self):
        self.sio = socketio.AsyncClient()
        self.confirmed, self.replies = asyncio.Queue(), asyncio.Queue()
        self.sio.on("session_confirm", lambda session_id: self.confirmed.put_nowait(session_id))
        self.sio.on("bot_uttered", lambda data: self.replies.put_nowait(data))

    async def open(self, requested=None) -> str:
        await self.sio.connect(f"http://127.0.0.1:{RASA_PORT}", transports=["websocket"], socketio_path="/socket.io")
        await self.sio.emit("session_request", {"session_id": requested})
        self.session = await asyncio.wait_for(self.confirmed.get(), timeout=30)
        return self.session

    async def say(self, text: str, session_id=None) -> str:
        await self.sio.emit("user_uttered", {"message": text, "session_id": session_id or self.session})
        first = await asyncio.wait_for(self.replies.get(), timeout=30)
        await asyncio.sleep(1)  # the rest of the turn
        while not self.replies.empty():
            self.replies.get_nowait()
        return first["text"]

    async def close(self):
        await self.sio.disconnect()


def test_a_client_cannot_choose_its_session_id(servers):
    async def scenario():
        client = Client()
        try:
            return await client.open(requested="chosen-by-the-client")
        finally:
            await client.close()

    assert asyncio.run(scenario()) != "chosen-by-the-client"


def test_a_message_naming_another_session_stays_in_its_own(servers):
    async def scenario():
        owner, intruder = Client(), Client()
        try:
            await owner.open()
            await intruder.open()
            first_question = await owner.say(WORRY)
            await intruder.say("hello", session_id=owner.session)
            await asyncio.sleep(1)
            owner_heard_nothing = owner.replies.empty()
            return first_question, owner_heard_nothing
        finally:
            await owner.close()
            await intruder.close()

    _, owner_heard_nothing = asyncio.run(scenario())
    assert owner_heard_nothing


def test_a_reloaded_tab_gets_its_own_conversation_back(servers):
    async def scenario():
        first, again = Client(), Client()
        try:
            session = await first.open()
            await first.say(WORRY)
            await first.close()
            return session, await again.open(requested=session)
        finally:
            await again.close()

    session, resumed = asyncio.run(scenario())
    assert resumed == session
