"""Seen against a bare `rasa init` bot (DIET + TED), side by side on one machine.

Latency per turn, throughput at 1 and at 20 concurrent conversations, and
Seen's warm start to its first answer:

    .venv/bin/python -m benchmarks.versus_bare_rasa [--rounds 4] [--seconds-per-round 15] [--check]
        [--seen-url URL] [--compare-url NAME=URL ...] [--cluster] [--concurrent 20]

Absolute times on a shared 2-core machine move with whatever else runs, so the
figures that count are ratios taken in one run: both bots get the same
practitioner conversations (benchmarks/practitioner_conversations.yml), in
alternating rounds, so noise hits both. The bare bot is built once, with the
venv's Rasa, under ~/.cache/seen-benchmarks/ (trained again only when it has
no model). Seen is started as `make run` starts it, on free ports, unless
--seen-url names a running one; --compare-url adds more Seen endpoints to the
same rounds, and --cluster starts the cluster (two Rasa and two action
servers behind HAProxy, tests/helpers/cluster.py) and adds it. With --check
the exit status says whether the targets below are met. Every process
started is stopped at the end, also on Ctrl-C. Figures go to
benchmarks/results/ as JSON.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Tuple

import aiohttp
import requests
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bot")]  # this checkout's seen/ and bot/, as the servers use them

from seen.db import migrate  # noqa: E402
from tests.helpers import bot, cluster  # noqa: E402

CONVERSATIONS = ROOT / "benchmarks" / "practitioner_conversations.yml"
RESULTS = ROOT / "benchmarks" / "results"
LOGS = RESULTS / "versus_bare_rasa-logs"
CACHE = Path.home() / ".cache" / "seen-benchmarks" / f"bare-rasa-{version('rasa')}"
WEBHOOK = "/webhooks/rest/webhook"
#: Goes through the action server, so the first answer is a whole Seen turn.
FIRST_QUESTION = "what is neglect?"
START_TIMEOUT_S = 300
TURN_TIMEOUT_S = 60
ENV = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "3"}

#: The issue's targets: (figure, comparison, bound, what it means).
TARGETS = [
    ("seen_p95_many_vs_bare", "<=", 0.8, "Seen p95 at {many} concurrent ÷ bare Rasa's"),
    ("seen_throughput_many_vs_bare", ">=", 1.25, "Seen throughput at {many} concurrent ÷ bare Rasa's"),
    ("seen_p50_single_ms", "<=", 40.0, "Seen single-user p50 (ms)"),
    ("seen_warm_start_s", "<=", 20.0, "Seen warm start to first answer (s)"),
]


@dataclass
class Endpoint:
    name: str
    url: str
    kind: str  # "bare", "seen" (the one the targets are about) or "compare"


@dataclass
class Tally:
    """What one bot did at one concurrency in one round."""

    latencies: List[float] = field(default_factory=list)  # every turn answered with 200, empty or not
    failed: int = 0  # non-200, timeout or no connection
    empty: int = 0  # 200 with no message (the bare bot's way of not knowing)
    seconds: float = 0.0

    @property
    def answered(self) -> int:
        return len(self.latencies)


# --- processes ---------------------------------------------------------------


def free_ports(count: int) -> List[int]:
    """Ports nothing listens on, all different: held open together while chosen."""
    with ExitStack() as stack:
        probes = [stack.enter_context(socket.socket()) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]


def started(stack: ExitStack, process: subprocess.Popen) -> subprocess.Popen:
    """Stopped (its whole process group) when the stack closes, whatever happens."""
    stack.callback(bot.stop, process)
    return process


def bare_bot(folder: Path = CACHE) -> Path:
    """`rasa init --no-prompt` (DIET + TED, trained with TensorFlow) in its
    cache folder; trained only when the folder has no model yet."""
    if not list((folder / "models").glob("*.tar.gz")):
        folder.mkdir(parents=True, exist_ok=True)
        print(f"training the bare `rasa init` bot in {folder} (about 2 minutes, once)", flush=True)
        with (folder / "init.log").open("w") as log:
            subprocess.run([str(bot.RASA), "init", "--no-prompt", "--init-dir", str(folder)], cwd=folder,
                           env={**os.environ, **ENV}, stdout=log, stderr=subprocess.STDOUT, check=False)
        if not list((folder / "models").glob("*.tar.gz")):
            raise SystemExit(f"`rasa init` trained no model; see {folder / 'init.log'}")
    return folder


def start_bare(stack: ExitStack, folder: Path, port: int) -> Endpoint:
    """The bare bot's Rasa server, REST channel from its own credentials.yml."""
    log = LOGS / "bare-rasa.log"
    process = started(stack, subprocess.Popen(
        [str(bot.RASA), "run", "--port", str(port), "--model", "models", "--credentials", "credentials.yml"],
        cwd=folder, env={**os.environ, **ENV, "SANIC_HOST": "127.0.0.1"}, stdout=log.open("w"),
        stderr=subprocess.STDOUT, start_new_session=True))
    url = f"http://127.0.0.1:{port}"
    wait_for_answer(url, process, log, "hello")
    return Endpoint("bare rasa", url, "bare")


