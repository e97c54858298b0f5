"""Load and validate the content in ``knowledge/``.

Everything Seen says comes from these YAML files, so they are checked against
a strict schema when loaded: an unknown field, a missing source or a topic with
no example questions stops the load with a message naming the file.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Literal, Optional, Union

import yaml
from pydantic import BaseModel, Extra, Field, StrictStr, ValidationError, conlist, root_validator, validator

from seen import detail_format
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


class Document(_Strict):
    """How Seen names a document in sources.yml: never by its file name. ``year``
    and ``url`` only where the document itself states them (load() checks that
    the url is printed in the seed)."""

    title: str = Field(..., min_length=1)
    board: Optional[str] = Field(None, min_length=1)
    year: Optional[str] = Field(None, regex=r"^\d{4}(–\d{4})?$")  # 2017, or 2016–2018 (en dash)
    url: Optional[str] = Field(None, regex=r"^https?://[^\s/]+\.[^\s]+$")

    def name(self) -> str:
        """Title (Board, Year), leaving out what the document does not give."""
        details = ", ".join(part for part in (self.board, self.year) if part)
        return f"{self.title} ({details})" if details else self.title


class Source(_Strict):
    """Where a statement comes from: a document listed in sources.yml, and its section."""

    file: str = Field(..., min_length=1)
    section: str = Field(..., min_length=1)


class BoardSource(_Strict):
    """Where a board published a detail itself, and the day an editor last
    checked it there: its own https page, or a document's title and section.
    A detail with no seed behind it needs this, so Seen can name it and say
    how old the check is."""

    url: Optional[str] = None
    title: Optional[str] = None
    section: Optional[str] = None
    checked: date

    @validator("url")
    def _https(cls, url: Optional[str]) -> Optional[str]:
        return None if url is None else detail_format.https_url(url, "The source's web address")

    @validator("title", "section")
    def _plain(cls, text: Optional[str], field) -> Optional[str]:
        what = f"The source's {field.name}"
        return None if text is None else detail_format.plain_text(text, what, detail_format.MAX_TITLE)

    @validator("checked")
    def _not_ahead(cls, checked: date) -> date:
        if checked > date.today() + timedelta(days=1):  # a day's grace: the editor's today may be ahead of UTC
            raise ValueError("The date checked is in the future: give the day you last checked it.")
        return checked

    @root_validator(skip_on_failure=True)
    def _one_kind(cls, values: dict) -> dict:
        document = values.get("title") or values.get("section")
        if bool(values.get("url")) == bool(document):
            raise ValueError("Give the source as either a web address, or a document's title and section.")
        if document and not (values.get("title") and values.get("section")):
            raise ValueError("A document source needs both its title and the section.")
        return values


class Fact(_Strict):
    """One sourced statement about an area: from a seed (``url`` only when the
    seed prints it), or published by the area's board with its own source
    (its text, phone and web address in the formats detail_format checks)."""

    text: str = Field(..., min_length=1)
    phone: Optional[str] = None
    url: Optional[str] = None
    source: Union[Source, BoardSource]

    @validator("source", pre=True)
    def _source_kind(cls, source):
        """A seed's source names its file; any other is a board's own, and
        its mistakes are reported as such, not also as a seed's."""
        if isinstance(source, dict) and "file" not in source:
            return BoardSource.parse_obj(source)
        return source

    @root_validator(skip_on_failure=True)
    def _board_formats(cls, values: dict) -> dict:
        if values.get("phone") is not None:
            values["phone"] = detail_format.uk_phone(values["phone"])
        if isinstance(values["source"], BoardSource):
            values["text"] = detail_format.plain_text(values["text"])
            if values.get("url") is not None:
                values["url"] = detail_format.https_url(values["url"])
        return values

    @property
    def board_source(self) -> Optional[BoardSource]:
        return self.source if isinstance(self.source, BoardSource) else None


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
    #: Places in the area that practitioners name when they say where they work.
    places: List[str] = []
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
    #: Short forms that are also names or ordinary words ("TA", "SALT"): they
    #: give the role only when practitioners say it of themselves, and the
    #: anonymiser does not keep them as role words.
    short_forms: List[str] = []
    #: Where the role works ("a&e", "family hub"), for "I work in A&E".
    workplaces: List[str] = []

    @validator("workplaces")
    def _workplaces_compile(cls, patterns: List[str]) -> List[str]:
        return _all_compile(patterns)


class NotNowCues(_Strict):
    """Cues that a danger is past or absent, for the categories listed, unless
    another cue says it is happening now."""

    categories: List[str] = Field(..., min_items=1)
    cues: List[str] = Field(..., min_items=1)
    unless: List[str] = Field(..., min_items=1)
    #: Words that say a clause's danger is new ("and now another burn"): the
    #: clause before it then does not date it.
    new: List[str] = Field(..., min_items=1)
    #: How a short sentence after a danger's own tells it was dealt with
    #: ("… a burn on Monday. Treated at the walk-in, dressing on.").
    outcome: List[str] = Field(..., min_items=1)
    #: Kinds of danger a cue anywhere in the message may date, where nothing
    #: in it says now ("a burn mark ... seen at the walk-in two weeks ago ...
    #: it's healing fine"); ``told_now`` are the words that say now.
    anywhere_categories: List[str] = []
    told_now: List[str] = []

    @validator("new", "outcome", "told_now")
    def _new_compiles(cls, patterns: List[str]) -> List[str]:
        return _all_compile(patterns)


