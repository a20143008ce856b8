"""``screening batch``: placeholder until the batch command lands (issue 4)."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any) -> None:
    del commands