def start_seen(stack: ExitStack, folder: Path) -> Tuple[Endpoint, float]:
    """Seen's action server, then its Rasa server, as tests/helpers/bot.py
    starts them; returns the endpoint and the seconds from starting the Rasa
    process to its first answer (model trained, action server up)."""
    rasa_port, actions_port = free_ports(2)
    notes = f"sqlite:///{folder / 'notes.db'}"
    migrate(notes)
    actions_log, rasa_log = LOGS / "seen-actions.log", LOGS / "seen-rasa.log"
    actions = started(stack, bot.start_actions(actions_port, actions_log, notes))
    wait_until_healthy(f"http://127.0.0.1:{actions_port}/health", actions, actions_log)
    began = time.monotonic()
    rasa = started(stack, bot.start_rasa(rasa_port, actions_port, rasa_log, folder))
    url = f"http://127.0.0.1:{rasa_port}"
    wait_for_answer(url, rasa, rasa_log, FIRST_QUESTION, poll_s=0.1)
    return Endpoint("seen", url, "seen"), time.monotonic() - began


def wait_until_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    """The action server must be up before the Rasa server's clock starts."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the action server exited while starting; see {log}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the action server was not up within {START_TIMEOUT_S}s; see {log}")


def answer(url: str, text: str, timeout: float = TURN_TIMEOUT_S) -> List[dict]:
    """One message from a new sender over REST; the bot's messages."""
    response = requests.post(f"{url}{WEBHOOK}", json={"sender": f"probe-{uuid.uuid4()}", "message": text},
                             timeout=timeout)
    response.raise_for_status()
    return response.json()


def wait_for_answer(url: str, process: Optional[subprocess.Popen], log: Optional[Path], text: str,
                    poll_s: float = 0.5) -> None:
    """Until the bot gives a non-empty answer: a server listening is not yet one answering."""
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"Rasa exited while starting; see {log}")
        try:
            if answer(url, text):
                return
        except (requests.RequestException, ValueError):
            pass
        time.sleep(poll_s)
    raise RuntimeError(f"{url} did not answer within {START_TIMEOUT_S}s" + (f"; see {log}" if log else ""))


# --- load --------------------------------------------------------------------


def conversations() -> List[List[str]]:
    return yaml.safe_load(CONVERSATIONS.read_text())["conversations"]


async def turn(session: aiohttp.ClientSession, url: str, sender: str, text: str, tally: Tally) -> None:
    """One message, waited for; counted as failed, empty or answered."""
    began = time.perf_counter()
    try:
        async with session.post(f"{url}{WEBHOOK}", json={"sender": sender, "message": text}) as response:
            messages = await response.json() if response.status == 200 else None
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        messages = None
    took = time.perf_counter() - began
    if messages is None:
        tally.failed += 1
        return
    tally.latencies.append(took)
    tally.empty += not messages


async def user(session: aiohttp.ClientSession, url: str, scripts: Iterator[List[str]], deadline: float,
               tally: Tally) -> None:
    """One practitioner after another: each a fresh sender id, each message
    sent once the last was answered, none started after the deadline."""
    while time.monotonic() < deadline:
        sender = f"bench-{uuid.uuid4()}"
        for text in next(scripts):
            if time.monotonic() >= deadline:
                return
            await turn(session, url, sender, text, tally)


