"""Measurements made in a fresh interpreter, so that imports, caches and memory start cold.

The parent runs ``python -m <module> <arguments>`` from the repository; the child prints
what it measured as JSON on its last line of output.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def child_json(
    module: str,
    arguments: Sequence[str],
    what: str,
    timeout: float | None = None,
    env: Mapping[str, str] | None = None,
    preexec_fn: Callable[[], object] | None = None,
) -> dict[str, Any]:
    """Run the module in a child interpreter; the JSON object it printed last.

    A child that fails raises ``RuntimeError`` naming ``what`` with the end of its stderr."""
    done = subprocess.run(
        [sys.executable, "-m", module, *arguments],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
        preexec_fn=preexec_fn,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{done.stderr[-4000:]}")
    measured: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return measured
