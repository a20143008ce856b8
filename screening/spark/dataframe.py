"""``screen_dataframe``: a DataFrame in, the same rows plus the batch result columns out.

Rows are screened by the batch command's own row screener (``ScreenJob``), batch by
batch in ``mapInArrow``: Spark hands each executor Arrow record batches, the input
columns pass through untouched (whatever their types), and the result columns are
appended. A row that cannot be screened becomes an ``error`` row, as in the local batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
from pyspark.sql import functions as F
from pyspark.sql.types import StructType

from screening.batch.model import ColumnMap
from screening.batch.rows import ScreenJob, resolve_columns
from screening.errors import InputError
from screening.identifiers import parse_type
from screening.settings import Settings
from screening.spark.columns import arrow_types, output_fields, result_arrays
from screening.spark.shipping import (
    ROW_KEYS,
    PreparedIndex,
    ShippedIndex,
    executor_job,
    prepare_index,
)

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame

#: Where the run's provenance sits in the screened DataFrame's schema (and so in Parquet
#: files written from it): the metadata of the status column, under this key.
PROVENANCE_KEY = "screening"
#: Prefix of the working copies of the screened columns, dropped from the output.
_WORK_PREFIX = "_screening_input_"
_PROBLEM = "problem"


def screen_dataframe(
    df: DataFrame,
    *,
    lists: Sequence[str | Path],
    name_col: str = "name",
    id_col: str | None = None,
    schema_col: str | None = None,
    birth_date_col: str | None = None,
    country_col: str | None = None,
    identifier_cols: Mapping[str, str] | Sequence[tuple[str, str]] = (),
    explanations: bool = False,
    threshold: float | None = None,
    limit: int | None = None,
    settings: Settings | None = None,
    cache_dir: Path | None = None,
    problem_col: str | None = None,
    delta: str | Path | None = None,
) -> DataFrame:
    """Screen every row of ``df`` against the list files or folders ``lists``.

    Returns ``df``'s rows and columns followed by ``status``, ``hit_count``,
    ``top_entity_id``, ``top_name``, ``top_score``, ``reason`` and ``error`` (prefixed
    ``screening_`` if ``df`` already has one of them), and with ``explanations`` a
    ``hits`` column: every hit with its structured explanation. A row whose
    ``problem_col`` is set is an ``error`` row with that message (readers use it for
    records they could not parse). ``identifier_cols`` maps identifier types (``imo``,
    or with a country, ``tax_id/ru``) to columns of identifiers to screen, as
    ``screening batch --id-column TYPE=COLUMN``; with any, ``name_col`` may be absent.
    The answers equal ``screening batch``'s for the same values. ``delta``: the file
    ``screening lists diff --write-delta`` wrote from ``lists``; only its entities are
    reported, each with the score a screening against the whole ``lists`` gives it
    (``screening.delta``). The index is built here, on the driver, before Spark runs
    anything; a list that cannot be loaded, or a delta that is empty or was written from
    other lists, raises ``ListLoadError`` at once.
    """
    identifiers = _identifier_columns(identifier_cols)
    columns = resolve_columns(
        ColumnMap(name_col, id_col, schema_col, birth_date_col, country_col, identifiers),
        df.columns,
    )
    if problem_col is not None and problem_col not in df.columns:
        raise InputError(f"no column {problem_col!r} in the DataFrame")
    context = df.sparkSession.sparkContext
    prepared = prepare_index(context, lists, settings, threshold, limit, cache_dir, delta)
    return screen_prepared(df, prepared, columns, explanations, problem_col)


def screen_prepared(
    df: DataFrame,
    prepared: PreparedIndex,
    columns: ColumnMap,
    explanations: bool = False,
    problem_col: str | None = None,
) -> DataFrame:
    """``screen_dataframe`` with the index already prepared and the columns resolved."""
    kept = [column for column in df.columns if column != problem_col]
    work = _work_columns(columns, problem_col, df.columns)
    clash = [name for name in work if name in df.columns]
    if clash:
        raise InputError(f"the DataFrame uses the reserved column name {clash[0]!r}")
    staged = df.select(*[F.col(f"`{c}`") for c in kept], *work.values())
    added = output_fields(kept, explanations)
    schema = StructType([*(df.schema[c] for c in kept), *added])
    screen = ScreenBatches(
        shipped=prepared.shipped,
        kept=len(kept),
        keys=tuple(name.removeprefix(_WORK_PREFIX) for name in work),
        row_keys=replace(
            ROW_KEYS,
            identifiers=tuple(
                (spec, _identifier_key(number))
                for number, (spec, _) in enumerate(columns.identifiers)
            ),
        ),
        names=tuple(schema.fieldNames()),
        types=tuple(arrow_types(added)),
        explanations=explanations,
    )
    result = staged.mapInArrow(screen, schema)
    return result.withMetadata(added[0].name, {PROVENANCE_KEY: provenance(prepared)})


def _identifier_columns(
    identifier_cols: Mapping[str, str] | Sequence[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    """The (type, column) pairs, each type checked as the batch command checks it."""
    pairs = tuple(
        identifier_cols.items() if isinstance(identifier_cols, Mapping) else identifier_cols
    )
    for spec, column in pairs:
        try:
            parse_type(spec)
        except ValueError as exc:
            raise InputError(f"identifier column {spec}={column}: {exc}") from None
        if not str(column).strip():
            raise InputError(f"identifier type {spec}: no column given")
    return tuple((spec.strip(), column.strip()) for spec, column in pairs)


def _identifier_key(number: int) -> str:
    """The row key of the working copy of the ``number``-th identifier column."""
    return f"identifier_{number}"


def _work_columns(
    columns: ColumnMap, problem_col: str | None, present: Sequence[str]
) -> dict[str, Column]:
    """The screened columns copied as strings under reserved names, in a fixed order.

    The name column is left out when the rows are screened by identifier alone (it is
    absent, which ``resolve_columns`` allows only then)."""
    chosen: dict[str | None, str | None] = {
        ROW_KEYS.name: columns.name if columns.name in present else None,
        ROW_KEYS.schema: columns.schema,
        ROW_KEYS.birth_date: columns.birth_date,
        ROW_KEYS.country: columns.country,
        _PROBLEM: problem_col,
        **{
            _identifier_key(number): column
            for number, (_, column) in enumerate(columns.identifiers)
        },
    }
    return {
        f"{_WORK_PREFIX}{key}": F.col(f"`{column}`").cast("string").alias(f"{_WORK_PREFIX}{key}")
        for key, column in chosen.items()
        if key is not None and column is not None
    }


def provenance(prepared: PreparedIndex) -> dict[str, Any]:
    """What the results were made with: stored in the schema, copied to the run record."""
    shipped = prepared.shipped
    return {
        "engine_version": prepared.engine_version,
        "settings_hash": prepared.settings_hash,
        "threshold": shipped.threshold,
        "limit": shipped.limit,
        "lists": [snapshot.model_dump(mode="json") for snapshot in prepared.snapshots],
        "index_sha256": shipped.sha256,
        "index_bytes": prepared.index_bytes,
    }


def provenance_of(df: DataFrame) -> dict[str, Any] | None:
    """The provenance ``screen_dataframe`` stored in a result's schema, if any."""
    for field in df.schema.fields:
        found = field.metadata.get(PROVENANCE_KEY)
        if isinstance(found, dict):
            return found
        if isinstance(found, str):  # as some writers round-trip it
            loaded: dict[str, Any] = json.loads(found)
            return loaded
    return None


@dataclass(frozen=True)
class ScreenBatches:
    """The function Spark runs on each partition: Arrow batches in, screened batches out."""

    shipped: ShippedIndex
    kept: int  # leading input columns passed through
    keys: tuple[str, ...]  # row keys of the working columns that follow them
    row_keys: ColumnMap  # where the row screener finds each value among those keys
    names: tuple[str, ...]  # every output column
    types: tuple[pa.DataType, ...]  # of the added columns
    explanations: bool

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:  # an empty partition never loads the index
            yield self.screen(executor_job(self.shipped, self.row_keys), batch)

    def screen(self, job: ScreenJob, batch: pa.RecordBatch) -> pa.RecordBatch:
        work = {
            key: batch.column(self.kept + offset).to_pylist()
            for offset, key in enumerate(self.keys)
        }
        rows = []
        for number in range(batch.num_rows):
            values = {key: column[number] or "" for key, column in work.items()}
            problem = values.pop(_PROBLEM, "") or None
            rows.append(job.screen(number + 1, values, problem))
        arrays = batch.columns[: self.kept] + result_arrays(rows, self.types, self.explanations)
        return pa.RecordBatch.from_arrays(arrays, names=list(self.names))
