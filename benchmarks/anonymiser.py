"""Measure the anonymiser on practitioners' sentences with labelled identifiers.

    .venv/bin/python benchmarks/anonymiser.py tests/heldout_pii/sentences.yml
    .venv/bin/python benchmarks/anonymiser.py tests/dev/pii_sentences.yml      (lists misses: tune on this one)
    .venv/bin/python -m benchmarks.anonymiser tests/dev/pii_sentences*.yml      (every dev set, pooled)

An identifier counts as removed when every letter and digit of it is inside a
placeholder. Reports recall per category and overall, the share of
safeguarding sentences left exactly as they were, and how often the
placeholder named the right category.

Then the same with the confirm step's questions ("Is 'Storm' a name?"),
each sentence a note: a simulated practitioner answers each question
truthfully (yes if and only if the word lies inside a labelled identifier of
that sentence), at most the configured number of questions a note, the most
doubtful first, each answer applying to every occurrence: a yes takes a word
out, a no puts back one the anonymiser took out in doubt ("Pram"). Reports
``recall_with_answers``, ``safeguarding_unchanged_with_answers`` and
``questions_per_note`` (the mean over every sentence, clean ones too) and
``questions_per_clean_note`` (over the clean ones alone: what asking costs
where there is nothing to find).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Dict, List, Set, Tuple

import yaml

from seen import knowledge
from seen.anonymise import default
from seen.anonymise.doubts import most_doubtful, occurrences

STRUCTURED = ("POSTCODE", "PHONE", "EMAIL", "NHS_NUMBER", "NI_NUMBER", "DATE", "REFERENCE")


def _spans(text: str, entity: str) -> List[range]:
    found, start = [], text.find(entity)
    while start != -1:
        found.append(range(start, start + len(entity)))
        start = text.find(entity, start + 1)
    return found


def _answered(text: str, entities: List[dict], limit: int) -> Tuple[Set[int], int]:
    """The characters of ``text`` that are inside a placeholder once a
    truthful practitioner has answered the confirm step's questions (yes if
    and only if the word lies inside a labelled identifier), and how many
    questions were asked."""
    anonymiser = default()
    asked = most_doubtful([anonymiser.doubts(text)], limit)
    inside = {i for entity in entities for span in _spans(text, entity["text"]) for i in span}
    names, kept = [], []
    for word in asked:
        spans = occurrences(text, word)
        is_a_name = any(i in inside for start, end in spans for i in range(start, end))
        (names if is_a_name else kept).append(word)
    covered = {i for f in anonymiser.find(text, kept) for i in range(f.start, f.end)}
    covered |= {i for word in names for start, end in occurrences(text, word) for i in range(start, end)}
    return covered, len(asked)


def measure(*paths: Path) -> Dict[str, object]:
    """The figures over every sentence of the sets at ``paths``, pooled."""
    sets = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in paths]
    data = {key: [item for one in sets for item in one[key]] for key in ("identifying", "safeguarding")}
    anonymiser = default()
    limit = knowledge.default().reflection.note.name_questions
    caught_with_answers, questions = 0, []
    total, caught, right_label = Counter(), Counter(), Counter()
    misses: List[str] = []
    for sentence in data["identifying"]:
        text = sentence["text"]
        found = anonymiser.find(text)
        covered = {i for f in found for i in range(f.start, f.end)}
        answered, asked = _answered(text, sentence["entities"], limit)
        questions.append(asked)
        for entity in sentence["entities"]:
            label = entity["label"]
            total[label] += 1
            spans = _spans(text, entity["text"])
            removed = all(i in covered for span in spans for i in span if text[i].isalnum())
            caught_with_answers += all(i in answered for span in spans for i in span if text[i].isalnum())
            if removed:
                caught[label] += 1
                labels = {f.label for f in found if any(f.start <= i < f.end for span in spans for i in span)}
                right_label[label] += label in labels
            else:
                misses.append(f"{label}: {entity['text']!r} in {anonymiser.anonymise(text)!r}")
    safe = data["safeguarding"]
    changed = [s for s in safe if anonymiser.anonymise(s) != s]
    changed_with_answers, clean_questions = 0, []
    for sentence in safe:
        answered, asked = _answered(sentence, [], limit)
        clean_questions.append(asked)
        changed_with_answers += bool(answered)
    questions += clean_questions
    structured_total = sum(total[k] for k in STRUCTURED)
    return {
        "sentences": len(data["identifying"]),
        "identifiers": sum(total.values()),
        "recall": {k: round(caught[k] / total[k], 4) for k in sorted(total)},
        "recall_structured": round(sum(caught[k] for k in STRUCTURED) / max(structured_total, 1), 4),
        "recall_names": round(caught["NAME"] / max(total["NAME"], 1), 4),
        "recall_overall": round(sum(caught.values()) / max(sum(total.values()), 1), 4),
        "right_label": round(sum(right_label.values()) / max(sum(caught.values()), 1), 4),
        "safeguarding_sentences": len(safe),
        "safeguarding_unchanged": round(1 - len(changed) / max(len(safe), 1), 4),
        "recall_with_answers": round(caught_with_answers / max(sum(total.values()), 1), 4),
        "safeguarding_unchanged_with_answers": round(1 - changed_with_answers / max(len(safe), 1), 4),
        "questions_per_note": round(sum(questions) / max(len(questions), 1), 4),
        "questions_per_clean_note": round(sum(clean_questions) / max(len(clean_questions), 1), 4),
        "_misses": misses,
        "_changed": [f"{s!r} -> {anonymiser.anonymise(s)!r}" for s in changed],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", type=Path, nargs="+", help="one set, or several to pool")
    args = parser.parse_args()
    result = measure(*args.paths)
    misses, changed = result.pop("_misses"), result.pop("_changed")
    json.dump(result, sys.stdout, indent=1)
    print()
    if all("dev" in path.parts for path in args.paths):
        for line in misses + changed:
            print("  " + line)


if __name__ == "__main__":
    main()
