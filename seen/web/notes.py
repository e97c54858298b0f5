"""The notes list, one note with its case's timeline, supervision comments, 'discussed', export
and (admins) deletion.

Every query passes the reader's areas to seen.notes, so a supervisor never
reaches a note outside their areas: not by the list, a search, a direct link,
a case's timeline or an export. A board editor reaches none: every page here
answers them 403. Every view, export and deletion is audited.
"""

import json
import threading
from datetime import datetime, timezone
from typing import List, Optional

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from seen.months import month_year, whole_months
from seen.notes import NoteFilter
from seen.web.access import admin_required
from seen.web.forms import ButtonForm, CommentForm, NoteFilterForm, area_choices
from seen.web.paging import page_count, requested_page
from seen.web.security import without_reserved
from seen.web.stores import me, record, stores

bp = Blueprint("notes", __name__)

PAGE_SIZE = 20


@bp.before_request
def readers_only() -> None:
    """A signed-in account that reads no notes (a board editor) gets 403 on every page here.

    Signed-out visitors pass through to each view's login_required, which sends them to sign in."""
    if current_user.is_authenticated and not me().reads_notes:
        abort(403)


@bp.route("/notes")
@login_required
def index():
    form, where = _filters()
    number = requested_page()
    notes, total = ([], 0) if where is None else stores().notes.page(
        where, areas=me().visible_areas, number=number, size=PAGE_SIZE)
    if where is not None and _searching(where):
        record("searched notes", detail=_describe(where, total))
    args = without_reserved(request.args.to_dict(flat=False))
    args.pop("page", None)
    return render_template(
        "notes/list.html", form=form, notes=notes, total=total, number=number,
        pages=page_count(total, PAGE_SIZE), args=args, labels=stores().labels,
    )


@bp.route("/notes/export.jsonl")
@login_required
def export():
    """The filtered notes as JSON lines, within the reader's areas."""
    _form, where = _filters()
    if where is None:
        abort(400)
    notes = list(stores().notes.matching(where, areas=me().visible_areas))
    record("exported notes", detail=_describe(where, len(notes)))
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M")
    body = "".join(json.dumps(n, ensure_ascii=False) + "\n" for n in notes)
    return Response(body, mimetype="application/x-ndjson",
                    headers={"Content-Disposition": f'attachment; filename="seen-notes-{stamp}.jsonl"'})


@bp.route("/notes/<reference>")
@login_required
def show(reference: str):
    return _detail(_note_or_404(reference), CommentForm())


@bp.route("/notes/<reference>/comments", methods=["POST"])
@login_required
def comment(reference: str):
    note = _note_or_404(reference)
    form = CommentForm()
    if not form.validate_on_submit():
        return _detail(note, form), 400
    text = anonymise(form.text.data.strip())
    if not stores().notes.comment(note["reference"], me().username, text, areas=me().visible_areas):
        abort(404)
    record("commented on note", note["reference"])
    flash("Comment added. Names and other identifying details in it were replaced, as in notes."
          if text != form.text.data.strip() else "Comment added.", "info")
    return redirect(url_for("notes.show", reference=note["reference"], _anchor="comments"))


@bp.route("/notes/<reference>/discussed", methods=["POST"])
@login_required
def discussed(reference: str):
    note = _note_or_404(reference)
    if not ButtonForm().validate_on_submit():
        abort(400)
    now_discussed = note["discussed_at"] is None
    stores().notes.set_discussed(note["reference"], me().username, now_discussed, areas=me().visible_areas)
    record("marked note discussed" if now_discussed else "marked note not discussed", note["reference"])
    flash("Marked as discussed in supervision." if now_discussed else "No longer marked as discussed.", "info")
    return redirect(url_for("notes.show", reference=note["reference"]))


@bp.route("/notes/<reference>/delete", methods=["POST"])
@admin_required
def delete(reference: str):
    note = _note_or_404(reference)
    if not ButtonForm().validate_on_submit():
        abort(400)
    stores().notes.delete(note["reference"])
    record("deleted note", note["reference"])
    flash(f"Note {note['reference']} deleted.", "info")
    return redirect(url_for("notes.index"))


def anonymise(text: str) -> str:
    """Comments are anonymised like notes. spaCy loads on first use (or warm_up()), not at import."""
    from seen.anonymise import default

    return default().anonymise(text)


def warm_up() -> None:
    """Load the anonymiser in the background, so the first comment doesn't wait for it."""
    threading.Thread(target=anonymise, args=("",), name="warm-anonymiser", daemon=True).start()


bp.add_app_template_filter(month_year)


def _detail(note: dict, comment_form: CommentForm) -> str:
    """The note page with its case's timeline; the note and every note the timeline shows are audited as viewed."""
    case = stores().notes.case(note["reference"], areas=me().visible_areas)
    record("viewed note", note["reference"])
    timeline = _timeline(case)
    if timeline:
        record("viewed case timeline", note["case"],
               detail=f"{len(case)} note(s): " + ", ".join(n["reference"] for n in case))
    return render_template("notes/detail.html", note=note, timeline=timeline, labels=stores().labels,
                           comment_form=comment_form, button=ButtonForm())


def _timeline(case: List[dict]) -> Optional[dict]:
    """A case of two notes or more, oldest first, and how long the plan at its latest note has run."""
    if len(case) < 2:
        return None
    since = case[-1]["plan_since"]
    return {"notes": case, "plan_since": since,
            "plan_months": whole_months(datetime.fromisoformat(since), datetime.now(timezone.utc))}


def _note_or_404(reference: str) -> dict:
    """The same 404 for a note that doesn't exist and one outside the reader's areas."""
    note = stores().notes.find(reference, areas=me().visible_areas)
    if note is None:
        abort(404)
    return note


def _filters():
    """The filter form from the query string, and the NoteFilter (None while it has errors)."""
    labels, visible = stores().labels, me().visible_areas
    form = NoteFilterForm(formdata=request.args or None)
    form.area.choices = area_choices(labels, visible)
    form.role.choices = [("", "Any role")] + list(labels.roles.items())
    form.age_band.choices = [("", "Any age")] + list(labels.age_bands.items())
    form.flags.choices = list(labels.flags.items())
    if request.args and not form.validate():
        return form, None
    discussed = {"yes": True, "no": False}.get(form.discussed.data or "")
    return form, NoteFilter(
        since=form.since.data, until=form.until.data, area=form.area.data or None, role=form.role.data or None,
        age_band=form.age_band.data or None, flags=tuple(form.flags.data or ()), discussed=discussed,
        reference=(form.reference.data or "").strip() or None, text=(form.text.data or "").strip() or None,
    )


def _searching(where: NoteFilter) -> bool:
    return bool(where.reference or where.text)


def _describe(where: NoteFilter, count: int) -> str:
    """Which filters were used and how many notes matched; the search text itself is not kept."""
    used = [f"{name}={value}" for name, value in (
        ("since", where.since), ("until", where.until), ("area", where.area), ("role", where.role),
        ("age_band", where.age_band), ("discussed", where.discussed), ("reference", where.reference),
    ) if value not in (None, "")]
    used += [f"flag={f}" for f in where.flags]
    if where.text:
        used.append("text search")
    return f"{count} note(s); " + (", ".join(used) or "no filters")
