"""Admins manage accounts and read the audit trail; supervisors can do neither.
(Board editors: test_board_editor_role.py.)"""

import pytest

from tests.helpers.drafts import save
from tests.helpers.web import PASSWORD


@pytest.mark.parametrize("page", ["/audit", "/accounts", "/accounts/board.admin"])
def test_a_supervisor_cannot_open_admin_pages(visitor, page):
    visitor.sign_in("derby.supervisor")
    assert visitor.get(page).status_code == 403
    assert "Your account cannot open this page." in visitor.text


def test_an_admin_creates_a_supervisor_who_can_then_sign_in(visitor, another):
    visitor.sign_in("board.admin")
    response = visitor.submit("/accounts", {"username": "new.supervisor", "role": "supervisor", "areas": ["rochdale"],
                                            "password": "first passphrase 1", "confirm": "first passphrase 1"},
                              follow_redirects=True)
    assert "Account new.supervisor created." in visitor.text and response.status_code == 200
    assert another.sign_in("new.supervisor", "first passphrase 1").status_code == 302
    another.get("/notes")
    assert "You see notes from: Rochdale" in another.text


@pytest.mark.parametrize("form, message", [
    ({"username": "derby.supervisor", "role": "admin"}, "There is already an account called 'derby.supervisor'."),
    ({"username": "no.area", "role": "supervisor"}, "A supervisor needs at least one area."),
    ({"username": "no.area", "role": "editor"}, "A board editor needs at least one area."),
    ({"username": "short.pass", "role": "admin", "password": "short", "confirm": "short"}, "At least 12 characters."),
    ({"username": "typo", "role": "admin", "confirm": "something else entirely"}, "The passwords differ."),
])
def test_account_mistakes_get_a_clear_message_and_keep_the_form(visitor, form, message):
    visitor.sign_in("board.admin")
    data = {"password": PASSWORD, "confirm": PASSWORD, **form}
    response = visitor.submit("/accounts", data)
    assert response.status_code == 400 and message in visitor.text
    assert f'value="{form["username"]}"' in visitor.page


def test_disabling_an_account_ends_its_session(visitor, another):
    another.sign_in("derby.supervisor")
    visitor.sign_in("board.admin")
    visitor.submit("/accounts/derby.supervisor", {"role": "supervisor", "areas": ["derby"]})  # active unticked
    assert another.get("/notes").status_code == 302
    assert another.sign_in("derby.supervisor").status_code == 401


def test_an_admin_changes_a_supervisors_areas(visitor, another, notes):
    reference = save(notes, area="rochdale")
    visitor.sign_in("board.admin")
    visitor.submit("/accounts/derby.supervisor", {"role": "supervisor", "areas": ["derby", "rochdale"], "active": "y"})
    another.sign_in("derby.supervisor")
    assert another.get(f"/notes/{reference}").status_code == 200


def test_an_admin_cannot_lock_themselves_out(visitor):
    visitor.sign_in("board.admin")
    response = visitor.submit("/accounts/board.admin", {"role": "supervisor", "areas": ["derby"], "active": "y"})
    assert response.status_code == 400 and "You can't disable your own account" in visitor.text


def test_a_new_password_set_by_an_admin_works_and_the_old_one_does_not(visitor, another):
    visitor.sign_in("board.admin")
    visitor.submit("/accounts/derby.supervisor/password",
                   {"password": "brand new passphrase", "confirm": "brand new passphrase"},
                   page="/accounts/derby.supervisor")
    assert another.sign_in("derby.supervisor").status_code == 401
    assert another.sign_in("derby.supervisor", "brand new passphrase").status_code == 302


def test_the_audit_trail_is_listed_for_admins_and_cannot_be_changed(visitor):
    visitor.sign_in("board.admin")
    visitor.get("/audit")
    assert "signed in" in visitor.text and "board.admin" in visitor.text
    visitor.get("/audit?action=signed+in&actor=board.admin")
    assert "1 entry." in visitor.text
    for method in (visitor.client.post, visitor.client.put, visitor.client.delete):
        assert method("/audit").status_code in (400, 405)
