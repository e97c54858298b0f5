"""How long Seen takes per message, how many messages it handles with 20
practitioners at once, and how long a warm start takes (issue: Seen slower
than a bare `rasa init` bot).

Against servers already running (`make run`, or any Rasa on --url):

    .venv/bin/python -m benchmarks.seen_turn_time --url http://127.0.0.1:5005 [--repeat 3]

Starting the servers itself, on --rasa-port and --actions-port, and timing the
start from launching both until the first answer, then the same figures:

    .venv/bin/python -m benchmarks.seen_turn_time --start [--rasa-port 5305 --actions-port 5355]

`--script bare` sends a bare `rasa init` bot's kind of messages instead, so the
same figures can be taken for it (start that bot yourself and give --url).

Each conversation is a fresh sender saying what practitioners say: questions,
a concern that starts the guided reflection, answers to its questions, a
question mid-way. Figures: single-user p50/p95 per message; throughput
(messages/s) and p50/p95 with --concurrent conversations at once; with
--repeat, each figure is the median of the runs. The machine is noisy: repeat.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Dict, List, Optional

import aiohttp

ROOT = Path(__file__).resolve().parent.parent
BOT = ROOT / "bot"

#: Conversations as practitioners have them; each runs as a new sender.
SEEN_CONVERSATIONS: List[List[str]] = [
    ["what is disguised compliance",
     "the boy smells of urine every day",
     "I'm a teacher",
     "Derby",
     "he's 7",
     "Comes in hungry most days, same uniform all week, often late and tired.",
     "Behind with reading and very withdrawn in class; it has got worse since Easter.",
     "what's start again syndrome?",
     "Said there's never any food in the house and mum is always asleep. Should I have asked more?",
     "First concern was in September, nothing before that we know of.",
     "Yes"],
    ["hv here. 8 month old, weight has dropped from the 50th to the 9th centile since 4 months. mum says he's "
     "just fussy and has missed the last 2 clinic weigh ins. dad works away",
     "Rochdale",
     "Baby spends most of the day in a bouncer or the car seat. Mum is very flat, bottles are made up in "
     "advance and left out on the side.",
     "No",
     "not sure",
     "how do I escalate if I disagree with social care?",
     "Talked to mum at the clinic; she was upset but agreed to a TAF and has come to both meetings.",
     "No"],
    ["hello",
     "I am a health visitor in Derby",
     "how do I escalate if I disagree with social care?",
     "what counts as neglect",
     "year 9 girl, same dirty uniform for weeks",
     "skip",
     "pause",
     "thanks"],
    ["what's the difference between a section 17 and a section 47?",
     "how many hours is a 14 year old allowed to work on a saturday?",
     "what is cumulative harm",
     "nursery key worker, Salford. little girl (3) comes in most days in a nappy thats clearly been on all "
     "night, nappy rash is really bad and bleeding sometimes",
     "mostly in the buggy in front of the tv",
     "explain",
     "go back",
     "bye"],
]

#: A bare `rasa init` bot's kind of conversation (moodbot), for the comparison.
BARE_CONVERSATIONS: List[List[str]] = [
    ["hello", "I am sad", "yes", "bye"],
    ["hi there", "I am feeling very good", "are you a bot?", "goodbye"],
    ["good morning", "not good", "no", "see you around"],
]


async def _say(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> float:
    start = time.perf_counter()
    async with session.post(f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": text}) as response:
        response.raise_for_status()
        await response.read()
    return time.perf_counter() - start


async def _conversation(session: aiohttp.ClientSession, url: str, texts: List[str], times: List[float]) -> None:
    sender = f"bench-{uuid.uuid4()}"
    for text in texts:
        times.append(await _say(session, url, sender, text))


async def single(url: str, turns: int, conversations: List[List[str]], pids: List[int]) -> Dict[str, float]:
    times: List[float] = []
    cpu = cpu_seconds(pids)
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=60)) as session:
        for texts in itertools.cycle(conversations):
            if len(times) >= turns:
                break
            await _conversation(session, url, texts, times)
    figures = {"single_p50_ms": _ms(times, 50), "single_p95_ms": _ms(times, 95), "single_turns": len(times)}
    if pids:
        figures["single_cpu_ms_per_msg"] = round((cpu_seconds(pids) - cpu) * 1000 / max(len(times), 1), 1)
    return figures


async def concurrent(url: str, users: int, seconds: float, conversations: List[List[str]],
                     pids: List[int]) -> Dict[str, float]:
    times: List[float] = []
    cpu = cpu_seconds(pids)
    deadline = time.perf_counter() + seconds

    async def user(n: int, session: aiohttp.ClientSession) -> None:
        for texts in itertools.islice(itertools.cycle(conversations), n % len(conversations), None):
            if time.perf_counter() >= deadline:
                return
            await _conversation(session, url, texts, times)

    connector = aiohttp.TCPConnector(limit=users * 2)
    async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=120)) as session:
        started = time.perf_counter()
        await asyncio.gather(*(user(n, session) for n in range(users)))
        elapsed = time.perf_counter() - started
    figures = {f"c{users}_msgs_per_s": round(len(times) / elapsed, 2), f"c{users}_p50_ms": _ms(times, 50),
               f"c{users}_p95_ms": _ms(times, 95), f"c{users}_turns": len(times)}
    if pids:
        figures[f"c{users}_cpu_ms_per_msg"] = round((cpu_seconds(pids) - cpu) * 1000 / max(len(times), 1), 1)
    return figures


def cpu_seconds(pids: List[int]) -> float:
    """User and system CPU time so far of these processes (Linux /proc)."""
    total = 0.0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _ms(times: List[float], percentile: int) -> float:
    ordered = sorted(times)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(percentile / 100 * len(ordered)) - 1))
    return round(ordered[index] * 1000, 1)


async def _warm_up(url: str, conversations: List[List[str]]) -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
        for texts in conversations:
            await _conversation(session, url, texts, [])


def _first_answer(url: str, deadline: float, processes: List[subprocess.Popen]) -> Optional[float]:
    import urllib.request

    body = json.dumps({"sender": f"start-{uuid.uuid4()}", "message": "hello"}).encode()
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            return None
        request = urllib.request.Request(f"{url}/webhooks/rest/webhook", data=body,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                if json.loads(response.read()):
                    return time.monotonic()
        except (OSError, ValueError):
            pass
        time.sleep(0.1)
    return None


class Servers:
    """Seen's action server and Rasa server, started as the Procfile starts
    them (the test helpers' way), on the given ports."""

    def __init__(self, rasa_port: int, actions_port: int, logs: Path) -> None:
        self.rasa_port, self.actions_port, self.logs = rasa_port, actions_port, logs
        self.processes: List[subprocess.Popen] = []

    def start(self) -> float:
        """Launch both; the seconds until Rasa first answers."""
        self.logs.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix="seen-bench-"))
        endpoints = folder / "endpoints.yml"
        endpoints.write_text(f"action_endpoint:\n  url: http://127.0.0.1:{self.actions_port}/webhook\n"
                             "  headers:\n    X-Seen-Action-Token: ${SEEN_ACTION_TOKEN}\n")
        database = folder / "seen.db"
        env = {**os.environ, "PYTHONPATH": f"{BOT}:{ROOT}", "RASA_TELEMETRY_ENABLED": "false",
               "TF_CPP_MIN_LOG_LEVEL": "3", "SANIC_HOST": "127.0.0.1", "SEEN_ENV": "test",
               "SEEN_ACTION_TOKEN": os.environ.get("SEEN_ACTION_TOKEN") or uuid.uuid4().hex,
               "DATABASE_URL": f"sqlite:///{database}", "SANIC_REQUEST_MAX_SIZE": "65536",
               "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
        subprocess.run([sys.executable, "-c", f"from seen.db import migrate; migrate('sqlite:///{database}')"],
                       env=env, check=True)
        rasa = str(Path(sys.executable).parent / "rasa")
        started = time.monotonic()
        self.processes = [
            subprocess.Popen([rasa, "run", "actions", "--port", str(self.actions_port)], cwd=BOT, env=env,
                             stdout=(self.logs / "bench_actions.log").open("w"), stderr=subprocess.STDOUT,
                             start_new_session=True),
            subprocess.Popen([rasa, "run", "--port", str(self.rasa_port), "--credentials", "credentials.yml",
                              "--endpoints", str(endpoints), "--model", "models",
                              "--logging-config-file", "logging.yml"], cwd=BOT, env=env,
                             stdout=(self.logs / "bench_rasa.log").open("w"), stderr=subprocess.STDOUT,
                             start_new_session=True),
        ]
        answered = _first_answer(f"http://127.0.0.1:{self.rasa_port}", started + 300, self.processes)
        if answered is None:
            self.stop()
            raise SystemExit(f"Seen did not answer; see {self.logs}/bench_*.log")
        return answered - started

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGINT)
        for process in self.processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005")
    parser.add_argument("--start", action="store_true", help="start Seen's servers here and time the start")
    parser.add_argument("--rasa-port", type=int, default=5305)
    parser.add_argument("--actions-port", type=int, default=5355)
    parser.add_argument("--script", choices=("seen", "bare"), default="seen")
    parser.add_argument("--turns", type=int, default=120, help="single-user messages per run")
    parser.add_argument("--concurrent", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30, help="length of each concurrent run")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pids", type=int, nargs="*", default=[],
                        help="the servers' process ids, to report their CPU time per message (with --url)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    conversations = SEEN_CONVERSATIONS if args.script == "seen" else BARE_CONVERSATIONS
    runs: List[Dict[str, float]] = []
    for run in range(args.repeat):
        servers = None
        figures: Dict[str, float] = {}
        if args.start:
            servers = Servers(args.rasa_port, args.actions_port, ROOT / "benchmarks" / "results")
            figures["start_to_first_answer_s"] = round(servers.start(), 2)
            url = f"http://127.0.0.1:{args.rasa_port}"
            pids = [p.pid for p in servers.processes]
        else:
            url, pids = args.url.rstrip("/"), args.pids
        try:
            asyncio.run(_warm_up(url, conversations))
            figures.update(asyncio.run(single(url, args.turns, conversations, pids)))
            if args.concurrent:
                figures.update(asyncio.run(concurrent(url, args.concurrent, args.seconds, conversations, pids)))
        finally:
            if servers:
                servers.stop()
        print(f"run {run + 1}: " + ", ".join(f"{k}={v}" for k, v in figures.items()), flush=True)
        runs.append(figures)
    medians = {key: round(statistics.median(r[key] for r in runs), 2) for key in runs[0]}
    print("median: " + ", ".join(f"{k}={v}" for k, v in medians.items()))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"runs": runs, "median": medians}, indent=1))


if __name__ == "__main__":
    main()
