"""Five minutes of 50 practitioners at once through HAProxy, half walking a
whole reflection and saving the note, half asking questions: no errors, and
no process's memory creeping up. Runs last (after the fault tests, with every
server started again); SEEN_SOAK_SECONDS shortens it for a local run."""

import json
import os
import random
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Dict, List

from tests.cluster.walk import OPENER, reply_to, summary_of
from tests.helpers.cluster import RASA_PORTS, Cluster, send
from tests.helpers.paths import ARTIFACTS
from tests.helpers.reflection import KB

SOAK_SECONDS = float(os.environ.get("SEEN_SOAK_SECONDS", "300"))
CONVERSATIONS = 50
#: Memory is measured from here, once every process has served every kind of
#: message, a saved note included (the action servers load the anonymiser's
#: word lists on first use, and grow by about 400 MB before they level off).
WARM_UP_SECONDS = SOAK_SECONDS / 3
#: "Flat": no process grows by more than this over the soak after warm-up.
MAX_GROWTH = 0.10
QUESTIONS = ["what is disguised compliance?", "how do I escalate a concern in Derby?",
             "what does neglect look like in a teenager", "hv here, baby's weight static for two months",
             "what is start again syndrome", "who should I talk to first if I'm worried about a child at school?"]


@dataclass
class Tally:
    turns: int = 0
    notes: int = 0
    errors: List[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def count(self, turns: int = 0, notes: int = 0, error: str = "") -> None:
        with self.lock:
            self.turns += turns
            self.notes += notes
            if error:
                self.errors.append(error)


def practitioner(number: int, until: float, tally: Tally) -> None:
    """One practitioner after another on this thread, until time is up."""
    rng = random.Random(number)
    while time.monotonic() < until:
        sender = f"soak-{number}-{uuid.uuid4()}"
        try:
            if number % 2:
                for text in rng.sample(QUESTIONS, 3):
                    _said(sender, text, tally)
            else:
                _reflect_and_save(sender, until, tally)
        except Exception as error:  # noqa: BLE001 - every failure is counted, none stops the soak
            tally.count(error=f"{type(error).__name__}: {error}"[:200])


def _said(sender: str, text: str, tally: Tally) -> List[dict]:
    messages = send(sender, text, timeout=60)
    if not messages or not messages[0].get("text"):
        raise AssertionError(f"no reply to {text!r}")
    tally.count(turns=1)
    return messages


def _reflect_and_save(sender: str, until: float, tally: Tally) -> None:
    messages = _said(sender, OPENER, tally)
    while not summary_of(messages):
        if time.monotonic() > until:
            return
        messages = _said(sender, reply_to(messages), tally)
    messages = _said(sender, KB.reflection.note.buttons.save, tally)
    if not any("Your reference is" in m.get("text", "") for m in messages):
        raise AssertionError("the note was not saved")
    tally.count(notes=1)


def test_fifty_practitioners_for_five_minutes_no_errors_and_flat_memory(cluster: Cluster):
    for name in RASA_PORTS:
        cluster.wait_until_answering(name)
    cluster.wait_until_balanced()
    tally, start = Tally(), time.monotonic()
    until = start + SOAK_SECONDS
    threads = [threading.Thread(target=practitioner, args=(n, until, tally), daemon=True)
               for n in range(CONVERSATIONS)]
    for thread in threads:
        thread.start()
    time.sleep(WARM_UP_SECONDS)
    while not tally.notes and time.monotonic() < until:
        time.sleep(1)
    before = cluster.rss_mb()
    for thread in threads:
        thread.join(timeout=SOAK_SECONDS + 120)
    after, seconds = cluster.rss_mb(), time.monotonic() - start
    report = {"seconds": round(seconds), "conversations_at_once": CONVERSATIONS, "turns": tally.turns,
              "messages_per_second": round(tally.turns / seconds, 1), "notes_saved": tally.notes,
              "errors": len(tally.errors), "rss_mb_after_warm_up": _rounded(before), "rss_mb_at_end": _rounded(after)}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "soak.json").write_text(json.dumps(report, indent=2))
    print("\nsoak:", json.dumps(report))
    assert not tally.errors, f"{len(tally.errors)} errors, first: {tally.errors[:3]}"
    assert tally.notes > 0 and tally.turns > CONVERSATIONS * 3
    assert set(after) == set(cluster.processes), "a process died during the soak"
    grown = {name: after[name] / before[name] - 1 for name in before}
    assert all(growth <= MAX_GROWTH for growth in grown.values()), f"memory grew: {_rounded(grown)}"


def _rounded(figures: Dict[str, float]) -> Dict[str, float]:
    return {name: round(value, 2) for name, value in figures.items()}
