"""The embeddable widget (web_widget/widget.js) and a demo page that embeds it, as a board's site would.

No sign-in here: board websites load widget.js from anywhere. The demo
page's Content-Security-Policy lets it reach the bot (SEEN_BOT_URL) and
nothing else.
"""

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, render_template, request, send_from_directory

from seen.settings import PROJECT_DIR
from seen.web.security import CSP
from seen.web.stores import stores

WIDGET_DIR = PROJECT_DIR / "web_widget"


def blueprint(talisman, bot_url: str) -> Blueprint:
    """Made per app: the demo page's policy depends on where the bot is."""
    bp = Blueprint("widget", __name__)
    bot = urlsplit(bot_url)
    sockets = f"{'wss' if bot.scheme == 'https' else 'ws'}://{bot.netloc}"
    demo_policy = {**CSP, "connect-src": f"'self' {bot.scheme}://{bot.netloc} {sockets}", "frame-ancestors": "'self'"}

    @bp.route("/widget.js")
    def script():
        response = send_from_directory(WIDGET_DIR, "widget.js", mimetype="text/javascript", max_age=300)
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"  # board sites load it from elsewhere
        return response

    @bp.route("/demo")
    @talisman(content_security_policy=demo_policy, frame_options="SAMEORIGIN")
    def demo():
        labels = stores().labels
        board = request.args.get("board", "").strip().lower()
        if board and board not in labels.areas:
            abort(404)
        return render_template("widget/demo.html", board=board, boards=labels.areas,
                               bot_url=current_app.config["BOT_URL"])

    return bp
