"""Whether the engine runs compiled (mypyc) or as pure Python, and whether what runs is
the source it claims to be.

An installed package normally runs the per-query modules compiled by mypyc (see
setup.py); ``SCREENING_PURE_PYTHON=1`` installs them as plain Python. Both give the same
results. Python imports a module's compiled file in preference to its source, so a
source edited after its compilation would silently not run, while the engine stamp (a
digest of the sources) claimed it did. The build records the sha256 of every source it
compiled (``compiled.json``); a compiled module without a recorded source equal to the
one beside it makes the package refuse to import.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RECORD = "compiled.json"
PURE = "pure Python"


class StaleCompiledModule(ImportError):
    """A compiled module that is not the compilation of its source beside it."""


def compiled_sources(package: Path) -> list[str]:
    """The sources (``scoring/alignment.py``) that have a compiled module beside them."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    found = set()
    for path in package.rglob("*"):
        if path.name.endswith(suffixes) and "__pycache__" not in path.parts:
            stem = path.name.split(".", 1)[0]
            found.add(path.with_name(f"{stem}.py").relative_to(package).as_posix())
    return sorted(found)


def check_compiled(package: Path) -> list[str]:
    """The compiled sources, each checked against the build record; raises
    ``StaleCompiledModule`` for one that was changed (or never recorded) since."""
    compiled = compiled_sources(package)
    if not compiled:
        return compiled
    recorded = _recorded_digests(package)
    for source in compiled:
        path = package / source
        if not path.is_file():
            continue  # installed without its source: nothing to differ from
        if recorded.get(source) != hashlib.sha256(path.read_bytes()).hexdigest():
            raise StaleCompiledModule(
                f"{package.name}/{source} is not the source its compiled module was built "
                "from: rebuild the package (pip install -e .), or install it as pure Python "
                "(SCREENING_PURE_PYTHON=1 pip install -e .)"
            )
    return compiled


def _recorded_digests(package: Path) -> dict[str, str]:
    """What the build recorded; nothing when the record is missing or unreadable."""
    try:
        record = json.loads((package / RECORD).read_text(encoding="utf-8"))
        return {str(name): str(digest) for name, digest in dict(record["sources"]).items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


COMPILED_SOURCES = check_compiled(PACKAGE_DIR)


def engine_build() -> str:
    """``compiled by mypyc, 31 modules`` or ``pure Python``: shown by ``--version`` and
    recorded in a batch's run record, so an officer can see which build made a result."""
    if not COMPILED_SOURCES:
        return PURE
    return f"compiled by mypyc, {len(COMPILED_SOURCES)} modules"
