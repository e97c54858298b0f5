"""Every source Seen names is named so a practitioner can read it: the
document's own title, board and year, never the file name it is keyed by in
knowledge/sources.yml."""

import re
import shutil
from pathlib import Path
from typing import Iterable, List

import pytest
import yaml

from seen import knowledge, note_draft, replies, summary
from seen.knowledge import KnowledgeError
from seen.replies import Reply
from seen.settings import KNOWLEDGE_DIR

KB = knowledge.load()
SEEDS_DIR = KNOWLEDGE_DIR / "seeds"

#: Anything that looks like a file name: a seed's (000_b86a29f664dcf464.txt),
#: any key of sources.yml with an extension, or a key that is not a document.
FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt|\b[\w-]+\.(?:txt|md)\b")
KEYS = sorted(KB.sources)


def a(value=None, text=None):
    return {"value": value, "text": text}


#: Answers for which every prompt rule in knowledge/reflection.yml fires.
EVERY_PROMPT = {
    "age_band": a("under_1"),
    "premature_health": a("yes"),
    "missed_appointments": a("yes"),
    "additional_needs": a("yes"),
    "caring_role": a("yes"),
    "seen_alone": a("no"),
    "history": a(text="Several referrals over the years, CIN twice"),
    "chronology": a("no"),
    "raised_with_family": a(text="mum agrees to everything at TAF but nothing changes"),
    "disguised_compliance": a("yes"),
    "adult_needs": a("yes"),
    "adult_services": a("no"),
    "plan": a(text="CIN plan for 9 months, nothing has really changed"),
    "plan_progress": a("no"),
    "tool": a("no"),
    "threshold": a("not_sure"),
    "daily_life": a(text="Baby left in the cot most of the day, bottles propped."),
    "feeding_weight": a(text="Weight has dropped two centiles since the last check."),
}


def assert_no_file_name(texts: Iterable[str]) -> None:
    for text in texts:
        found = FILE_NAME.findall(text)
        assert not found, f"file name {found} in: {text}"
        keys = [key for key in KEYS if key in text]
        assert not keys, f"sources.yml key {keys} in: {text}"


def titles(sources) -> List[str]:
    return [KB.sources[s.file].title for s in sources]


def all_text(sent: Iterable[Reply]) -> List[str]:
    return [r.text for r in sent] + [b.title for r in sent for b in r.buttons]


@pytest.mark.parametrize("area_id", [None, *KB.areas])
def test_no_topic_answer_names_a_file_and_every_one_names_its_documents_by_title(area_id):
    area = KB.areas[area_id] if area_id else None
    for topic in KB.topics.values():
        sent = replies.topic_answer(KB, topic, area)
        assert_no_file_name(all_text(sent))
        sources_line = sent[1].text
        for title in titles(topic.sources):
            assert title in sources_line, (topic.id, title)


def test_every_document_is_named_by_title_board_and_year_somewhere():
    shown = " ".join(replies.topic_answer(KB, t, None)[1].text for t in KB.topics.values())
    for key in (p.name for p in SEEDS_DIR.glob("*.txt")):
        assert KB.sources[key].name() in shown, key


def test_a_source_reads_title_board_year_sections_then_the_address_it_prints():
    sandwell = [knowledge.Source(file="001_fd59a87277a8d41d.txt", section="5 – Key areas of development"),
                knowledge.Source(file="001_fd59a87277a8d41d.txt", section="6 – What can we do now?")]
    derby = knowledge.Source(file="003_05de88fadc29eae6.txt", section="What we found")
    assert replies.cite(KB, [sandwell[0], derby, sandwell[1]]) == (
        "7 Minute Briefing – Neglect Audit (Sandwell Safeguarding Children Board, 2017): "
        "5 – Key areas of development, 6 – What can we do now? — http://westmidlands.procedures.org.uk; "
        "Neglect in Derby – what you need to know (Derby Safeguarding Children Board): What we found")


def test_a_document_without_board_or_year_is_named_by_its_title_alone():
    brief = knowledge.Source(file="issue_2_brief", section="generic route")
    assert replies.cite(KB, [brief]) == f"{KB.sources['issue_2_brief'].title}: generic route"
    assert replies.cite_each(KB, [brief]) == [replies.cite(KB, [brief])]


