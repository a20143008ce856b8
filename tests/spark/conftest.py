"""One local Spark session (``local[2]``) for every Spark test of the run.

Spark needs the ``spark`` extra and a Java 17+ runtime. Where either is missing the
Spark tests are skipped, unless ``SCREENING_REQUIRE_SPARK=1`` (set by ``.ci/run``),
which makes them fail instead: CI must never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from screening.bundled import BUNDLED_LIST
from tests.conftest import REPO

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

DEFAULT_LIST = BUNDLED_LIST


def _missing() -> str | None:
    """Why Spark cannot run here, or None."""
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        return f"{exc.name} is not installed (pip install -e '.[spark]')"
    java = shutil.which("java", path=os.path.join(os.environ.get("JAVA_HOME", ""), "bin"))
    java = java or shutil.which("java")
    if java is None:
        return "no java runtime on PATH"
    version = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    return None if version.returncode == 0 else f"java -version failed: {version.stderr}"


@pytest.fixture(scope="session")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SparkSession]:
    reason = _missing()
    if reason is not None:
        if os.environ.get("SCREENING_REQUIRE_SPARK") == "1":
            pytest.fail(f"Spark tests are required here, but {reason}")
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    saved = {
        key: os.environ.get(key) for key in ("PYTHONPATH", "SCREENING_CACHE_DIR", "SPARK_LOCAL_IP")
    }
    # Local mode talks to itself on the loopback address only (also in spark-submit runs
    # the tests start), never on the machine's network address.
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    # The Python workers Spark starts must import this checkout's package.
    os.environ["PYTHONPATH"] = os.pathsep.join(
        part for part in (str(REPO), os.environ.get("PYTHONPATH", "")) if part
    )
    os.environ["SCREENING_CACHE_DIR"] = str(tmp_path_factory.mktemp("index-cache"))
    session = (
        SparkSession.builder.master("local[2]")
        .appName("screening tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture(scope="session")
def cache_dir(spark: SparkSession) -> Path:
    """The index cache of the Spark tests (a fresh folder, set up with the session)."""
    return Path(os.environ["SCREENING_CACHE_DIR"])
