"""Held-out figures, kept for the closing note of an issue and the safety case."""

import json

from tests.helpers.paths import ROOT

#: Where the held-out tests keep the figures they measured (safety/safety-case.md quotes them).
RESULTS = ROOT / "benchmarks" / "results"


def record_figures(name: str, result: dict) -> dict:
    """Keep a held-out result in benchmarks/results/<name>.json (without the
    lists of misses, which would show the set) and print it."""
    figures = {k: v for k, v in result.items() if not k.startswith("_") and k != "misses"}
    path = RESULTS / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=1))
    print(f"\n{name} figures:", json.dumps(figures, indent=1))
    return figures
