"""The gate: every figure named in ``floors.json`` must be on the right side of its bound.

A rule is ``{"figure": name, "min": x}`` or ``{"figure": name, "max": x}``, with a ``why``.
A figure that was not measured (its part skipped, e.g. without ``../shared``) is reported as
skipped, and the gate then says plainly that it did not run: ``__main__`` fails such a run
when the environment variable ``CI`` is set, since a CI run without its floors proves nothing.
A part that crashed fails the gate by itself.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

FLOORS = Path(__file__).with_name("floors.json")


@dataclass(frozen=True)
class Check:
    figure: str
    bound: str
    limit: float
    value: float | None
    why: str

    @property
    def status(self) -> str:
        if self.value is None:
            return "skipped"
        ok = self.value >= self.limit if self.bound == "min" else self.value <= self.limit
        return "pass" if ok else "FAIL"


def load_rules(path: Path = FLOORS) -> list[dict[str, Any]]:
    rules: list[dict[str, Any]] = json.loads(path.read_text("utf-8"))["rules"]
    for rule in rules:
        if ("min" in rule) == ("max" in rule):
            raise ValueError(f"{path}: rule for {rule.get('figure')} needs exactly one of min/max")
    return rules


def check(figures: dict[str, float | None], rules: list[dict[str, Any]]) -> list[Check]:
    """Compare each ruled figure with its bound."""
    checks = []
    for rule in rules:
        bound = "min" if "min" in rule else "max"
        checks.append(
            Check(
                figure=rule["figure"],
                bound=bound,
                limit=float(rule[bound]),
                value=figures.get(rule["figure"]),
                why=rule.get("why", ""),
            )
        )
    return checks


def failures(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.status == "FAIL"]


def skipped(checks: list[Check]) -> list[Check]:
    return [c for c in checks if c.status == "skipped"]


def verdict(checks: list[Check], broken_parts: list[str]) -> str:
    """``PASSED``, ``FAILED``, or ``DID NOT RUN`` when floors went unmeasured (and none failed)."""
    if failures(checks) or broken_parts:
        return "FAILED"
    missing = skipped(checks)
    if missing:
        return f"DID NOT RUN ({len(missing)} of {len(checks)} floors not measured)"
    return "PASSED"


def describe(c: Check) -> str:
    sign = "≥" if c.bound == "min" else "≤"
    value = "not measured" if c.value is None else f"{c.value:.4g}"
    return f"{c.figure} = {value}, must be {sign} {c.limit:g} ({c.why})"


def markdown(checks: list[Check], broken_parts: list[str]) -> str:
    lines = [f"**Gate: {verdict(checks, broken_parts)}** (floors in `benchmarks/floors.json`)", ""]
    lines += [f"- part failed to run: {part}" for part in broken_parts]
    lines += ["| figure | value | bound | status |", "|---|---|---|---|"]
    for c in checks:
        value = "-" if c.value is None else f"{c.value:.4g}"
        sign = "≥" if c.bound == "min" else "≤"
        lines.append(f"| {c.figure} | {value} | {sign} {c.limit:g} | {c.status} |")
    return "\n".join(lines) + "\n"


def details(checks: list[Check], broken_parts: list[str]) -> dict[str, Any]:
    return {
        "passed": verdict(checks, broken_parts) == "PASSED",
        "verdict": verdict(checks, broken_parts),
        "broken_parts": broken_parts,
        "checks": [asdict(c) | {"status": c.status} for c in checks],
    }
