"""Signing in and out, as supervisors and attackers would notice: every page
but /login needs a sign-in, failures all look alike, repeated failures lock the
account and hit a rate limit, forms refuse posts without their CSRF token,
sessions end, and the headers and cookies are safe."""

import os
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest

from seen.web import create_app
from seen.web.auth import FAILED
from seen.web.settings import SettingsError, from_environment
from tests.helpers.drafts import save
from tests.helpers.web import PASSWORD, Visitor, settings

ROOT = Path(__file__).resolve().parents[2]
SEEN_ACCOUNTS = ROOT / ".venv" / "bin" / "seen-accounts"

PAGES = ["/", "/notes", "/notes/ABCD-EFGH", "/notes/export.jsonl", "/themes", "/themes.csv", "/audit",
         "/accounts", "/accounts/board.admin", "/logout"]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_but_login_sends_a_signed_out_visitor_to_sign_in(visitor, page):
    response = visitor.get(page)
    assert response.status_code == 302, f"{page} answered {response.status_code} to someone signed out"
    assert response.headers["Location"].startswith("/login")


def test_a_supervisor_made_with_the_console_script_signs_in_and_sees_the_notes(app, database_url):
    run = subprocess.run(
        [str(SEEN_ACCOUNTS), "create", "Jo.Supervisor", "--area", "derby", "--password-stdin"],
        input="console made passphrase\n", capture_output=True, text=True, timeout=120,
        env={**os.environ, "DATABASE_URL": database_url},
    )
    assert run.returncode == 0, run.stderr
    assert "Created supervisor jo.supervisor for derby." in run.stdout
    visitor = Visitor(app.test_client())
    response = visitor.sign_in("jo.supervisor", "console made passphrase")
    assert response.status_code == 302 and response.headers["Location"] == "/notes"
    visitor.get("/notes")
    assert "Reflection notes" in visitor.text


def test_the_console_script_refuses_a_short_password_and_an_unknown_area_in_one_line(database_url):
    env = {**os.environ, "DATABASE_URL": database_url}
    short = subprocess.run([str(SEEN_ACCOUNTS), "create", "kim", "--area", "derby", "--password-stdin"],
                           input="short\n", capture_output=True, text=True, timeout=120, env=env)
    kent = subprocess.run([str(SEEN_ACCOUNTS), "create", "kim", "--area", "kent", "--password-stdin"],
                          input="long enough passphrase\n", capture_output=True, text=True, timeout=120, env=env)
    assert (short.returncode, kent.returncode) == (2, 2)
    assert short.stderr.strip() == "seen-accounts: a password needs at least 12 characters"
    assert kent.stderr.startswith("seen-accounts: unknown area 'kent'; areas are: derby,")
    assert "Traceback" not in short.stderr + kent.stderr


def test_a_wrong_password_and_an_unknown_user_get_the_same_message(visitor):
    visitor.sign_in("derby.supervisor", "not the password")
    wrong_password = visitor.text
    visitor.sign_in("nobody.here", PASSWORD)
    assert FAILED in wrong_password and FAILED in visitor.text
    assert "/notes" not in visitor.get("/notes").headers.get("Location", "/login")


def test_five_wrong_passwords_lock_the_account_until_an_admin_unlocks_it(visitor, another):
    for _ in range(5):
        visitor.sign_in("derby.supervisor", "guessing again")
    locked = visitor.sign_in("derby.supervisor", PASSWORD)
    assert locked.status_code == 401 and FAILED in visitor.text, "a locked account let the right password in"

    another.sign_in("board.admin")
    another.get("/accounts")
    assert "Locked" in another.text
    another.submit("/accounts/derby.supervisor/unlock", page="/accounts/derby.supervisor")
    assert visitor.sign_in("derby.supervisor").status_code == 302


def test_sign_in_attempts_from_one_address_are_rate_limited(database_url, accounts):
    app = create_app(settings(database_url, LOGIN_RATE_LIMIT="3 per minute"))
    visitor = Visitor(app.test_client())
    codes = [visitor.sign_in("derby.supervisor", "wrong").status_code for _ in range(3)]
    limited = visitor.sign_in("derby.supervisor", PASSWORD)
    assert codes == [401, 401, 401]
    assert limited.status_code == 429
    assert "Too many sign-in attempts" in visitor.text