class HypotheticalCues(_Strict):
    cues: List[str] = Field(..., min_items=1)
    unless: List[str] = Field(..., min_items=1)


class OngoingCues(_Strict):
    """Cues that a message describes a pattern over weeks or months, not
    something happening now, unless another cue says it is happening now."""

    categories: List[str] = Field(..., min_items=1)
    cues: List[str] = Field(..., min_items=1)
    unless: List[str] = Field(..., min_items=1)
    harm: List[str] = Field(..., min_items=1)

    @validator("cues", "unless", "harm")
    def _patterns_compile(cls, patterns: List[str]) -> List[str]:
        return _all_compile(patterns)


class HappeningNow(_Strict):
    """A danger said in the sentence that says something is happening now, or
    the sentence after: how an emergency is told at the end of an ordinary
    worry ("but today it's different. his arm is swollen and bent")."""

    now: List[str] = Field(..., min_items=1)
    danger: List[str] = Field(..., min_items=1)
    #: A "now" that only says the danger was just told ("she's just told me"):
    #: the rules' match, but for their learned check to judge.
    #: (Empty in the rules of commits before it, which benchmarks/rules_check_fresh.py reads.)
    told: List[str] = []
    #: Phone spellings of a time ("2nite"), read as the word they spell.
    spellings: Dict[str, str] = {}
    #: Where a child is safe for now ("she's at her dad's tonight"): the time
    #: words inside these phrases are not read as saying a danger is now.
    safe: List[str] = []

    @validator("now", "danger", "told", "safe")
    def _patterns_compile(cls, patterns: List[str]) -> List[str]:
        return _all_compile(patterns)

    @validator("spellings")
    def _spellings_compile(cls, spellings: Dict[str, str]) -> Dict[str, str]:
        _all_compile(list(spellings))
        return spellings


class Denial(_Strict):
    """A state the child is said not to be in ("alert, smiley, not floppy"):
    no danger. Only a state: a denied act can be the danger itself ("wasn't
    dropped home")."""

    negators: List[str] = Field(..., min_items=1)
    states: List[str] = Field(..., min_items=1)


class SafetyRules(_Strict):
    """Phrases that mean a child may be in immediate danger (see safety.py)."""

    patterns: Dict[str, List[str]] = Field(..., min_items=1)
    benign: Dict[str, List[str]] = {}
    not_now: NotNowCues
    ongoing: OngoingCues
    happening_now: HappeningNow
    hypothetical: HypotheticalCues
    denial: Denial
    source: Source

    @validator("patterns", "benign")
    def _patterns_compile(cls, patterns: Dict[str, List[str]]) -> Dict[str, List[str]]:
        for category, expressions in patterns.items():
            for expression in expressions:
                try:
                    re.compile(expression)
                except re.error as error:
                    raise ValueError(f"{category}: {expression!r} is not a valid pattern: {error}") from error
        return patterns

    @root_validator(skip_on_failure=True)
    def _named_categories_exist(cls, values: dict) -> dict:
        """A misspelt category would quietly switch a stand-down off."""
        named = {"benign": set(values["benign"]), "not_now": set(values["not_now"].categories),
                 "not_now.anywhere_categories": set(values["not_now"].anywhere_categories),
                 "ongoing": set(values["ongoing"].categories)}
        for where, categories in named.items():
            unknown = categories - set(values["patterns"])
            if unknown:
                raise ValueError(f"{where} names categories with no patterns: {sorted(unknown)}")
        return values


class Condition(_Strict):
    """When a question is asked or a prompt fires: an answer is one of some
    choices, or mentions one of some patterns; or all / any of other conditions."""

    question: Optional[str] = None
    is_: Optional[List[str]] = Field(None, alias="is", min_items=1)
    mentions: Optional[List[str]] = Field(None, min_items=1)
    #: For a fact that counts (a follow-up's months on the same plan): at least this many.
    at_least: Optional[int] = Field(None, ge=0)
    all: Optional[List["Condition"]] = None
    any: Optional[List["Condition"]] = None

    @root_validator(skip_on_failure=True)
    def _one_shape(cls, values: dict) -> dict:
        leaf = values.get("question") is not None
        tests = [values.get(test) is not None for test in ("is_", "mentions", "at_least")]
        groups = [bool(values.get("all")), bool(values.get("any"))]
        if leaf and sum(tests) == 1 and not any(groups):
            return values
        if not leaf and not any(tests) and sum(groups) == 1:
            return values
        raise ValueError("a condition is {question, is}, {question, mentions} or {question, at_least}, "
                         "or {all: [...]} or {any: [...]}")

    @validator("mentions")
    def _mentions_compile(cls, patterns: Optional[List[str]]) -> Optional[List[str]]:
        return _all_compile(patterns)

    def leaves(self) -> List["Condition"]:
        if self.question is not None:
            return [self]
        return [leaf for part in (self.all or self.any or []) for leaf in part.leaves()]


