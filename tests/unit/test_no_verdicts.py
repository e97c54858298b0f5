"""Nothing Seen says decides whether a child is neglected.

Seen supports a practitioner's judgement and never makes it: no reply may say
or imply that a child is, or is not, neglected, at risk or safe, or that a
referral is or is not needed (safety/hazard-log.yml: false reassurance, and
over-reliance on Seen's prompts). Every string in knowledge/ that Seen can
say, and the replies it builds from them at run time, are read for verdict
wording. The detector is test data kept here, with cases that show it catches
verdicts and leaves alone Seen's own disclaimer and the questions it asks.
"""

import re
from typing import Dict, Iterator, List, Optional, Tuple

import pytest

from seen import knowledge, reflection, replies, summary
from seen.knowledge import AREA_DETAILS, Knowledge
from tests.helpers.knowledge_walk import walk
from tests.helpers.reflection_talk import default_answer, started

KB = knowledge.default()

# The detector -----------------------------------------------------------------

#: Who a verdict is about: a child, the family, a parent, or "he", "she" and "they"
#: ("they" not after "know": the guidance quotes a child, "some children don't
#: know they are being neglected").
_SOMEONE = (r"(?:(?:the|this|that|your|a|our|their|his|her) (?:child|children|baby|babies|boy|girl|young person"
            r"|teenager|toddler|infant|pupil|kids?|son|daughter|siblings?|family)"
            r"|(?:(?:the|this|your|their|his|her) )?(?:parents?|mum|dad|mother|father|carers?)|he|she|(?<!know )they)")
#: Verbs that say what someone or something is, or seems to be.
_IS = (r"(?:'s|'re| is| isn't| is not| are| aren't| are not| was| wasn't| has been| hasn't been| has not been"
       r"| have been| haven't been| seems?| appears?| looks?| sounds?| will be| would be| should be)")
#: Words a verdict may be hedged or stressed with ("probably fine", "perfectly safe").
_HEDGE = (r"(?: (?:not|probably|likely|most likely|clearly|definitely|certainly|perfectly|completely|quite|fairly"
          r"|reasonably|really|actually|still|now|just|simply|only|to be|being|all))*")

