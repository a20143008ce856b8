"""The README's alert review and monitoring example runs and prints what the README shows."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from screening.bundled import BUNDLED_LIST
from screening.cli import main

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
BOOK = re.search(r"<!-- alert-review-book -->\n```text\n(.*?)```", README, re.S)
STEPS = re.findall(r"<!-- alert-review-example -->\n```console\n(.*?)```", README, re.S)
#: What differs from run to run: when a decision was made.
MOMENT = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d\+00:00)?")


def commands(block: str) -> list[tuple[str, str]]:
    """``(command, expected output)`` pairs of a console block."""
    pairs: list[tuple[str, str]] = []
    for line in block.splitlines(keepends=True):
        if line.startswith("$ "):
            pairs.append((line[2:].strip(), ""))
        else:
            command, output = pairs[-1]
            pairs[-1] = (command, output + line)
    return pairs


def updated_list(path: Path) -> None:
    """The list update the README describes."""
    entries = [json.loads(line) for line in BUNDLED_LIST.open(encoding="utf-8")]
    for entry in entries:
        if entry["id"] == "default-0002":
            entry["birth_dates"] = [*entry.get("birth_dates", []), "1990-04-12"]
    entries.append(
        {"id": "new-0001", "schema": "Person", "names": ["Maria IVANOVA"], "programs": ["X"]}
    )
    path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries))


def test_the_worked_example_runs_as_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert BOOK is not None and len(STEPS) == 2
    monkeypatch.chdir(tmp_path)
    (tmp_path / "book.csv").write_text(BOOK.group(1), encoding="utf-8")
    updated_list(tmp_path / "updated.jsonl")
    for command, expected in [pair for block in STEPS for pair in commands(block)]:
        argv = shlex.split(command)
        if argv[0] == "cat":
            printed = (tmp_path / argv[1]).read_text(encoding="utf-8").replace("\r\n", "\n")
        else:
            assert argv[0] == "screening"
            assert main(argv[1:]) == 0, command
            printed = capsys.readouterr().out
        assert MOMENT.sub("<moment>", printed) == MOMENT.sub("<moment>", expected), command
