"""Rasa's socket.io channel, accepting only the board websites' origins, and
messages no longer than every channel's limit (channels/limits.py).

Rasa 3.6 makes its socket.io server accept every origin. Here the allowed
origins come from SEEN_WIDGET_ORIGINS (comma-separated, exact matches such as
https://www.derbyscp.org.uk); "*" is refused. Unset, only the local demo page
(http://localhost:8000 and http://127.0.0.1:8000) may connect.
"""

import os
from typing import Any, Awaitable, Callable, List

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from channels.limits import MAX_BODY_BYTES, limited

ORIGINS_VARIABLE = "SEEN_WIDGET_ORIGINS"
LOCAL_DEMO = ["http://localhost:8000", "http://127.0.0.1:8000"]


def allowed_origins() -> List[str]:
    text = os.environ.get(ORIGINS_VARIABLE, "").strip()
    origins = [o.strip().rstrip("/") for o in text.split(",") if o.strip()] if text else LOCAL_DEMO
    if "*" in origins:
        raise ValueError(f"{ORIGINS_VARIABLE} must list exact origins (https://www.example.org.uk), not '*'")
    return origins


class BoardSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(limited(on_new_message))
        # Engine.IO checks the Origin header of every polling request and websocket upgrade.
        self.sio.eio.cors_allowed_origins = allowed_origins()
        self.sio.eio.max_http_buffer_size = MAX_BODY_BYTES
        return webhook
