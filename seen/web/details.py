"""Boards' local details: an area's editors propose its details with their
sources, a second person publishes them, and every version is kept for an
admin to roll back to. Seen answers with a published detail at once
(seen.local_details), so each page previews the very reply practitioners get.

An area the account does not edit answers the same 404 as an area that does
not exist, on every page and action here: another area's editor can neither
see nor change anything. seen.board_details audits each proposal, decision
and rollback in the same transaction as the change; these views audit exports.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Dict, List, Optional

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for

from seen import replies
from seen.area_yaml import MAX_IMPORT_BYTES, AreaFileError, changes, export
from seen.board_details import MAX_FACTS, DetailError, Due, Proposal, Version
from seen.knowledge import AREA_DETAILS, Area, Fact, Knowledge
from seen.local_details import overlaid
from seen.months import day_of, month_of
from seen.web.access import editor_required
from seen.web.detail_forms import DetailForm, ImportForm, RejectForm, RollbackForm, line_data
from seen.web.forms import ButtonForm
from seen.web.stores import me, record, stores

bp = Blueprint("details", __name__)

STATUS = {"open": "Waiting for a second person", "published": "Published", "rejected": "Rejected",
          "withdrawn": "Withdrawn by the proposer",
          "superseded": "Superseded: another change to this detail was published first"}


@dataclass(frozen=True)
class Shown:
    """One detail as the area page shows it."""

    name: str
    facts: Optional[List[Fact]]  # None: not filled in, Seen gives the general route
    newest: Optional[Version]
    due: List[Due]
    proposals: List[Proposal]


@bp.context_processor
def _helpers() -> dict:
    return {"headings": stores().kb.messages.area_detail_heading, "document": _document, "when": when,
            "day": day_of, "month": month_of, "status_names": STATUS}


@bp.route("/details")
@editor_required
def index():
    areas = [a for a in replies.local_areas(stores().kb) if me().edits(a.id)]
    ids = [a.id for a in areas]
    return render_template("details/index.html", areas=sorted(areas, key=lambda a: a.name),
                           proposals=_by_area(stores().details.proposals(ids)),
                           due=_by_area(stores().details.due(ids)))


@bp.route("/details/<area_id>")
@editor_required
def area(area_id: str):
    return _area_page(_area_or_404(area_id), ImportForm(formdata=None))


@bp.route("/details/<area_id>/export.yml")
@editor_required
def download(area_id: str):
    """The area as Seen answers for it now, in knowledge/areas/'s schema, to send upstream."""
    area = _area_or_404(area_id)
    body = export(_live(), area.id, date.today())
    record("exported local details", area.id)
    return Response(body, mimetype="application/yaml",
                    headers={"Content-Disposition": f'attachment; filename="{area.id}.yml"'})


@bp.route("/details/<area_id>/import", methods=["POST"])
@editor_required
def upload(area_id: str):
    """Each detail the file changes becomes a proposal by the importer, needing a second person as ever."""
    area = _area_or_404(area_id)
    form = ImportForm()
    if not form.validate_on_submit():
        return _area_page(area, form), 400
    try:
        changed = changes(_live(), area.id, _text(form.file.data))
    except AreaFileError as error:
        form.file.errors = [*form.file.errors, str(error)]
        return _area_page(area, form), 400
    if not changed:
        flash(f"That file changes none of {area.name}'s details: nothing was proposed.", "info")
        return redirect(url_for("details.area", area_id=area.id))
    for name, facts in changed.items():
        stores().details.propose(area.id, name, facts, me().username)
    headings = ", ".join(stores().kb.messages.area_detail_heading[name] for name in changed)
    flash(f"Proposed {len(changed)} change{'s' if len(changed) > 1 else ''} from the file: {headings}. "
          f"Another editor of {area.name} or an admin must approve each before Seen uses it.", "info")
    return redirect(url_for("details.area", area_id=area.id))


