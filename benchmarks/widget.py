"""The web widget's weight and speed: its gzip size, and the time from the start
of a page load to a usable launcher (the widget's `seen:ready` event), on the
demo page in Debian's Chromium.

    .venv/bin/python benchmarks/widget.py [--url http://127.0.0.1:8000] [--loads 20]

Without --url it starts the web app itself on a free port. The bot need not
run: the launcher does not wait for it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Dict, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WIDGET = ROOT / "web_widget" / "widget.js"
CHROMIUM = "/usr/bin/chromium"
READY = """document.addEventListener("seen:ready", () => { window.__seenReadyAt = performance.now(); });"""


def gzip_bytes() -> Dict[str, int]:
    raw = WIDGET.read_bytes()
    return {"bytes": len(raw), "gzip_bytes": len(gzip.compress(raw, compresslevel=9))}


def time_to_launcher(browser, url: str, loads: int) -> Dict[str, float]:
    times = []
    for _ in range(loads):
        context = browser.new_context()  # a first visit each time: nothing cached
        page = context.new_page()
        page.add_init_script(READY)
        page.goto(f"{url}/demo?board=derby")
        page.wait_for_function("window.__seenReadyAt !== undefined")
        page.get_by_role("button", name="Talk to Seen about a neglect concern").wait_for(state="visible")
        times.append(page.evaluate("window.__seenReadyAt"))
        context.close()
    return {"loads": loads, "ready_ms_median": round(statistics.median(times), 1), "ready_ms_max": round(max(times), 1)}


def measure(url: Optional[str] = None, loads: int = 20, browser=None) -> Dict[str, float]:
    """Size and timings; starts the web app and Chromium unless given them."""
    with ExitStack() as stack:
        if browser is None:
            from playwright.sync_api import sync_playwright

            playwright = stack.enter_context(sync_playwright())
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            stack.callback(browser.close)
        if url is None:
            from tests.helpers.web_server import web_server

            folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
            env = {"PATH": "/usr/bin:/bin", "SEEN_SECRET_KEY": "benchmark only",
                   "DATABASE_URL": f"sqlite:///{folder / 'web.db'}"}
            url = stack.enter_context(web_server(env, folder / "web.log"))
        return {**gzip_bytes(), **time_to_launcher(browser, url, loads)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running web app (default: start one)")
    parser.add_argument("--loads", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(measure(args.url, args.loads), indent=1))


if __name__ == "__main__":
    main()
