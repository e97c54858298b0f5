"""One browser tab talking to the test bot over socket.io, as the widget does:
its session, and the bot's messages to it."""

import asyncio
from typing import Any, Optional

import socketio

from tests.helpers.bot import RASA_PORT


class SocketTab:
    """Like the widget, it asks for its session again whenever it reconnects
    (after a server restart, on whichever server it reaches)."""

    def __init__(self, port: int = RASA_PORT) -> None:
        self.sio = socketio.AsyncClient()
        self.port = port
        self.confirmed: asyncio.Queue = asyncio.Queue()
        self.replies: asyncio.Queue = asyncio.Queue()
        self.session: Optional[str] = None
        self.sio.on("session_confirm", lambda session_id: self.confirmed.put_nowait(session_id))
        self.sio.on("bot_uttered", lambda data: self.replies.put_nowait(data))
        self.sio.on("connect", self._ask_for_session)

    async def _ask_for_session(self) -> None:
        await self.sio.emit("session_request", {"session_id": self.session})

    async def open(self, requested: Optional[str] = None) -> str:
        self.session = requested
        await self.sio.connect(f"http://127.0.0.1:{self.port}", transports=["websocket"], socketio_path="/socket.io")
        self.session = await asyncio.wait_for(self.confirmed.get(), timeout=30)
        return self.session

    async def reconnected(self) -> str:
        """The session confirmed again after a reconnection."""
        return await asyncio.wait_for(self.confirmed.get(), timeout=60)

    async def send(self, payload: Any) -> None:
        """Emit anything as a user message, well formed or not."""
        await self.sio.emit("user_uttered", payload)

    async def say(self, text: str, session_id: Optional[str] = None) -> str:
        """Send a message and return the first thing the bot says back; the
        rest of that turn is read and dropped."""
        await self.send({"message": text, "session_id": session_id or self.session})
        first = await self.next_reply()
        await asyncio.sleep(1)
        self.drop_replies()
        return first

    async def next_reply(self) -> str:
        return (await asyncio.wait_for(self.replies.get(), timeout=30))["text"]

    def drop_replies(self) -> None:
        while not self.replies.empty():
            self.replies.get_nowait()

    async def close(self) -> None:
        await self.sio.disconnect()
