"""The trained model's NLU, for the benchmarks: the newest model, and a parser
that reads one message at a time as the bot does (emergency override included)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable

from seen import knowledge, reflection
from seen.reflection import Heard

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bot"))  # the custom components the model names


def arguments(description: str) -> argparse.Namespace:
    """A benchmark's command line: the folder of labelled messages, the model
    (the newest in bot/models unless named) and where to write the figures."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--model", type=Path, default=ROOT / "bot" / "models")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    args.model = args.model if args.model.is_file() else latest_model(args.model)
    return args


def report(args: argparse.Namespace, figures: dict, show_misses: Callable[[dict], None]) -> None:
    """Print a benchmark's figures, its misses for a dev folder only, and write
    the figures to --json if asked."""
    misses = figures.pop("_misses")
    for key, value in figures.items():
        print(f"{key}: {value}")
    if tuned_on(args.folder):
        show_misses(misses)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1))


def tuned_on(folder: Path) -> bool:
    """Only a dev folder's misses are listed: a held-out set is never read."""
    return folder.name.startswith("dev")


def latest_model(models: Path) -> Path:
    found = sorted(models.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not found:
        raise SystemExit(f"no trained model in {models}: run `make train` first")
    return found[-1]


@lru_cache(maxsize=1)
def load_agent(model: Path):
    """The trained model, with Rasa's structured log at warnings only: at its
    default, debug, it prints each parsed message's text, which would show a
    held-out set to whoever runs the benchmark. Loaded once per process: the
    integration tests measure several sets with one model."""
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)
    return Agent.load(str(model))


class Parser:
    """The trained model's NLU, one message at a time."""

    def __init__(self, model: Path) -> None:
        self._agent = load_agent(model)
        self._loop = asyncio.new_event_loop()

    def parse(self, text: str) -> dict:
        return self._loop.run_until_complete(self._agent.parse_message(text))

    def __call__(self, text: str) -> Heard:
        return reflection.heard_from(knowledge.default(), self.parse(text))
