"""The worker pool ends cleanly however it is stopped: a process that stopped reading
results must still be able to exit."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from screening.batch.pool import task_size

REPO = Path(__file__).resolve().parents[2]

# Workers send results larger than a pipe holds, so stopping the reader after the first
# result kills the other worker in the middle of its send.
_STOP_MID_SEND = textwrap.dedent(
    """
    from screening.batch.pool import ordered_map

    def task(job, chunk):
        return b"x" * (32 * 2**20)

    if __name__ == "__main__":
        results = ordered_map(task, None, range(8), workers=2)
        next(results)
        results.close()
        print("stopped", flush=True)
    """
)


def test_a_run_stopped_while_a_worker_sends_a_result_still_exits(tmp_path: Path) -> None:
    script = tmp_path / "stop_mid_send.py"
    script.write_text(_STOP_MID_SEND, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=REPO,
        env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,  # the hang this guards against never ends; a clean exit takes seconds
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "stopped"


@pytest.mark.parametrize(
    ("size", "workers", "items_left", "expected"),
    [
        (1000, 1, 1_500, 1000),  # one worker: tasks as asked
        (1000, 2, 1_500, 188),  # 1,500 rows, two workers: four tasks each
        (1000, 2, 100_000, 1000),  # a long file: tasks of the size asked
        (1000, 8, 10, 1),
        (1000, 2, 0, 1),
    ],
)
def test_task_size(size: int, workers: int, items_left: float, expected: int) -> None:
    assert task_size(size, workers, items_left) == expected
