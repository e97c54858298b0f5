"""Boards' local details in Chromium (issue 18): a Derby editor signs in with
the keyboard, proposes the children's social care front door with its source
and the day it was checked, previews the reply practitioners will get and
proposes it; a second editor opens it from the waiting list and approves it,
and the Derby page shows it published; the pages pass an axe scan and work on
a 360 px phone. In the widget, a practitioner's question about escalation
gets the general route before, and the board's number with its source at once
after it is published. Screenshots: tests/artifacts/local-details-*.png."""

import subprocess
import time
from datetime import date, timedelta
from typing import Optional

import pytest
from playwright.sync_api import Page, expect

from seen import knowledge
from seen.board_details import BoardDetails
from seen.knowledge import Fact
from tests.browser.conftest import DESKTOP, PHONE
from tests.browser.test_supervision_browser import serious_violations
from tests.browser.test_widget import bot_messages, open_widget, say
from tests.helpers.paths import BIN

PASSWORD = "board editor passphrase"
FRONT_DOOR = "Derby City Council children's social care (Initial Response Team)"
NUMBER = "01332 641172"
SOURCE = "https://www.derbyscb.org.uk/contact-us"
CHECKED = date.today() - timedelta(days=4)
HEADING = "Contacting children's social care"
GENERAL_ROUTE = "the general route applies"
SOURCED = f"the board's own page {SOURCE} (checked {CHECKED:%B %Y})"
QUESTION = "What is the escalation process in Derby if I disagree with a social care decision?"


def editor(web_app: dict, username: str, area: Optional[str] = "derby") -> str:
    """An editor of ``area`` made by the console script (an admin when ``area`` is None)."""
    args = ["--role", "editor", "--area", area] if area else ["--role", "admin"]
    subprocess.run([str(BIN / "seen-accounts"), "create", username, *args, "--password-stdin"],
                   input=PASSWORD + "\n", text=True, check=True, env=web_app["env"], capture_output=True, timeout=120)
    return username


def sign_in_with_the_keyboard(page: Page, url: str, username: str) -> None:
    """From the sign-in page, Tab past the skip link and the brand to the labelled fields; an editor
    starts on the local details."""
    page.goto(f"{url}/login")
    for _ in range(3):
        page.keyboard.press("Tab")
    expect(page.get_by_label("User name")).to_be_focused()
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Password")).to_be_focused()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Local details", exact=True)).to_be_visible()


def front_door_section(page: Page):
    return page.get_by_role("region", name=HEADING)


def preview(page: Page, which: str):
    """One of the two preview boxes: "What Seen says now" or "What Seen will say"."""
    return page.locator("figure.reply-box").filter(has=page.get_by_text(f"Preview: {which}", exact=True))


