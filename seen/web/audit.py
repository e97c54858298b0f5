"""The audit trail, for admins only, read-only: there is no route that changes it."""

from flask import Blueprint, render_template, request

from seen.web.access import admin_required
from seen.web.paging import page_count, requested_page
from seen.web.stores import stores

bp = Blueprint("audit", __name__)

PAGE_SIZE = 50


@bp.route("/audit")
@admin_required
def index():
    number = requested_page()
    action = request.args.get("action") or None
    actor = (request.args.get("actor") or "").strip().lower() or None
    entries, total = stores().audit.page(number, PAGE_SIZE, action=action, actor=actor)
    return render_template("audit/index.html", entries=entries, total=total, number=number,
                           pages=page_count(total, PAGE_SIZE), actions=stores().audit.actions(),
                           action=action or "", actor=actor or "")
