"""The knowledge base loads, is complete, and rejects content a board could get wrong."""

import re
import shutil
from pathlib import Path

import pytest
import yaml

from seen import knowledge
from seen.knowledge import AREA_DETAILS, KnowledgeError
from seen.settings import KNOWLEDGE_DIR, PROJECT_DIR

#: The source documents, shipped with Seen so a clone anywhere can check
#: every citation against them (copied unchanged from ../shared/seeds/).
SEEDS_DIR = PROJECT_DIR / "knowledge" / "seeds"

REQUIRED_TOPICS = [
    "neglect_definition", "neglect_in_pregnancy", "poverty_and_neglect", "daily_lived_experience",
    "cumulative_impact", "voice_of_child", "disguised_compliance", "start_again_syndrome",
    "drift_and_delay", "thresholds_significant_harm", "good_enough_care", "think_family",
    "information_sharing", "chronology_genogram", "graded_care_profile", "neglect_toolkit",
    "early_help_assessment", "dvrim", "written_agreements", "smart_goals", "honest_conversations",
    "escalation", "supervision", "missed_appointments", "accidents_injuries", "vulnerable_children",
    "why_neglect_matters",
]


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A throw-away copy of knowledge/ that a test may break."""
    return Path(shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge"))


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False))


def test_shipped_knowledge_loads():
    kb = knowledge.load()
    assert set(REQUIRED_TOPICS) <= set(kb.topics)
    assert {"salford", "sandwell", "north_somerset", "derby", "rochdale", "england"} <= set(kb.areas)


def test_salford_and_rochdale_share_the_greater_manchester_procedure():
    kb = knowledge.load()
    for area in ("salford", "rochdale"):
        texts = " ".join(f.text for f in kb.areas[area].detail("procedures"))
        assert "GM" in texts or "Greater Manchester" in texts, area


def test_the_generic_route_is_complete_so_every_unfilled_detail_has_an_answer():
    kb = knowledge.load()
    generic = kb.areas[kb.fallback_area]
    assert all(generic.detail(name) for name in AREA_DETAILS)
    route = " ".join(f.text for f in generic.detail("escalation"))
    assert "0808 800 5000" in route and "designated safeguarding lead" in route


@pytest.mark.parametrize(
    "breakage, expected",
    [
        (lambda t: t.update(colour="blue"), "extra fields not permitted"),
        (lambda t: t.update(sources=[]), "sources"),
        (lambda t: t.pop("sources"), "sources"),
        (lambda t: t.update(examples=[]), "examples"),
        (lambda t: t["sources"][0].update(file="made_up.txt"), "not in sources.yml"),
        (lambda t: t.update(related=["no_such_topic"]), "unknown topic"),
        (lambda t: t.update(area_details=["phone_number"]), "area_details"),
    ],
    ids=["unknown field", "empty sources", "missing sources", "no examples", "unknown source", "bad related",
         "bad detail"],
)
def test_a_broken_topic_stops_the_load_naming_the_problem(kb_copy, breakage, expected):
    _edit(kb_copy / "topics" / "disguised_compliance.yml", breakage)
    with pytest.raises(KnowledgeError, match=expected):
        knowledge.load(kb_copy)


def _question(reflection: dict, question_id: str) -> dict:
    return next(q for q in reflection["questions"] if q["id"] == question_id)


def _prompt(reflection: dict, prompt_id: str) -> dict:
    return next(p for p in reflection["prompts"] if p["id"] == prompt_id)


@pytest.mark.parametrize(
    "breakage, expected",
    [
        (lambda r: r["questions"][0].update(topic="no_such_topic"), "unknown topic"),
        (lambda r: _question(r, "daily_life").update(ask_if={"question": "threshold", "is": ["yes"]}),
         "not an earlier question"),
        (lambda r: _question(r, "needs_met").update(ask_if={"question": "additional_needs", "is": ["maybe"]}),
         "cannot be"),
        (lambda r: _prompt(r, "no_tool").update(when={"question": "tool"}), "a condition is"),
        (lambda r: _prompt(r, "drift")["when"]["any"][1].update(mentions=["(unclosed"]), "not a valid pattern"),
        (lambda r: _prompt(r, "drift")["sources"][0].update(file="made_up.txt"), "not in sources.yml"),
        (lambda r: _prompt(r, "drift").update(sources=[]), "sources"),
        (lambda r: _question(r, "tool").pop("choices"), "choices go with kind: choice"),
        (lambda r: r["commands"].pop("go_back"), "commands without examples"),
        (lambda r: _question(r, "voice").pop("said_if"), "heard_said goes with a text question and its said_if"),
        (lambda r: _question(r, "voice")["said_if"].update({"is": ["age_5_to_11"]}), "cannot be"),
    ],
    ids=["unknown topic", "branch on a later question", "impossible value", "empty condition", "bad pattern",
         "unknown source", "prompt without source", "choice without choices", "command without examples",
         "words for what was said, for no age", "misspelt age band for what was said"],
)
def test_a_broken_reflection_stops_the_load_naming_the_problem(kb_copy, breakage, expected):
    _edit(kb_copy / "reflection.yml", breakage)
    with pytest.raises(KnowledgeError, match=expected):
        knowledge.load(kb_copy)


def _own(items: list, item_id: str) -> dict:
    """A question or prompt the follow-up gives itself (not one of reflection.yml's, named by id)."""
    return next(item for item in items if isinstance(item, dict) and item["id"] == item_id)


def _plan_drift(follow_up: dict) -> dict:
    return _own(follow_up["prompts"], "plan_drift")


@pytest.mark.parametrize(
    "breakage, expected",
    [
        (lambda f: _plan_drift(f)["when"]["all"][1].update(at_least=None, **{"is": ["4"]}), "at_least goes with"),
        (lambda f: _plan_drift(f)["when"]["all"][0].update(at_least=3), "a condition is"),
        (lambda f: _own(f["questions"], "daily_life").update(ask_if={"question": "earlier_lunch", "is": ["answered"]}),
         "not an earlier question"),
        (lambda f: f["facts"].update(earlier_threshold={"value_of": "no_such_question"}), "no question"),
        (lambda f: f["facts"].update(plan_months={"plan_months": True, "notes": True}), "one of"),
        (lambda f: f.pop("finding"), "finding and earlier_note"),
        (lambda f: f["questions"].append("no_such_question"), "questions"),
        (lambda f: _plan_drift(f)["sources"][0].update(file="made_up.txt"), "not in sources.yml"),
    ],
    ids=["at_least on a choice", "at_least on a question", "an unknown fact", "a fact of no question",
         "a fact of two kinds", "no words to find a case", "a question of reflection.yml that is not there",
         "unknown source"],
)
def test_a_broken_follow_up_stops_the_load_naming_the_problem(kb_copy, breakage, expected):
    _edit(kb_copy / "follow_up.yml", breakage)
    with pytest.raises(KnowledgeError, match=expected):
        knowledge.load(kb_copy)


def test_the_follow_up_takes_what_it_does_not_say_from_the_first_reflection():
    kb = knowledge.load()
    assert kb.follow_up.commands == kb.reflection.commands and kb.follow_up.note.buttons == kb.reflection.note.buttons
    assert kb.follow_up.note.heading != kb.reflection.note.heading
    assert {"better", "same", "worse", "yes", "no"} <= set(kb.follow_up.choice_labels)
    threshold = next(q for q in kb.follow_up.questions if q.id == "threshold")
    assert threshold == next(q for q in kb.reflection.questions if q.id == "threshold")


@pytest.mark.parametrize(
    "breakage, expected",
    [
        (lambda r: r["age_bands"][2].update(under_years=0.5), "must rise"),
        (lambda r: r["age_bands"][0].update(under_years=1), "before birth"),
        (lambda r: r["age_bands"][4].pop("under_years"), "before birth"),
        (lambda r: r["understanding"].update(goodbye_max_words=0), "goodbye_max_words"),
        (lambda r: r["note"].pop("save_max_words"), "save_max_words"),
    ],
    ids=["ages out of order", "an age before birth", "a band without an age", "no words", "missing limit"],
)
def test_a_reflection_limit_that_cannot_hold_stops_the_load(kb_copy, breakage, expected):
    _edit(kb_copy / "reflection.yml", breakage)
    with pytest.raises(KnowledgeError, match=expected):
        knowledge.load(kb_copy)


def test_an_area_missing_a_detail_stops_the_load(kb_copy):
    _edit(kb_copy / "areas" / "derby.yml", lambda a: a.pop("escalation"))
    with pytest.raises(KnowledgeError, match="escalation"):
        knowledge.load(kb_copy)


def test_a_topic_whose_id_does_not_match_its_file_stops_the_load(kb_copy):
    _edit(kb_copy / "topics" / "dvrim.yml", lambda t: t.update(id="dvrim_two"))
    with pytest.raises(KnowledgeError, match="must match the file name"):
        knowledge.load(kb_copy)


@pytest.mark.parametrize("where", ["categories", "anywhere_categories"])
def test_a_misspelt_category_in_the_999_stand_downs_stops_the_load(kb_copy, where):
    """Otherwise the stand-down would quietly apply to nothing."""
    _edit(kb_copy / "safety.yml", lambda rules: rules["not_now"][where].append("serious_injuries"))
    with pytest.raises(KnowledgeError, match="serious_injuries"):
        knowledge.load(kb_copy)


def test_invalid_yaml_is_reported_with_its_file(kb_copy):
    (kb_copy / "topics" / "smart_goals.yml").write_text("id: [unclosed\n")
    with pytest.raises(KnowledgeError, match="smart_goals.yml"):
        knowledge.load(kb_copy)


def test_every_cited_seed_file_exists():
    """Topics cite the seeds, or the brief's general route (the designated
    safeguarding lead or manager, the front door, the NSPCC helpline, 999)."""
    kb = knowledge.load()
    seed_files = {p.name for p in SEEDS_DIR.iterdir()} | {"issue_2_brief"}
    cited = {s.file for t in kb.topics.values() for s in t.sources}
    assert cited <= seed_files, f"cited but not in {SEEDS_DIR}: {cited - seed_files}"


def _all_text(kb) -> str:
    return yaml.safe_dump(kb.dict(), allow_unicode=True)


def test_no_phone_number_or_web_address_is_invented():
    """Every number and address Seen can say is printed in a seed, given by the
    brief, or published by the area's board in a fact that carries the board's
    own source and the day it was checked (exported from the supervision app)."""
    kb = knowledge.load()
    seeds = " ".join(p.read_text(encoding="utf-8") for p in SEEDS_DIR.glob("*.txt"))
    board_facts = [f for a in kb.areas.values() for n in AREA_DETAILS for f in a.detail(n) or [] if f.board_source]
    allowed = {"0808 800 5000"} | {f.phone for f in board_facts if f.phone}  # NSPCC: issue 2's generic route
    published = {u for f in board_facts for u in (f.url, f.board_source.url) if u}
    text = _all_text(kb)
    phones = set(re.findall(r"\b0\d{2,4}[ -]?\d{3}[ -]?\d{3,4}\b", text))
    assert phones <= allowed, f"phone numbers not in the sources: {phones - allowed}"
    for address in set(re.findall(r"(?:https?://|www\.)[\w./-]+", text)) - published:
        address = address.rstrip(".")
        if "://" in address:  # sources.yml gives "www.rbscb.org", printed without a scheme, as http://
            assert knowledge.printed_in(address, seeds), f"{address} is not printed in any seed"
        else:
            assert address in seeds, f"{address} is not printed in any seed"


def test_every_topic_question_example_is_unique_across_topics():
    kb = knowledge.load()
    seen_where = {}
    for topic in kb.topics.values():
        for example in topic.examples:
            key = example.lower().strip(" ?.!")
            assert key not in seen_where, f"{example!r} is in both {seen_where[key]} and {topic.id}"
            seen_where[key] = topic.id
