"""The recorded stamp pins behaviour: a weight, a data table or the matching code changes it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from screening import Entity, ListLoadError, Screener, Settings
from screening.version import ENGINE_VERSION, PACKAGE_DIR, engine_stamp, matching_digest
from screening.weights import ScoringWeights


def test_a_changed_weight_changes_the_settings_hash_and_the_stamp() -> None:
    tuned = Settings(weights=ScoringWeights(glossary=0.89))
    assert tuned.settings_hash() != Settings().settings_hash()
    assert engine_stamp(tuned.weights) != engine_stamp()
    assert engine_stamp(ScoringWeights()) == engine_stamp()  # equal weights, equal stamp


def test_the_stamp_starts_with_the_package_version() -> None:
    assert engine_stamp().startswith(f"{ENGINE_VERSION}+")


def test_a_result_records_the_stamp_of_its_weights() -> None:
    entities = [Entity(id="a", schema="Person", names=["Ivan Petrov"])]
    tuned = Settings(weights=ScoringWeights(country_match=0.03))
    plain = Screener.from_entities(entities).screen("Ivan Petrov")
    other = Screener.from_entities(entities, settings=tuned).screen("Ivan Petrov")
    assert plain.engine_version == engine_stamp()
    assert other.engine_version == engine_stamp(tuned.weights) != plain.engine_version
    assert other.settings_hash != plain.settings_hash


def _copy_of_package(tmp_path: Path) -> Path:
    copy = tmp_path / "screening"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def test_a_changed_data_table_changes_the_digest(tmp_path: Path) -> None:
    package = _copy_of_package(tmp_path)
    data = package / "data"
    data.mkdir(exist_ok=True)
    table = data / "stamp_test_table.tsv"
    table.write_text("# a table\nbank\tbankas\n", encoding="utf-8")
    before = matching_digest(package)
    table.write_text("# a table\nbank\tbanka\n", encoding="utf-8")
    assert matching_digest(package) != before
    nested = data / "deeper" / "more.txt"
    nested.parent.mkdir()
    nested.write_text("x", encoding="utf-8")
    changed = matching_digest(package)
    assert changed != before
    nested.unlink()
    table.write_text("# a table\nbank\tbankas\n", encoding="utf-8")
    assert matching_digest(package) == before  # the same files give the same digest


def test_changed_matching_code_changes_the_digest_and_other_code_does_not(
    tmp_path: Path,
) -> None:
    package = _copy_of_package(tmp_path)
    before = matching_digest(package)
    for source in ("glossary.py", "scoring/tokens.py", "translit.py"):
        path = package / source
        original = path.read_text(encoding="utf-8")
        path.write_text(original + "\n# changed\n", encoding="utf-8")
        assert matching_digest(package) != before, source
        path.write_text(original, encoding="utf-8")
    assert matching_digest(package) == before
    (package / "errors.py").write_text("# not matching code\n", encoding="utf-8")
    assert matching_digest(package) == before


def test_the_stamp_digests_this_package_and_the_weights() -> None:
    weights = ScoringWeights(stem=0.88)
    expected = hashlib.sha256(matching_digest(PACKAGE_DIR).encode("ascii"))
    expected.update(weights.model_dump_json().encode("utf-8"))
    assert engine_stamp(weights) == f"{ENGINE_VERSION}+{expected.hexdigest()[:12]}"


def test_an_index_built_with_other_weights_is_refused() -> None:
    screener = Screener.from_entities([Entity(id="a", schema="Person", names=["Ivan Petrov"])])
    tuned = Settings(weights=ScoringWeights(stem=0.8))
    with pytest.raises(ListLoadError, match="other scoring weights"):
        Screener.from_index(screener.index, screener.snapshots, settings=tuned)
    same = Screener.from_index(screener.index, screener.snapshots, settings=Settings())
    assert same.screen("Ivan Petrov").hits
