"""``screening lists``: placeholder until the lists commands land (issue 3)."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any) -> None:
    del commands
