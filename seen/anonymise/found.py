"""An identifying detail found in a text, and how each finder reports one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator, List, Optional


@dataclass(frozen=True)
class Found:
    label: str
    start: int  # character offsets in the text
    end: int
    text: str
    #: Taken out on weak evidence (a word that is also English, read as a name
    #: by where it stands): the confirm step asks about it, and puts it back
    #: if the practitioner says it is no name ("Pram in the hallway").
    doubtful: bool = False


def matches(label: str, pattern: re.Pattern, text: str,
            keep: Optional[Callable[[str], bool]] = None) -> Iterator[Found]:
    for match in pattern.finditer(text):
        value = match.group().rstrip(".,;: \t\n")
        if value and (keep is None or keep(value)):
            yield Found(label, match.start(), match.start() + len(value), value)


def merged(found: List[Found]) -> List[Found]:
    """Overlapping details of the same kind are one ("since 1st" and "1st nov"),
    doubtful only if each part is."""
    result: List[Found] = []
    for item in sorted(found, key=lambda f: (f.label, f.start)):
        last = result[-1] if result else None
        if last and last.label == item.label and item.start < last.end:
            result[-1] = Found(last.label, last.start, max(last.end, item.end), "", last.doubtful and item.doubtful)
        else:
            result.append(item)
    return result