@bp.route("/details/<area_id>/<detail>/propose", methods=["GET", "POST"])
@editor_required
def propose(area_id: str, detail: str):
    area, detail = _area_or_404(area_id), _detail_or_404(detail)
    form = DetailForm(data=None if request.method == "POST" else {"lines": _starting_lines(area, detail)})
    if not form.validate_on_submit():
        return _propose_page(area, detail, form), 400 if form.is_submitted() else 200
    if not form.propose.data:
        return _propose_page(area, detail, form, preview=_preview(area, detail, form.facts))
    try:
        proposal = stores().details.propose(area.id, detail, form.facts, me().username)
    except DetailError as error:
        flash(str(error), "error")
        return _propose_page(area, detail, form), 400
    flash(f"Proposed. Another editor of {area.name} or an admin must approve it before Seen uses it.", "info")
    return redirect(url_for("details.proposal", proposal_id=proposal.id))


@bp.route("/details/proposals/<int:proposal_id>")
@editor_required
def proposal(proposal_id: int):
    return _proposal_page(_proposal_or_404(proposal_id), RejectForm(formdata=None))


@bp.route("/details/proposals/<int:proposal_id>/approve", methods=["POST"])
@editor_required
def approve(proposal_id: int):
    proposal = _proposal_or_404(proposal_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    try:
        stores().details.approve(proposal.id, me().username)
    except DetailError as error:
        flash(str(error), "error")
        return redirect(url_for("details.proposal", proposal_id=proposal.id))
    flash(f"Published: Seen gives this to practitioners in {_area_name(proposal.area)} from now on.", "info")
    return redirect(url_for("details.area", area_id=proposal.area, _anchor=proposal.detail))


@bp.route("/details/proposals/<int:proposal_id>/reject", methods=["POST"])
@editor_required
def reject(proposal_id: int):
    """Reject with a reason; the proposer withdraws their own the same way, with none needed."""
    proposal = _proposal_or_404(proposal_id)
    form = RejectForm()
    if not form.validate_on_submit():
        return _proposal_page(proposal, form), 400
    withdrawing = proposal.proposed_by == me().username
    reason = (form.reason.data or "").strip()
    if not reason and not withdrawing:
        form.reason.errors = ["Say why it should not be published, so the proposer can put it right."]
        return _proposal_page(proposal, form), 400
    try:
        stores().details.reject(proposal.id, me().username, reason)
    except DetailError as error:
        flash(str(error), "error")
    else:
        flash("Withdrawn: nothing changes in what Seen says." if withdrawing
              else f"Rejected: {proposal.proposed_by} sees your reason on the proposal.", "info")
    return redirect(url_for("details.proposal", proposal_id=proposal.id))


@bp.route("/details/<area_id>/<detail>/history")
@editor_required
def history(area_id: str, detail: str):
    area, detail = _area_or_404(area_id), _detail_or_404(detail)
    return render_template("details/history.html", area=area, detail=detail,
                           versions=stores().details.history(area.id, detail),
                           from_knowledge=stores().kb.areas[area.id].detail(detail))


@bp.route("/details/<area_id>/<detail>/rollback", methods=["POST"])
@editor_required
def rollback(area_id: str, detail: str):
    """Admins only: publish an earlier version again (0: the area's YAML in knowledge/)."""
    area, detail = _area_or_404(area_id), _detail_or_404(detail)
    if not me().is_admin:
        abort(403)
    form = RollbackForm()
    if not form.validate_on_submit():
        abort(400)
    version = form.version.data
    try:
        stores().details.rollback(area.id, detail, version, me().username)
    except DetailError as error:
        flash(str(error), "error")
    else:
        flash("Rolled back: Seen gives " + (f"version {version}'s details" if version else "the details in knowledge/")
              + " again.", "info")
    return redirect(url_for("details.history", area_id=area.id, detail=detail))


def when(moment: datetime) -> str:
    """'3 March 2026, 14:05 UTC': stored times are UTC."""
    return f"{day_of(moment)}, {moment:%H:%M} UTC"


def _area_page(area: Area, import_form: ImportForm):
    kb, store = _live(), stores().details
    due, proposals = store.due([area.id]), store.proposals([area.id])
    shown = [Shown(name, kb.areas[area.id].detail(name), _newest(area.id, name),
                   [d for d in due if d.detail == name], [p for p in proposals if p.detail == name])
             for name in AREA_DETAILS]
    return render_template("details/area.html", area=area, details=shown, import_form=import_form,
                           max_kb=MAX_IMPORT_BYTES // 1024)


def _newest(area_id: str, detail: str) -> Optional[Version]:
    """The version Seen gives now; None while it is the YAML's, never changed here."""
    return next(iter(stores().details.history(area_id, detail)), None)


def _propose_page(area: Area, detail: str, form: DetailForm, preview: Optional[dict] = None):
    return render_template("details/propose.html", area=area, detail=detail, form=form, preview=preview,
                           max_lines=MAX_FACTS)


def _proposal_page(proposal: Proposal, reject_form: RejectForm):
    area = stores().kb.areas[proposal.area]
    return render_template("details/proposal.html", proposal=proposal, area=area, reject_form=reject_form,
                           button=ButtonForm(), mine=proposal.proposed_by == me().username,
                           preview=_preview(area, proposal.detail, proposal.facts))


def _starting_lines(area: Area, detail: str) -> List[dict]:
    """The current lines, then a blank one for a new line, up to MAX_FACTS."""
    current = _live().areas[area.id].detail(detail) or []
    lines = [line_data(f) for f in current[:MAX_FACTS]]
    return lines + [{}] if len(lines) < MAX_FACTS else lines


def _preview(area: Area, detail: str, facts: List[Fact]) -> dict:
    """What Seen says now to a practitioner asking about this detail, and what it will say with ``facts``."""
    published = stores().details.published()
    changed = {**published, area.id: {**published.get(area.id, {}), detail: facts}}
    now, then = overlaid(stores().kb, published), overlaid(stores().kb, changed)
    names = _asked_with(stores().kb, detail)
    return {"now": replies.area_details(now, now.areas[area.id], names).text,
            "then": replies.area_details(then, then.areas[area.id], names).text}


def _asked_with(kb: Knowledge, detail: str) -> List[str]:
    """The details Seen gives together with this one: those of the first topic that gives it."""
    return next((list(t.area_details) for t in kb.topics.values() if detail in t.area_details), [detail])


def _text(upload) -> str:
    """The file as text, read no further than area_yaml takes (it refuses a longer one for its size)."""
    raw = upload.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        return raw.decode("utf-8", "replace")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AreaFileError("That file is not plain text (UTF-8): export an area's details to see the format.") \
            from None


def _live() -> Knowledge:
    """knowledge/ with the published details laid over it: what Seen answers with now."""
    return overlaid(stores().kb, stores().details.published())


def _by_area(items: list) -> Dict[str, list]:
    found: Dict[str, list] = {}
    for item in items:
        found.setdefault(item.area, []).append(item)
    return found


def _area_or_404(area_id: str) -> Area:
    """The same 404 for an area that doesn't exist, the general route, and an area this account does not edit."""
    kb = stores().kb
    if area_id not in kb.areas or area_id == kb.fallback_area or not me().edits(area_id):
        abort(404)
    return kb.areas[area_id]


def _detail_or_404(detail: str) -> str:
    if detail not in AREA_DETAILS:
        abort(404)
    return detail


def _proposal_or_404(proposal_id: int) -> Proposal:
    found = stores().details.proposal(proposal_id)
    if found is None or found.area not in stores().kb.areas or not me().edits(found.area):
        abort(404)
    return found


def _area_name(area_id: str) -> str:
    return stores().kb.areas[area_id].name


def _document(fact: Fact) -> str:
    """A seed fact's document, by its own name (never the file name it is keyed by)."""
    return stores().kb.sources[fact.source.file].name()
