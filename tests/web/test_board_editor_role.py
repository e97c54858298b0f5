"""Board editors: an admin grants the role per area, on /accounts or with
seen-accounts; an editor edits their areas' local details, sees their themes,
and reads no notes by any route."""

import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from seen import accounts_cli
from seen.accounts import Account
from seen.web.access import editor_required
from tests.helpers.drafts import save
from tests.helpers.web import PASSWORD, Visitor

SEEN_ACCOUNTS = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "seen-accounts"


def account(role: str, areas=()) -> Account:
    return Account(id=1, username="someone", role=role, areas=frozenset(areas), active=True, locked=False,
                   session_version=1, last_login_at=datetime.now(timezone.utc))


@pytest.fixture
def editor(accounts):
    return accounts.create("derby.editor", PASSWORD, "editor", ["derby"])


def audit_rows(app):
    entries, _ = app.extensions["seen"].audit.page(size=500)
    return [(e.actor, e.action, e.target, e.detail) for e in entries]


@pytest.mark.parametrize("role, areas, reads, edits_derby, edits_kent", [
    ("supervisor", ["derby"], True, False, False),
    ("editor", ["derby"], False, True, False),
    ("admin", [], True, True, True),
])
def test_each_role_reads_notes_or_edits_areas_as_granted(role, areas, reads, edits_derby, edits_kent):
    who = account(role, areas)
    assert (who.reads_notes, who.edits("derby"), who.edits("kent")) == (reads, edits_derby, edits_kent)
    assert who.is_editor == (role == "editor")


def test_an_admin_creates_a_board_editor_for_derby(visitor, app):
    visitor.sign_in("board.admin")
    visitor.get("/accounts")
    assert '<option value="editor">Board editor</option>' in visitor.page
    assert "a board editor edits these areas' local details" in visitor.text
    response = visitor.submit("/accounts", {"username": "new.editor", "role": "editor", "areas": ["derby"],
                                            "password": PASSWORD, "confirm": PASSWORD}, follow_redirects=True)
    assert response.status_code == 200 and "Account new.editor created." in visitor.text
    row = visitor.page.split('href="/accounts/new.editor">new.editor</a></th>')[1].split("</tr>")[0]
    assert "<td>Board editor</td>" in row and "<td>Derby</td>" in row
    assert ("board.admin", "created account", "new.editor", "role=editor; areas=derby") in audit_rows(app)


def test_an_editors_open_session_loses_the_notes_when_an_admin_makes_a_supervisor_an_editor(visitor, another):
    another.sign_in("derby.supervisor")
    visitor.sign_in("board.admin")
    visitor.submit("/accounts/derby.supervisor", {"role": "editor", "areas": ["derby"], "active": "y"})
    assert another.get("/notes").status_code == 403


def test_an_editor_signs_in_to_the_local_details_and_sees_no_notes_link(visitor, editor):
    response = visitor.sign_in("derby.editor")
    assert response.status_code == 302 and response.headers["Location"] == "/details"
    assert visitor.get("/").headers["Location"] == "/details"
    assert visitor.get("/themes").status_code == 200
    assert 'href="/themes"' in visitor.page and 'href="/notes"' not in visitor.page
    assert '<p class="brand"><a href="/details">Seen</a>' in visitor.page


def test_a_supervisor_still_has_the_notes_link_and_starts_on_the_notes(visitor):
    assert visitor.sign_in("derby.supervisor").headers["Location"] == "/notes"
    visitor.get("/themes")
    assert 'href="/notes"' in visitor.page and '<p class="brand"><a href="/notes">Seen</a>' in visitor.page


def test_an_editor_gets_403_on_every_notes_page_and_nothing_is_audited_as_read(app, visitor, notes, editor):
    reference = save(notes, area="derby")
    visitor.sign_in("derby.editor")
    for page in ("/notes", "/notes/export.jsonl", f"/notes/{reference}", "/notes/NOPE-NOPE"):
        assert visitor.get(page).status_code == 403, page
        assert "Your account cannot open this page." in visitor.text
    for action in ("comments", "discussed", "delete"):
        response = visitor.submit(f"/notes/{reference}/{action}", {"text": "a comment"}, page="/themes")
        assert response.status_code == 403, action
    assert not [row for row in audit_rows(app) if row[0] == "derby.editor" and row[1] != "signed in"]


@pytest.mark.parametrize("page", ["/accounts", "/audit"])
def test_an_editor_cannot_open_admin_pages(visitor, editor, page):
    visitor.sign_in("derby.editor")
    assert visitor.get(page).status_code == 403


def test_editor_required_lets_in_editors_and_admins_only(app, accounts, editor):
    app.add_url_rule("/editors-only", "editors_only", editor_required(lambda: "in"))
    visitor = Visitor(app.test_client())
    assert visitor.get("/editors-only").status_code == 302  # signed out: to sign in
    for username, status in (("derby.supervisor", 403), ("derby.editor", 200), ("board.admin", 200)):
        visitor.sign_in(username)
        assert visitor.get("/editors-only").status_code == status, username
        visitor.sign_out()


def test_the_console_script_makes_a_board_editor_and_refuses_one_without_an_area(app, database_url):
    env = {**os.environ, "DATABASE_URL": database_url}
    made = subprocess.run([str(SEEN_ACCOUNTS), "create", "Sam.Editor", "--role", "editor", "--area", "derby",
                           "--password-stdin"], input=f"{PASSWORD}\n", capture_output=True, text=True,
                          timeout=120, env=env)
    bare = subprocess.run([str(SEEN_ACCOUNTS), "create", "no.area", "--role", "editor", "--password-stdin"],
                          input=f"{PASSWORD}\n", capture_output=True, text=True, timeout=120, env=env)
    assert made.returncode == 0, made.stderr
    assert "Created board editor sam.editor for derby." in made.stdout
    assert bare.returncode == 2 and bare.stderr.strip() == "seen-accounts: a board editor needs at least one area"
    visitor = Visitor(app.test_client())
    assert visitor.sign_in("sam.editor").headers["Location"] == "/details"
    assert visitor.get("/notes").status_code == 403


def test_the_console_makes_a_supervisor_a_board_editor_of_derby(app, accounts, database_url, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_URL", database_url)
    assert accounts_cli.main(["change", "derby.supervisor", "--role", "editor", "--area", "derby"]) == 0
    assert "derby.supervisor is now a board editor for derby." in capsys.readouterr().out
    visitor = Visitor(app.test_client())
    assert visitor.sign_in("derby.supervisor").headers["Location"] == "/details"
    assert visitor.get("/notes").status_code == 403
    changed = ("console", "changed account", "derby.supervisor", "role=editor; areas=derby; active=True")
    assert changed in audit_rows(app)
