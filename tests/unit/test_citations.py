"""Every citation in knowledge/ can be followed to the document it names
(issue 17): each section label is a heading or numbered section that seed
really prints, and an area gives only its own board's document. A wrong label
sends a practitioner looking for a part of a document that is not there;
another board's document in an area's answer gives them someone else's
procedure as their own."""

import re
from functools import lru_cache
from typing import Iterable, List, Optional, Set, Tuple

import pytest
import yaml

from seen import knowledge
from seen.knowledge import Area, Fact, Source, follow_up_yaml
from seen.settings import KNOWLEDGE_DIR
from tests.helpers.knowledge_walk import walk

KB = knowledge.default()
SEEDS_DIR = KNOWLEDGE_DIR / "seeds"
#: The source documents: the seeds' own text is what every label is checked against.
SEEDS = {p.name for p in SEEDS_DIR.glob("*.txt")}

#: Each area's own document, from the table in knowledge/seeds/README.md
#: (sources.yml records who published each document, not the area it covers).
#: The general route, the fallback area, has none: it cites Seen's own note.
AREA_SEEDS = {
    "salford": "000_b86a29f664dcf464.txt",
    "sandwell": "001_fd59a87277a8d41d.txt",
    "north_somerset": "002_f7d2961b71dad191.txt",
    "derby": "003_05de88fadc29eae6.txt",
    "rochdale": "004_63a6ed0acc0edc83.txt",
}

#: Longer than this, a numbered line is a list item and a line on its own is text, not a heading.
NUMBERED_MAX_WORDS = 12
ALONE_MAX_WORDS = 6

Words = Tuple[str, ...]
Section = Tuple[Optional[int], Words]  # (its number, if it has one; its heading or opening words)


def own_notes() -> Set[str]:
    """The documents sources.yml lists that are not seeds: Seen's own notes (the
    general route), which have no text to check a label against."""
    return set(KB.sources) - SEEDS


def citations(model: object, where: str) -> List[Tuple[str, Source]]:
    """Every Source anywhere in a loaded model, with where it is ("topics[dvrim].sources[0]")."""
    return [(w, value) for w, value in walk(model, where) if isinstance(value, Source)]


def words(text: str) -> Words:
    """Lower-case words and numbers only, so case, spacing, punctuation, the kind
    of dash or apostrophe and markup (**bold**, <u>) make no difference."""
    text = re.sub(r"<[^>]+>", " ", text).lower()
    return tuple(re.findall(r"[^\W_]+", re.sub(r"['’‘`]", "", text)))


@lru_cache(maxsize=None)
def sections(seed: str) -> List[Section]:
    """The headings a seed prints: its title (its first line), markdown headings
    ("# Salford Analysis"), numbered sections ("6. How will we do this?", or a
    number on its own line whose section opens "What can we do now?") and short
    lines standing alone between blank lines ("Vision", "Questions:")."""
    lines = [line.strip() for line in (SEEDS_DIR / seed).read_text(encoding="utf-8").splitlines()]
    found: List[Section] = [(None, words(next(line for line in lines if line).lstrip("#")))]
    for i, line in enumerate(lines):
        heading = re.fullmatch(r"#+\s*(.*)", line)
        numbered = re.fullmatch(r"(\d{1,2})(?:\.|\b)\s*(.*)", line)
        alone = bool(line) and (i == 0 or not lines[i - 1]) and (i + 1 == len(lines) or not lines[i + 1])
        if heading:
            found.append((None, words(heading.group(1))))
        elif numbered and not re.search(r"[^\W\d_]", numbered.group(2)):  # "6", "01 🗸 0" alone on its line
            # A briefing's box number is printed just after its heading ("What to do?", "07") or just
            # before it ("06", "Information:"); a section numbered "3" alone opens with what it is.
            before = next((earlier for earlier in reversed(lines[:i]) if earlier), "")
            if len(words(before)) <= ALONE_MAX_WORDS and not before.endswith("."):
                found.append((int(numbered.group(1)), words(before.lstrip("#"))))
            opening = next((later for later in lines[i + 1:] if later), "")
            found.append((int(numbered.group(1)), words(opening)))
        elif numbered:
            if len(words(numbered.group(2))) <= NUMBERED_MAX_WORDS:
                found.append((int(numbered.group(1)), words(numbered.group(2))))
        elif alone and not re.match(r"[-*•❖]", line) and not line.rstrip("*").endswith("."):
            if len(words(line)) <= ALONE_MAX_WORDS:
                found.append((None, words(line)))
    return found


def names_a_section(label: str, seed: str) -> bool:
    """Whether one label names a section the seed prints: its heading, or its
    number, before or after, with none, some or all of its heading or opening
    words ("3 – Key assurance questions", "07 What to do?", "Information – 06"),
    or a heading the seed never numbers with a number Seen gives it. A heading
    the seed does number must carry its own number. "title page" names the
    seed's opening lines."""
    label_words = words(label)
    found = sections(seed)
    if label_words == ("title", "page"):  # the seed's opening lines: its title, board and reference
        return True
    if label_words and any(label_words == heading for _, heading in found):
        return True
    if label_words[:1] and label_words[0].isdigit():
        number, rest = int(label_words[0]), label_words[1:]
    elif len(label_words) > 1 and label_words[-1].isdigit():
        number, rest = int(label_words[-1]), label_words[:-1]
    else:
        return False
    if any(n == number and heading[:len(rest)] == rest for n, heading in found):
        return True
    numbered = {heading for n, heading in found if n is not None}
    return bool(rest) and rest not in numbered and (None, rest) in found