Condition.update_forward_refs()

QuestionKind = Literal["text", "choice", "role", "age_band", "area"]
#: The value a question has when the practitioner skipped it.
SKIPPED = "skipped"
#: The value "I don't know" or "not sure" gives a choice question.
NOT_SURE = "not_sure"


class Question(_Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    kind: QuestionKind
    label: str = Field(..., min_length=1)
    text: str = Field(..., min_length=1)
    explain: str = Field(..., min_length=1)
    topic: str
    choices: List[str] = []
    ask_if: Optional[Condition] = None
    area_detail: Optional[AreaDetailName] = None
    source: Optional[Source] = None
    #: A follow-up's question on how an area has changed since the last note
    #: ("better", "the same", "worse"): its value goes in the note's changes,
    #: and when it is answered with a button alone Seen asks what shows it.
    change: bool = False
    #: Words that show a message already answers this question, so it is
    #: recorded and not asked again: for a text question a list ("smells of
    #: urine" answers daily life), for a choice question the words of each
    #: choice ({"yes": ["agrees to everything"]}).
    heard_in: Union[List[str], Dict[str, List[str]]] = []
    #: For a text question, words for what the child said ("told me", "says
    #: he's hungry"), heard only for an age band ``said_if`` allows: a baby
    #: says nothing, so "says she's fine" of a baby is the parent speaking.
    heard_said: List[str] = []
    said_if: Optional[Condition] = None

    @root_validator(skip_on_failure=True)
    def _choices_for_choice_questions(cls, values: dict) -> dict:
        if (values["kind"] == "choice") != bool(values["choices"]):
            raise ValueError(f"question {values['id']}: choices go with kind: choice, and only there")
        heard_in = values["heard_in"]
        if heard_in and (values["kind"] == "choice") != isinstance(heard_in, dict):
            raise ValueError(f"question {values['id']}: heard_in lists words, "
                             "or for a choice question gives them by choice")
        if isinstance(heard_in, dict) and set(heard_in) - set(values["choices"]):
            raise ValueError(f"question {values['id']}: heard_in names "
                             f"{sorted(set(heard_in) - set(values['choices']))}, not its choices")
        if values["heard_said"] and (values["kind"] != "text" or values["said_if"] is None):
            raise ValueError(f"question {values['id']}: heard_said goes with a text question and its said_if")
        for patterns in (heard_in.values() if isinstance(heard_in, dict) else [heard_in, values["heard_said"]]):
            _all_compile(patterns)
        return values

    def heard_words(self, said: bool = True) -> Dict[Optional[str], List[str]]:
        """The words that answer this question, by the choice they give (None
        for a text question); ``said``: with the words for what the child said."""
        if isinstance(self.heard_in, dict):
            return dict(self.heard_in)
        return {None: [*self.heard_in, *(self.heard_said if said else [])]}


class AgeBand(_Strict):
    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    label: str
    #: The band is for a child younger than this; None before birth.
    under_years: Optional[float] = Field(None, gt=0)
    words: List[str] = Field(..., min_items=1)

    @validator("words")
    def _words_compile(cls, words: List[str]) -> List[str]:
        return _all_compile(words)


class PromptRule(_Strict):
    """A reflection prompt for the summary, and the answers that call for it."""

    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    label: str = Field(..., min_length=1)  # the short name supervisors and boards count it by
    when: Condition
    text: str = Field(..., min_length=1)
    sources: List[Source] = Field(..., min_items=1)
    topics: List[str] = []
    area_details: List[AreaDetailName] = []
    say_now: bool = False


class ReflectionButtons(_Strict):
    start: str
    carry_on: str
    start_again: str
    skip: str
    keep: str
    not_now: str
    reflect_on_this: str


class NoteButtons(_Strict):
    save: str
    change: str
    discard: str
    retry: str
    name_yes: str
    name_no: str


class NoteWords(_Strict):
    """What Seen says while the practitioner checks the note before it is saved."""

    heading: str
    ask: str
    which_answer: str
    retype: str
    removed: str
    saved: str
    not_saved: str
    unavailable: str
    save_words: List[str] = Field(..., min_items=1)
    discard_words: List[str] = Field(..., min_items=1)
    remove_words: List[str] = Field(..., min_items=1)
    save_max_words: int = Field(..., gt=0)
    discard_max_words: int = Field(..., gt=0)
    remove_max_words: int = Field(..., gt=0)
    #: The most "Is 'Storm' a name?" questions asked about one note.
    name_questions: int = Field(..., ge=0)
    is_it_a_name: str
    is_it_a_name_removed: str
    #: The same for a short name of several words, a place's perhaps ("Arndale Centre").
    is_it_a_place: str
    name_removed: str
    name_kept: str
    name_restored: str
    name_unclear: str
    buttons: NoteButtons

    @validator("save_words", "discard_words", "remove_words")
    def _words_compile(cls, patterns: List[str]) -> List[str]:
        return _all_compile(patterns)


class Flag(_Strict):
    """A theme stored with a note, for boards to count."""

    id: str = Field(..., regex=r"^[a-z][a-z0-9_]*$")
    label: str = Field(..., min_length=1)
    when: Condition


class SummaryWords(_Strict):
    heading: str
    answers_heading: str
    prompts_heading: str
    no_prompts: str
    route_heading: str
    skipped: str
    not_sure: str
    judgement: str


#: What a practitioner can ask for during a reflection, each an intent of the
#: same name whose examples are in knowledge/reflection.yml.
CommandName = Literal["explain", "skip", "dont_know", "go_back", "pause", "resume"]
COMMANDS = CommandName.__args__


class Understanding(_Strict):
    """How an answer is told from a command or a question to Seen."""

    command_max_words: int = Field(..., gt=0)
    command_min_confidence: float = Field(..., ge=0, le=1)
    short_command_max_words: int = Field(..., gt=0)
    short_command_min_confidence: float = Field(..., ge=0, le=1)
    question_max_words: int = Field(..., gt=0)
    topic_min_confidence: float = Field(..., ge=0, le=1)
    goodbye_max_words: int = Field(..., gt=0)
    greeting_max_words: int = Field(..., gt=0)
    keep_max_words: int = Field(..., gt=0)
    choice_max_words: int = Field(..., gt=0)
    asking: List[str] = Field(..., min_items=1)
    about_this_child: List[str] = Field(..., min_items=1)
    keep: List[str] = Field(..., min_items=1)
    acknowledgement: List[str] = Field(..., min_items=1)
    not_a_question_label: List[str] = []
    #: By choice, how the words after a yes or no start when the yes or no is said of them.
    echoed: Dict[str, List[str]] = {}
    #: An answer at the area question names a place if it is this short or says where.
    place_max_words: int = Field(..., gt=0)
    place_said: List[str] = Field(..., min_items=1)

    @validator("asking", "about_this_child", "keep", "acknowledgement", "place_said")
    def _patterns_compile(cls, patterns: List[str]) -> List[str]:
        return _all_compile(patterns)

    @validator("echoed")
    def _echoes_compile(cls, echoed: Dict[str, List[str]]) -> Dict[str, List[str]]:
        return {choice: _all_compile(patterns) for choice, patterns in echoed.items()}


class CaseFact(_Strict):
    """What the earlier notes of a case tell a follow-up (seen/follow_up.py
    works each out when the follow-up starts); conditions test it by its id,
    like an answer. Exactly one of:"""

    #: "answered" if the latest note answered one of these questions.
    answered: Optional[List[str]] = Field(None, min_items=1)
    #: That question's value in the latest note that has one ("no").
    value_of: Optional[str] = None
    #: "yes" if the latest note recorded this change for any area ("worse").
    change_was: Optional[str] = None
    #: How many whole months the plan in place at the latest note has run.
    plan_months: bool = False
    #: How many notes the case has.
    notes: bool = False

    @root_validator(skip_on_failure=True)
    def _one_kind(cls, values: dict) -> dict:
        given = [values.get(k) for k in ("answered", "value_of", "change_was", "plan_months", "notes")]
        if sum(bool(v) for v in given) != 1:
            raise ValueError("a case fact is one of answered, value_of, change_was, plan_months or notes")
        return values

    @property
    def counts(self) -> bool:
        return self.plan_months or self.notes


class Finding(_Strict):
    """How a practitioner asks to follow up a case, and what Seen says while
    it finds the case (knowledge/follow_up.yml)."""

    #: A message asking to follow up a case: these, at its start, in a short message.
    asks: List[str] = Field(..., min_items=1)
    asks_end: str
    asks_max_words: int = Field(..., gt=0)
    #: The button that asks to follow up a case (help, the web widget); it sends its own title.
    button: str
    ask_reference: str
    which_area: str
    not_found: str
    too_many: str
    mid_reflection: str
    paused_first: str

    @validator("asks")
    def _asks_compile(cls, patterns: List[str]) -> List[str]:
        return _all_compile(patterns)

    @validator("asks_end")
    def _asks_end_compiles(cls, pattern: str) -> str:
        _compiles(pattern)
        return pattern


class Reflection(_Strict):
    """The guided reflection: questions, branches, what Seen says around them,
    and the prompt rules for the summary (see knowledge/reflection.yml)."""

    source: Source
    intro: str
    resume_intro: str
    acknowledgements: List[str] = Field(..., min_items=1)
    progress: str
    explain_then_ask: str
    back_to_question: str
    went_back: str
    kept: str
    nothing_to_go_back_to: str
    skipped: str
    noted_dont_know: str
    paused: str
    carry_on_after_alarm: str
    paused_by_emergency: str
    not_reflecting: str
    already_active: str
    ask_restart: str
    choice_not_understood: str
    choice_clarify: str
    choice_after_detail: str
    context_noted: str
    role_after_area: str
    area_after_detail: str
    area_not_a_place: str
    help: str
    heard_already: str
    heard_also: str
    topic_offer: str
    reflect_offer: str
    declined: str
    buttons: ReflectionButtons
    summary: SummaryWords
    choice_words: Dict[str, List[str]]
    choice_labels: Dict[str, str]
    age_bands: List[AgeBand] = Field(..., min_items=1)
    questions: List[Question] = Field(..., min_items=1)
    prompts: List[PromptRule] = Field(..., min_items=1)
    understanding: Understanding
    commands: Dict[CommandName, List[str]]
    note: NoteWords
    flags: List[Flag] = Field(..., min_items=1)
    #: A follow-up's facts about the case so far, by id (knowledge/follow_up.yml).
    facts: Dict[str, CaseFact] = {}
    #: A follow-up's opening: the earlier note's month and year, and its summary.
    earlier_note: str = ""
    #: A follow-up's question on a change, answered with a button: what shows it?
    evidence: str = ""
    #: A follow-up's words for finding the case.
    finding: Optional[Finding] = None

    @validator("commands")
    def _every_command_has_examples(cls, commands: Dict[str, List[str]]) -> Dict[str, List[str]]:
        missing = [name for name in COMMANDS if len(commands.get(name, [])) < 2]
        if missing:
            raise ValueError(f"commands without examples: {missing}")
        return commands

    @validator("age_bands")
    def _age_bands_in_order(cls, bands: List[AgeBand]) -> List[AgeBand]:
        if bands[0].under_years is not None or any(b.under_years is None for b in bands[1:]):
            raise ValueError("age bands: the first is before birth, without under_years; every other has one")
        limits = [b.under_years for b in bands[1:]]
        if limits != sorted(set(limits)):
            raise ValueError(f"age bands: under_years must rise from band to band, not {limits}")
        return bands

    @validator("choice_words")
    def _choice_words_compile(cls, words: Dict[str, List[str]]) -> Dict[str, List[str]]:
        for patterns in words.values():
            _all_compile(patterns)
        return words

    @root_validator(skip_on_failure=True)
    def _references_resolve(cls, values: dict) -> dict:
        questions: Dict[str, Question] = {}
        for question in values["questions"]:
            if question.id in questions:
                raise ValueError(f"question {question.id} appears twice")
            questions[question.id] = question
            for choice in question.choices:
                if choice not in values["choice_words"] or choice not in values["choice_labels"]:
                    raise ValueError(f"question {question.id}: choice {choice!r} has no words or label")
        values_of = {q.id: set(q.choices) for q in questions.values()}
        values_of.update({q.id: {b.id for b in values["age_bands"]}
                          for q in questions.values() if q.kind == "age_band"})
        counts = _facts_as_questions(values["facts"], questions, values_of)
        placed = list(values["facts"])
        for question in values["questions"]:
            _check_condition(question.ask_if, questions, values_of, f"question {question.id}", before=placed,
                             counts=counts)
            _check_condition(question.said_if, questions, values_of, f"question {question.id}'s said_if",
                             before=placed)
            placed.append(question.id)
        ids = set()
        for rule in values["prompts"]:
            if rule.id in ids:
                raise ValueError(f"prompt {rule.id} appears twice")
            ids.add(rule.id)
            _check_condition(rule.when, questions, values_of, f"prompt {rule.id}", before=placed, counts=counts)
        for flag in values["flags"]:
            _check_condition(flag.when, questions, values_of, f"flag {flag.id}", before=placed, counts=counts)
        return values


def _facts_as_questions(facts: Dict[str, CaseFact], questions: dict, values_of: dict) -> set:
    """Make each case fact a name conditions may test, with the values it can
    take; the ids of the facts that count (tested with at_least)."""
    for fact_id, fact in facts.items():
        if fact_id in questions:
            raise ValueError(f"case fact {fact_id} has the id of a question")
        if fact.value_of and fact.value_of not in values_of:
            raise ValueError(f"case fact {fact_id} takes the value of {fact.value_of!r}, which is no question")
        questions[fact_id] = None
        values_of[fact_id] = (values_of[fact.value_of] if fact.value_of else
                              {"yes"} if fact.change_was else {"answered"} if fact.answered else set())
    return {fact_id for fact_id, fact in facts.items() if fact.counts}


def _compiles(pattern: str) -> None:
    try:
        re.compile(pattern)
    except re.error as error:
        raise ValueError(f"{pattern!r} is not a valid pattern: {error}") from error


def _all_compile(patterns):
    """The patterns, once each is known to be a valid regular expression."""
    for pattern in patterns or []:
        _compiles(pattern)
    return patterns


def _check_condition(
    condition: Optional[Condition], questions: dict, values_of: dict, where: str, before: list,
    counts: set = frozenset(),
) -> None:
    """Every question a condition names exists and comes earlier; every value it
    tests is one that question can have; `at_least` only on a fact that counts."""
    for leaf in condition.leaves() if condition else []:
        if leaf.question not in questions or leaf.question not in before:
            raise ValueError(f"{where} depends on {leaf.question!r}, which is not an earlier question")
        if (leaf.at_least is not None) != (leaf.question in counts):
            raise ValueError(f"{where}: at_least goes with a case fact that counts, and only there")
        possible = values_of[leaf.question] | {SKIPPED}
        unknown = set(leaf.is_ or []) - possible
        if unknown:
            raise ValueError(f"{where} tests {leaf.question} for {sorted(unknown)}, which it cannot be")


class IdleTime(_Strict):
    """How the idle time is said: in hours when it is whole hours, else minutes."""

    hour: str
    hours: str
    minute: str
    minutes: str


class Messages(_Strict):
    """Every reply that is not a topic answer; a missing one fails the load."""

    call_999: str
    greet: str
    too_long: str
    action_failed: str
    action_slow: str
    conversation_expired: str
    conversation_lost: str
    idle_time: IdleTime
    not_kept_yours: str
    not_kept_quote: str
    help: str
    help_buttons_title: str
    thanks: str
    goodbye: str
    emergency: str
    emergency_not_urgent: str
    emergency_not_urgent_reflect: str
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
    local_detail_source: str
    board_source_page: str
    board_source_document: str
    stale_detail: str
    board_to_fill: str
    sources_line: str
    follow_up: str
    out_of_scope: str
    not_in_guidance: str
    other_language: str
    affirm: str
    deny: str


class Opening(_Strict):
    """How a message outside a reflection is read: a question, a concern or
    something outside Seen's field (see knowledge/opening.yml)."""

    question_min_confidence: float = Field(..., ge=0, le=1)
    question_about_a_child_min_confidence: float = Field(..., ge=0, le=1)
    offer_min_confidence: float = Field(..., ge=0, le=1)
    everyday_out_of_scope_min_confidence: float = Field(..., ge=0, le=1)
    asked_offer_min_confidence: float = Field(..., ge=0, le=1)
    asked_sentence_min_confidence: float = Field(..., ge=0, le=1)
    nearest_topics: int = Field(..., gt=0)
    chat_max_words: int = Field(..., gt=0)
    about_someone: List[str] = Field(..., min_items=1)
    concern_signs: List[str] = Field(..., min_items=1)
    this_child: List[str] = Field(..., min_items=1)
    field_words: List[str] = Field(..., min_items=1)
    #: Errands outside the field ("a recipe", "the wifi"), taken as such when the classifier agrees.
    everyday_subjects: List[str] = []
    self_reference: List[str] = Field(..., min_items=1)
    age: Dict[str, List[str]] = Field(..., min_items=1)
    #: Words for the child's setting ("at a primary", "baby"): they give the
    #: age band only when no stronger word does ("boy in reception at a primary").
    age_setting: Dict[str, List[str]] = {}
    #: A parent's age ("mum (16)", "mum 17"), never taken for the child's.
    parent_age: List[str] = []
    decline: List[str] = Field(..., min_items=1)
    english_shorthand: List[str] = Field(..., min_items=1)

    @validator("about_someone", "concern_signs", "this_child", "field_words", "everyday_subjects", "decline")
    def _patterns_compile(cls, patterns: List[str]) -> List[str]:
        return _all_compile(patterns)

    @validator("self_reference")
    def _self_reference_names_the_role(cls, patterns: List[str]) -> List[str]:
        for pattern in patterns:
            if "{role}" not in pattern and "{workplace}" not in pattern:
                raise ValueError(f"{pattern!r} does not say where the role or workplace goes ({{role}}, {{workplace}})")
            _compiles(pattern.replace("{role}", "x").replace("{workplace}", "x").replace("{area}", "x")
                      .replace("{start}", ""))
        return patterns

    @validator("parent_age")
    def _parent_age_compiles(cls, patterns: List[str]) -> List[str]:
        return _all_compile(patterns)

    @validator("age", "age_setting")
    def _age_patterns_compile(cls, age: Dict[str, List[str]]) -> Dict[str, List[str]]:
        for patterns in age.values():
            _all_compile(patterns)
        return age


#: A list of words in knowledge/anonymise.yml: at least one, each a string, so a
#: bare YAML `on` or `no` (read as true or false) stops the load instead of becoming "True".
WordList = conlist(StrictStr, min_items=1)

PlaceholderLabel = Literal["NAME", "ADDRESS", "POSTCODE", "DATE", "PHONE", "EMAIL", "NHS_NUMBER", "NI_NUMBER",
                           "REFERENCE", "SCHOOL_OR_SETTING", "SOCIAL_MEDIA", "WEB_ADDRESS", "VEHICLE",
                           "PLACE"]


class AnonymiseRules(_Strict):
    """Cue words for finding identifying details, and words to keep (see
    knowledge/anonymise.yml and seen/anonymise/)."""

    placeholders: Dict[PlaceholderLabel, str]
    police_numbers: WordList
    subject_verbs: WordList
    before_a_child: WordList
    family_kinds: WordList
    word_names: WordList
    week_words: WordList
    day_month_cues: WordList
    score_words: WordList
    not_dates: WordList
    scored_things: WordList
    ordinal_date_cues: WordList
    after_an_ordinal: WordList
    after_an_ordinal_of: WordList
    centile_words: WordList
    after_a_date: WordList
    time_units: WordList
    not_a_date_before: WordList
    time_words: WordList
    record_words: WordList
    measure_words: WordList
    not_reference_prefixes: WordList
    courtesy_titles: WordList
    police_ranks: WordList
    titles: WordList
    before_a_name: WordList
    kin: WordList
    naming_words: WordList
    said_words: WordList
    setting_words: WordList
    taken_to_words: WordList
    hospital_departments: WordList
    setting_openers: WordList
    setting_names: WordList
    practice_words: WordList
    setting_words_before_a_town: WordList
    not_a_town: WordList
    chains: WordList
    branch_words: WordList
    branch_cues: WordList
    landmark_cues: WordList
    shop_locations: WordList
    business_words: WordList
    pub_words: WordList
    name_particles: WordList
    quantity_words: WordList
    counting_words: WordList
    hotels: WordList
    lodging_words: WordList
    worship_words: WordList
    denominations: WordList
    everyday_names: WordList
    rating_colours: WordList
    colours: WordList
    product_words: WordList
    day_parts: WordList
    not_after_hospital_initials: WordList
    person_states: WordList
    before_a_person: WordList
    calendar_before: WordList
    apposition_words: WordList
    worker_words: WordList
    before_initials: WordList
    initials_do: WordList
    nickname_cues: WordList
    typed_town_cues: WordList
    typed_words: WordList
    acts_in_doubt: WordList
    calendar_after: WordList
    rating_cues: WordList
    service_heads: WordList
    street_words: WordList
    street_words_after_a_cue: WordList
    street_words_after_a_number: WordList
    street_cues: WordList
    street_cues_before_a_capital: WordList
    town_cues: WordList
    street_directions: WordList
    after_a_street: WordList
    building_words: WordList
    block_words: WordList
    flat_words: WordList
    hostel_words: WordList
    room_words: WordList
    house_name_words: WordList
    setting_joiners: WordList
    after_a_saint: WordList
    prison_words: WordList
    reference_words: WordList
    social_media_words: WordList
    handle_words: WordList
    social_media_sites: WordList
    web_endings: WordList
    keep: WordList

    @root_validator(skip_on_failure=True)
    def _each_word_in_one_tier(cls, values: dict) -> dict:
        """The lists of street and building words are tiers (a street anywhere,
        only after a cue, only after a number; a building alone or only after a
        flat number): a word in two would be caught where its narrower tier says not."""
        for tiers in (("street_words", "street_words_after_a_cue", "street_words_after_a_number"),
                      ("building_words", "block_words")):
            seen: Dict[str, str] = {}
            for tier in tiers:
                for word in values[tier]:
                    if word.lower() in seen:
                        raise ValueError(f"{word!r} is in both {seen[word.lower()]} and {tier}")
                    seen[word.lower()] = tier
        return values

    @validator("placeholders")
    def _every_label_has_a_placeholder(cls, placeholders: Dict[str, str]) -> Dict[str, str]:
        missing = set(PlaceholderLabel.__args__) - set(placeholders)
        if missing:
            raise ValueError(f"no placeholder for {sorted(missing)}")
        return placeholders


class Knowledge(_Strict):
    sources: Dict[str, Document]
    messages: Messages
    topics: Dict[str, Topic]
    areas: Dict[str, Area]
    roles: Dict[str, Role]
    safety: SafetyRules
    reflection: Reflection
    #: The shorter reflection that follows up a case (knowledge/follow_up.yml).
    follow_up: Reflection
    opening: Opening
    anonymise: AnonymiseRules
    fallback_area: str
    message_max_chars: int = Field(..., gt=0)
    #: After this many months a board's own detail is given with "please confirm locally".
    detail_review_months: int = Field(..., gt=0)

    @root_validator(skip_on_failure=True)
    def _references_resolve(cls, values: dict) -> dict:
        known_files = set(values["sources"])
        topics: Dict[str, Topic] = values["topics"]
        cited = [(f"topic {t.id}", s) for t in topics.values() for s in t.sources]
        for area in values["areas"].values():
            for name in AREA_DETAILS:
                facts = area.detail(name) or []
                cited += [(f"area {area.id} {name}", f.source) for f in facts if f.board_source is None]
        cited.append(("safety", values["safety"].source))
        cited.append(("reflection", values["reflection"].source))
        for topic in topics.values():
            for other in topic.related:
                if other not in topics:
                    raise ValueError(f"topic {topic.id} relates to unknown topic {other!r}")
        for name in ("reflection", "follow_up"):
            cited += _reflection_citations(values[name], topics, name)
        if values["follow_up"].finding is None or not values["follow_up"].earlier_note:
            raise ValueError("follow_up.yml: finding and earlier_note are needed to follow up a case")
        reflection: Reflection = values["reflection"]
        for where, source in cited:
            if source.file not in known_files:
                raise ValueError(f"{where} cites {source.file!r}, which is not in sources.yml")
        bands = {b.id for b in reflection.age_bands}
        if set(values["opening"].age) - bands:
            raise ValueError(f"opening.yml: age names unknown bands {sorted(set(values['opening'].age) - bands)}")
        if values["fallback_area"] not in values["areas"]:
            raise ValueError(f"fallback area {values['fallback_area']!r} has no file")
        return values

    def following_up(self) -> "Knowledge":
        """This knowledge with the follow-up's questions, prompts and words as
        its reflection, so the reflection's code runs a follow-up unchanged."""
        return self.copy(update={"reflection": self.follow_up})  # shallow: nothing validated again

    def find_role(self, name: str) -> Optional[Role]:
        """The role whose id, name or alias is ``name`` (any case), if any."""
        wanted = name.strip().lower()
        for role in self.roles.values():
            if wanted in {role.id, role.name.lower(), *(a.lower() for a in role.aliases)}:
                return role
        return None

    def find_area(self, name: str) -> Optional[Area]:
        """The area whose id, name, alias or place is ``name`` (any case), if any."""
        wanted = name.strip().lower()
        for area in self.areas.values():
            if wanted in {area.id, area.name.lower(), *(a.lower() for a in (*area.aliases, *area.places))}:
                return area
        return None


def _reflection_citations(reflection: Reflection, topics: Dict[str, Topic], name: str) -> list:
    """What a reflection's questions and prompts cite, once their topics are known to exist."""
    cited = []
    for question in reflection.questions:
        if question.topic not in topics:
            raise ValueError(f"{name}: question {question.id} names unknown topic {question.topic!r}")
        if question.source:
            cited.append((f"{name} question {question.id}", question.source))
    for rule in reflection.prompts:
        cited += [(f"{name} prompt {rule.id}", s) for s in rule.sources]
        for other in rule.topics:
            if other not in topics:
                raise ValueError(f"{name}: prompt {rule.id} names unknown topic {other!r}")
    return cited


def follow_up_yaml(reflection: dict, follow_up: dict) -> dict:
    """knowledge/follow_up.yml read over reflection.yml, key by key: a mapping
    is merged one level deep (its own buttons or choice words added), anything
    else replaced; a question, prompt or flag given by id alone is that of
    reflection.yml."""
    merged = dict(reflection)
    for key, value in follow_up.items():
        mine = reflection.get(key)
        merged[key] = {**mine, **value} if isinstance(mine, dict) and isinstance(value, dict) else value
    for key in ("questions", "prompts", "flags"):
        by_id = {item.get("id"): item for item in reflection.get(key) or [] if isinstance(item, dict)}
        merged[key] = [by_id.get(item, item) if isinstance(item, str) else item for item in merged.get(key) or []]
    return merged


#: libyaml's safe loader where PyYAML has it (the same documents, read several
#: times faster: the knowledge base is read at each start of both servers, and
#: the tuning sets at each training), else PyYAML's own.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> object:
    """A YAML file of the project's (knowledge, tuning sets), read safely."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_SAFE_LOADER)
    except yaml.YAMLError as error:
        raise KnowledgeError(f"{path}: not valid YAML: {error}") from error


def _load_folder(folder: Path, model: type) -> dict:
    items = {}
    for path in sorted(folder.glob("*.yml")):
        try:
            item = model.parse_obj(read_yaml(path))
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
    settings = read_yaml(root / "settings.yml") or {}
    reflection = read_yaml(root / "reflection.yml")
    try:
        kb = Knowledge(
            sources=read_yaml(root / "sources.yml"),
            messages=read_yaml(root / "messages.yml"),
            topics=_load_folder(root / "topics", Topic),
            areas=_load_folder(root / "areas", Area),
            roles={r["id"]: r for r in read_yaml(root / "roles.yml")},
            safety=read_yaml(root / "safety.yml"),
            reflection=reflection,
            follow_up=follow_up_yaml(reflection, read_yaml(root / "follow_up.yml") or {}),
            opening=read_yaml(root / "opening.yml"),
            anonymise=read_yaml(root / "anonymise.yml"),
            fallback_area=settings.get("fallback_area", ""),
            message_max_chars=settings.get("message_max_chars"),
            detail_review_months=settings.get("detail_review_months"),
        )
    except ValidationError as error:
        raise KnowledgeError(f"{root}: {error}") from error
    except (FileNotFoundError, TypeError) as error:
        raise KnowledgeError(f"{root}: {error}") from error
    _check_urls_printed(kb.sources, root / "seeds")
    return kb


def printed_in(url: str, text: str) -> bool:
    """Whether ``text`` prints ``url``: the same address, with the same scheme or
    none (a seed that prints "www.rbscb.org" gives http://www.rbscb.org)."""
    scheme, address = url.split("://", 1)
    pattern = rf"(?<![\w.:/-])(https?://)?{re.escape(address.rstrip('/'))}/?(?!\.?[\w/-])"
    return any(m.group(1) in (None, f"{scheme}://") for m in re.finditer(pattern, text, re.IGNORECASE))


def _check_urls_printed(sources: Dict[str, Document], seeds: Path) -> None:
    """A document's url must be printed in that document's own seed: never invented."""
    for file_id, document in sources.items():
        if document.url is None:
            continue
        seed = seeds / file_id
        if not seed.is_file():
            raise KnowledgeError(f"sources.yml: {file_id} has a url but no seed in {seeds} to print it")
        if not printed_in(document.url, seed.read_text(encoding="utf-8")):
            raise KnowledgeError(f"sources.yml: {file_id}: {document.url} is not printed in {seed.name}")


@lru_cache(maxsize=1)
def default() -> Knowledge:
    """The knowledge base shipped with Seen, loaded once per process."""
    return load()


if __name__ == "__main__":
    kb = load()
    print(f"knowledge OK: {len(kb.topics)} topics, {len(kb.areas)} areas, {len(kb.roles)} roles")
