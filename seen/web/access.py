"""Who may open a page: the one admin check every admin-only page and action uses."""

from functools import wraps

from flask import abort
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