def unprinted_labels(cited: Iterable[Tuple[str, Source]], notes: Set[str]) -> List[str]:
    """One line for each label that names no section of its seed, and each
    citation of a file that is neither a seed nor listed in sources.yml."""
    problems = []
    for where, source in cited:
        if source.file not in SEEDS:
            if source.file not in notes:
                problems.append(f"{where}: {source.file} (section {source.section!r}) is not a seed, and "
                                "sources.yml does not list it")
            continue
        for label in re.split(r"\s*;\s*", source.section):
            if not names_a_section(label, source.file):
                problems.append(f"{where}: {source.file} prints no heading or numbered section {label!r}")
    return problems


def foreign_sources(areas: Iterable[Area], notes: Set[str]) -> List[str]:
    """One line for each area fact cited from a document that is neither the
    area's own nor Seen's own note. (Salford's Greater Manchester procedure is
    such a note, seeds/README.md: Salford's own document never names it.)"""
    problems = []
    for area in areas:
        own = AREA_SEEDS.get(area.id)
        if own is None and area.id != KB.fallback_area:
            problems.append(f"area {area.id}: no document in AREA_SEEDS (knowledge/seeds/README.md's table)")
        for where, source in citations(area, f"area {area.id}"):
            if source.file not in notes | {own}:
                problems.append(f"{where} cites {source.file} ({source.section!r}), "
                                f"which is not {area.id}'s own document ({own}) nor Seen's own note")
    return problems


def _source_mappings(data: object) -> int:
    """How many {file, section} mappings the YAML holds, read without the models."""
    if isinstance(data, dict):
        return (set(data) == {"file", "section"}) + sum(_source_mappings(v) for v in data.values())
    if isinstance(data, list):
        return sum(_source_mappings(v) for v in data)
    return 0


def test_every_cited_section_is_a_section_of_its_seed():
    """A practitioner told "Salford Analysis" must find "Salford Analysis" in
    Salford's document: every label, each part of a joined one, is a heading or
    numbered section its seed prints."""
    cited = list(citations(KB, "knowledge"))
    read = {p: yaml.safe_load(p.read_text(encoding="utf-8")) for p in KNOWLEDGE_DIR.rglob("*.yml")}
    # The follow-up takes some questions and prompts of reflection.yml by id: count them as it reads them.
    follow_up = KNOWLEDGE_DIR / "follow_up.yml"
    read[follow_up] = follow_up_yaml(read[KNOWLEDGE_DIR / "reflection.yml"], read[follow_up])
    in_yaml = sum(_source_mappings(data) for data in read.values())
    assert len(cited) == in_yaml, "the walk over the loaded knowledge missed citations"
    problems = unprinted_labels(cited, own_notes())
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("file, section, wrong", [
    ("004_63a6ed0acc0edc83.txt", "What to do next?", "What to do next?"),
    ("001_fd59a87277a8d41d.txt", "3 – Key strengths", "3 – Key strengths"),
    ("001_fd59a87277a8d41d.txt", "9", "9"),
    ("004_63a6ed0acc0edc83.txt", "Questions; Information – 05", "Information – 05"),
    ("003_05de88fadc29eae6.txt", "What we found; What we did next", "What we did next"),
    ("000_b86a29f664dcf464.txt", "What we found", "What we found"),
    ("002_f7d2961b71dad191.txt", "the box at the foot of page 3", "the box at the foot of page 3"),
    ("issue_3_brief", "generic route", "generic route"),
], ids=["made-up heading", "another section's number", "no such section", "a numbered heading's wrong number",
        "one part of a joined label", "another seed's heading", "a description, not a heading",
        "neither seed nor note"])
def test_a_label_its_seed_does_not_print_is_reported(file, section, wrong):
    """The check fails on a fabricated label, naming the item, file and label."""
    problems = unprinted_labels([("topics[made_up].sources[0]", Source(file=file, section=section))], own_notes())
    assert len(problems) == 1, problems
    assert all(part in problems[0] for part in ("topics[made_up].sources[0]", file, repr(wrong))), problems[0]


def test_each_area_cites_only_its_own_board_or_the_general_route():
    """Derby's answer never gives Rochdale's procedure as Derby's: an area's
    facts cite its own board's document or Seen's own notes (the general route)."""
    table = (SEEDS_DIR / "README.md").read_text(encoding="utf-8")
    for area, seed in AREA_SEEDS.items():
        row = next(line for line in table.splitlines() if line.startswith(f"| {seed} "))
        assert KB.areas[area].name in row.split("|")[-2], f"README.md's table gives {seed} to another area"
    problems = foreign_sources(KB.areas.values(), own_notes())
    assert not problems, "\n".join(problems)


ROCHDALES = Source(file="004_63a6ed0acc0edc83.txt", section="GM Neglect Procedure")


def test_an_area_citing_another_boards_document_is_reported():
    """The check fails on a fabricated source, naming the area, detail and source."""
    area = KB.areas["derby"].copy(update={"escalation": [Fact(text="the GM escalation policy", source=ROCHDALES)]})
    problems = foreign_sources([area], own_notes())
    assert len(problems) == 1, problems
    assert all(part in problems[0] for part in ("area derby", "escalation", ROCHDALES.file)), problems[0]
