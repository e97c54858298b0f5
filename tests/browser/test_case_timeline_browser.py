"""A supervisor in Chromium opens the latest note of a case followed up once:
the timeline shows both notes, what changed, the prompts raised and how long
the plan has run, on a desktop and a 360 px phone, and passes an axe scan; a
supervisor of another area finds nothing. The desktop screenshot is
tests/artifacts/case-timeline.png."""

import dataclasses
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from playwright.sync_api import Page, expect

from seen import knowledge
from seen.notes import NoteStore
from tests.browser.test_supervision_browser import serious_violations
from tests.helpers.drafts import note
from tests.helpers.paths import BIN

PASSWORD = "supervisor passphrase"
CHANGES = [{"question": "daily_life", "label": "Daily life since the last note", "value": "better"},
           {"question": "plan_progress", "label": "The plan's difference since the last note", "value": "same"}]


def account(web_app: dict, username: str, area: str) -> str:
    subprocess.run([str(BIN / "seen-accounts"), "create", username, "--area", area, "--password-stdin"],
                   input=PASSWORD + "\n", text=True, check=True, env=web_app["env"], capture_output=True, timeout=120)
    return username


@pytest.fixture
def case(web_app) -> list:
    """Derby: a first note with the drift prompt 124 days ago, and a follow-up today on the same plan."""
    store = NoteStore(web_app["database_url"])
    first = store.save(note(area="derby", prompts=("drift",), flags=("drift",)),
                       created_at=datetime.now(timezone.utc) - timedelta(days=124))
    latest = store.save(dataclasses.replace(note(area="derby", prompts=("cumulative_harm",)), follows=first,
                                            changes=CHANGES, plan_unchanged=True))
    store.close()
    return [first, latest]


def sign_in(page: Page, url: str, username: str) -> None:
    page.goto(f"{url}/login")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Reflection notes")).to_be_visible()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_supervisor_sees_the_cases_timeline_and_another_area_sees_nothing(browser, web_app, case, screenshots,
                                                                             device, backend):
    size = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}[device]
    url = web_app["url"]
    context = browser.new_context(viewport=size)
    page = context.new_page()
    sign_in(page, url, account(web_app, "sam.derby", "derby"))

    page.goto(f"{url}/notes/{case[1]}")
    timeline = page.get_by_role("region", name="This case over time")
    expect(timeline).to_be_visible()
    expect(timeline.locator("ol.case-notes > li")).to_have_count(2)
    expect(timeline.get_by_role("link", name=f"Note {case[0]}")).to_be_visible()
    expect(timeline.get_by_text("The current plan has run for 4 months")).to_be_visible()
    changes = timeline.get_by_role("table", name="Since the note before")
    expect(changes.get_by_role("row", name="Daily life since the last note Better")).to_be_visible()
    drift = next(p.label for p in knowledge.default().reflection.prompts if p.id == "drift")
    expect(timeline.get_by_role("listitem").filter(has_text=drift).last).to_be_visible()
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], "the page scrolls sideways"
    name = "case-timeline.png" if (device, backend.name) == ("desktop", "sqlite") else \
        f"case-timeline-{device}-{backend.name}.png"
    timeline.screenshot(path=str(screenshots / name))

    timeline.get_by_role("link", name=f"Note {case[0]}").click()
    expect(page.get_by_role("heading", name=f"Note {case[0]}", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="This case over time").locator("ol.case-notes > li")).to_have_count(2)
    context.close()

    elsewhere = browser.new_context(viewport=size)
    page = elsewhere.new_page()
    sign_in(page, url, account(web_app, "kim.sandwell", "sandwell"))
    for reference in case:
        page.goto(f"{url}/notes/{reference}")
        expect(page.get_by_role("heading", name="Not found")).to_be_visible()
        expect(page.get_by_text("This case over time")).to_have_count(0)
    elsewhere.close()
