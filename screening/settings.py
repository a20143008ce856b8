"""Engine settings, and the hash that pins a result to the settings it was made with."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel, ConfigDict, Field

from screening.memory import MEMORY, MemorySettings
from screening.weights import DEFAULT_WEIGHTS, ScoringWeights

__all__ = ["DEFAULT_THRESHOLD", "MEMORY", "MemorySettings", "ReviewSettings", "Settings"]

DEFAULT_THRESHOLD = 0.74


class Settings(BaseModel):
    """Knobs of the engine. Changing any of them changes ``settings_hash``."""

    model_config = ConfigDict(frozen=True)

    threshold: float = Field(default=DEFAULT_THRESHOLD, ge=0.0, le=1.0)
    limit: int = Field(default=10, ge=1, le=1000)
    candidates: int = Field(default=20, ge=1, le=10_000)
    max_query_chars: int = Field(default=1000, ge=1)
    weights: ScoringWeights = Field(
        default=DEFAULT_WEIGHTS, description="every tunable number of scoring and retrieval"
    )
    review: ReviewSettings = Field(
        default_factory=lambda: ReviewSettings(),
        description="how analyst decisions lapse and monitoring re-screens",
    )

    def settings_hash(self) -> str:
        """A short stable digest of every setting, recorded in each result."""
        payload = self.model_dump_json().encode("utf-8")
        return hashlib.sha256(payload).hexdigest()[:16]


class ReviewSettings(BaseModel):
    """How analyst decisions are re-applied (``screening.decisions``)."""

    model_config = ConfigDict(frozen=True)

    # A false-positive decision lapses when the engine now scores the pair more than
    # this much above the score the analyst saw: the match got materially stronger.
    score_margin: float = Field(default=0.05, ge=0.0, le=1.0)
    # Monitoring screens an unchanged customer against a list update only when the words
    # its name shares with an added or changed entry's name hold this share of both names'
    # weight (``screening.decisions.keys``). Hits need about three quarters; on the dev
    # data the lowest share of a hit was 0.69.
    monitor_share: float = Field(default=0.55, ge=0.0, le=1.0)


Settings.model_rebuild()
