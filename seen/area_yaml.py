"""An area's details as YAML in knowledge/areas/'s own schema, both ways.

Export gives the area as Seen answers for it now (the board's published
details over the YAML), so a board can send it upstream and the repo's copy
can be brought up to date by replacing the file. Import reads such a file
back and says which details it would change: each change is then proposed,
and needs a second person like any other.
"""

from datetime import date
from typing import Dict, List

import yaml
from pydantic import ValidationError

from seen.board_details import MAX_FACTS
from seen.knowledge import AREA_DETAILS, TO_FILL, Area, Fact, Knowledge

MAX_IMPORT_BYTES = 64 * 1024


class AreaFileError(ValueError):
    """The file cannot be imported; the message says why, for the person importing."""


def export(kb: Knowledge, area_id: str, today: date) -> str:
    """``kb`` should be the knowledge Seen answers with (seen.local_details.overlaid)."""
    area = kb.areas[area_id]
    body = area.dict(exclude_none=True)
    for name in AREA_DETAILS:
        facts = area.detail(name)
        body[name] = TO_FILL if facts is None else [f.dict(exclude_none=True) for f in facts]
    header = (f"# {area.name}: exported from Seen's local details on {today.isoformat()}.\n"
              "# A detail whose source has `checked` was published by the area's board in Seen.\n")
    return header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=120)


def changes(kb: Knowledge, area_id: str, text: str) -> Dict[str, List[Fact]]:
    """The details the file would change for ``area_id``, each as its new facts.

    Only a board's own details come in this way: a changed detail that cites
    Seen's seeds is changed in knowledge/ itself, through review."""
    if len(text.encode("utf-8")) > MAX_IMPORT_BYTES:
        raise AreaFileError(f"That file is over {MAX_IMPORT_BYTES // 1024} kB; an area's details are much smaller.")
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        raise AreaFileError("That file is not YAML: export an area's details to see the format.") from None
    if not isinstance(data, dict):
        raise AreaFileError("That file is not an area's details: export an area's details to see the format.")
    if data.get("id") != area_id:
        raise AreaFileError(f"That file is for {data.get('id')!r}, not {area_id!r}.")
    try:
        imported = Area.parse_obj(data)
    except ValidationError as error:
        raise AreaFileError(f"That file has a mistake: {_first(error)}") from None
    current = kb.areas[area_id]
    changed = {}
    for name in AREA_DETAILS:
        new, now = imported.detail(name), current.detail(name)
        if new == now or new is None:
            continue
        if any(fact.board_source is None for fact in new):
            raise AreaFileError(f"{name} cites Seen's own sources: only details with the board's own source "
                               "and checked date can be imported.")
        if len(new) > MAX_FACTS:  # refused here, before anything is proposed: nothing half-imported
            raise AreaFileError(f"{kb.messages.area_detail_heading[name]}: a detail has at most {MAX_FACTS} "
                               "lines. Nothing was proposed.")
        changed[name] = new
    return changed


def _first(error: ValidationError) -> str:
    """The deepest error: for a detail, the fact's own, not "it is not TO_FILL"."""
    first = max(error.errors(), key=lambda e: len(e["loc"]))
    where = " → ".join(str(part) for part in first["loc"] if part not in ("__root__",))
    return f"{where}: {first['msg']}" if where else first["msg"]
