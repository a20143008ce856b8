"""What each part hands back, and the report files made of all parts.

Every part returns a ``Section``: its markdown, its headline figures (flat, for the gate),
its details (for report.json) and optionally curves for the chart.
"""

from __future__ import annotations

import platform
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.data import write_json

Curve = list[tuple[float, float]]


@dataclass
class Section:
    title: str
    markdown: str = ""
    figures: dict[str, float | None] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    curves: dict[str, Curve] = field(default_factory=dict)
    skipped: str | None = None
    error: str | None = None

    @classmethod
    def skip(cls, title: str, reason: str) -> Section:
        return cls(title=title, markdown=f"_{reason}_\n", skipped=reason)


def environment() -> dict[str, Any]:
    """Enough about the machine and the engine to tell two reports apart."""
    info: dict[str, Any] = {
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "processor": platform.processor() or None,
    }
    try:
        from screening.settings import Settings
        from screening.version import ENGINE_VERSION

        info["engine_version"] = ENGINE_VERSION
        info["settings_hash"] = Settings().settings_hash()
    except ImportError as exc:
        info["engine_version"] = f"not importable: {exc}"
    return info


def all_figures(sections: list[Section]) -> dict[str, float | None]:
    figures: dict[str, float | None] = {}
    for section in sections:
        figures.update(section.figures)
    return figures


def write_reports(
    out_dir: Path,
    mode: str,
    sections: list[Section],
    gate_markdown: str,
    gate_details: dict[str, Any],
    chart: Path | None,
) -> tuple[Path, Path]:
    """Write report.json and report.md; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = environment()
    payload = {
        "mode": mode,
        "environment": env,
        "figures": all_figures(sections),
        "gate": gate_details,
        "parts": {
            section.title: {
                "skipped": section.skipped,
                "error": section.error,
                "figures": section.figures,
                "details": section.details,
            }
            for section in sections
        },
    }
    json_path = out_dir / "report.json"
    write_json(json_path, payload)

    lines = [
        f"# Benchmark report ({mode} mode)",
        "",
        f"Engine {env.get('engine_version')}, settings {env.get('settings_hash')}, "
        f"Python {env['python']} on {env['machine']}, {env['generated_at']}.",
        "",
        gate_markdown,
    ]
    if chart is not None:
        lines += [f"![recall vs alert rate]({chart.name})", ""]
    for section in sections:
        lines += [f"## {section.title}", ""]
        if section.error:
            lines += [f"**Failed:** `{section.error}`", ""]
        lines.append(section.markdown)
    md_path = out_dir / "report.md"
    md_path.write_text("\n".join(lines), "utf-8")
    return json_path, md_path


def percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def times(value: float | None) -> str:
    """A ratio as ``1.23×`` (``-`` when missing)."""
    return "-" if value is None else f"{value:.2f}×"
