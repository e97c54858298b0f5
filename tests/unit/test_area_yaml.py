"""An area's details go out as YAML that knowledge/ loads as it is, and come
back in as changes to propose: a board's own details only."""

import shutil
from datetime import date, timedelta

import pytest
import yaml

from seen import area_yaml, knowledge
from seen.area_yaml import AreaFileError
from seen.knowledge import Fact
from seen.local_details import overlaid
from seen.settings import KNOWLEDGE_DIR

KB = knowledge.default()
CHECKED = date.today() - timedelta(days=5)
PUBLISHED = {"derby": {"escalation": [Fact.parse_obj({
    "text": "Derby's escalation policy for professionals", "url": "https://www.derbyscb.org.uk/escalation",
    "source": {"url": "https://www.derbyscb.org.uk/escalation", "checked": CHECKED}})]}}


def test_an_export_replaces_the_repos_file_and_loads_with_the_published_detail(tmp_path):
    exported = area_yaml.export(overlaid(KB, PUBLISHED), "derby", date.today())
    root = shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge")
    (root / "areas" / "derby.yml").write_text(exported, encoding="utf-8")

    loaded = knowledge.load(root)

    assert loaded.areas["derby"].escalation == PUBLISHED["derby"]["escalation"]
    assert loaded.areas["derby"].board == KB.areas["derby"].board  # the seed's details as they were
    assert loaded.areas["derby"].front_door == "TO_FILL"


def test_an_edited_export_comes_back_as_the_changed_details_only():
    data = yaml.safe_load(area_yaml.export(overlaid(KB, PUBLISHED), "derby", date.today()))
    data["front_door"] = [{"text": "Initial Response Team", "phone": "01332 641172",
                           "source": {"title": "Derby contacts sheet", "section": "Front door", "checked": CHECKED}}]
    changed = area_yaml.changes(overlaid(KB, PUBLISHED), "derby", yaml.safe_dump(data))
    assert list(changed) == ["front_door"] and changed["front_door"][0].phone == "01332 641172"


@pytest.mark.parametrize("text, message", [
    ("front_door: [", "not YAML"),
    ("- a list", "not an area's details"),
    ("id: rochdale\nname: Rochdale", "for 'rochdale', not 'derby'"),
    ("id: derby\nname: Derby\nboard: TO_FILL", "mistake"),
    ("#" * (70 * 1024), "over 64 kB"),
])
def test_a_file_that_is_not_the_areas_details_is_refused_plainly(text, message):
    with pytest.raises(AreaFileError, match=message):
        area_yaml.changes(KB, "derby", text)


def test_a_changed_detail_citing_seens_own_seeds_is_not_imported():
    data = yaml.safe_load(area_yaml.export(KB, "derby", date.today()))
    data["tools"][0]["text"] = "the Graded Care Profile 2"
    with pytest.raises(AreaFileError, match="tools cites Seen's own sources"):
        area_yaml.changes(KB, "derby", yaml.safe_dump(data))


def test_an_http_source_in_a_file_is_refused_as_in_the_form():
    data = yaml.safe_load(area_yaml.export(KB, "derby", date.today()))
    data["front_door"] = [{"text": "Initial Response Team", "phone": "01332 641172",
                           "source": {"url": "http://www.derbyscb.org.uk/contact", "checked": CHECKED}}]
    with pytest.raises(AreaFileError, match="https://"):
        area_yaml.changes(KB, "derby", yaml.safe_dump(data))