#: Wording a practitioner would read as Seen deciding, each with a name for
#: the failure message. Matched in any case, one sentence at a time, after
#: NOT_SEENS_VIEW and questions to the practitioner are set aside.
VERDICTS: Dict[str, str] = {
    "calls it neglect or not": (
        r"\b(?:this|that|it|which|what you(?:'ve| have)? describe[ds]?|what you(?:'re| are) describing|the situation"
        r"|the case|these concerns|the concerns)(?:'s| is| isn't| is not| was| wasn't| would be| wouldn't be"
        r"| would not be| amounts to| counts as| constitutes| doesn't amount to| does not amount to| doesn't count as"
        r"| does not count as| sounds like| looks like| seems like| doesn't sound like| does not sound like"
        r"| doesn't look like| does not look like| doesn't seem like| does not seem like)(?: a case of| an example of)?"
        + _HEDGE + r" (?:neglect|neglectful|abuse|emotional neglect|physical neglect|significant harm"
        r"|a (?:child protection|safeguarding|neglect) (?:case|matter|issue|concern))\b"),
    "says it doesn't look like neglect": (
        r"\b(?:doesn't|does not|don't|do not) (?:sound|look|seem|appear)(?: like| to be)? (?:neglect|neglectful|abuse"
        r"|a (?:child protection|safeguarding|neglect) (?:case|matter|issue|concern))\b"),
    "says not neglect": r"\bnot (?:really |actually )?neglect\b",
    "says how the child is": (
        rf"\b{_SOMEONE}{_IS}{_HEDGE} (?:neglected|abused|maltreated"
        r"|at (?:no |low |little |minimal |real |serious |significant |immediate |any )?risk|in (?:no |any )?danger"
        r"|safe|fine|ok|okay|alright|all right|thriving|doing (?:fine|well|ok|okay|their best)|coping(?: well)?"
        r"|(?:well|properly|adequately|appropriately) (?:looked after|cared for|supervised|fed))\b"),
    "says someone is safe": r"\b(?:is|are|'s|'re)" + _HEDGE + r" safe\b(?! to\b)",
    "says not at risk": r"\bnot (?:at|in) (?:any )?(?:real |serious |significant |immediate )?(?:risk|danger)\b",
    "says the risk is low": (r"\b(?:no|low|little|minimal|negligible) (?:real |immediate |significant |serious "
                             r"|apparent )?(?:level of )?(?:risk|danger)\b"),
    "says there is no concern": (
        r"\b(?:no|not an?|isn't an?|is not an?|no longer an?) (?:real |actual |genuine )?"
        r"(?:safeguarding|child protection|neglect|welfare) (?:concerns?|issues?|case|matter|risk)\b"
        r"|\bno (?:real |actual )?(?:cause|reason|grounds) for (?:concern|worry|alarm)\b"),
    "finds no sign of neglect": (r"\bno (?:clear |real |obvious |actual )?(?:evidence|signs?|indications?)"
                                 r" (?:of|that) (?:neglect|abuse|harm|risk)\b"),
    "says the practitioner worries too much": r"\b(?:over-?react\w*|over-?think\w*|worrying too much|too worried)\b",
    "says nothing to worry about": (
        r"\bnothing (?:\w+ )?(?:to worry about|to be (?:worried|concerned) about|to do|(?:you )?need to do"
        r"|needs to be done|of concern|concerning|unusual|abnormal|serious)\b"),
    "says don't worry": (r"\b(?:don't|do not|no need to|needn't|need not|shouldn't|should not) (?:be )?"
                         r"(?:worry|worried|concerned|alarmed)\b"),
    "says no need to act": (
        r"\bno (?:need|reason|requirement) (?:to|for)(?: a| an| any)?(?: further)? (?:refer\w*|report\w*|escalat\w*|act"
        r"|action|worry|concern|contact|tell|do anything|take (?:any )?action|involve|intervene|intervention)\b"),
    "says you need not act": (
        r"\b(?:you|we) (?:don't|do not|won't|will not|wouldn't|would not|shouldn't|should not|needn't|need not)"
        r"(?: need| have)?(?: to)? (?:refer|make a referral|report|escalate|worry|act|take (?:any )?action"
        r"|do anything|tell anyone|involve|intervene|contact (?:children's )?social care)\b"
        r"|\b(?:don't|do not) (?:refer|escalate|report it|make a referral)\b"),
    "says no action is needed": (
        r"\bno (?:further |more )?(?:action|referral|escalation) (?:is |would be )?(?:needed|required|necessary"
        r"|warranted|called for)\b"),
    "decides on a referral": (
        r"\b(?:doesn't|does not|don't|do not|won't|will not|wouldn't|would not)"
        r" (?:need|require|warrant|merit|justify|call for)(?: a| an| any)? (?:referral|escalation|action"
        r"|child protection|further action|reporting)\b"
        r"|\b(?:a |the )?referral (?:is|isn't|is not|would be|wouldn't be|would not be)(?: not)? (?:needed|necessary"
        r"|required|warranted|justified|appropriate)\b"
        r"|\b(?:needs|warrants|requires|justifies|merits) (?:a )?referral\b"),
    "places it against the threshold": (
        r"\b(?:above|below|under|over|meets?|meeting|reach(?:es|ed)?|cross(?:es|ed)?|hits?)"
        r" (?:the |a |your |any |that )?(?:\w+ )?thresholds?\b"),
    "calls it normal or minor": (
        r"\b(?:this|that|it|which|he|she|they|this behaviour|everything|things)(?:'s| is| are| seems?| sounds?| looks?)"
        + _HEDGE + r" (?:normal|typical|usual|common|age[- ]appropriate|minor|trivial|low[- ]level|manageable"
        r"|under control|not (?:that |too |very )?serious)\b"),
    # Not "that": "That's fine" is how Seen takes a practitioner's "not now".
    "says it's fine": (r"\b(?:this|it|everything|things|all)(?:'s| is| are| seems?| sounds?| looks?)" + _HEDGE
                       + r" (?:fine|ok|okay|alright|all right|nothing|well)\b"),
    "says within normal limits": r"\bwithin (?:the )?(?:normal|expected|acceptable|usual) (?:limits|range|bounds)\b",
    "explains it away": (r"\b(?:just|only|simply|merely) (?:poverty|a phase|cultural|a lifestyle(?: choice)?"
                         r"|bad luck|a one[- ]off)\b"),
    "says probably fine": (r"\b(?:probably|likely|surely|almost certainly|i'm sure it's)"
                           r" (?:fine|ok|okay|nothing|normal)\b"),
    "says needs are met": (
        r"\b(?:his|her|their|the|this|your)(?: child's| baby's| children's)? needs (?:are|is)(?: being)?"
        r"(?: adequately| properly)? met\b"
        r"|\b(?:are|is|'re|'s) (?:\w+ )?meeting"
        r" (?:his|her|their|the|this|your)(?: child's| baby's| children's)? needs\b"),
    "says care is good enough": (r"\b(?:the )?(?:care|parenting|home conditions|things)"
                                 r" (?:is|are|seems?|looks?|sounds?)" + _HEDGE + r" good enough\b"),
    "reassures": (r"\brest assured\b|\bi can (?:reassure|assure) you\b|\byou can be (?:reassured|confident|sure) that\b"
                  r"|\byou(?:'ve| have) (?:already )?done (?:enough|everything you (?:can|could|need))\b"),
    "says wait and see": (r"\bwait and (?:see|watch)\b|\b(?:can|could|should) (?:safely )?(?:close the case"
                          r"|be closed|step (?:it )?down|leave it)\b"),
}
_VERDICTS = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in VERDICTS.items()}

