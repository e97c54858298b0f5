"""How long the anonymiser takes on 100 kB of hostile or ordinary text (issue 13).

One message that makes the anonymiser slow would make every practitioner
wait, so each kind of text below is timed at one size and at four times that
size: a worst time near the bound, or a ratio near 16 instead of 4, means
something in it grows faster than the text.

    .venv/bin/python -m benchmarks.anonymiser_time [--size 100000]
"""

from __future__ import annotations

import argparse
import time
from typing import Callable, Dict

from seen import anonymise

#: Texts that once took quadratic time, and ordinary ones for comparison.
TEXTS: Dict[str, Callable[[int], str]] = {
    "ordinary note": lambda n: _repeat("Jayden (7) came in hungry again on Monday, mum said money is tight. ", n),
    "names and places": lambda n: _repeat("Mary Ann Jones Smith at 12 Ivy Road, Salford M6 5HT, 07700 900123. ", n),
    "spaces after a cue": lambda n: "no" + " " * (n - 2),
    "hyphenated letters": lambda n: _repeat("a-", n),
    "hyphenated names": lambda n: _repeat("Ab-", n),
    "hyphenated names, a digit": lambda n: "7 " + _repeat("Ab-", n - 2),
    "capitalised words": lambda n: _repeat("Mary Ann Jones Smith ", n),
    "quote marks": lambda n: "'" * n,
    "punctuation": lambda n: _repeat("!?.,;:", n),
    "digits and slashes": lambda n: _repeat("12/", n),
    "one long word": lambda n: "x" * n,
    "emoji and accents": lambda n: _repeat("Zoë 😀 Siân ", n),
    "repeated cues": lambda n: _repeat("ref - flat 1 AB/www.x.co.uk/ no. ", n),
}


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def seconds(text: str, runs: int = 3) -> float:
    """The best of a few runs: what the anonymiser takes, not what else the machine was doing."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        anonymise.anonymise(text)
        best = min(best, time.perf_counter() - start)
    return best


def measure(size: int) -> Dict[str, Dict[str, float]]:
    """Seconds at size/4 and at size, for each kind of text."""
    anonymise.anonymise("Warm up with Jane Smith.")
    return {name: {"quarter": round(seconds(make(size // 4)), 3), "full": round(seconds(make(size)), 3)}
            for name, make in TEXTS.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    args = parser.parse_args()
    results = measure(args.size)
    for name, times in results.items():
        ratio = times["full"] / max(times["quarter"], 1e-3)
        print(f"{name:26s} {args.size // 4:>7} chars {times['quarter']:6.3f}s   "
              f"{args.size:>7} chars {times['full']:6.3f}s   x{ratio:4.1f}")
    print(f"worst at {args.size} chars: {max(t['full'] for t in results.values()):.3f}s")


if __name__ == "__main__":
    main()