@pytest.mark.parametrize("form_page, action, data", [
    ("/login", "/login", {"username": "derby.supervisor", "password": PASSWORD}),
    ("/notes/{ref}", "/notes/{ref}/comments", {"text": "Discussed in supervision"}),
    ("/notes/{ref}", "/notes/{ref}/discussed", {}),
    ("/logout", "/logout", {}),
    ("/accounts", "/accounts", {"username": "new.person", "role": "admin", "password": PASSWORD, "confirm": PASSWORD}),
])
def test_a_post_without_its_csrf_token_is_refused_and_changes_nothing(visitor, notes, form_page, action, data):
    reference = save(notes)
    if action != "/login":
        visitor.sign_in("board.admin")
    response = visitor.client.post(action.format(ref=reference), data=data)
    assert response.status_code == 400
    assert "The form may have expired" in response.get_data(as_text=True)
    stored = notes.get(reference)
    assert stored["comments"] == [] and stored["discussed_at"] is None
    assert visitor.get("/accounts/new.person").status_code in (302, 404)


def test_the_session_cookie_is_httponly_lax_and_secure_over_https(app, accounts):
    plain = Visitor(app.test_client())
    cookie = plain.sign_in("derby.supervisor").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    https = Visitor(app.test_client())
    https.client.environ_base["wsgi.url_scheme"] = "https"
    https.get("https://localhost/login")
    response = https.client.post("https://localhost/login", data={
        "username": "derby.supervisor", "password": PASSWORD, "csrf_token": https.token()})
    assert "Secure" in response.headers["Set-Cookie"]


def test_a_session_ends_after_the_inactivity_limit(database_url, accounts):
    app = create_app(settings(database_url, PERMANENT_SESSION_LIFETIME=timedelta(seconds=2)))
    visitor = Visitor(app.test_client())
    visitor.sign_in("derby.supervisor")
    assert visitor.get("/notes").status_code == 200
    time.sleep(3)
    assert visitor.get("/notes").status_code == 302, "the session outlived its inactivity limit"


def test_signing_out_ends_the_session_even_for_a_copied_cookie(app, visitor):
    visitor.sign_in("derby.supervisor")
    copied = visitor.client.get_cookie("session").value
    visitor.sign_out()
    thief = app.test_client()
    thief.set_cookie("session", copied)
    assert thief.get("/notes").status_code == 302


def test_pages_carry_security_headers(visitor):
    headers = visitor.get("/login").headers
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("target, lands_on", [("/themes", "/themes"), ("https://evil.example/", "/notes"),
                                              ("//evil.example/", "/notes"), ("/\\evil.example", "/notes")])
def test_after_sign_in_only_pages_on_this_site_are_followed(visitor, target, lands_on):
    visitor.get(f"/login?next={target}")
    response = visitor.client.post(f"/login?next={target}", data={
        "username": "derby.supervisor", "password": PASSWORD, "csrf_token": visitor.token()})
    assert response.headers["Location"] == lands_on


def test_without_a_secret_key_the_app_refuses_to_start_unless_in_development(monkeypatch):
    monkeypatch.delenv("SEEN_SECRET_KEY", raising=False)
    monkeypatch.delenv("SEEN_ENV", raising=False)
    with pytest.raises(SettingsError, match="SEEN_SECRET_KEY is not set"):
        from_environment()
    monkeypatch.setenv("SEEN_ENV", "development")
    first, second = from_environment()["SECRET_KEY"], from_environment()["SECRET_KEY"]
    assert len(first) >= 64 and first != second, "development should get a fresh random key, not a known one"
    monkeypatch.setenv("SEEN_SECRET_KEY", "from the environment")
    assert from_environment()["SECRET_KEY"] == "from the environment"


def test_sign_in_and_out_are_audited_without_keeping_what_was_typed_as_a_user_name(visitor, app):
    visitor.sign_in("derby.supervisor", "wrong")
    visitor.sign_in("MyPassw0rd!typed-in-the-wrong-box", PASSWORD)
    visitor.sign_in("derby.supervisor")
    visitor.sign_out()
    entries, _ = app.extensions["seen"].audit.page()
    assert [(e.actor, e.action) for e in reversed(entries)] == [
        ("derby.supervisor", "sign-in failed"), ("(unknown user name)", "sign-in failed"),
        ("derby.supervisor", "signed in"), ("derby.supervisor", "signed out")]
