"""Turn knowledge into the replies Seen sends, with no Rasa in sight.

The Rasa actions are thin: they read the tracker, call one of these, and send
what comes back. Keeping the wording rules here lets the web app and the tests
use them without a running bot.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Dict, List, Optional, Sequence

from seen.intents import SHARE_WORRY_INTENT, topic_intent
from seen.knowledge import Area, BoardSource, Document, Fact, Knowledge, Source, Topic
from seen.months import month_of, months_after


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: List[Button] = field(default_factory=list)
    #: It holds the practitioner's own words (a draft note, a quoted answer),
    #: so it is not kept once sent (bot/stores/kept.py).
    quotes: bool = False


def topic_payload(topic_id: str) -> str:
    return f"/{topic_intent(topic_id)}"


def area_payload(area_id: str) -> str:
    return f'/inform_context{{"area":"{area_id}"}}'


def cite(kb: Knowledge, sources: Sequence[Source]) -> str:
    """Each document once, by its own title, with the sections used and the
    address it prints, if any: "Title (Board, Year): 4, 6 — http://...". Never
    the file name a citation is keyed by."""
    return "; ".join(cite_each(kb, sources))


def cite_each(kb: Knowledge, sources: Sequence[Source]) -> List[str]:
    """The same, one string per document (as notes keep them)."""
    sections: Dict[str, List[str]] = {}
    for source in sources:
        sections.setdefault(source.file, []).append(source.section)
    return [_cited(kb.sources[f], parts) for f, parts in sections.items()]


def sources_line(kb: Knowledge, cited: str) -> str:
    """"Sources: <cited>." as messages.yml words it, without a full stop after a "?"."""
    return re.sub(r"([?!])\.$", r"\1", kb.messages.sources_line.format(sources=cited))


def _cited(document: Document, sections: Sequence[str]) -> str:
    # "; " parts documents, so sections written "6. How?; 7. Outcomes" are listed with commas
    parts = [part.strip() for section in sections for part in section.split(";") if part.strip()]
    text = f"{document.name()}: {', '.join(dict.fromkeys(parts))}"
    return text + (f" — {document.url}" if document.url else "")


def _fact_line(kb: Knowledge, fact: Fact) -> str:
    """"- text, phone: address", and a board's own detail past its review date
    still given, but with "(last checked <month year>: please confirm locally)"."""
    return _with_stale(kb, fact, f"- {_said(fact)}" + (f": {fact.url}" if fact.url else ""))


def _joined(kb: Knowledge, facts: Sequence[Fact]) -> str:
    """Facts within a sentence: "text, phone (address); ..."."""
    return "; ".join(_with_stale(kb, f, _said(f) + (f" ({f.url})" if f.url else "")) for f in facts)


def _said(fact: Fact) -> str:
    return fact.text + (f", {fact.phone}" if fact.phone else "")


def _with_stale(kb: Knowledge, fact: Fact, said: str) -> str:
    stale = stale_since(kb, fact)
    return said + (f" ({kb.messages.stale_detail.format(checked=stale)})" if stale else "")


def stale_since(kb: Knowledge, fact: Fact, today: Optional[date] = None) -> Optional[str]:
    """The month and year a board's own detail was last checked, once that is
    detail_review_months or more ago; None while it is current, and for seed facts."""
    source = fact.board_source
    if source is None or months_after(source.checked, kb.detail_review_months) > (today or date.today()):
        return None
    return month_of(source.checked)


def _board_source(kb: Knowledge, source: BoardSource) -> str:
    checked = month_of(source.checked)
    if source.url:
        return kb.messages.board_source_page.format(url=source.url, checked=checked)
    return kb.messages.board_source_document.format(title=source.title, section=source.section, checked=checked)


def local_areas(kb: Knowledge) -> List[Area]:
    return [a for a in kb.areas.values() if a.id != kb.fallback_area]


def area_names(kb: Knowledge) -> str:
    names = [a.name for a in local_areas(kb)]
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)


def area_detail(kb: Knowledge, area: Area, name: str, sourced: bool = True) -> str:
    """One detail of an area, falling back to the generic route while it is TO_FILL.
    An area's own details name the document they come from and ask the
    practitioner to check they are still current (unless ``sourced`` is False,
    when the caller says so once for several): a board's procedures change,
    and Seen cannot know when."""
    msg = kb.messages
    heading = msg.area_detail_heading[name]
    facts = area.detail(name)
    if facts is None:
        generic = kb.areas[kb.fallback_area].detail(name) or []
        body = msg.board_to_fill.format(area_name=area.name, generic=_joined(kb, generic))
        return f"{heading}: {body}"
    lines = [_fact_line(kb, f) for f in facts] + (local_detail_source(kb, area, facts) if sourced else [])
    return f"{heading}:\n" + "\n".join(lines)


def local_detail_source(kb: Knowledge, area: Area, facts: Sequence[Fact]) -> List[str]:
    """"From <document> (<board>, <year>). Local details change: check ..." for
    an area's own facts, a board's own source with the month its editor checked
    it; nothing for the general route, which is Seen's own."""
    if not facts or area.id == kb.fallback_area:
        return []
    documents = dict.fromkeys(
        _board_source(kb, f.board_source) if f.board_source else kb.sources[f.source.file].name() for f in facts)
    return [kb.messages.local_detail_source.format(sources="; ".join(documents))]


