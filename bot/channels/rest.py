"""Rasa's REST channel, for development and tests only.

Its caller names the conversation (``sender``), so anyone who can reach it can
write into any conversation whose id they know. It is open only when SEEN_ENV
is development (make run) or test; anywhere else, production included, it has
no routes. With every channel's message length limit, and a clean 400 for a
body that is not {"sender": "...", "message": "..."} (Rasa 3.6 gives a 500).
"""

import os
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from channels.limits import client_address, limited
from seen.guesses import CLIENT_KEY

#: The longest conversation id a caller may give.
MAX_SENDER_CHARS = 128


class LimitedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        if not rest_open():
            return Blueprint("rest_closed", url_prefix="/webhooks/rest")
        return super().blueprint(limited(on_new_message))

    async def _extract_sender(self, req: Request) -> Optional[str]:
        sender = _body(req).get("sender")
        if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
            raise InvalidUsage(f"'sender' must be a text of 1 to {MAX_SENDER_CHARS} characters")
        return sender

    def _extract_message(self, req: Request) -> Optional[str]:
        message = _body(req).get("message")
        if not isinstance(message, str):
            raise InvalidUsage("'message' must be a text")
        return message

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()  # not the caller's to choose

    def get_metadata(self, request: Request) -> Dict[str, Any]:
        return {CLIENT_KEY: client_address(request)}  # not the caller's to choose either


def _body(req: Request) -> Dict[str, Any]:
    body = req.json
    if not isinstance(body, dict):
        raise InvalidUsage('the body must be a JSON object: {"sender": "...", "message": "..."}')
    return body


def rest_open() -> bool:
    return os.environ.get("SEEN_ENV") in ("development", "test")
