"""Security settings that Flask-Talisman and Flask leave to the app."""

import re
from typing import Dict, Iterable

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface
from werkzeug.exceptions import BadRequest

#: The largest request the app reads: a comment or a filter is far smaller.
MAX_REQUEST_BYTES = 256 * 1024
#: NUL and the other control characters (tab, newline and return are text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class ControlCharacters(BadRequest):
    description = ("That contained characters Seen cannot store (control characters such as NUL). "
                   "Remove them, or retype the text, and try again. Nothing was changed.")


def refuse_control_characters() -> None:
    """Before any view: a query or form value with a control character is
    refused with a clear page (PostgreSQL would fail on a NUL mid-save)."""
    if _has_control(request.args.values()) or (request.method == "POST" and _has_control(request.form.values())):
        raise ControlCharacters()


def _has_control(values: Iterable[str]) -> bool:
    return any(_CONTROL.search(value) for value in values)


def without_reserved(args: Dict[str, object]) -> Dict[str, object]:
    """Query arguments to build a link with: url_for reserves names that start
    with "_" (``_anchor``, ``_external``), so a visitor's ``?_anchor=x`` is dropped."""
    return {key: value for key, value in args.items() if not key.startswith("_")}

# Everything from our own origin; no inline script or style, no framing, forms post only here.
CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


class HttpsAwareSessions(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over HTTPS, whatever the settings say."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return bool(app.config["SESSION_COOKIE_SECURE"]) or request.is_secure
