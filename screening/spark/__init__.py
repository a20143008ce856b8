"""Screening inside Apache Spark: a whole book on a cluster, the same answers as one machine.

``screen_dataframe`` screens a DataFrame with the batch command's row screener, in
Arrow batches on the executors, against an index built once on the driver and copied
to each executor once (``shipping``); ``columns`` says what the result columns are;
``output`` writes results with the run record beside them. Needs the ``spark`` extra:
``pip install "screening[spark]"``.
"""

from __future__ import annotations

from screening.spark.dataframe import provenance_of, screen_dataframe
from screening.spark.output import SparkRunRecord, write_results

__all__ = ["SparkRunRecord", "provenance_of", "screen_dataframe", "write_results"]
