"""Who may open a page: the one admin check every admin-only page and action uses, the editors'
check the local details pages use, and where each account starts."""

from functools import wraps

from flask import abort, url_for
from flask_login import login_required

from seen.web.stores import me


def admin_required(view):
    """Signed in (else the sign-in page) and an admin (else 403)."""

    @wraps(view)
    @login_required
    def admin_only(*args, **kwargs):
        if not me().is_admin:
            abort(403)
        return view(*args, **kwargs)

    return admin_only


def editor_required(view):
    """Signed in (else the sign-in page) and a board editor or an admin (else 403).

    Which areas the account may change is the view's to check, with Account.edits(area)."""

    @wraps(view)
    @login_required
    def editors_only(*args, **kwargs):
        if not (me().is_admin or me().is_editor):
            abort(403)
        return view(*args, **kwargs)

    return editors_only


def home_url() -> str:
    """Where the signed-in account starts: the notes, except for a board editor, who reads none."""
    return url_for("notes.index") if me().reads_notes else url_for("details.index")
