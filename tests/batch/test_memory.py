"""Memory stays flat however long the input: a million rows against a hundred thousand.

Slow (a few minutes): run with ``pytest -m slow tests/batch``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

NAMES = ["John Smith", "Maria Garcia", "Alexei Budnev", "Ivan Petrov", "OOO Vector", "Li Wei"]

CHILD = """
import json, resource, sys
from pathlib import Path
from screening.batch import screen_csv
from screening.screener import Screener
screener = Screener.from_lists(sys.argv[1])
summary = screen_csv(screener, sys.argv[2], sys.argv[3], workers=2)
hwm = next(int(l.split()[1]) for l in Path("/proc/self/status").read_text().splitlines()
           if l.startswith("VmHWM:"))
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rows": summary.counts.rows, "parent_kib": hwm, "worker_kib": children}))
"""


def _measure(list_file: Path, folder: Path, rows: int) -> dict[str, int]:
    source = folder / f"in-{rows}.csv"
    with source.open("w", encoding="utf-8") as out:
        out.write("id,name\n")
        for number in range(rows):
            out.write(f"{number},{NAMES[number % len(NAMES)]} {number % 997}\n")
    command = [sys.executable, "-c", CHILD, str(list_file), str(source), str(folder / "o.csv")]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    (folder / "o.csv").unlink()
    measured: dict[str, int] = json.loads(done.stdout.strip().splitlines()[-1])
    assert measured["rows"] == rows
    return measured


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_memory_is_flat_from_100k_to_a_million_rows(tmp_path: Path, list_file: Path) -> None:
    small = _measure(list_file, tmp_path, 100_000)
    large = _measure(list_file, tmp_path, 1_000_000)
    assert large["parent_kib"] - small["parent_kib"] < 20 * 1024, (small, large)
    assert large["worker_kib"] - small["worker_kib"] < 20 * 1024, (small, large)
