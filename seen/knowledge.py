"""Load and validate the content in ``knowledge/``.

Everything Seen says comes from these YAML files, so they are checked against
a strict schema when loaded: an unknown field, a missing source or a topic with
no example questions stops the load with a message naming the file.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Literal, Optional, Union

import yaml
from pydantic import BaseModel, Extra, Field, ValidationError, root_validator, validator

from seen.settings import KNOWLEDGE_DIR

#: The marker a board replaces with its own detail (a phone number, a web
#: address, a team) once it has confirmed it. Until then Seen gives the
#: generic route instead of guessing.
TO_FILL = "TO_FILL"

AreaDetailName = Literal["board", "procedures", "tools", "thresholds", "front_door", "escalation"]
AREA_DETAILS = AreaDetailName.__args__


class KnowledgeError(ValueError):
    """The content in ``knowledge/`` is missing or does not match the schema."""


class _Strict(BaseModel):
    class Config:
        extra = Extra.forbid
        allow_mutation = False
        anystr_strip_whitespace = True


class Source(_Strict):
    """Where a statement comes from: a document listed in sources.yml, and its section."""

    file: str = Field(..., min_length=1)
    section: str = Field(..., min_length=1)


class Fact(_Strict):
    """One sourced statement about an area. ``url`` only when the source prints it."""

    text: str = Field(..., min_length=1)
    url: Optional[str] = None
    source: Source


class Topic(_Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    title: str = Field(..., min_length=1)
    answer: str = Field(..., min_length=40)
    sources: List[Source] = Field(..., min_items=1)
    examples: List[str] = Field(..., min_items=1)
    related: List[str] = []
    area_details: List[AreaDetailName] = []

    @validator("examples")
    def _examples_unique(cls, examples: List[str]) -> List[str]:
        lowered = [e.lower() for e in examples]
        if len(set(lowered)) != len(lowered):
            raise ValueError("examples repeat each other")
        return examples


AreaDetail = Union[Literal["TO_FILL"], List[Fact]]


class Area(_Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    name: str
    aliases: List[str] = []
    board: AreaDetail
    procedures: AreaDetail
    tools: AreaDetail
    thresholds: AreaDetail
    front_door: AreaDetail
    escalation: AreaDetail

    def detail(self, name: str) -> Optional[List[Fact]]:
        """The facts for one detail, or None while the board has still to fill it in."""
        value = getattr(self, name)
        return None if value == TO_FILL else value


class Role(_Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    name: str
    aliases: List[str] = Field(..., min_items=1)


class NotNowCues(_Strict):
    """Cues that a danger is past or absent, for the categories listed, unless
    another cue says it is happening now."""

    categories: List[str] = Field(..., min_items=1)
    cues: List[str] = Field(..., min_items=1)
    unless: List[str] = Field(..., min_items=1)


class HypotheticalCues(_Strict):
    cues: List[str] = Field(..., min_items=1)


class SafetyRules(_Strict):
    """Phrases that mean a child may be in immediate danger (see safety.py)."""

    patterns: Dict[str, List[str]] = Field(..., min_items=1)
    not_now: NotNowCues
    hypothetical: HypotheticalCues
    source: Source

    @validator("patterns")
    def _patterns_compile(cls, patterns: Dict[str, List[str]]) -> Dict[str, List[str]]:
        for category, expressions in patterns.items():
            for expression in expressions:
                try:
                    re.compile(expression)
                except re.error as error:
                    raise ValueError(f"{category}: {expression!r} is not a valid pattern: {error}")
        return patterns


class ReflectiveQuestion(_Strict):
    text: str = Field(..., min_length=1)
    topic: str


class Reflection(_Strict):
    """The reflective questions from the serious case reviews, each with the
    topic that explains it."""

    intro: str
    questions: List[ReflectiveQuestion] = Field(..., min_items=1)
    source: Source


class Messages(_Strict):
    """Every reply that is not a topic answer; a missing one fails the load."""

    call_999: str
    greet: str
    help: str
    help_buttons_title: str
    thanks: str
    goodbye: str
    emergency: str
    emergency_not_urgent: str
    ask_area: str
    ask_area_detail_names: Dict[AreaDetailName, str]
    other_area_button: str
    context_role_and_area: str
    context_area_only: str
    context_set: str
    context_role_only: str
    context_unknown_area: str
    area_heading: str
    area_detail_heading: Dict[AreaDetailName, str]
    board_to_fill: str
    sources_line: str
    follow_up: str
    out_of_scope: str
    affirm: str
    deny: str


class Knowledge(_Strict):
    sources: Dict[str, str]
    messages: Messages
    topics: Dict[str, Topic]
    areas: Dict[str, Area]
    roles: Dict[str, Role]
    safety: SafetyRules
    reflection: Reflection
    fallback_area: str

    @root_validator(skip_on_failure=True)
    def _references_resolve(cls, values: dict) -> dict:
        known_files = set(values["sources"])
        topics: Dict[str, Topic] = values["topics"]
        cited = [(f"topic {t.id}", s) for t in topics.values() for s in t.sources]
        for area in values["areas"].values():
            for name in AREA_DETAILS:
                facts = area.detail(name) or []
                cited += [(f"area {area.id} {name}", f.source) for f in facts]
        cited.append(("safety", values["safety"].source))
        cited.append(("reflection", values["reflection"].source))
        for where, source in cited:
            if source.file not in known_files:
                raise ValueError(f"{where} cites {source.file!r}, which is not in sources.yml")
        for topic in topics.values():
            for other in topic.related:
                if other not in topics:
                    raise ValueError(f"topic {topic.id} relates to unknown topic {other!r}")
        for question in values["reflection"].questions:
            if question.topic not in topics:
                raise ValueError(f"reflective question {question.text!r} names unknown topic {question.topic!r}")
        if values["fallback_area"] not in values["areas"]:
            raise ValueError(f"fallback area {values['fallback_area']!r} has no file")
        return values

    def find_role(self, name: str) -> Optional[Role]:
        """The role whose id, name or alias is ``name`` (any case), if any."""
        wanted = name.strip().lower()
        for role in self.roles.values():
            if wanted in {role.id, role.name.lower(), *(a.lower() for a in role.aliases)}:
                return role
        return None

    def find_area(self, name: str) -> Optional[Area]:
        """The area whose id, name or alias is ``name`` (any case), if any."""
        wanted = name.strip().lower()
        for area in self.areas.values():
            if wanted in {area.id, area.name.lower(), *(a.lower() for a in area.aliases)}:
                return area
        return None


def _read_yaml(path: Path) -> object:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path}: not valid YAML: {error}") from error


def _load_folder(folder: Path, model: type) -> dict:
    items = {}
    for path in sorted(folder.glob("*.yml")):
        try:
            item = model.parse_obj(_read_yaml(path))
        except ValidationError as error:
            raise KnowledgeError(f"{path}: {error}") from error
        if item.id != path.stem:
            raise KnowledgeError(f"{path}: id {item.id!r} must match the file name")
        items[item.id] = item
    if not items:
        raise KnowledgeError(f"{folder}: no YAML files")
    return items


def load(root: Path = KNOWLEDGE_DIR) -> Knowledge:
    """Read every file under ``root`` and validate the whole knowledge base."""
    root = Path(root)
    settings = _read_yaml(root / "settings.yml") or {}
    try:
        return Knowledge(
            sources=_read_yaml(root / "sources.yml"),
            messages=_read_yaml(root / "messages.yml"),
            topics=_load_folder(root / "topics", Topic),
            areas=_load_folder(root / "areas", Area),
            roles={r["id"]: r for r in _read_yaml(root / "roles.yml")},
            safety=_read_yaml(root / "safety.yml"),
            reflection=_read_yaml(root / "reflection.yml"),
            fallback_area=settings.get("fallback_area", ""),
        )
    except ValidationError as error:
        raise KnowledgeError(f"{root}: {error}") from error
    except (FileNotFoundError, TypeError) as error:
        raise KnowledgeError(f"{root}: {error}") from error


@lru_cache(maxsize=1)
def default() -> Knowledge:
    """The knowledge base shipped with Seen, loaded once per process."""
    return load()


if __name__ == "__main__":
    kb = load()
    print(f"knowledge OK: {len(kb.topics)} topics, {len(kb.areas)} areas, {len(kb.roles)} roles")
