"""The supervision web app: supervisors review reflection notes, boards count themes and keep their local details.

    create_app()            settings from the environment (seen.web.settings)
    create_app({...})       tests: their settings laid over the defaults, no environment read
"""

from typing import Mapping, Optional

from flask import Flask, render_template
from werkzeug.middleware.proxy_fix import ProxyFix

from seen.db import DatabaseUnavailable
from seen.web import accounts, audit, auth, details, notes, themes, widget
from seen.web.extensions import csrf, limiter, login_manager, talisman
from seen.web.security import CSP, MAX_REQUEST_BYTES, ControlCharacters, HttpsAwareSessions, refuse_control_characters
from seen.web.settings import DEFAULTS, from_environment
from seen.web.stores import Stores


def create_app(test_config: Optional[Mapping] = None) -> Flask:
    app = Flask(__name__)
    _configure(app, test_config)
    _register_extensions(app)
    _register_blueprints(app)
    _register_error_handlers(app)
    if app.config.get("WARM_UP"):
        notes.warm_up()
    return app


def _configure(app: Flask, test_config: Optional[Mapping]) -> None:
    app.config.from_mapping(DEFAULTS)
    app.config.from_mapping(from_environment() if test_config is None else test_config)
    app.config["MAX_CONTENT_LENGTH"] = app.config.get("MAX_CONTENT_LENGTH") or MAX_REQUEST_BYTES
    app.session_interface = HttpsAwareSessions()
    app.before_request(refuse_control_characters)
    if app.config.get("BEHIND_PROXY"):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    Stores.attach(app)


def _register_extensions(app: Flask) -> None:
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    talisman.init_app(
        app,
        force_https=app.config["FORCE_HTTPS"],
        strict_transport_security=app.config["FORCE_HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy=CSP,
        frame_options="DENY",
        referrer_policy="same-origin",
    )


def _register_blueprints(app: Flask) -> None:
    for blueprint in (auth.bp, notes.bp, themes.bp, details.bp, audit.bp, accounts.bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(widget.blueprint(talisman, app.config["BOT_URL"]))


def _register_error_handlers(app: Flask) -> None:
    def page(code: int, title: str, message: str):
        def handler(_error):
            return render_template("errors/error.html", title=title, message=message), code
        return handler

    app.register_error_handler(400, page(400, "Something was wrong with that request",
                                         "The form may have expired. Go back, reload the page and try again."))
    app.register_error_handler(403, page(403, "Not allowed", "Your account cannot open this page."))
    app.register_error_handler(404, page(404, "Not found",
                                         "There is no page here, or nothing your account can open at this address."))
    app.register_error_handler(413, page(413, "That was too large",
                                         "Seen takes requests up to 256 kB. Nothing was changed."))
    app.register_error_handler(ControlCharacters, page(400, "Characters Seen cannot store",
                                                       ControlCharacters.description))
    app.register_error_handler(429, page(429, "Too many attempts",
                                         "Too many sign-in attempts from this device. Wait a minute, then try again."))
    unavailable = page(503, "The notes database is not reachable",
                       "Nothing was changed. Try again in a moment; if it goes on, tell your Seen administrator.")
    app.register_error_handler(503, unavailable)
    app.register_error_handler(DatabaseUnavailable, unavailable)
