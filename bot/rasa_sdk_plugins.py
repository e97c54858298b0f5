"""The action server is private: rasa-sdk's plugin hook (it imports this module
by name) adds to its Sanic app a check that every request but /health carries
the secret the Rasa server sends, an error handler that never echoes a
request, and the logs' backstop (seen/log_privacy.py). As soon as it is
serving, it builds in a thread what the actions need (seen/warm_up.py),
while the Rasa server is still loading its model.

rasa-sdk 3.6 has no authentication of its own, listens on every interface
unless SANIC_HOST says otherwise (the Procfile says 127.0.0.1), and its own
error handler puts the whole request, the tracker with every message the
practitioner wrote, into the response, which Rasa then logs.
"""

import hmac
import logging
import os

import pluggy
from sanic import Sanic, response
from sanic.request import Request

from seen import log_privacy, warm_up

#: The header Rasa sends the secret in (bot/endpoints.yml) and the variable both read it from.
TOKEN_HEADER = "X-Seen-Action-Token"
TOKEN_VARIABLE = "SEEN_ACTION_TOKEN"
#: Reachable without the secret: says only that the server is up.
OPEN_PATHS = ("/health",)

hookimpl = pluggy.HookimplMarker("rasa_sdk")
log = logging.getLogger(__name__)


def init_hooks(manager: pluggy.PluginManager) -> None:
    manager.register(PrivateActionServer())


class PrivateActionServer:
    @hookimpl
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        secret = os.environ.get(TOKEN_VARIABLE, "")
        if len(secret) < 16:
            raise SystemExit(f"{TOKEN_VARIABLE} must be set to a secret of 16 characters or more, "
                             "the same for the Rasa server and the action server (make run sets one)")

        async def require_secret(request: Request):
            if request.path in OPEN_PATHS:
                return None
            if not hmac.compare_digest(request.headers.get(TOKEN_HEADER, ""), secret):
                return response.json({"error": "unauthorised"}, status=401)
            return None

        async def without_the_request(request: Request, exception: Exception):
            log.error("action server error %s at %s", type(exception).__name__, log_privacy.where(exception))
            return response.json({"error": "the action failed"}, status=500)

        async def start_warming_up(_app: Sanic, _loop) -> None:
            warm_up.start()

        app.register_middleware(require_secret, "request")
        app.register_listener(start_warming_up, "after_server_start")
        app.error_handler.add(Exception, without_the_request)
        log_privacy.install()