async def load(url: str, scripts: List[List[str]], concurrent: int, seconds: float) -> Tally:
    """`concurrent` practitioners for `seconds`, through the same conversations
    in the same order for every bot; the round lasts until the last answer."""
    tally = Tally()
    shared = itertools.cycle(scripts)
    timeout = aiohttp.ClientTimeout(total=TURN_TIMEOUT_S)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=0)) as session:
        began = time.monotonic()
        await asyncio.gather(*(user(session, url, shared, began + seconds, tally) for _ in range(concurrent)))
        tally.seconds = time.monotonic() - began
    return tally


def warm_up(endpoint: Endpoint, scripts: List[List[str]]) -> None:
    """Every conversation once, one at a time, not counted: first calls trace
    TensorFlow graphs and fill caches."""
    tally = Tally()
    asyncio.run(_each_once(endpoint.url, scripts, tally))
    if tally.failed:
        print(f"warning: {tally.failed} warm-up messages to {endpoint.name} failed", flush=True)


async def _each_once(url: str, scripts: List[List[str]], tally: Tally) -> None:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=TURN_TIMEOUT_S)) as session:
        for script in scripts:
            sender = f"warm-{uuid.uuid4()}"
            for text in script:
                await turn(session, url, sender, text, tally)


def rounds(endpoints: List[Endpoint], scripts: List[List[str]], levels: List[int], count: int,
           seconds: float) -> Dict[str, Dict[int, List[Tally]]]:
    """Round after round, each level, each bot in turn (bare, Seen, ...), so
    the machine's noise falls on all of them."""
    tallies: Dict[str, Dict[int, List[Tally]]] = {e.name: {level: [] for level in levels} for e in endpoints}
    for number in range(1, count + 1):
        for level in levels:
            for endpoint in endpoints:
                tally = asyncio.run(load(endpoint.url, scripts, level, seconds))
                tallies[endpoint.name][level].append(tally)
                print(f"round {number}/{count}  {level:>3} concurrent  {endpoint.name:<16} {summary(tally)}",
                      flush=True)
    return tallies


# --- figures -----------------------------------------------------------------


def percentile(values: List[float], q: int) -> Optional[float]:
    if len(values) < 2:
        return values[0] if values else None
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def figures(tallies: List[Tally]) -> Dict[str, Optional[float]]:
    """One bot at one level over all rounds: latencies pooled, throughput as
    turns answered with 200 over the rounds' total time. An empty reply counts
    there (the bare bot has nothing to say to some messages: the work was done)
    and among the errors."""
    latencies = [t for tally in tallies for t in tally.latencies]
    seconds = sum(tally.seconds for tally in tallies)
    answered = sum(tally.answered for tally in tallies)
    failed, empty = sum(t.failed for t in tallies), sum(t.empty for t in tallies)
    return {"turns": answered + failed, "failed": failed, "empty": empty, "errors": failed + empty,
            "p50_ms": _ms(percentile(latencies, 50)), "p95_ms": _ms(percentile(latencies, 95)),
            "throughput_per_s": round(answered / seconds, 2) if seconds else None,
            "rounds_throughput_per_s": [round(t.answered / t.seconds, 2) if t.seconds else None for t in tallies],
            "rounds_p95_ms": [_ms(percentile(t.latencies, 95)) for t in tallies]}


def summary(tally: Tally) -> str:
    return (f"{len(tally.latencies) + tally.failed:>5} turns  p50 {_ms(percentile(tally.latencies, 50))} ms  "
            f"p95 {_ms(percentile(tally.latencies, 95))} ms  {tally.answered / tally.seconds:6.2f} msg/s  "
            f"errors {tally.failed + tally.empty}")


def _ms(seconds: Optional[float]) -> Optional[float]:
    return None if seconds is None else round(seconds * 1000, 1)


def _ratio(top: Optional[float], bottom: Optional[float]) -> Optional[float]:
    return round(top / bottom, 3) if top is not None and bottom else None


