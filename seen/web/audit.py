"""The audit trail, for admins only, read-only: there is no route that changes it."""

from math import ceil

from flask import Blueprint, abort, render_template, request
from flask_login import login_required

from seen.web.stores import me, stores

bp = Blueprint("audit", __name__)

PAGE_SIZE = 50


@bp.route("/audit")
@login_required
def index():
    if not me().is_admin:
        abort(403)
    number = request.args.get("page", "1")
    number = int(number) if number.isdigit() and int(number) > 0 else 1
    action = request.args.get("action") or None
    actor = (request.args.get("actor") or "").strip().lower() or None
    entries, total = stores().audit.page(number, PAGE_SIZE, action=action, actor=actor)
    return render_template("audit/index.html", entries=entries, total=total, number=number,
                           pages=max(1, ceil(total / PAGE_SIZE)), actions=stores().audit.actions(),
                           action=action or "", actor=actor or "")