def area_details(kb: Knowledge, area: Area, names: Sequence[str]) -> Reply:
    lines = [kb.messages.area_heading.format(area_name=area.name)]
    lines += [area_detail(kb, area, name, sourced=False) for name in names]
    lines += local_detail_source(kb, area, [fact for name in names for fact in area.detail(name) or []])
    if any(name in ("front_door", "escalation") for name in names):
        lines.insert(0, kb.messages.call_999)
    return Reply("\n".join(lines))


def ask_area(kb: Knowledge, detail: str) -> Reply:
    detail_name = kb.messages.ask_area_detail_names[detail]
    buttons = [Button(a.name, area_payload(a.id)) for a in local_areas(kb)]
    buttons.append(Button(kb.messages.other_area_button, area_payload(kb.fallback_area)))
    return Reply(kb.messages.ask_area.format(detail=detail_name), buttons)


def follow_up(kb: Knowledge, topic: Topic) -> Optional[Reply]:
    if not topic.related:
        return None
    buttons = [Button(kb.topics[t].title, topic_payload(t)) for t in topic.related]
    return Reply(kb.messages.follow_up, buttons)


def topic_answer(kb: Knowledge, topic: Topic, area: Optional[Area]) -> List[Reply]:
    """The answer, its sources, the area's details (or a question asking which
    area), then related topics to follow up."""
    replies = [Reply(topic.answer), Reply(sources_line(kb, cite(kb, topic.sources)))]
    if topic.area_details:
        if area is None:
            replies.append(ask_area(kb, topic.area_details[0]))
            return replies
        replies.append(area_details(kb, area, topic.area_details))
    more = follow_up(kb, topic)
    if more:
        replies.append(more)
    return replies


def emergency(kb: Knowledge) -> Reply:
    """999 first, then children's social care now: the same words in every area,
    so Rasa can send them itself, even with the action server down."""
    facts = kb.areas[kb.fallback_area].detail("front_door") or []
    return Reply(kb.messages.emergency.format(front_door=_joined(kb, facts)).strip())


def emergency_follow_up(kb: Knowledge, area: Optional[Area], maybe_topic: Optional[Topic],
                        reflect: bool = False) -> List[Reply]:
    """After the emergency reply: the area's own route into children's social
    care once its board has filled it in; then, for a worry that was not an
    emergency after all, help on offer: the reflection started from what was
    said (``reflect``: no reflection is in progress), and the topic the message
    also asked about, if any. Nothing is taken back from the 999 reply."""
    replies = []
    if area is not None and area.detail("front_door") is not None:
        heading = kb.messages.area_heading.format(area_name=area.name)
        replies.append(Reply(f"{heading}\n{area_detail(kb, area, 'front_door')}"))
    buttons = [Button(kb.reflection.buttons.reflect_on_this, REFLECT_PAYLOAD)] if reflect else []
    if maybe_topic is not None:
        buttons.append(Button(maybe_topic.title, topic_payload(maybe_topic.id)))
    if buttons:
        offer = kb.messages.emergency_not_urgent_reflect if reflect else kb.messages.emergency_not_urgent
        replies.append(Reply(offer, buttons))
    return replies


def out_of_scope(kb: Knowledge, area: Optional[Area]) -> Reply:
    area = area or kb.areas[kb.fallback_area]
    facts = area.detail("procedures") or kb.areas[kb.fallback_area].detail("procedures") or []
    return Reply(kb.messages.out_of_scope.format(procedures=_joined(kb, facts)).strip(),
                 [Button(kb.reflection.buttons.start, REFLECT_PAYLOAD)])


def not_in_guidance(kb: Knowledge, area: Optional[Area], nearest: Sequence[str]) -> Reply:
    """A question in Seen's field that its guidance does not cover: never "I
    don't know", but where to look, and the nearest topics it can help with."""
    area = area or kb.areas[kb.fallback_area]
    facts = area.detail("procedures") or kb.areas[kb.fallback_area].detail("procedures") or []
    buttons = [Button(kb.topics[t].title, topic_payload(t)) for t in nearest]
    buttons.append(Button(kb.reflection.buttons.start, REFLECT_PAYLOAD))
    return Reply(kb.messages.not_in_guidance.format(procedures=_joined(kb, facts)).strip(), buttons)


#: The payload of the button that starts a guided reflection (intent share_worry).
REFLECT_PAYLOAD = f"/{SHARE_WORRY_INTENT}"


def help_reply(kb: Knowledge) -> Reply:
    starters = ("disguised_compliance", "start_again_syndrome", "escalation", "graded_care_profile")
    follow_up = kb.follow_up.finding.button
    buttons = [Button(kb.reflection.buttons.start, REFLECT_PAYLOAD), Button(follow_up, follow_up)]
    buttons += [Button(kb.topics[t].title, topic_payload(t)) for t in starters if t in kb.topics]
    return Reply(kb.messages.help.format(areas=area_names(kb)).strip(), buttons)


def context_set(kb: Knowledge, area: Optional[Area], role_name: Optional[str]) -> Reply:
    """Acknowledge what the practitioner said about where they work and what they do."""
    msg = kb.messages
    if area is None and role_name:
        return Reply(msg.context_role_only.format(role_name=role_name, areas=area_names(kb)))
    if area is None or area.id == kb.fallback_area:
        return Reply(msg.context_unknown_area.format(areas=area_names(kb)))
    known = msg.context_role_and_area if role_name else msg.context_area_only
    summary = known.format(role_name=role_name, area_name=area.name)
    return Reply(msg.context_set.format(context_summary=summary, area_name=area.name))
