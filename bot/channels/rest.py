"""Rasa's REST channel, for development and tests only.

Its caller names the conversation (``sender``), so anyone who can reach it can
write into any conversation whose id they know. It is open only when SEEN_ENV
is development (make run) or test; anywhere else, production included, it has
no routes. With every channel's message length limit.
"""

import os
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint

from channels.limits import limited


class LimitedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        if not rest_open():
            return Blueprint("rest_closed", url_prefix="/webhooks/rest")
        return super().blueprint(limited(on_new_message))


def rest_open() -> bool:
    return os.environ.get("SEEN_ENV") in ("development", "test")
