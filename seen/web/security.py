"""Security settings that Flask-Talisman and Flask leave to the app."""

from flask import Flask, request
from flask.sessions import SecureCookieSessionInterface

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
