"""A supervisor in Chromium: signs in with an account made by the console script,
filters the notes, opens one, adds a comment, marks it discussed and sees that
on the list; on a desktop and on a 360 px phone, using the keyboard to sign in."""

import subprocess
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from seen.notes import NoteStore
from tests.helpers.drafts import note

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "supervisor passphrase"


@pytest.fixture
def supervisor(web_app) -> str:
    subprocess.run([str(ROOT / ".venv" / "bin" / "seen-accounts"), "create", "sam.derby", "--area", "derby",
                    "--password-stdin"], input=PASSWORD + "\n", text=True, check=True, env=web_app["env"],
                   capture_output=True, timeout=120)
    return "sam.derby"


@pytest.fixture
def saved(web_app) -> dict:
    store = NoteStore(web_app["database_url"])
    refs = {
        "baby": store.save(note(area="derby", age_band="under_1", role="health_visitor", flags=("significant_harm",),
                                prompts=("significant_harm", "missed_appointments"))),
        "school": store.save(note(area="derby", flags=("drift",), prompts=("drift",))),
        "elsewhere": store.save(note(area="sandwell", age_band="under_1")),
    }
    store.close()
    return refs


def sign_in_with_the_keyboard(page: Page, url: str, username: str) -> None:
    page.goto(f"{url}/notes")
    expect(page).to_have_url(f"{url}/login?next=%2Fnotes")
    page.keyboard.press("Tab")  # the skip link comes first
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("User name")).to_be_focused()
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Reflection notes")).to_be_visible()


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_supervisor_reviews_a_note_in_the_browser(browser, web_app, supervisor, saved, screenshots, device, backend):
    size = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 740}}[device]
    context = browser.new_context(viewport=size)
    page = context.new_page()
    url = web_app["url"]
    sign_in_with_the_keyboard(page, url, supervisor)

    expect(page.locator("ol.notes > li")).to_have_count(2)  # the Sandwell note is not theirs
    page.get_by_text("Filter and search").click()
    page.get_by_label("Age band").select_option(label="Under 1")
    page.get_by_label("Significant harm: yes or not sure").check()
    page.get_by_role("button", name="Show notes").click()
    expect(page.locator("ol.notes > li")).to_have_count(1)
    expect(page.get_by_role("status").first).to_contain_text("1 note matches these filters")
    page.screenshot(path=str(screenshots / f"supervision-{device}-{backend.name}-filtered.png"), full_page=True)

    page.get_by_role("link", name=saved["baby"]).click()
    expect(page.get_by_role("heading", name=f"Note {saved['baby']}")).to_be_visible()
    expect(page.get_by_role("heading", name="Missed health appointments")).to_be_visible()
    page.get_by_label("Add a supervision comment").fill("Discussed: ask the GP for the missed appointments list.")
    page.get_by_role("button", name="Add comment").click()
    expect(page.locator(".comment")).to_contain_text("ask the GP for the missed appointments list")
    expect(page.locator(".comment .meta")).to_contain_text("sam.derby")
    page.get_by_role("button", name="Mark as discussed").click()
    expect(page.get_by_text("Discussed, marked by sam.derby")).to_be_visible()
    page.screenshot(path=str(screenshots / f"supervision-{device}-{backend.name}-note.png"), full_page=True)

    page.get_by_role("link", name="Back to the notes").click()
    baby = page.locator("ol.notes > li", has_text=saved["baby"])
    expect(baby.locator(".tag.done")).to_have_text("Discussed")
    expect(page.locator("ol.notes > li", has_text=saved["school"]).locator(".tag.done")).to_have_count(0)
    page.screenshot(path=str(screenshots / f"supervision-{device}-{backend.name}-list.png"), full_page=True)

    assert page.evaluate("document.documentElement.scrollWidth") <= size["width"], "the page scrolls sideways"
    page.goto(f"{url}/notes/{saved['elsewhere']}")
    expect(page.get_by_role("heading", name="Not found")).to_be_visible()
    context.close()


def serious_violations(page: Page) -> list:
    results = Axe().run(page)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])} element(s))"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_every_page_passes_an_axe_scan_and_themes_draw_a_chart(browser, web_app, saved, screenshots, backend):
    subprocess.run([str(ROOT / ".venv" / "bin" / "seen-accounts"), "create", "ada.admin", "--role", "admin",
                    "--password-stdin"], input=PASSWORD + "\n", text=True, check=True, env=web_app["env"],
                   capture_output=True, timeout=120)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    url = web_app["url"]
    page.goto(f"{url}/login")
    problems = {"/login": serious_violations(page)}
    page.get_by_label("User name").fill("ada.admin")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    for path in ("/notes", f"/notes/{saved['baby']}", "/themes", "/audit", "/accounts", "/accounts/ada.admin"):
        page.goto(url + path)
        problems[path] = serious_violations(page)
    assert {p: v for p, v in problems.items() if v} == {}

    page.goto(f"{url}/themes")
    expect(page.locator("figure.chart svg rect")).not_to_have_count(0)
    expect(page.get_by_role("cell", name="Derby").first).to_be_visible()
    page.screenshot(path=str(screenshots / f"themes-desktop-{backend.name}.png"), full_page=True)
    page.close()