def ratios(results: Dict[str, Dict[int, dict]], endpoints: List[Endpoint], many: int) -> Dict[str, dict]:
    """Each Seen endpoint against the bare bot at `many` concurrent; each
    compared endpoint also against the first Seen."""
    bare = next(e.name for e in endpoints if e.kind == "bare")
    seen = next(e.name for e in endpoints if e.kind == "seen")
    out = {}
    for endpoint in endpoints:
        if endpoint.kind == "bare":
            continue
        mine = results[endpoint.name][many]
        out[endpoint.name] = {
            "p95_many_vs_bare": _ratio(mine["p95_ms"], results[bare][many]["p95_ms"]),
            "throughput_many_vs_bare": _ratio(mine["throughput_per_s"], results[bare][many]["throughput_per_s"]),
            # round by round, beside the bare round just before: how much the machine's noise moved it
            "rounds_throughput_many_vs_bare": [_ratio(a, b) for a, b in zip(
                mine["rounds_throughput_per_s"], results[bare][many]["rounds_throughput_per_s"], strict=True)],
        }
        if endpoint.kind == "compare":
            out[endpoint.name]["p95_many_vs_seen"] = _ratio(mine["p95_ms"], results[seen][many]["p95_ms"])
            out[endpoint.name]["throughput_many_vs_seen"] = _ratio(
                mine["throughput_per_s"], results[seen][many]["throughput_per_s"])
    return out


def targets(results: Dict[str, Dict[int, dict]], found: Dict[str, dict], warm_start: Optional[float],
            many: int) -> List[dict]:
    """The issue's targets, each with its figure and whether it is met (None: not measured)."""
    values = {"seen_p95_many_vs_bare": found["seen"]["p95_many_vs_bare"],
              "seen_throughput_many_vs_bare": found["seen"]["throughput_many_vs_bare"],
              "seen_p50_single_ms": results["seen"][1]["p50_ms"],
              "seen_warm_start_s": None if warm_start is None else round(warm_start, 2)}
    checks: Dict[str, Callable[[float, float], bool]] = {"<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b}
    return [{"target": key, "what": what.format(many=many), "bound": f"{op} {bound}", "value": values[key],
             "met": None if values[key] is None else checks[op](values[key], bound)}
            for key, op, bound, what in TARGETS]


def table(results: Dict[str, Dict[int, dict]], found: Dict[str, dict], met: List[dict],
          warm_start: Optional[float], load: Tuple[float, float]) -> str:
    lines = [f"{'bot':<16}{'users':>6}{'turns':>7}{'errors':>8}{'failed':>8}{'empty':>7}{'p50 ms':>9}{'p95 ms':>9}"
             f"{'msg/s':>8}"]
    for name, levels in results.items():
        for level, row in levels.items():
            lines.append(f"{name:<16}{level:>6}{row['turns']:>7}{row['errors']:>8}{row['failed']:>8}{row['empty']:>7}"
                         f"{_show(row['p50_ms']):>9}{_show(row['p95_ms']):>9}{_show(row['throughput_per_s']):>8}")
    lines.append("")
    for name, values in found.items():
        lines.append(f"{name}: " + ", ".join(f"{key} {_show(value) if not isinstance(value, list) else value}"
                                             for key, value in values.items()))
    lines.append(f"seen warm start to first answer: {_show(warm_start and round(warm_start, 1))} s")
    lines.append(f"load average (1 min) before and after the rounds: {load[0]:.2f}, {load[1]:.2f}")
    lines.append("")
    for row in met:
        verdict = {True: "met", False: "NOT MET", None: "not measured"}[row["met"]]
        lines.append(f"{row['what']:<52} {_show(row['value']):>8}  target {row['bound']:<7} {verdict}")
    return "\n".join(lines)


def _show(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:g}"


# --- command line ------------------------------------------------------------


def named(value: str) -> Endpoint:
    """NAME=URL, or a bare URL named after its host and port."""
    name, _, url = value.rpartition("=") if "=" in value.split("://")[0] else ("", "", value)
    url = url.rstrip("/")
    return Endpoint(name or url.split("://")[-1], url, "compare")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4, help="alternating rounds (default 4)")
    parser.add_argument("--seconds-per-round", type=float, default=15,
                        help="each bot's share of a round at each concurrency (default 15)")
    parser.add_argument("--concurrent", type=int, default=20, help="the busy level beside 1 user (default 20)")
    parser.add_argument("--seen-url", help="a running Seen (default: start one on free ports)")
    parser.add_argument("--compare-url", type=named, action="append", default=[], metavar="[NAME=]URL",
                        help="another Seen endpoint in the same rounds (repeatable)")
    parser.add_argument("--cluster", action="store_true",
                        help="also start the cluster (two Rasa servers behind HAProxy) and compare it with one")
    parser.add_argument("--no-warm-start", action="store_true",
                        help="with --seen-url, do not start a local Seen to time its warm start")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is not met")
    parser.add_argument("--json", type=Path, help="where to write the figures (default: benchmarks/results/)")
    return parser.parse_args()


