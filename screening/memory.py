"""How much the engine remembers between queries, and how a batch is cut up.

A module of its own, free of the engine's imports, so that the word-level modules
(``translit``, ``east_asian``...) size their caches from it at import.
``screening.settings`` exports it beside the settings that decide results.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class MemorySettings(BaseModel):
    """How much the engine remembers between queries, and how a batch is cut up.

    These decide speed and memory, never a result (what a memo or cache forgets is
    computed again, equal), so they are not part of ``Settings`` or its hash. Sized for a
    batch on two workers (the aim: 100,000 names within 1 GiB together): each memo keeps two
    generations of up to its limit (``screening.memo``), the entries in use surviving
    each turnover; each word cache (``functools.lru_cache``) keeps its most recent
    entries. A forked worker fills its own, so each worker holds them all.
    """

    model_config = ConfigDict(frozen=True)

    similar_keys: int = Field(default=50_000, ge=1)  # list keys near a query key
    key_weights: int = Field(default=100_000, ge=1)  # a key's inverse document frequency
    # What a query word matches in retrieval, counted in the names held over all words.
    word_match_names: int = Field(default=100_000, ge=1)
    word_match_max_names: int = Field(default=2_000, ge=0)  # a word matching more: not kept
    batch_answers: int = Field(default=10_000, ge=1)  # a batch's repeated queries, per worker
    batch_chunk_rows: int = Field(default=1000, ge=1)  # rows a worker screens per task, at most
    # A file too short for this many tasks per worker is cut in smaller tasks.
    batch_tasks_per_worker: int = Field(default=4, ge=1)
    # Per cache of a pure function of words: two words compared by a rule (``compare``,
    # ``arabic_rules``...), and one word's forms (folded, keys, readings, stems).
    # Measured on 16,000 load names, two workers: with word caches of 200,000 entries and
    # 500,000 word-match names a worker held 386 MB (PSS), with 30,000 and 100,000 it held
    # 314 MB and grew at 40% of the rate, for the same CPU time (26.4 s, 26.3 s).
    word_pairs: int = Field(default=30_000, ge=1)
    word_forms: int = Field(default=30_000, ge=1)


MEMORY = MemorySettings()
