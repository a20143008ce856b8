"""The recall-vs-alert-rate chart: one curve per system and query set, alert rate in log scale."""

from __future__ import annotations

from pathlib import Path

from benchmarks.metrics import BUDGETS
from benchmarks.report import Curve

X_MIN = 0.001
"""Alert rates are drawn from 0.1% to 100%; lower ones are clipped to the left edge."""


def draw(curves: dict[str, Curve], path: Path) -> Path | None:
    """Write the chart; None when matplotlib is not installed or there is nothing to draw."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    if not curves:
        return None
    figure, axes = plt.subplots(figsize=(8, 5.5))
    for label, points in sorted(curves.items()):
        xs = [max(alert, X_MIN) for alert, _ in points]
        ys = [recall for _, recall in points]
        style = "-" if label.endswith("engine") else "--"
        axes.step(xs, ys, style, where="post", label=label, linewidth=1.6)
    for budget in BUDGETS:
        axes.axvline(budget / 100, color="grey", linewidth=0.6, linestyle=":")
    axes.set_xscale("log")
    axes.set_xlim(X_MIN, 1.0)
    axes.set_ylim(0.0, 1.0)
    axes.set_xlabel("alert rate on negative queries (log scale)")
    axes.set_ylabel("recall on positive queries")
    axes.set_title("Recall vs alert rate (threshold swept over every score)")
    axes.xaxis.set_major_formatter(
        matplotlib.ticker.FuncFormatter(lambda value, _: f"{100 * value:g}%")
    )
    axes.grid(True, which="major", alpha=0.3)
    axes.legend(loc="lower right")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=120)
    plt.close(figure)
    return path