@pytest.mark.parametrize("area_id", list(KB.areas))
def test_no_reflection_prompt_names_a_file_and_every_one_names_its_documents_by_title(area_id):
    for rule in KB.reflection.prompts:
        for route_follows in (False, True):
            text = summary.prompt_reply(KB, rule, KB.areas[area_id], route_follows).text
            assert_no_file_name([text])
            for title in titles(rule.sources):
                assert title in text, (rule.id, title)


def test_every_prompt_rule_fires_for_the_answers_used_below():
    assert {r.id for r in summary.fired(KB, EVERY_PROMPT)} == {r.id for r in KB.reflection.prompts}


@pytest.mark.parametrize("area_id", list(KB.areas))
def test_the_summary_with_every_prompt_names_no_file(area_id):
    sent = summary.build(KB, EVERY_PROMPT, "health_visitor", KB.areas[area_id])
    assert_no_file_name(all_text(sent))
    text = "\n".join(r.text for r in sent)
    for rule in summary.fired(KB, EVERY_PROMPT):
        for title in titles(rule.sources):
            assert title in text, (rule.id, title)


def test_the_note_draft_and_what_it_stores_name_no_file():
    draft = note_draft.build(KB, EVERY_PROMPT, "health_visitor", KB.areas["derby"])
    assert len(draft.prompts) == len(KB.reflection.prompts)
    rendered = note_draft.render(KB, draft).text
    assert_no_file_name([rendered])
    stored = [s for p in draft.prompts for s in p["sources"]]
    assert_no_file_name(stored)
    for rule in KB.reflection.prompts:
        kept = next(p for p in draft.prompts if p["id"] == rule.id)
        assert len(kept["sources"]) == len({s.file for s in rule.sources}), rule.id  # each document once
        for title in titles(rule.sources):
            assert title in rendered and any(title in s for s in kept["sources"]), (rule.id, title)


def test_other_replies_name_no_file():
    sent = [replies.emergency(KB), replies.help_reply(KB), replies.context_set(KB, None, "teacher")]
    for area in KB.areas.values():
        sent += [replies.out_of_scope(KB, area), replies.context_set(KB, area, "teacher"),
                 replies.area_details(KB, area, knowledge.AREA_DETAILS)]
        sent += replies.emergency_follow_up(KB, area, KB.topics["accidents_injuries"])
    assert_no_file_name(all_text(sent))


# The schema: what a document's display details may hold.

@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge"))


def _edit_sources(root: Path, change) -> None:
    path = root / "sources.yml"
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))


def test_every_seed_document_has_a_title_and_a_board():
    for seed in SEEDS_DIR.glob("*.txt"):
        document = KB.sources[seed.name]
        assert document.title and document.board, seed.name


def test_every_url_is_printed_in_its_own_seed():
    for key, document in KB.sources.items():
        if document.url:
            assert knowledge.printed_in(document.url, (SEEDS_DIR / key).read_text(encoding="utf-8")), key


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda s: s["003_05de88fadc29eae6.txt"].update(url="https://www.derbyscb.org.uk"), "not printed in"),
        (lambda s: s["003_05de88fadc29eae6.txt"].update(url="http://www.rbscb.org"), "not printed in"),
        (lambda s: s["001_fd59a87277a8d41d.txt"].update(url="https://westmidlands.procedures.org.uk"),
         "not printed in"),
        (lambda s: s["004_63a6ed0acc0edc83.txt"].update(url="www.rbscb.org"), "url"),
        (lambda s: s["004_63a6ed0acc0edc83.txt"].update(url="ftp://www.rbscb.org"), "url"),
        (lambda s: s["issue_2_brief"].update(url="http://www.rbscb.org"), "no seed"),
        (lambda s: s["003_05de88fadc29eae6.txt"].update(year="around 2017"), "year"),
        (lambda s: s["003_05de88fadc29eae6.txt"].pop("title"), "title"),
        (lambda s: s["003_05de88fadc29eae6.txt"].update(publisher="Derby"), "extra fields"),
        (lambda s: s.update({"003_05de88fadc29eae6.txt": "Neglect in Derby"}), "003_05de88fadc29eae6.txt"),
        (lambda s: s.pop("003_05de88fadc29eae6.txt"), "not in sources.yml"),
    ],
    ids=["invented url", "another seed's url", "other scheme", "no scheme", "not http", "url without a seed",
         "guessed year", "no title", "unknown field", "a bare string", "cited but missing"],
)
def test_bad_display_details_stop_the_load(kb_copy, change, expected):
    _edit_sources(kb_copy, change)
    with pytest.raises(KnowledgeError, match=expected):
        knowledge.load(kb_copy)
