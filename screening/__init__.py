"""screening: sanctions screening with Cyrillic-aware fuzzy name matching and explained hits."""

# First: refuses a compiled module whose source changed since it was built.
from screening import engine_build  # noqa: F401  # isort: skip
from screening.bundled import BUNDLED_LIST
from screening.errors import InputError, ListLoadError, ScreeningError
from screening.model import Entity, Explanation, Hit, Query, ScreeningResult, TokenMatch
from screening.screener import Screener
from screening.settings import DEFAULT_THRESHOLD, Settings
from screening.version import ENGINE_VERSION

__all__ = [
    "BUNDLED_LIST",
    "DEFAULT_THRESHOLD",
    "ENGINE_VERSION",
    "Entity",
    "Explanation",
    "Hit",
    "InputError",
    "ListLoadError",
    "Query",
    "Screener",
    "ScreeningError",
    "ScreeningResult",
    "Settings",
    "TokenMatch",
]
