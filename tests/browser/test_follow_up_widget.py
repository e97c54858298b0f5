"""Following a case up from the widget (issue 16), on a Derby board's page,
as a practitioner would: "Follow up a case", the reference typed, the
earlier note with its month and year, what has changed answered with the
buttons and a sentence of evidence, the drift prompt with its sources after
the same plan for four months, and the follow-up saved to the case. Also on
a phone, reached with the keyboard. Screenshots: tests/artifacts/follow-up-widget*.png."""

from dataclasses import dataclass
from typing import Optional

from playwright.sync_api import expect

from seen import knowledge, replies
from seen.notes import NoteStore
from tests.browser.conftest import PHONE
from tests.browser.test_widget import bot_messages, open_widget, say
from tests.helpers import bot

KB = knowledge.load()
FOLLOW_UP = KB.follow_up
FINDING = FOLLOW_UP.finding
QUESTIONS = {q.id: q for q in FOLLOW_UP.questions}
DRIFT = next(p for p in FOLLOW_UP.prompts if p.id == "plan_drift")
BUTTON = "Follow up a case"


@dataclass(frozen=True)
class Press:
    """A reply button, then the evidence typed when Seen asks what shows it."""

    title: str
    evidence: Optional[str] = None


#: The questions Seen asks after a first note that answered daily life,
#: impact and the child's voice, in order, with what the practitioner does.
STEPS = [
    ("role", "I'm a teacher"),
    ("changed", "She has a coat now and comes in on time, but still asks for food at break."),
    ("daily_life", Press("The same", "Still hungry every morning and tired in class.")),
    ("impact", Press("Skip")),
    ("voice", Press("Skip")),
    ("engagement", Press("Better", "Mum came to the last two review meetings and rang us when the child was ill.")),
    ("plan_same", Press("Yes")),
    ("plan_progress", Press("The same", "Nothing has changed at home because of it.")),
    ("reopened", Press("No")),
    ("new_concerns", "No new concerns."),
    ("new_agencies", "None."),
    ("threshold", Press("No")),
]


def test_a_case_is_followed_up_from_the_widget_to_the_drift_prompt_and_saved(page, notes_url, screenshots):
    reference = bot.saved_note()
    saved_at = bot.backdate(notes_url, reference, months=4)
    open_widget(page)
    page.get_by_role("button", name=BUTTON).click()
    expect(page.locator("[data-seen-widget] .message.user").last).to_have_text(f"You said:{BUTTON}")
    expect(bot_messages(page).filter(has_text=FINDING.ask_reference)).to_be_visible(timeout=20000)
    expect(page.get_by_label("Your message")).to_be_focused()  # ready for the reference

    page.keyboard.type(reference)
    page.keyboard.press("Enter")
    earlier = bot_messages(page).filter(has_text=f"Following up case {reference}:")
    expect(earlier).to_contain_text(f"the last from {saved_at:%B %Y}", timeout=20000)
    expect(earlier).to_contain_text("- Daily life: Comes in hungry most days")
    said = " ".join(bot_messages(page).all_inner_texts()).lower()
    assert "which area" not in said, "the board's area should be known without asking"

    evidence_asked = bot_messages(page).filter(has_text=FOLLOW_UP.evidence)
    evidence_count = 0
    for question, answer in STEPS:
        expect(bot_messages(page).last).to_contain_text(QUESTIONS[question].text, timeout=20000)
        if isinstance(answer, str):
            say(page, answer)
            continue
        page.get_by_role("button", name=answer.title, exact=True).last.click()
        if answer.evidence:
            evidence_count += 1
            expect(evidence_asked).to_have_count(evidence_count, timeout=20000)
            say(page, answer.evidence)

    drift = bot_messages(page).filter(has_text=DRIFT.text).first
    expect(drift).to_be_visible(timeout=20000)
    expect(drift).to_contain_text(replies.sources_line(KB, replies.cite(KB, DRIFT.sources)))
    expect(bot_messages(page).last).to_have_text(f"Seen said:{FOLLOW_UP.note.ask}"
                                                 f"{FOLLOW_UP.note.buttons.save}{FOLLOW_UP.note.buttons.change}"
                                                 f"{FOLLOW_UP.note.buttons.discard}", timeout=20000)
    expect(page.locator("[data-seen-widget] .typing")).to_be_hidden()
    drift.evaluate("message => message.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(screenshots / "follow-up-widget.png"))

    page.get_by_role("button", name=FOLLOW_UP.note.buttons.save).last.click()
    expect(bot_messages(page).filter(has_text="Saved and linked to the case.")).to_be_visible(timeout=20000)
    case = NoteStore(notes_url).case(reference, areas=["derby"])
    assert [n["follows"] for n in case] == [None, reference]


def test_on_a_phone_the_button_is_reached_with_the_keyboard_and_asks_for_the_reference(
        browser, widget_site, screenshots):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{widget_site}/demo?board=derby")
    open_widget(page)
    button = page.get_by_role("button", name=BUTTON)
    box = button.bounding_box()
    assert box["height"] >= 36 and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    expect(page.get_by_label("Your message")).to_be_focused()
    for _ in range(3):  # back from the message box, past the conversation, to the button
        page.keyboard.press("Shift+Tab")
        if button.evaluate("b => b.getRootNode().activeElement === b"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(bot_messages(page).filter(has_text=FINDING.ask_reference)).to_be_visible(timeout=20000)
    expect(page.locator("[data-seen-widget] .message.user")).to_have_text([f"You said:{BUTTON}"])
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    expect(page.locator("[data-seen-widget] .typing")).to_be_hidden()
    page.screenshot(path=str(screenshots / "follow-up-widget-phone.png"))
    context.close()
