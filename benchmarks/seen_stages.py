"""Where one Seen message's time goes, stage by stage, in one process: the
trained model loaded as the Rasa server loads it, each graph node (NLU
components, policies) timed, the tracker store, the call to the action
server split into building its JSON (the tracker and domain), the HTTP round
trip and checking the response, and the action's own work (the same request
run again here by rasa-sdk's executor, as the action server runs it).

Needs an action server on --actions-url with SEEN_ACTION_TOKEN set as it has it:

    SEEN_ACTION_TOKEN=... .venv/bin/python -m benchmarks.seen_stages --actions-url http://127.0.0.1:5355/webhook

Prints, for each stage, the median and mean milliseconds per message (per call
for stages that run more than once a message) and the calls per message.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import copy
import json
import logging
import os
import statistics
import sys
import time
import uuid
from functools import wraps
from pathlib import Path
from typing import Dict, List

from benchmarks.parsing import latest_model
from benchmarks.versus_bare_rasa import conversations

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bot"))

TIMES: Dict[str, List[float]] = collections.defaultdict(list)
SIZES: Dict[str, List[int]] = collections.defaultdict(list)
#: The action calls made, run again afterwards by rasa-sdk's executor in process.
SENT: List[dict] = []


def _timed(owner: object, name: str, label: str) -> None:
    original = getattr(owner, name)
    if asyncio.iscoroutinefunction(original):
        @wraps(original)
        async def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                TIMES[label].append(time.perf_counter() - start)
    else:
        @wraps(original)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                TIMES[label].append(time.perf_counter() - start)
    setattr(owner, name, timed)


def _instrument(agent) -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.engine.graph import GraphNode
    from rasa.utils.endpoints import EndpointConfig

    processor = agent.processor
    _timed(processor, "handle_message", "message: total (Rasa side)")
    _timed(processor, "log_message", "  log_message (tracker fetch + NLU)")
    _timed(processor, "fetch_tracker_and_update_session", "    tracker store: fetch")
    _timed(processor, "parse_message", "    NLU: parse_message (graph)")
    _timed(processor, "run_action_extract_slots", "  action_extract_slots")
    _timed(processor, "_run_prediction_loop", "  prediction loop (policies + actions)")
    _timed(processor, "_predict_next_with_tracker", "    policies: predict (graph)")
    _timed(processor, "_run_action", "    run an action")
    _timed(processor, "save_tracker", "  tracker store: save")

    original_call = GraphNode.__call__

    def node_call(self, *inputs):
        start = time.perf_counter()
        try:
            return original_call(self, *inputs)
        finally:
            TIMES[f"      node {self._node_name}"].append(time.perf_counter() - start)

    GraphNode.__call__ = node_call

    original_format = RemoteAction._action_call_format

    def call_format(self, tracker, domain):
        start = time.perf_counter()
        body = original_format(self, tracker, domain)
        TIMES["      action call: build request (tracker state, domain)"].append(time.perf_counter() - start)
        start = time.perf_counter()
        encoded = json.dumps(body)
        TIMES["      action call: request to JSON (json.dumps, as aiohttp does)"].append(time.perf_counter() - start)
        SIZES["request bytes"].append(len(encoded))
        SIZES["request bytes: domain"].append(len(json.dumps(body.get("domain", {}))))
        SIZES["request bytes: tracker"].append(len(json.dumps(body["tracker"])))
        SIZES["tracker events"].append(len(body["tracker"]["events"]))
        SENT.append(copy.deepcopy(body))
        return body

    RemoteAction._action_call_format = call_format
    _timed(EndpointConfig, "request", "      action call: HTTP round trip (incl. action server)")
    _timed(RemoteAction, "_validate_action_result", "      action call: validate response (jsonschema)")


async def _talk(agent, turns: int, executor=None) -> int:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    done = 0
    while done < turns:
        for texts in conversations():
            sender = f"stages-{uuid.uuid4()}"
            for text in texts:
                await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender))
                done += 1
                while executor and SENT:
                    start = time.perf_counter()
                    await executor.run(SENT.pop())
                    TIMES["action's own work (rasa-sdk executor: tracker from JSON, the action)"].append(
                        time.perf_counter() - start)
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions-url", default="http://127.0.0.1:5355/webhook")
    parser.add_argument("--model", type=Path, default=ROOT / "bot" / "models")
    parser.add_argument("--turns", type=int, default=150)
    args = parser.parse_args()
    os.chdir(ROOT / "bot")
    from rasa.core.agent import Agent
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.endpoints import EndpointConfig
    from rasa.utils.log_utils import configure_structlog
    from rasa_sdk.executor import ActionExecutor

    configure_logging_and_warnings(logging.INFO)  # as `rasa run` does by default
    configure_structlog(logging.INFO)
    executor = ActionExecutor()
    executor.register_package("actions")
    endpoint = EndpointConfig(args.actions_url,
                              headers={"X-Seen-Action-Token": os.environ.get("SEEN_ACTION_TOKEN", "")})
    model = args.model if args.model.is_file() else latest_model(args.model)
    agent = Agent.load(str(model), action_endpoint=endpoint)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(_talk(agent, 40))  # warm up: first-use caches on both sides
    TIMES.clear()
    SIZES.clear()
    _instrument(agent)
    messages = loop.run_until_complete(_talk(agent, args.turns, executor))
    print(f"{messages} messages; ms per call (median / mean / p95), calls per message")
    for label, times in TIMES.items():
        p95 = sorted(times)[int(0.95 * (len(times) - 1))]
        print(f"{label:<72} {statistics.median(times) * 1000:7.2f} {statistics.mean(times) * 1000:7.2f}"
              f" {p95 * 1000:7.2f}  x{len(times) / messages:.2f}")
    for label, sizes in SIZES.items():
        print(f"{label:<72} median {statistics.median(sizes):.0f}, max {max(sizes)}")


if __name__ == "__main__":
    main()
