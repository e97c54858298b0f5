"""The web widget in Chromium, on the demo page a board's site stands for, talking
to the real bot over socket.io: what a practitioner on a phone or a school
computer would notice. Screenshots go to tests/artifacts/widget-*.png."""

import json
import re

import pytest
import requests
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from benchmarks.widget import measure
from seen import knowledge
from tests.browser.conftest import DESKTOP, PHONE
from tests.helpers.bot import RASA_PORT, WIDGET_ORIGIN
from tests.helpers.figures import record_figures
from tests.helpers.reflection import NOT_A_NAME, UNSURE

LAUNCHER = "Talk to Seen about a neglect concern"


def open_widget(page: Page) -> None:
    page.get_by_role("button", name=LAUNCHER).click()
    expect(page.get_by_role("dialog", name="Seen")).to_be_visible()


def say(page: Page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send", exact=True).click()


def bot_messages(page: Page):
    return page.locator("[data-seen-widget] .message.bot")


def test_a_topic_question_gets_a_sourced_answer_for_the_boards_area_without_asking(page, screenshots):
    open_widget(page)
    expect(page.get_by_text("In an emergency call 999.")).to_be_visible()
    expect(page.get_by_text("Please don't enter names or identifying details.")).to_be_visible()
    say(page, "how do I escalate if I disagree with social care?")
    expect(bot_messages(page).filter(has_text="Sources:").first).to_be_visible(timeout=20000)
    expect(bot_messages(page).filter(has_text="In Derby:")).to_have_count(1)
    page.screenshot(path=str(screenshots / "widget-desktop.png"))


def test_a_quick_reply_is_sent_when_clicked(page):
    open_widget(page)
    say(page, "what is neglect?")
    reply = page.locator("[data-seen-widget] button.reply").first
    expect(reply).to_be_visible(timeout=20000)
    title = reply.inner_text()
    answers_before = bot_messages(page).count()
    reply.click()
    expect(page.locator("[data-seen-widget] .message.user").last).to_contain_text(title)
    expect(reply).to_be_disabled()
    expect(bot_messages(page)).not_to_have_count(answers_before, timeout=20000)


def test_a_reflection_starts_and_skips_the_area_question(page):
    open_widget(page)
    say(page, "I'm worried about a child, she keeps coming in hungry")
    expect(bot_messages(page).filter(has_text="Question 1 of about").first).to_be_visible(timeout=20000)
    page.get_by_role("button", name="Skip").last.click()
    expect(bot_messages(page).filter(has_text="Question 2 of about").first).to_be_visible(timeout=20000)
    said = " ".join(bot_messages(page).all_inner_texts()).lower()
    assert "which area" not in said, "the board's area should be known without asking"


def _asked_at_the_note(page, daily_life_answer: str, question: str):
    """Skip every question but daily life, answered with ``daily_life_answer``,
    until Seen asks ``question`` about a word at the note; the note's messages."""
    kb = knowledge.default()
    daily_life = next(q.text for q in kb.reflection.questions if q.id == "daily_life")
    asked_name = bot_messages(page).filter(has_text=question)
    progress = bot_messages(page).filter(has_text=re.compile(r"Question \d+ of about \d+"))
    open_widget(page)
    say(page, "I'm worried about a child")
    for answered in range(len(kb.reflection.questions) + 1):
        expect(progress.nth(answered).or_(asked_name)).to_be_visible(timeout=20000)
        if asked_name.count():
            break
        if daily_life[:40] in progress.nth(answered).inner_text():
            say(page, daily_life_answer)
        else:
            page.get_by_role("button", name="Skip").last.click()
    expect(asked_name).to_be_visible()
    return bot_messages(page).filter(has_text=kb.reflection.note.heading)


def test_the_note_asks_whether_a_word_is_a_name_and_yes_removes_it_before_saving(page, screenshots):
    """Daily life answered with a name that is also a word; at the note, Seen
    asks "Is 'Storm' a name?" and the practitioner taps "Yes, remove it" (issue 14)."""
    words = knowledge.default().reflection.note
    notes = _asked_at_the_note(page, UNSURE["daily_life"],
                               words.is_it_a_name.format(word="Storm", placeholder="[NAME]"))
    expect(notes.last).to_contain_text("Storm was born")
    page.get_by_role("button", name=words.buttons.name_yes).click()
    expect(bot_messages(page).filter(has_text=words.name_removed.format(word="Storm", placeholder="[NAME]")))\
        .to_be_visible(timeout=20000)
    expect(notes).to_have_count(2, timeout=20000)
    expect(notes.last).to_contain_text("[NAME] was born")
    expect(notes.last).not_to_contain_text("Storm")
    expect(notes.last).not_to_contain_text("storm")
    page.screenshot(path=str(screenshots / "widget-name-question.png"))
    page.get_by_role("button", name=words.buttons.save).last.click()
    expect(bot_messages(page).filter(has_text="Your reference is")).to_be_visible(timeout=20000)


def test_a_word_taken_out_in_doubt_is_put_back_when_the_practitioner_taps_no(page, screenshots):
    """Daily life answered with "Bill came through from the council": the
    note shows [NAME], Seen asks whether 'Bill' is a name, and "No, keep it"
    puts it back before saving (issue 14)."""
    words = knowledge.default().reflection.note
    notes = _asked_at_the_note(page, NOT_A_NAME["daily_life"],
                               words.is_it_a_name_removed.format(word="Bill", placeholder="[NAME]"))
    expect(notes.last).to_contain_text("[NAME] came through")
    page.get_by_role("button", name=words.buttons.name_no).click()
    expect(bot_messages(page).filter(has_text=words.name_restored.format(word="Bill"))).to_be_visible(timeout=20000)
    expect(notes).to_have_count(2, timeout=20000)
    expect(notes.last).to_contain_text("Bill came through from the council")
    page.screenshot(path=str(screenshots / "widget-name-put-back.png"))
    page.get_by_role("button", name=words.buttons.save).last.click()
    expect(bot_messages(page).filter(has_text="Your reference is")).to_be_visible(timeout=20000)


def test_the_conversation_survives_a_reload_without_the_practitioners_words_and_start_again_clears_it(page):
    open_widget(page)
    say(page, "what is disguised compliance?")
    expect(bot_messages(page).first).to_be_visible(timeout=20000)
    page.wait_for_timeout(1500)  # the rest of the turn
    before = page.locator("[data-seen-widget] .message.bot").all_inner_texts()
    page.reload()
    expect(page.get_by_role("dialog", name="Seen")).to_be_visible()
    expect(page.locator("[data-seen-widget] .message.bot")).to_have_count(len(before), timeout=20000)
    assert page.locator("[data-seen-widget] .message.bot").all_inner_texts() == before
    # The server keeps none of the practitioner's words once answered (bot/stores/kept.py).
    not_kept = knowledge.default().messages.not_kept_yours
    expect(page.locator("[data-seen-widget] .message.user")).to_contain_text([not_kept])
    say(page, "and what should I do about it?")
    expect(page.locator("[data-seen-widget] .message.bot")).not_to_have_count(len(before) - 1, timeout=20000)
    page.get_by_role("button", name="Start again").click()
    expect(page.locator("[data-seen-widget] .message")).to_have_count(0)
    page.reload()
    expect(page.locator("[data-seen-widget] .message")).to_have_count(0)


def test_the_browser_keeps_nothing_of_the_conversation_a_script_on_the_page_could_read(page):
    open_widget(page)
    say(page, "Kayleigh in year 4 is always hungry, mum says money is tight")
    expect(bot_messages(page).first).to_be_visible(timeout=20000)
    page.get_by_label("Your message").fill("Bannister is her surname")
    page.wait_for_timeout(1500)
    stored = page.evaluate("JSON.stringify([Object.assign({}, sessionStorage), Object.assign({}, localStorage), "
                           "document.cookie])")
    for word in ("Kayleigh", "hungry", "Bannister", "Seen"):
        assert word not in stored, f"{word!r} is kept where the page's scripts can read it: {stored}"


def test_keyboard_only_from_the_launcher_to_sending_a_message(page):
    for _ in range(12):  # through the demo page's links to the launcher, which comes last
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.hasAttribute('data-seen-widget')"):
            break
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Your message")).to_be_focused()
    page.keyboard.type("what is neglect?")
    page.keyboard.press("Enter")
    expect(bot_messages(page).first).to_be_visible(timeout=20000)
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name="Seen")).to_be_hidden()
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_focused()


