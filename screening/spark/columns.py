"""The columns a screened DataFrame gains, as Spark types and as Arrow arrays.

The result columns are the batch command's (``RESULT_COLUMNS``) with Spark types:
``hit_count`` an integer, ``top_score`` a double, rounded as the CSV shows it, and null
where the CSV has an empty cell. The optional hits column holds every hit with its
structured explanation, field for field as ``Hit`` dumps it to JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from pyspark.sql.pandas.types import to_arrow_type
from pyspark.sql.types import (
    ArrayType,
    BooleanType,
    DataType,
    DoubleType,
    IntegerType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from screening.batch.model import RESULT_COLUMNS, BatchRow
from screening.batch.output import result_cells, result_columns

_TEXT = StringType()
_TEXTS = ArrayType(StringType())

TOKEN_MATCH = StructType(
    [
        StructField("query_token", _TEXT),
        StructField("list_token", _TEXT),
        StructField("query_key", _TEXT),
        StructField("list_key", _TEXT),
        StructField("similarity", DoubleType()),
        StructField("rule", _TEXT),
        StructField("detail", _TEXT),
        StructField("role", _TEXT),
        StructField("voided_by", _TEXT),
    ]
)
EVIDENCE_CHECK = StructType(
    [
        StructField("kind", _TEXT),
        StructField("query_value", _TEXT),
        StructField("list_values", _TEXTS),
        StructField("outcome", _TEXT),
        StructField("score_change", DoubleType()),
    ]
)
NORMALISATION = StructType(
    [
        StructField("kind", _TEXT),
        StructField("count", LongType()),
        StructField("detail", _TEXT),
    ]
)
EXPLANATION = StructType(
    [
        StructField("name_score", DoubleType()),
        StructField("tokens", ArrayType(TOKEN_MATCH)),
        StructField("penalties", _TEXTS),
        StructField("evidence", ArrayType(EVIDENCE_CHECK)),
        StructField("normalisation", ArrayType(NORMALISATION)),
    ]
)
#: An analyst's decision on a hit (``HitReview``); null where no decisions were applied.
HIT_REVIEW = StructType(
    [
        StructField("decision_id", LongType()),
        StructField("disposition", _TEXT),
        StructField("decided_by", _TEXT),
        StructField("decided_at", _TEXT),
        StructField("suppressed", BooleanType()),
        StructField("lapsed", _TEXT),
    ]
)
#: One element of the hits column: ``Hit.model_dump(by_alias=True)`` as a Spark struct.
HIT = StructType(
    [
        StructField("entity_id", _TEXT),
        StructField("source", _TEXT),
        StructField("schema", _TEXT),
        StructField("listed_name", _TEXT),
        StructField("matched_name", _TEXT),
        StructField("weak_alias", BooleanType()),
        StructField("programs", _TEXTS),
        StructField("score", DoubleType()),
        StructField("explanation", EXPLANATION),
        StructField("review", HIT_REVIEW),
    ]
)

_RESULT_TYPES: dict[str, DataType] = {
    "status": StringType(),
    "hit_count": IntegerType(),
    "top_entity_id": StringType(),
    "top_name": StringType(),
    "top_score": DoubleType(),
    "reason": StringType(),
    "error": StringType(),
}
HITS_COLUMN = "hits"


def output_names(input_columns: Sequence[str], explanations: bool) -> list[str]:
    """The names of the added columns: prefixed with ``screening_`` if the input uses one."""
    names = result_columns(input_columns)
    if explanations:
        taken = {name.strip().casefold() for name in input_columns}
        prefixed = names[0] != RESULT_COLUMNS[0] or HITS_COLUMN in taken
        names.append(f"screening_{HITS_COLUMN}" if prefixed else HITS_COLUMN)
    return names


def output_fields(input_columns: Sequence[str], explanations: bool) -> list[StructField]:
    """The Spark fields of the added columns, in order."""
    types = [_RESULT_TYPES[column] for column in RESULT_COLUMNS]
    if explanations:
        types.append(ArrayType(HIT))
    names = output_names(input_columns, explanations)
    return [StructField(name, kind) for name, kind in zip(names, types, strict=True)]


def arrow_types(fields: Sequence[StructField]) -> list[pa.DataType]:
    return [to_arrow_type(field.dataType) for field in fields]


def result_arrays(
    rows: Sequence[BatchRow], types: Sequence[pa.DataType], explanations: bool
) -> list[pa.Array]:
    """The added columns of a batch of screened rows, as Arrow arrays of ``types``.

    The values are the batch CSV's cells (``result_cells``), typed: the same code makes
    both, so the two outputs cannot drift apart.
    """
    by_column = list(zip(*(result_cells(row) for row in rows), strict=True))
    status, hit_count, entity, name, score, reason, error = by_column or [()] * len(RESULT_COLUMNS)
    values: list[Sequence[Any]] = [
        status,
        [int(count) for count in hit_count],
        [_or_null(cell) for cell in entity],
        [_or_null(cell) for cell in name],
        [float(cell) if cell else None for cell in score],
        [_or_null(cell) for cell in reason],
        [_or_null(cell) for cell in error],
    ]
    if explanations:
        values.append(
            [[hit.model_dump(mode="json", by_alias=True) for hit in row.hits] for row in rows]
        )
    return [pa.array(column, type=kind) for column, kind in zip(values, types, strict=True)]


def _or_null(cell: str) -> str | None:
    return cell if cell else None
