"""Which customers a list update can concern: the spelling keys of their names.

Monitoring re-screens an unchanged customer only when its name shares a spelling key with
a name of an added or changed entry, within the edits retrieval itself tolerates (one
deletion on either side: a substitution, insertion or deletion, or two on long words),
or a compound (``Gazpromneft`` = ``Gazprom Neft``). Everything else could not have been
retrieved as a candidate of those entries, so screening it again would change nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from screening.index import MIN_FUZZY_KEY, deletions
from screening.names import parse_name


def name_keys(name: str, schema: str | None = None) -> frozenset[str]:
    """Every spelling key of a name's words, and of adjacent words written as one."""
    parsed = parse_name(name, schema)
    keys = {key for token in parsed.tokens for key in token.keys}
    keys.update(joined for _, _, joined, _ in parsed.joined)
    return frozenset(keys)


class KeyFilter:
    """The keys of some list names, with their one-deletion variants, for fast look-ups."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.keys = set(keys)
        self.variants = set(self.keys)
        for key in self.keys:
            if len(key) >= MIN_FUZZY_KEY:
                self.variants.update(deletions(key))

    def __bool__(self) -> bool:
        return bool(self.keys)

    def may_match(self, keys: Iterable[str]) -> bool:
        """Whether a name with these keys could be a candidate of one of the list names."""
        for key in keys:
            if key in self.keys:
                return True
            if len(key) < MIN_FUZZY_KEY:
                continue
            if key in self.variants or not self.variants.isdisjoint(deletions(key)):
                return True
        return False