def test_the_open_widget_has_no_serious_accessibility_violations(page):
    open_widget(page)
    say(page, "what is neglect?")
    expect(bot_messages(page).first).to_be_visible(timeout=20000)
    results = Axe().run(page, context={"include": [["[data-seen-widget]"]]})
    serious = [f"{v['id']}: {v['help']}" for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == []
    live = page.locator("[data-seen-widget] [role=log]")
    expect(live).to_have_attribute("aria-live", "polite")


def test_a_hostile_host_page_style_leaves_the_widget_usable(browser, widget_site, screenshots):
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)  # to add the board's (hostile) styles
    page = context.new_page()
    page.goto(f"{widget_site}/demo?board=derby")
    page.add_style_tag(content="* { display: inline !important; font-size: 2px !important; color: pink !important }"
                               " button { visibility: hidden !important } div { position: static !important }")
    open_widget(page)
    launcher_box = page.get_by_role("button", name=LAUNCHER).bounding_box()
    assert launcher_box["height"] >= 44, "the launcher was squashed by the host page's styles"
    font = page.get_by_label("Your message").evaluate("el => getComputedStyle(el).fontSize")
    assert font == "16px"
    say(page, "what is neglect?")
    expect(bot_messages(page).first).to_be_visible(timeout=20000)
    page.screenshot(path=str(screenshots / "widget-hostile-css.png"))
    context.close()


