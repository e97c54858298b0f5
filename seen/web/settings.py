"""The web app's settings, from the environment.

SEEN_SECRET_KEY is required. Only SEEN_ENV=development (what `make run` sets
for a laptop) may leave it out: then a random key is made at start-up, so no
known key ever signs a session and restarting signs everyone out. Outside
development SEEN_HTTPS=1 is required too (Secure cookies, HSTS), unless
SEEN_INSECURE_HTTP=1 says the app is in a lab.
"""

import os
import secrets
from datetime import timedelta
from typing import Dict

from seen.db import database_url

# What every app starts from; the environment (or a test's config) is laid over it.
DEFAULTS: Dict[str, object] = {
    "PERMANENT_SESSION_LIFETIME": timedelta(minutes=30),
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_SECURE": False,
    "FORCE_HTTPS": False,
    "BEHIND_PROXY": False,
    "RATELIMIT_STORAGE_URI": "memory://",
    "LOGIN_RATE_LIMIT": "10 per minute",
    "WARM_UP": True,  # load the comment anonymiser at start-up rather than on the first comment
    # The Rasa server the widget talks to: the widget page's CSP allows it, the demo page points at it.
    "BOT_URL": "http://localhost:5005",
}


class SettingsError(RuntimeError):
    """A setting is missing or wrong; the message names it."""


def from_environment() -> Dict[str, object]:
    development = os.environ.get("SEEN_ENV", "").strip().lower() == "development"
    secret = os.environ.get("SEEN_SECRET_KEY", "").strip()
    if not secret and not development:
        raise SettingsError(
            "SEEN_SECRET_KEY is not set: set it to a long random value "
            "(python -c 'import secrets; print(secrets.token_hex(32))'), or SEEN_ENV=development on a laptop"
        )
    https = _flag("SEEN_HTTPS")
    if not https and not development and not _flag("SEEN_INSECURE_HTTP"):
        raise SettingsError(
            "SEEN_HTTPS is not set: outside development Seen serves only over HTTPS (Secure cookies, HSTS). "
            "Set SEEN_HTTPS=1 (and SEEN_BEHIND_PROXY=1 behind a TLS proxy), or SEEN_INSECURE_HTTP=1 for a lab only"
        )
    return {
        **DEFAULTS,
        "SECRET_KEY": secret or secrets.token_hex(32),
        "DATABASE_URL": database_url(),
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=_minutes("SEEN_SESSION_MINUTES", 30)),
        "SESSION_COOKIE_SECURE": https,  # also Secure for any request that arrives over HTTPS
        "FORCE_HTTPS": https,
        "BEHIND_PROXY": _flag("SEEN_BEHIND_PROXY"),
        "RATELIMIT_STORAGE_URI": os.environ.get("SEEN_RATELIMIT_STORAGE", DEFAULTS["RATELIMIT_STORAGE_URI"]),
        "LOGIN_RATE_LIMIT": os.environ.get("SEEN_LOGIN_RATE_LIMIT", DEFAULTS["LOGIN_RATE_LIMIT"]),
        "BOT_URL": os.environ.get("SEEN_BOT_URL", DEFAULTS["BOT_URL"]).rstrip("/"),
    }


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def _minutes(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or int(text) < 1:
        raise SettingsError(f"{name} must be a whole number of minutes, 1 or more (got {text!r})")
    return int(text)
