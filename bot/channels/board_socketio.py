"""Rasa's socket.io channel, accepting only the board websites' origins,
messages no longer than every channel's limit (channels/limits.py), and
conversations that belong to the browser tab that started them.

Rasa 3.6 makes its socket.io server accept every origin. Here the allowed
origins come from SEEN_WIDGET_ORIGINS (comma-separated, exact matches such as
https://www.derbyscp.org.uk); "*", an empty list or anything that is not an
origin refuses to start. Unset, only the local demo page
(http://localhost:8000 and http://127.0.0.1:8000) may connect.

Rasa 3.6 also lets the client choose its session id, and takes the session
of every message from the message itself, so anyone who knew an id could
write into that conversation. Here the server mints each id, signed with
SEEN_SESSION_KEY (or a key made at start), honours a requested id only if it
carries a valid signature (a reload of the same tab), and files every
message under the session of the socket it arrived on.

The widget keeps nothing of the conversation in the browser but that id: after
a reload it asks for the conversation again ("history_request") and gets the
messages of its own session only, from Rasa's tracker store, which keeps none
of the practitioner's words (stores/kept.py).
"""

import hashlib
import hmac
import json
import logging
import os
import re
import secrets
from typing import Any, Awaitable, Callable, Dict, List, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from channels.limits import MAX_BODY_BYTES, client_address, limited
from seen import knowledge
from seen.guesses import CLIENT_KEY
from stores.kept import QUOTES_PRACTITIONER

ORIGINS_VARIABLE = "SEEN_WIDGET_ORIGINS"
SESSION_KEY_VARIABLE = "SEEN_SESSION_KEY"
LOCAL_DEMO = ["http://localhost:8000", "http://127.0.0.1:8000"]
_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:\d{1,5})?")

log = logging.getLogger(__name__)


def allowed_origins() -> List[str]:
    text = os.environ.get(ORIGINS_VARIABLE)
    if text is None or not text.strip():
        return LOCAL_DEMO
    origins = [o.strip().rstrip("/") for o in text.split(",") if o.strip()]
    if "*" in origins:
        raise ValueError(f"{ORIGINS_VARIABLE} must list exact origins (https://www.example.org.uk), not '*'")
    if not origins or not all(_ORIGIN.fullmatch(o) for o in origins):
        raise ValueError(f"{ORIGINS_VARIABLE}={text!r} lists no origins like https://www.example.org.uk: "
                         "an empty or malformed list would let every website in")
    return origins


class SessionIds:
    """Session ids the server mints: a random part and its signature."""

    def __init__(self, key: Optional[bytes] = None) -> None:
        configured = os.environ.get(SESSION_KEY_VARIABLE, "").encode()
        self._key = key or configured or secrets.token_bytes(32)

    def mint(self) -> str:
        token = secrets.token_hex(16)
        return f"{token}.{self._sign(token)}"

    def valid(self, session_id: Any) -> bool:
        if not isinstance(session_id, str) or session_id.count(".") != 1 or len(session_id) > 100:
            return False
        token, signature = session_id.split(".")
        return hmac.compare_digest(signature, self._sign(token))

    def _sign(self, token: str) -> str:
        return hmac.new(self._key, token.encode(), hashlib.sha256).hexdigest()[:32]


class BoardSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handle = limited(on_new_message)
        webhook = super().blueprint(handle)
        # Engine.IO checks the Origin header of every polling request and websocket upgrade.
        self.sio.eio.cors_allowed_origins = allowed_origins()
        self.sio.eio.max_http_buffer_size = MAX_BODY_BYTES
        ids, sessions = SessionIds(), {}  # socket id -> the session it was given
        sio = self.sio

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            requested = data.get("session_id") if isinstance(data, dict) else None
            session_id = requested if ids.valid(requested) else ids.mint()
            sessions[sid] = session_id
            if self.session_persistence:
                sio.enter_room(sid, session_id)
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on("history_request", namespace=self.namespace)
        async def history_request(sid: str, _data: Any = None) -> None:
            session_id = sessions.get(sid)
            agent = (sio.get_environ(sid, namespace=self.namespace)["sanic.request"].app.ctx.agent
                     if session_id else None)
            tracker = await agent.tracker_store.retrieve(session_id) if agent else None
            await sio.emit("history", transcript(tracker.events if tracker else []), room=sid)

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str) -> None:
            sessions.pop(sid, None)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            session_id = sessions.get(sid)
            text = data.get("message") if isinstance(data, dict) else None
            if session_id is None or not isinstance(text, str):
                log.warning("a socket.io message without a session or text was ignored")
                return
            request = (sio.get_environ(sid, namespace=self.namespace) or {}).get("sanic.request")
            metadata = {**_metadata(data.get(self.metadata_key)), CLIENT_KEY: client_address(request)}
            await handle(UserMessage(text, SocketIOOutput(sio, self.bot_message_evt), session_id,
                                     input_channel=self.name(), metadata=metadata))

        return webhook


#: The most messages sent back to a reloaded tab, as the widget keeps on screen.
HISTORY_MESSAGES = 200


def transcript(events: Any) -> List[Dict[str, Any]]:
    """The conversation as the widget shows it: what was said, in order, each
    button press shown as the button's title, not its payload. Words the
    tracker store does not keep (stores/kept.py) are shown as not kept."""
    said: List[Dict[str, Any]] = []
    buttons: Dict[str, str] = {}
    messages = knowledge.default().messages
    for event in events:
        kind = getattr(event, "type_name", None)
        if kind == "bot" and (event.text or (event.metadata or {}).get(QUOTES_PRACTITIONER)):
            offered = [b for b in (event.data or {}).get("buttons") or [] if isinstance(b, dict)]
            buttons = {b.get("payload"): b.get("title") for b in offered}
            said.append({"from": "bot", "text": event.text or messages.not_kept_quote,
                         "replies": [{"title": b.get("title"), "payload": b.get("payload")} for b in offered]})
        elif kind == "user":
            shown = buttons.get(event.text, event.text) if event.text else messages.not_kept_yours
            said.append({"from": "user", "text": shown})
    return said[-HISTORY_MESSAGES:]


def _metadata(value: Any) -> Dict[str, Any]:
    """The message's metadata as a mapping, or none: never an error."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}