def test_bot_text_with_html_is_shown_as_text_and_links_are_safe(browser, widget_site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    alerts = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))

    def fake_bot(ws):
        def on_message(message):
            if message == "40":
                ws.send('40{"sid":"fake"}')
            elif message.startswith('42["session_request"'):
                ws.send('42' + json.dumps(["session_confirm", "fake-session"]))
            elif message.startswith('42["user_uttered"'):
                ws.send('42' + json.dumps(["bot_uttered", {
                    "text": "<img src=x onerror=alert(1)> see https://example.org/guide."}]))
        ws.on_message(on_message)
        ws.send('0{"sid":"fake","upgrades":[],"pingInterval":25000,"pingTimeout":20000}')

    page.route_web_socket(re.compile(r".*/socket\.io/.*"), fake_bot)
    page.goto(f"{widget_site}/demo?board=derby")
    open_widget(page)
    say(page, "hello")
    message = bot_messages(page).last
    expect(message).to_contain_text("<img src=x onerror=alert(1)> see https://example.org/guide.")
    expect(message.locator("img")).to_have_count(0)
    link = message.get_by_role("link", name="https://example.org/guide")
    expect(link).to_have_attribute("rel", "noopener noreferrer")
    page.wait_for_timeout(500)
    assert alerts == []
    context.close()


def test_when_the_bot_cannot_be_reached_999_comes_first_the_message_is_kept_and_try_again_sends_it(
        browser, widget_site):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    reachable = {"yes": False}

    def gate(ws):
        if reachable["yes"]:
            ws.connect_to_server()
        else:
            ws.close()

    page.route_web_socket(re.compile(r".*/socket\.io/.*"), gate)
    page.goto(f"{widget_site}/demo?board=derby")
    open_widget(page)
    say(page, "what is neglect?")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Seen can't be reached just now")
    assert alert.inner_text().startswith("A child in immediate danger: call 999 now."), "999 first, even when down"
    expect(page.get_by_text("In an emergency call 999.")).to_be_visible()  # the standing line stays
    expect(page.get_by_label("Your message")).to_have_value("what is neglect?")
    reachable["yes"] = True
    page.get_by_role("button", name="Try again").click()
    expect(bot_messages(page).first).to_be_visible(timeout=20000)
    expect(page.locator("[data-seen-widget] .message.user")).to_have_text(["You said:what is neglect?"])
    expect(page.get_by_label("Your message")).to_have_value("")
    context.close()


def test_a_phone_sized_screen_gets_the_whole_panel(browser, widget_site, screenshots):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{widget_site}/demo?board=derby")
    open_widget(page)
    box = page.get_by_role("dialog", name="Seen").bounding_box()
    assert box["width"] >= PHONE["width"] - 2 and box["x"] <= 1
    say(page, "what is neglect?")
    expect(bot_messages(page).first).to_be_visible(timeout=20000)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.screenshot(path=str(screenshots / "widget-phone.png"))
    context.close()


@pytest.mark.parametrize("origin, accepted", [(WIDGET_ORIGIN, True), ("https://evil.example", False)])
def test_the_bot_accepts_socket_connections_only_from_configured_origins(servers, origin, accepted):
    response = requests.get(f"http://127.0.0.1:{RASA_PORT}/socket.io/?EIO=4&transport=polling",
                            headers={"Origin": origin}, timeout=10)
    assert (response.status_code == 200) is accepted, response.text


def test_the_widget_is_small_and_its_launcher_is_quick(browser, widget_site):
    """Figures for the closing note, kept in benchmarks/results/widget.json (benchmarks/widget.py)."""
    figures = record_figures("widget", measure(widget_site, loads=10, browser=browser))
    assert figures["gzip_bytes"] <= 10_000
    assert figures["ready_ms_median"] <= 1000
