"""Time `make run` from the command to the bot's first answer, then stop it with Ctrl-C.

    python3 benchmarks/time_to_first_answer.py [--timeout 1800]

Standard library only, so it runs in a fresh clone before anything is
installed: that is the cold start (creating the environment, installing,
training). It sends SIGINT to the whole process group, as Ctrl-C in a terminal
does, and reports whether both servers stopped within 30 seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URL = "http://127.0.0.1:5005/webhooks/rest/webhook"


def _answer() -> str:
    body = json.dumps({"sender": "timing", "message": "what is start again syndrome"}).encode()
    request = urllib.request.Request(URL, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            messages = json.loads(response.read())
        return messages[0]["text"] if messages else ""
    except (OSError, ValueError, KeyError, IndexError):
        return ""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()
    log = (ROOT / "benchmarks" / "results").resolve()
    log.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    run = subprocess.Popen(["make", "run"], cwd=ROOT, stdout=(log / "make_run.log").open("w"),
                           stderr=subprocess.STDOUT, start_new_session=True)
    answer = ""
    while not answer and time.monotonic() - started < args.timeout and run.poll() is None:
        time.sleep(2)
        answer = _answer()
    elapsed = time.monotonic() - started
    print(f"first answer after {elapsed:.0f} s: {answer[:80]!r}" if answer else f"no answer after {elapsed:.0f} s")
    os.killpg(run.pid, signal.SIGINT)
    try:
        run.wait(timeout=30)
        print(f"stopped cleanly on Ctrl-C (exit {run.returncode})")
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        print("did not stop within 30 s of Ctrl-C")
        return 1
    return 0 if answer else 1


if __name__ == "__main__":
    sys.exit(main())