#: Words that give a view to the practitioner, or make it a condition or a
#: question ("whether a child is being neglected", "if you think...", "when the
#: child is safe"): from them to the end of the clause is not Seen's own view.
NOT_SEENS_VIEW = re.compile(
    r"\b(?:whether|if|when|whenever|until|unless|so that|(?:do|does|did) you (?:think|feel|believe|consider)"
    r"|you (?:think|feel|believe|said|say|told me)|in your (?:own )?(?:professional )?(?:view|opinion|judgement))\b"
    r"[^,;:.!?\n]*", re.IGNORECASE)
#: A sentence, so a frame or a question mark covers only its own.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+|:\s+(?=\")")
#: A question with a tag is a statement that asks to be agreed with ("This is neglect, isn't it?").
_TAG_QUESTION = re.compile(
    r",\s*(?:(?:isn't|aren't|doesn't|don't|wasn't|won't|wouldn't|is|are|does|do|was|will|would)"
    r"\s+(?:it|he|she|they|there|you|that)(?:\s+(?:think|say|agree))?|right|surely|ok|okay|yes)\s*\?$", re.IGNORECASE)


def sentences(text: str) -> List[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def is_a_question(sentence: str) -> bool:
    """A question put to the practitioner, not a verdict asked to be agreed with."""
    bare = sentence.strip(" \"'")
    return bare.endswith("?") and not _TAG_QUESTION.search(bare)


def verdicts_in(text: str) -> List[Tuple[str, str, str]]:
    """Each verdict in ``text``: the kind of verdict, the words that say it and their sentence."""
    found = []
    for sentence in sentences(text):
        if is_a_question(sentence):
            continue
        own_view = NOT_SEENS_VIEW.sub(" ", sentence)
        found += [(name, match.group(0), sentence) for name, pattern in _VERDICTS.items()
                  for match in [pattern.search(own_view)] if match]
    return found


# What Seen can say --------------------------------------------------------------

#: Fields of knowledge/ that Seen reads but never says: patterns, examples for
#: the classifier, conditions, ids and seed file names. Everything else is
#: checked, so a new message, topic, area or prompt is covered without a change here.
READ_NOT_SAID = frozenset({
    "safety", "opening", "anonymise", "examples", "aliases", "places", "short_forms", "workplaces", "words",
    "heard_in", "heard_said", "said_if", "choice_words", "commands", "understanding", "when", "ask_if",
    "save_words", "discard_words",
    "remove_words", "id", "file", "url", "fallback_area",
})


def said_in_knowledge() -> Iterator[Tuple[str, str]]:
    """Every string in knowledge/ that Seen can say, with where it is ("knowledge.topics[escalation].answer")."""
    return ((where, value) for where, value in walk(KB, skip=READ_NOT_SAID) if isinstance(value, str) and value.strip())


def _reply_texts(sent: List[replies.Reply], where: str) -> Iterator[Tuple[str, str]]:
    for number, reply in enumerate(sent, 1):
        yield f"{where}, reply {number}", reply.text
        for button in reply.buttons:
            yield f"{where}, reply {number}, button", button.title


def built_replies(kb: Knowledge = KB) -> Iterator[Tuple[str, str]]:
    """The replies seen.replies and seen.summary build from knowledge/: every
    topic answer in every area and in none, every prompt in every area, and
    the emergency, help and "I don't know" replies."""
    areas: List[Optional[knowledge.Area]] = [None, *kb.areas.values()]
    for topic in kb.topics.values():
        for area in areas:
            yield from _reply_texts(replies.topic_answer(kb, topic, area),
                                    f"topic_answer({topic.id}, area={area.id if area else None})")
    for area in kb.areas.values():
        yield from _reply_texts([replies.area_details(kb, area, AREA_DETAILS)], f"area_details({area.id})")
        yield from _reply_texts([replies.out_of_scope(kb, area)], f"out_of_scope({area.id})")
        yield from _reply_texts([replies.not_in_guidance(kb, area, list(kb.topics)[:3])], f"not_in_guidance({area.id})")
        yield from _reply_texts([replies.context_set(kb, area, "teacher")], f"context_set({area.id})")
        for rule in kb.reflection.prompts:
            yield from _reply_texts([summary.prompt_reply(kb, rule, area)], f"prompt {rule.id} in {area.id}")
    yield from _reply_texts([replies.emergency(kb)], "emergency")
    yield from _reply_texts([replies.help_reply(kb)], "help")


#: Guided reflections to the end, then saved, by what the practitioner
#: answers to "is the child at risk of significant harm?" and what the other
#: answers call for. The practitioner's own words come back in the summary and
#: the note, so they say nothing a verdict could be read in.
REFLECTIONS = {
    "significant harm: yes, many prompts": ("sandwell", {
        "age_band": "Under 1", "daily_life": "Often no food in the house, baby left in the cot most of the day.",
        "premature_health": "Yes", "missed_appointments": "Yes", "history": "Several referrals over the years",
        "chronology": "No", "disguised_compliance": "Yes", "adult_needs": "Yes", "adult_services": "No",
        "plan_progress": "No", "tool": "No", "threshold": "Yes"}),
    "significant harm: no": ("derby", {
        "age_band": "12 to 17", "additional_needs": "Yes", "caring_role": "Yes", "seen_alone": "No",
        "threshold": "No"}),
    "significant harm: no, nothing prompted": ("salford", {
        "age_band": "5 to 11", "additional_needs": "No", "seen_alone": "Yes", "chronology": "Yes",
        "disguised_compliance": "No", "adult_needs": "No", "plan_progress": "Yes", "tool": "Yes",
        "threshold": "No"}),
    "significant harm: not sure": ("rochdale", {"age_band": "1 to 4", "threshold": "Not sure"}),
}


def reflection_said(area: str, answers: Dict[str, str]) -> List[str]:
    """All Seen says in one reflection: questions, prompts, the summary, the note and its saving."""
    talk = started(role="teacher", area=area)
    said = [r.text for r in talk.turn.replies]
    for _ in range(60):
        if talk.state.status != reflection.ACTIVE:
            break
        said += talk.say(answers.get(talk.current, default_answer(talk.current)))
    assert talk.state.status == reflection.CONFIRMING, f"the reflection in {area} never reached its note"
    said += talk.say("Save note")
    assert talk.saved, f"the note in {area} was not saved"
    return said


def reflection_replies() -> Iterator[Tuple[str, str]]:
    for name, (area, answers) in REFLECTIONS.items():
        for number, text in enumerate(reflection_said(area, answers), 1):
            yield f"reflection ({name}, in {area}), message {number}", text


def everything_seen_can_say() -> List[Tuple[str, str]]:
    return [*said_in_knowledge(), *built_replies(), *reflection_replies()]


# Tests --------------------------------------------------------------------------

def test_nothing_seen_can_say_decides_whether_a_child_is_neglected():
    """A practitioner who reads "this doesn't sound like neglect" or "no need
    to refer" may stop worrying about a child. Seen only supports their
    judgement, so none of its words, stored or built, may decide."""
    said = everything_seen_can_say()
    assert len(said) > 1000, "the check read too little to mean anything"
    verdicts = [f"{where}: {words!r} {name}, in: {sentence}"
                for where, text in said for name, words, sentence in verdicts_in(text)]
    assert not verdicts, "Seen would read as deciding about a child:\n" + "\n".join(verdicts)


def test_the_check_reads_every_topic_area_prompt_and_the_end_of_every_reflection():
    """The check above is only as good as what it reads: every topic, area and
    prompt, and the summary, note and disclaimer after each reflection."""
    where = [w for w, _ in said_in_knowledge()]
    assert {f"knowledge.topics[{t}].answer" for t in KB.topics} <= set(where)
    assert {f"knowledge.reflection.prompts[{p.id}].text" for p in KB.reflection.prompts} <= set(where)
    assert any(w.startswith("knowledge.areas[derby].tools") for w in where)
    assert "knowledge.messages.help" in where and "knowledge.reflection.summary.judgement" in where
    built = " ".join(w for w, _ in built_replies())
    assert all(f"topic_answer({t}, area={a})" in built for t in KB.topics for a in [None, *KB.areas])
    words = KB.reflection
    for name, (area, answers) in REFLECTIONS.items():
        said = "\n".join(reflection_said(area, answers))
        assert words.summary.heading in said and words.note.heading in said, name
        assert words.summary.judgement in said and words.note.saved.split("{")[0] in said, name
        harm = next(rule for rule in words.prompts if rule.id == "significant_harm").text
        assert (harm in said) == (answers["threshold"] != "No"), name
        assert (words.summary.no_prompts in said) == ("nothing prompted" in name), name


@pytest.mark.parametrize("verdict", [
    "This is neglect.",
    "This isn't neglect.",
    "From what you've said, this doesn't sound like neglect.",
    "It sounds like neglect to me.",
    "What you describe amounts to emotional neglect.",
    "This is a child protection matter.",
    "The child is being neglected.",
    "The child is not neglected.",
    "Your child isn't being neglected.",
    "I don't think the child is being neglected.",
    "She is not at risk.",
    "He's at risk of significant harm.",
    "The baby is safe at home.",
    "They're safe with their nan.",
    "The risk to him is low, so there is no risk of significant harm.",
    "There's no need to refer.",
    "No need to escalate this.",
    "You don't need to make a referral.",
    "You don't need to do anything.",
    "There is nothing to worry about.",
    "Don't worry, it's probably fine.",
    "It's probably fine.",
    "I'm sure it's nothing.",
    "This is within normal limits for a toddler.",
    "That's normal for his age.",
    "It's just poverty, not neglect.",
    "This does not meet the threshold for a referral.",
    "It meets the threshold for child protection.",
    "The concerns fall below the threshold.",
    "No further action is needed.",
    "This doesn't warrant a referral.",
    "A referral isn't necessary.",
    "This isn't a safeguarding concern.",
    "There are no safeguarding concerns here.",
    "Her needs are being met.",
    "The parents are clearly meeting their children's needs.",
    "The care is good enough.",
    "The child is well looked after.",
    "Things seem under control at home.",
    "Mum is coping well.",
    "There's no evidence of neglect in what you describe.",
    "You may be overreacting.",
    "Rest assured, the family are doing their best.",
    "You've done everything you can.",
    "You can wait and see.",
    "This is neglect, isn't it?",
    "If you ask me, this is not neglect.",
    "When I read your answers, the child is safe.",
])
def test_the_check_catches_words_that_decide_for_the_practitioner(verdict):
    """Each of these, from Seen, would be a decision about the child: the check must fail on it."""
    assert verdicts_in(verdict), f"{verdict!r} decides about a child, but the check let it through"


@pytest.mark.parametrize("not_a_verdict", [
    KB.reflection.summary.judgement,
    "I support your professional judgement; I don't decide whether a child is being neglected.",
    "They do not decide whether a child is or is not being neglected: that judgement stays with you.",
    "Do you think the child is at risk of significant harm?",
    "Last question. In your own professional view, is the child at risk of significant harm?",
    'Rochdale\'s briefing starts its reflective questions with "Is the child at risk of significant harm?"',
    "You think the child may be at risk of significant harm, or you're not sure.",
    "If you think the child may be at risk of significant harm, contact children's social care today.",
    "When the child is safe, record what you saw and heard, in the words used.",
    "If no child is in immediate danger right now, let's carry on.",
    "Seen can't make the threshold judgement for you: that sits with you and your local guidance.",
    "How does it sit against your area's threshold guidance?",
    "Does this meet your area's threshold for a referral?",
    'The strategy quotes children: "Some children don\'t know they are being neglected".',
    "Many families live in poverty and are still able to meet their children's needs.",
    "The plan is monitored with the family so that the child's needs are met.",
    '"When is good enough truly good enough as opposed to being just better?"',
    "Professionals must decide whether legal proceedings are needed to protect the child.",
    "That's fine. Your answers so far are kept for this conversation only.",
    "I wasn't sure whether that meant yes or no, so to be safe I've replaced it.",
    "Don't keep a worry about neglect to yourself or wait to be sure.",
])
def test_the_check_leaves_the_disclaimer_and_questions_to_the_practitioner_alone(not_a_verdict):
    """Saying that Seen does not decide, or asking the practitioner what they
    think, hands the judgement back: the check must not fail on it."""
    assert verdicts_in(not_a_verdict) == [], f"{not_a_verdict!r} decides nothing, but the check flagged it"


@pytest.mark.parametrize("question, opening, names", [
    ("missed_appointments", "Health appointments have been missed", "not sure"),
    ("chronology", "There is a long history", "no chronology"),
])
def test_a_prompt_for_not_sure_does_not_tell_the_practitioner_what_they_did_not_say(question, opening, names):
    """"Not sure" about missed appointments, or about a chronology with no
    history told, must not come back as only "appointments have been missed"
    or "there is a long history": the prompt's first sentence names what the
    practitioner did say."""
    talk = started(role="teacher", area="derby")
    answers = {"age_band": "1 to 4", "history": "first time anyone has raised it", question: "Not sure"}
    said = []
    for _ in range(60):
        if talk.state.status != reflection.ACTIVE:
            break
        said += talk.say(answers.get(talk.current, default_answer(talk.current)))
    prompts = [text for text in said if text.startswith(opening)]
    assert prompts, f"no prompt for {question}: not sure"
    assert all(names in text.split(".")[0] for text in prompts)