def test_an_editor_proposes_a_front_door_number_a_second_editor_approves_it(browser, web_app, screenshots,
                                                                              backend):
    url = web_app["url"]
    editor(web_app, "derby.editor")
    editor(web_app, "derby.editor2")

    def shot(page: Page, name: str) -> None:  # the closing note's three on SQLite; PostgreSQL's kept apart
        suffix = "" if backend.name == "sqlite" else f"-{backend.name}"
        page.screenshot(path=str(screenshots / f"local-details-{name}{suffix}.png"), full_page=True)

    problems = {}
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    sign_in_with_the_keyboard(page, url, "derby.editor")
    nav_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="Local details")
    expect(nav_link, "base.html's main navigation should link editors to Local details").to_be_visible()
    nav_link.click()
    expect(page.get_by_role("heading", name="Local details", exact=True)).to_be_visible()
    page.get_by_role("link", name="Derby", exact=True).click()
    expect(page.get_by_role("heading", name="Local details for Derby")).to_be_visible()
    expect(front_door_section(page)).to_contain_text("Not yet filled in: Seen gives the general route.")
    front_door_section(page).get_by_role("link", name=f"Propose a change to {HEADING}").click()
    expect(page.get_by_role("heading", name=f"Propose a change: {HEADING} in Derby")).to_be_visible()

    page.get_by_label("What Seen says").fill(FRONT_DOOR)
    page.get_by_label("Phone number (optional)").fill(NUMBER)
    page.get_by_label("Source web address").fill(SOURCE)
    page.get_by_label("Date you checked it").fill(CHECKED.isoformat())
    page.get_by_role("button", name="Preview", exact=True).click()
    then, now = preview(page, "What Seen will say"), preview(page, "What Seen says now")
    expect(then).to_contain_text(f"{FRONT_DOOR}, {NUMBER}")
    expect(then).to_contain_text(SOURCED)
    expect(now).to_contain_text(f"{HEADING}: Derby's board has not yet added its own details here, so "
                                f"{GENERAL_ROUTE}")
    expect(now).not_to_contain_text(NUMBER)
    expect(page.get_by_label("Phone number (optional)")).to_have_value(NUMBER)  # kept for proposing
    problems["propose"] = serious_violations(page)
    shot(page, "preview")

    page.get_by_role("button", name="Propose for approval").click()
    expect(page.get_by_role("heading", name=f"Proposed change: {HEADING} in Derby")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(
        "Proposed. Another editor of Derby or an admin must approve it before Seen uses it.")
    expect(page.get_by_role("heading", name="Waiting for a second person")).to_be_visible()
    expect(page.get_by_text("Waiting for another editor of Derby or an admin to approve it.")).to_be_visible()
    expect(page.get_by_role("button", name="Approve and publish")).to_have_count(0)  # not by the proposer
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_label("User name")).to_be_visible()
    context.close()

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    sign_in_with_the_keyboard(page, url, "derby.editor2")
    derby = page.get_by_role("region", name="Derby")
    expect(derby.get_by_role("heading", name="Waiting for a second person")).to_be_visible()
    expect(derby.get_by_role("listitem").filter(has_text=HEADING)).to_have_count(1)
    derby.get_by_role("link", name="proposed by derby.editor,").click()
    expect(page.get_by_role("heading", name=f"Proposed change: {HEADING} in Derby")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("Waiting for a second person")
    expect(page.locator(".detail-lines")).to_contain_text(f"Phone number: {NUMBER}")
    expect(page.locator(".detail-lines")).to_contain_text(f"Source: {SOURCE}, checked {CHECKED:%B %Y}")
    expect(preview(page, "What Seen will say")).to_contain_text(SOURCED)
    problems["proposal"] = serious_violations(page)
    shot(page, "approval")

    page.get_by_role("button", name="Approve and publish").click()
    expect(page.get_by_role("heading", name="Local details for Derby")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text(
        "Published: Seen gives this to practitioners in Derby from now on.")
    published = front_door_section(page)
    expect(published).to_contain_text(FRONT_DOOR)
    expect(published).to_contain_text(f"Phone number: {NUMBER}")
    expect(published).to_contain_text(f"Source: {SOURCE}, checked {CHECKED:%B %Y}")
    expect(published).to_contain_text("Version 1: proposed by derby.editor, approved by derby.editor2")
    expect(published).not_to_contain_text("Waiting for a second person")
    problems["area"] = serious_violations(page)
    shot(page, "editor")
    context.close()

    assert {name: found for name, found in problems.items() if found} == {}


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # the layout is the same on PostgreSQL
def test_the_editor_pages_work_on_a_phone(browser, web_app, screenshots, backend):
    url = web_app["url"]
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in_with_the_keyboard(page, url, editor(web_app, "derby.editor"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the list scrolls sideways"

    page.goto(f"{url}/details/derby")
    expect(page.get_by_role("heading", name="Local details for Derby")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the area scrolls sideways"
    link = front_door_section(page).get_by_role("link", name=f"Propose a change to {HEADING}")
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    link.click()
    expect(page.get_by_role("heading", name=f"Propose a change: {HEADING} in Derby")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the form scrolls sideways"

    text = page.get_by_label("What Seen says")
    for _ in range(15):  # past the skip link, the header and the back link to the first field
        page.keyboard.press("Tab")
        if text.evaluate("field => field === document.activeElement"):
            break
    expect(text).to_be_focused()
    page.keyboard.type(FRONT_DOOR)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Phone number (optional)")).to_be_focused()
    page.keyboard.type(NUMBER)
    page.keyboard.press("Tab")
    expect(page.get_by_label("Web address (optional)")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Source web address")).to_be_focused()
    page.keyboard.type(SOURCE)
    page.get_by_label("Date you checked it").fill(CHECKED.isoformat())
    page.get_by_label("Source web address").press("Enter")  # Enter in a box previews, never proposes

    expect(preview(page, "What Seen will say")).to_contain_text(f"{FRONT_DOOR}, {NUMBER}")
    expect(text).to_have_value(FRONT_DOOR)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "the preview scrolls sideways"
    for box in (preview(page, "What Seen says now").bounding_box(), preview(page, "What Seen will say").bounding_box()):
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    page.screenshot(path=str(screenshots / "local-details-phone.png"), full_page=True)
    context.close()


def _reply_about_the_front_door(page: Page):
    return bot_messages(page).filter(has_text=HEADING)


def _ask(page: Page) -> None:
    say(page, QUESTION)


#: Scrolls the transcript so that the reply's line starting with ``heading`` is at the top of the panel.
SCROLL_TO_LINE = """(message, heading) => {
  const log = message.closest('[role=log]');
  const walker = document.createTreeWalker(message, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.data.includes(heading)) node = walker.nextNode();
  const range = document.createRange();
  range.selectNodeContents(message);
  if (node) {
    range.setStart(node, node.data.indexOf(heading));
    range.setEnd(node, node.data.indexOf(heading) + heading.length);
  }
  log.scrollTop += range.getBoundingClientRect().top - log.getBoundingClientRect().top - 4;
}"""


def _shows(page: Page, reply, name: str, screenshots) -> None:
    """A screenshot of the board's page, the panel scrolled to the reply's children's social care line."""
    expect(page.locator("[data-seen-widget] .typing")).to_be_hidden()
    reply.evaluate(SCROLL_TO_LINE, HEADING)
    page.screenshot(path=str(screenshots / name))


def test_the_practitioners_reply_before_and_after_a_detail_is_published(page, browser, widget_site, notes_url,
                                                                        screenshots):
    open_widget(page)
    _ask(page)
    before = _reply_about_the_front_door(page).first
    expect(before).to_be_visible(timeout=20000)
    expect(before).to_contain_text(f"{HEADING}: Derby's board has not yet added its own details here, so "
                                   f"{GENERAL_ROUTE}")
    expect(before).not_to_contain_text(NUMBER)
    _shows(page, before, "local-details-reply-before.png", screenshots)

    store = BoardDetails(notes_url, knowledge.default())
    fact = Fact.parse_obj({"text": FRONT_DOOR, "phone": NUMBER, "source": {"url": SOURCE, "checked": CHECKED}})
    context = browser.new_context(viewport=DESKTOP)
    try:
        proposal = store.propose("derby", "front_door", [fact], by="derby.editor")
        store.approve(proposal.id, by="derby.editor2")
        published_at = time.monotonic()

        fresh = context.new_page()  # a new conversation, as another practitioner on the board's page
        fresh.goto(f"{widget_site}/demo?board=derby")
        open_widget(fresh)
        replies = _reply_about_the_front_door(fresh)
        for asked in range(1, 6):  # the action server reads published details at most every 2 s
            _ask(fresh)
            expect(replies).to_have_count(asked, timeout=20000)
            if NUMBER in replies.last.inner_text() or time.monotonic() - published_at > 20:
                break
            fresh.wait_for_timeout(2000)
        after = replies.last
        expect(after).to_contain_text(f"{FRONT_DOOR}, {NUMBER}")
        expect(after).to_contain_text(SOURCED)
        expect(after).not_to_contain_text(f"{HEADING}: Derby's board has not yet added")
        _shows(fresh, after, "local-details-reply-after.png", screenshots)
    finally:
        context.close()
        newest = next(iter(store.history("derby", "front_door")), None)
        if newest is not None and newest.facts is not None:
            store.rollback("derby", "front_door", 0, by="test.admin")  # other tests' Derby replies unchanged
