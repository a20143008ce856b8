"""The compiled build: refused when a source changed after compiling, and said by the CLI.

``SCREENING_REQUIRE_COMPILED=1`` (set by ``.ci/run``, which installs the compiled
package) makes the engine's compiled modules a requirement, so a build that silently
fell back to pure Python fails CI.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
from pathlib import Path

import pytest

import screening.scoring.alignment
from screening.cli import main
from screening.engine_build import (
    COMPILED_SOURCES,
    PURE,
    RECORD,
    StaleCompiledModule,
    check_compiled,
    compiled_sources,
    engine_build,
)

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _package(tmp_path: Path, record: dict[str, str] | None) -> Path:
    """A package with one compiled module (``scoring/alignment``) beside its source."""
    package = tmp_path / "screening"
    (package / "scoring").mkdir(parents=True)
    (package / "scoring" / "alignment.py").write_text("X = 1\n")
    (package / "scoring" / f"alignment{SUFFIX}").write_bytes(b"\0")
    (package / "text.py").write_text("Y = 2\n")
    if record is not None:
        (package / RECORD).write_text(json.dumps({"compiler": "mypyc", "sources": record}))
    return package


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def test_a_compiled_module_of_its_recorded_source_is_accepted(tmp_path: Path) -> None:
    package = _package(tmp_path, {"scoring/alignment.py": _digest("X = 1\n")})
    assert compiled_sources(package) == ["scoring/alignment.py"]
    assert check_compiled(package) == ["scoring/alignment.py"]


@pytest.mark.parametrize(
    "record",
    [
        {"scoring/alignment.py": _digest("X = 0\n")},  # the source changed since
        {"text.py": _digest("Y = 2\n")},  # compiled, but not by the recorded build
        None,  # no record at all
    ],
)
def test_a_compiled_module_of_another_source_is_refused(
    tmp_path: Path, record: dict[str, str] | None
) -> None:
    package = _package(tmp_path, record)
    with pytest.raises(StaleCompiledModule, match=r"scoring/alignment\.py"):
        check_compiled(package)


def test_a_package_without_compiled_modules_needs_no_record(tmp_path: Path) -> None:
    package = tmp_path / "screening"
    package.mkdir()
    (package / "text.py").write_text("Y = 2\n")
    assert check_compiled(package) == []


def test_the_build_is_what_is_imported() -> None:
    compiled = screening.scoring.alignment.__file__.endswith(SUFFIX)
    assert ("scoring/alignment.py" in COMPILED_SOURCES) == compiled
    assert (engine_build() == PURE) == (not COMPILED_SOURCES)
    if os.environ.get("SCREENING_REQUIRE_COMPILED") == "1":
        assert compiled, "the engine was installed without its compiled modules"
        assert engine_build().startswith("compiled by mypyc")


def test_the_version_says_the_build(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert f"({engine_build()})" in capsys.readouterr().out
