"""Sign in and out. One message for any failed sign-in, so nobody learns which user names exist."""

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from seen.web.access import home_url
from seen.web.extensions import limiter
from seen.web.forms import ButtonForm, LoginForm
from seen.web.stores import SignedIn, me, record, stores

bp = Blueprint("auth", __name__)
bp.app_context_processor(lambda: {"home_url": home_url})  # base.html's brand link

FAILED = ("Sign-in failed: the user name and password don't match an account that can sign in. "
          "After several failed tries an account is locked for 15 minutes.")


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/")
@login_required
def index():
    return redirect(home_url())


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(home_url())
    form = LoginForm()
    if form.validate_on_submit():
        account = stores().accounts.authenticate(form.username.data, form.password.data)
        if account is None:
            # Only a real user name is kept: people sometimes type their password in the wrong box.
            known = stores().accounts.by_username(form.username.data)
            stores().audit.record(known.username if known else "(unknown user name)", "sign-in failed")
            flash(FAILED, "error")
        else:
            session.clear()  # a fresh session: nothing carried over from before sign-in
            session.permanent = True  # expires after PERMANENT_SESSION_LIFETIME without a request
            login_user(SignedIn(account))
            record("signed in")
            return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form), 200 if request.method == "GET" or form.errors else 401


@bp.route("/logout", methods=["GET", "POST"])
@login_required
def logout():
    form = ButtonForm()
    if form.validate_on_submit():
        record("signed out")
        stores().accounts.end_sessions(me().id)
        logout_user()
        session.clear()
        flash("You have signed out.", "info")
        return redirect(url_for("auth.login"))
    return render_template("auth/logout.html", form=form)


def _safe_next(target: str) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if target:
        parts = urlsplit(target)
        if not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith(("//", "/\\")):
            return target
    return home_url()
