"""The hits column's Spark type follows the ``Hit`` model field for field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from screening.model import (
    EvidenceCheck,
    Explanation,
    Hit,
    HitReview,
    Normalisation,
    TokenMatch,
)

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


def aliases(model: type[BaseModel]) -> list[str]:
    return [field.alias or name for name, field in model.model_fields.items()]


def test_hit_struct_has_every_field_of_the_model(spark: SparkSession) -> None:
    from pyspark.sql.types import ArrayType, StructType

    from screening.spark.columns import HIT

    def struct_of(data_type: Any) -> StructType:
        inner = data_type.elementType if isinstance(data_type, ArrayType) else data_type
        assert isinstance(inner, StructType)
        return inner

    explanation = struct_of(HIT["explanation"].dataType)
    pairs = [
        (HIT, Hit),
        (explanation, Explanation),
        (struct_of(explanation["tokens"].dataType), TokenMatch),
        (struct_of(explanation["evidence"].dataType), EvidenceCheck),
        (struct_of(explanation["normalisation"].dataType), Normalisation),
        (struct_of(HIT["review"].dataType), HitReview),
    ]
    for struct, model in pairs:
        assert struct.fieldNames() == aliases(model), model.__name__
