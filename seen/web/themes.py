"""Themes for boards: how many notes carry each flag and prompt, by month and area, as a table,
a chart and a CSV download, and each area's cases with drift prompts. Counts only: no note's
text appears here. Also the boards' own local details that are due for checking, so whoever
reads the themes sees when Seen is about to ask practitioners to confirm a detail locally."""

import csv
import io
from collections import defaultdict
from typing import Dict, List, Tuple

from flask import Blueprint, Response, render_template, request
from flask_login import login_required

from seen.months import day_of, month_of
from seen.notes import NoteFilter
from seen.web.forms import PeriodFilterForm, area_choices
from seen.web.security import without_reserved
from seen.web.stores import Labels, me, record, stores

bp = Blueprint("themes", __name__)

DRIFT_CASES = "Cases with drift prompts"
CHART_COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#b58840", "#5694ca", "#912b88",
                 "#85994b", "#28a197", "#6f777b")


@bp.route("/themes")
@login_required
def index():
    form, rows = _rows()
    labels = stores().labels
    table = _table(rows, labels)
    return render_template("themes/index.html", form=form, table=table, chart=_chart(rows, labels),
                           drift=_drift_by_area(rows, labels), labels=labels,
                           args=without_reserved(request.args.to_dict()),
                           due=stores().details.due(me().visible_areas),
                           headings=stores().kb.messages.area_detail_heading,
                           review_months=stores().kb.detail_review_months, month=month_of, day=day_of)


@bp.route("/themes.csv")
@login_required
def download():
    _form, rows = _rows()
    labels = stores().labels
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["month", "area", "kind", "id", "label", "notes"])
    for row in rows:
        names = {"flag": labels.flags, "prompt": labels.prompts}.get(
            row["kind"], {"notes": "All notes", "drift_cases": DRIFT_CASES})
        writer.writerow([row["month"], labels.areas.get(row["area"], row["area"]), row["kind"], row["id"],
                         names.get(row["id"], row["id"]), row["count"]])
    record("downloaded themes", detail=f"{len(rows)} row(s)")
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="seen-themes.csv"'})


def _rows():
    """The filter form (dates and area, checked as on the notes list) and the counts it asks for."""
    visible = me().visible_areas
    form = PeriodFilterForm(formdata=request.args or None)
    form.area.choices = area_choices(stores().labels, visible)
    if request.args and not form.validate():
        return form, []
    where = NoteFilter(since=form.since.data, until=form.until.data, area=form.area.data or None)
    return form, stores().notes.themes(where, areas=visible)


def _table(rows: List[dict], labels: Labels) -> dict:
    """Rows per (month, area); a column for the notes count, the cases with drift prompts, each flag and each prompt."""
    columns = [("notes", "notes", "Notes"), ("drift_cases", "drift_cases", DRIFT_CASES)]
    columns += [("flag", i, n) for i, n in labels.flags.items()] + [("prompt", i, n) for i, n in labels.prompts.items()]
    cells: Dict[Tuple[str, str], Dict[Tuple[str, str], int]] = defaultdict(dict)
    for row in rows:
        cells[(row["month"], row["area"])][(row["kind"], row["id"])] = row["count"]
    body = [
        {"month": month, "area": labels.areas.get(area, area),
         "counts": [cells[(month, area)].get((kind, i), 0) for kind, i, _ in columns]}
        for month, area in sorted(cells, reverse=True)
    ]
    return {"columns": columns, "rows": body}


def _drift_by_area(rows: List[dict], labels: Labels) -> List[Tuple[str, int]]:
    """(area name, cases) for each area with a case that had a drift prompt in the period:
    each case is counted once, in its latest note's month, so the months add up."""
    cases: Dict[str, int] = defaultdict(int)
    for row in rows:
        if row["kind"] == "drift_cases":
            cases[labels.areas.get(row["area"], row["area"])] += row["count"]
    return sorted(cases.items())


def _chart(rows: List[dict], labels: Labels) -> dict:
    """A grouped bar chart of each flag per month (all areas shown together), drawn as SVG in the template."""
    months = sorted({r["month"] for r in rows})
    flags = list(labels.flags.items())
    counts = defaultdict(int)
    for r in rows:
        if r["kind"] == "flag":
            counts[(r["month"], r["id"])] += r["count"]
    top = max(counts.values(), default=0)
    bar, gap, height = 10, 16, 160
    group = bar * len(flags) + gap
    bars = [
        {"x": 40 + m * group + f * bar, "height": (counts[(month, flag)] / top * height) if top else 0,
         "value": counts[(month, flag)], "colour": CHART_COLOURS[f % len(CHART_COLOURS)], "flag": name, "month": month}
        for m, month in enumerate(months) for f, (flag, name) in enumerate(flags)
    ]
    return {
        "months": [{"label": month, "x": 40 + m * group + (group - gap) / 2} for m, month in enumerate(months)],
        "bars": bars, "top": top, "height": height, "width": 60 + group * max(1, len(months)),
        "legend": [{"name": name, "colour": CHART_COLOURS[f % len(CHART_COLOURS)]}
                   for f, (_, name) in enumerate(flags)],
    }
