"""A bounded memo that forgets gradually, for results remembered over a long batch.

A plain dict emptied when full forgets every word at once, common given names included,
and the next stretch of a batch pays each word's first-time cost again. This memo keeps
two generations instead: entries are added to the young one; when it is full, it becomes
the old one and the previous old one is dropped. An entry found in the old generation
moves back to the young one, so the entries a batch keeps asking for (``Mohammad``,
``Ivanov``) survive every turnover, and only those unused for a whole generation are
forgotten. A lookup costs one dict probe when the entry is young, two when it is old.

Remembered values are pure results of their keys: what the memo forgets is computed
again, equal, so its size changes speed and memory, never a result.
"""

from __future__ import annotations

from typing import Generic, TypeVar

Key = TypeVar("Key")
Value = TypeVar("Value")


class Memo(Generic[Key, Value]):
    """Remembers at most about ``2 * limit`` units of entries (one unit per entry unless
    ``put`` is told an entry's ``size``), forgetting the longest unused first."""

    __slots__ = ("_old", "_sizes", "_young", "_young_size", "limit", "turnovers")

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("a memo must hold at least one entry")
        self.limit = limit
        self._young: dict[Key, Value] = {}
        self._old: dict[Key, Value] = {}
        self._young_size = 0
        self._sizes: dict[Key, int] = {}  # of entries whose size is not 1
        self.turnovers = 0  # how many times the young generation was retired

    def __len__(self) -> int:
        return len(self._young) + len(self._old)

    def __eq__(self, other: object) -> bool:
        """Alike when they hold alike entries alike (an index equals its cached copy)."""
        if not isinstance(other, Memo):
            return NotImplemented
        return (self.limit, self._young, self._old) == (other.limit, other._young, other._old)

    __hash__ = None  # type: ignore[assignment]  # mutable

    def get(self, key: Key) -> Value | None:
        """The remembered value, or None; an old entry becomes young again."""
        value = self._young.get(key)
        if value is None and self._old:
            value = self._old.pop(key, None)
            if value is not None:
                self.put(key, value, self._sizes.pop(key, 1))
        return value

    def put(self, key: Key, value: Value, size: int = 1) -> None:
        """Remember ``value`` for ``key``; ``size``: what it holds, in the memo's units."""
        if self._young_size + size > self.limit and self._young:
            self._retire_young()
        self._young[key] = value
        self._young_size += size
        if size != 1:
            self._sizes[key] = size

    def clear(self) -> None:
        self._young.clear()
        self._old.clear()
        self._sizes.clear()
        self._young_size = 0

    def _retire_young(self) -> None:
        if self._sizes:
            young = self._young
            self._sizes = {key: size for key, size in self._sizes.items() if key in young}
        self._old = self._young
        self._young = {}
        self._young_size = 0
        self.turnovers += 1
