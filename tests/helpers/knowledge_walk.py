"""Everything loaded from knowledge/, walked generically, so a check over it
(citations, Seen's wording) covers content of a new kind without being told."""

from typing import FrozenSet, Iterator, Tuple

from pydantic import BaseModel


def walk(value: object, where: str = "knowledge", skip: FrozenSet[str] = frozenset()) -> Iterator[Tuple[str, object]]:
    """Every value inside ``value``: the models, their fields, list and dict
    items, down to the strings, each with where it is
    ("knowledge.topics[escalation].answer", a list item by its id if it has
    one). Fields named in ``skip`` are not entered."""
    yield where, value
    if isinstance(value, BaseModel):
        for name in type(value).__fields__:
            if name not in skip:
                yield from walk(getattr(value, name), f"{where}.{name}", skip)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{where}[{key}]", skip)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from walk(item, f"{where}[{getattr(item, 'id', index)}]", skip)
