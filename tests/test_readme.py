"""The README's examples run and print what the README shows."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from screening.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
TEXT = README.read_text(encoding="utf-8")
EXAMPLES = re.findall(r"<!-- readme-example: (.+?) -->\n```text\n(.*?)```", TEXT, re.S)
PYTHON_BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, re.S)


def test_readme_has_examples() -> None:
    assert EXAMPLES, "the README shows no command output to check"
    assert PYTHON_BLOCKS


@pytest.mark.parametrize(("command", "expected"), EXAMPLES)
def test_command_prints_what_the_readme_shows(
    command: str, expected: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(README.parent)
    argv = shlex.split(command)
    assert argv[0] == "screening"
    assert main(argv[1:]) == 0
    assert capsys.readouterr().out == expected


@pytest.mark.parametrize("block", PYTHON_BLOCKS)
def test_python_example_runs(block: str) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", block],
        cwd=README.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert "default-0002" in completed.stdout  # the Budnev example found its entity


def test_quick_start_commands_are_the_documented_ones() -> None:
    assert 'screening screen "Alexei Budnev"' in TEXT
    assert "python -m pytest" in TEXT
