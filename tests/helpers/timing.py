"""How the anonymiser's time tests time it, and how much slower a longer text may be."""

import time
from typing import Callable, List, Sequence

#: Four times the text may take at most this many times as long: linear time
#: gives about 4, quadratic about 16.
GROWTH = 8


def cpu_seconds(work: Callable[[str], object], texts: Sequence[str], repeats: int = 3) -> List[float]:
    """The least CPU time this process spent on ``work`` for each text, over
    ``repeats`` rounds that take the texts in turn. CPU time, not the wall
    clock: these tests ask how much work a text makes, and on CI's two cores
    the wall clock also counts whatever else the machine is doing (on
    2026-12-04 it ran two to three times slower for minutes at a time, and a
    40,000-character text timed in a slow spell took 13 to 20 times as long
    as a 10,000-character one timed before it, with nothing in the code
    changed). Taking the texts in turn lets a slow spell fall on each alike."""
    best = [float("inf")] * len(texts)
    for _ in range(repeats):
        for i, text in enumerate(texts):
            start = time.process_time()
            work(text)
            best[i] = min(best[i], time.process_time() - start)
    return best