def stop_on_sigterm() -> None:
    """SIGTERM unwinds like Ctrl-C, so the servers are stopped either way."""
    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, interrupt)


def servers(stack: ExitStack, args: argparse.Namespace) -> Tuple[List[Endpoint], Optional[float]]:
    """The bare bot, then Seen (its warm start timed alone, with the bare bot idle)."""
    folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="seen-bench-")))
    bare = start_bare(stack, bare_bot(), free_ports(1)[0])
    warm_start = None
    if args.seen_url:
        seen = Endpoint("seen", args.seen_url.rstrip("/"), "seen")
        wait_for_answer(seen.url, None, None, FIRST_QUESTION)
        if not args.no_warm_start:
            with ExitStack() as local:  # a local Seen only to time its start, stopped at once
                _, warm_start = start_seen(local, folder)
    else:
        seen, warm_start = start_seen(stack, folder)
    print(f"bare rasa at {bare.url}; seen at {seen.url}; warm start {_show(warm_start and round(warm_start, 1))} s",
          flush=True)
    compared = list(args.compare_url)
    if args.cluster:
        compared.append(Endpoint("seen cluster", _cluster(stack, folder), "compare"))
    return [bare, seen, *compared], warm_start


def _cluster(stack: ExitStack, folder: Path) -> str:
    """The cluster as `make cluster` starts it (two Rasa and two action servers
    behind HAProxy, Redis), notes in a SQLite file; its URL."""
    notes = f"sqlite:///{folder / 'cluster-notes.db'}"
    migrate(notes)
    return stack.enter_context(cluster.running(folder, notes)).url


def measure(args: argparse.Namespace) -> dict:
    """Start what is needed, warm every bot up, run the rounds, stop everything."""
    LOGS.mkdir(parents=True, exist_ok=True)
    scripts = conversations()
    levels = [1, args.concurrent]
    with ExitStack() as stack:
        endpoints, warm_start = servers(stack, args)
        print("warming up (not counted)", flush=True)
        for endpoint in endpoints:
            warm_up(endpoint, scripts)
        load_before = os.getloadavg()
        tallies = rounds(endpoints, scripts, levels, args.rounds, args.seconds_per_round)
    results = {name: {level: figures(t) for level, t in by_level.items()} for name, by_level in tallies.items()}
    found = ratios(results, endpoints, args.concurrent)
    return {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "commit": _commit(),
            "rasa": version("rasa"), "cpus": os.cpu_count(), "load_average_before_rounds": load_before,
            "load_average_after_rounds": os.getloadavg(), "rounds": args.rounds,
            "seconds_per_round": args.seconds_per_round, "levels": levels,
            "conversations": len(scripts), "endpoints": {e.name: {"url": e.url, "kind": e.kind} for e in endpoints},
            "results": results, "ratios": found, "seen_warm_start_s": warm_start and round(warm_start, 2),
            "targets": targets(results, found, warm_start, args.concurrent)}


def _commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return done.stdout.strip()


def main() -> int:
    args = arguments()
    stop_on_sigterm()
    try:
        report = measure(args)
    except KeyboardInterrupt:
        print("\ninterrupted: every server this run started is stopped", file=sys.stderr)
        return 130
    print()
    load = (report["load_average_before_rounds"][0], report["load_average_after_rounds"][0])
    print(table(report["results"], report["ratios"], report["targets"], report["seen_warm_start_s"], load))
    path = args.json or RESULTS / f"versus_bare_rasa-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=1))
    print(f"\nfigures written to {path}")
    failed = [row["what"] for row in report["targets"] if row["met"] is False]
    if args.check and failed:
        print("targets not met: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
