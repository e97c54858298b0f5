"""What one practitioner's question waits while another sends the largest
answer Seen accepts (issue 13), against running servers (`make run`):

    .venv/bin/python -m benchmarks.bystander_wait [--url http://127.0.0.1:5005] [--rounds 5]

The sender is mid-reflection, so the answer goes through the anonymiser; it is
4,000 characters (the limit) of the text that was slowest for the anonymiser.
Reports the bystander's median time alone and while the answer is handled.
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
import uuid
from typing import Dict

import requests

from benchmarks.anonymiser_time import TEXTS
from seen import knowledge

QUESTION = "what is disguised compliance?"
WORRY = "I'm worried about a boy in year 3, he comes in hungry most days"


def _say(url: str, sender: str, text: str) -> float:
    start = time.perf_counter()
    response = requests.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=120)
    response.raise_for_status()
    return time.perf_counter() - start


def measure(url: str, rounds: int = 5) -> Dict[str, float]:
    largest = TEXTS["hyphenated names"](knowledge.default().message_max_chars)
    alone, beside, answer = [], [], []
    for _ in range(rounds):
        alone.append(_say(url, f"bystander-{uuid.uuid4()}", QUESTION))
        sender = f"sender-{uuid.uuid4()}"
        _say(url, sender, WORRY)
        _say(url, sender, "teacher")  # past the role: the next answer is free text, anonymised
        took = {}
        thread = threading.Thread(
            target=lambda took=took, sender=sender: took.update(answer=_say(url, sender, largest)))
        thread.start()
        time.sleep(0.05)  # the large answer is on its way first
        beside.append(_say(url, f"bystander-{uuid.uuid4()}", QUESTION))
        thread.join()
        answer.append(took["answer"])
    return {"bystander_alone_s": round(statistics.median(alone), 3),
            "bystander_beside_largest_answer_s": round(statistics.median(beside), 3),
            "largest_answer_s": round(statistics.median(answer), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    for key, value in measure(args.url.rstrip("/"), args.rounds).items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
