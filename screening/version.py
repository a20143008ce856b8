"""The package version, and the engine stamp that pins what a result was made with.

A result records ``engine_stamp(weights)``: the package version plus a short digest
of the scoring weights, every data table under ``screening/data/`` and the source
of every module that decides how names are read, retrieved and scored. Any change to
one of them changes the stamp, so a recorded stamp reproduces a decision (and a
cached index built by other code or tables is never used), version bump or not.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from screening.weights import DEFAULT_WEIGHTS, ScoringWeights

ENGINE_VERSION = "0.1.0"  # the package's version (pyproject.toml)
PACKAGE_DIR = Path(__file__).resolve().parent
STAMP_DIGITS = 12  # hex digits of the digest in a stamp
# The modules whose code decides matching, relative to the package, and the folder of
# its data tables (every file under it counts, whatever its kind).
MATCHING_SOURCES = (
    "text.py",
    "evasion.py",
    "translit.py",
    "east_asian.py",
    "hangul.py",
    "japanese.py",
    "names.py",
    "numbers.py",
    "glossary.py",
    "legal_forms.py",
    "given_names.py",
    "dates.py",
    "identifiers.py",
    "identifier_index.py",
    "query_input.py",
    "sources/countries.py",
    "index.py",
    "weights.py",
    "scoring/*.py",
    "screener.py",
)
DATA_DIR = "data"


def matching_digest(package: Path) -> str:
    """A digest of the matching modules' source and every data file of a package folder.

    Takes the folder as an argument so that a test can change a copy of it."""
    files: set[Path] = set()
    for pattern in MATCHING_SOURCES:
        files.update(package.glob(pattern))
    data = package / DATA_DIR
    if data.is_dir():
        files.update(path for path in data.rglob("*") if path.is_file())
    digest = hashlib.sha256()
    for path in sorted(files, key=lambda p: p.relative_to(package).as_posix()):
        if "__pycache__" in path.parts:
            continue
        name = path.relative_to(package).as_posix().encode("utf-8")
        content = path.read_bytes()
        digest.update(b"%d:%s%d:" % (len(name), name, len(content)))
        digest.update(content)
    return digest.hexdigest()


@functools.cache
def _package_digest() -> str:
    """This package's matching digest, read once per process."""
    return matching_digest(PACKAGE_DIR)


@functools.lru_cache(maxsize=256)
def engine_stamp(weights: ScoringWeights = DEFAULT_WEIGHTS) -> str:
    """``0.1.0+3f9a0c2b1d4e``: the package version and a digest of the weights, the data
    tables and the matching code. Computed once per set of weights."""
    digest = hashlib.sha256(_package_digest().encode("ascii"))
    digest.update(weights.model_dump_json().encode("utf-8"))
    return f"{ENGINE_VERSION}+{digest.hexdigest()[:STAMP_DIGITS]}"
