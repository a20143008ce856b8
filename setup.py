"""Build the package, with the modules of the per-query path compiled to C by mypyc.

The package's metadata lives in pyproject.toml; this file only adds the compiled modules.
mypyc (part of mypy) compiles type-annotated Python into C extension modules that do
what the source says in about two thirds of the CPU time: the engine's time is spread over
hundreds of small functions that the interpreter runs slowly. Results are the same.

``SCREENING_PURE_PYTHON=1`` builds the pure-Python package instead (a platform without a
C compiler): it also deletes the compiled files an earlier build left in the source tree,
which Python would otherwise import instead of the sources. A compiled build writes
``screening/compiled.json``, the sha256 of every compiled module's source, which
``screening.engine_build`` checks at import: a source changed after it was compiled is refused.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import os
from pathlib import Path

from setuptools import setup

PACKAGE = Path("screening")
RECORD = PACKAGE / "compiled.json"  # written here, read by screening/engine_build.py
# The modules compiled by mypyc: text and name logic, retrieval and scoring, everything a
# query goes through. Not compiled: pydantic models and settings, the list parsers, the
# store, the CLI and other I/O, and screener.py (mypyc rejects Screener.__new__, used to
# wrap a cached index).
COMPILED = [
    "screening/acronyms.py",
    "screening/armenian.py",
    "screening/dates.py",
    "screening/devanagari.py",
    "screening/east_asian.py",
    "screening/encoding.py",
    "screening/evasion.py",
    "screening/given_names.py",
    "screening/glossary.py",
    "screening/hangul.py",
    "screening/hebrew.py",
    "screening/identifier_index.py",
    "screening/identifiers.py",
    "screening/index.py",
    "screening/japanese.py",
    "screening/legal_forms.py",
    "screening/memo.py",
    "screening/names.py",
    "screening/numbers.py",
    "screening/places.py",
    "screening/query_input.py",
    "screening/text.py",
    "screening/translit.py",
    "screening/scoring/__init__.py",
    "screening/scoring/alignment.py",
    "screening/scoring/corroboration.py",
    "screening/scoring/evidence.py",
    "screening/scoring/explain.py",
    "screening/scoring/identifiers.py",
    "screening/scoring/ranking.py",
    "screening/scoring/tokens.py",
]
# mypyc type-checks what it compiles. It reads no config file: the project's strict
# settings and its pydantic plugin need the runtime dependencies (the strict check is CI's
# mypy step). Nor does it look at installed packages: a reinstall into an environment that
# holds pydantic would otherwise check the models without the plugin and fail, so the build
# would depend on what is installed. Their types are unknown, compiled as plain objects.
MYPYC_OPTIONS = ["--config-file=", "--ignore-missing-imports", "--no-site-packages"]


def pure_python() -> bool:
    return os.environ.get("SCREENING_PURE_PYTHON", "") not in ("", "0")


def write_record() -> None:
    """The sha256 of each compiled module's source, by its path in the package."""
    sources = {
        Path(path).relative_to(PACKAGE).as_posix(): hashlib.sha256(
            Path(path).read_bytes()
        ).hexdigest()
        for path in COMPILED
    }
    RECORD.write_text(json.dumps({"compiler": "mypyc", "sources": sources}, indent=1) + "\n")


def delete_compiled() -> None:
    """The compiled files and record an earlier build left in the source tree."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for path in [*PACKAGE.rglob("*"), *Path().glob("*__mypyc*")]:
        if path.is_file() and path.name.endswith(suffixes):
            path.unlink()
    RECORD.unlink(missing_ok=True)


if pure_python():
    delete_compiled()
    setup()
else:
    from mypyc.build import mypycify

    write_record()
    setup(ext_modules=mypycify([*MYPYC_OPTIONS, *COMPILED]))
