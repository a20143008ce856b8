"""Which customers a list update can concern, judged by the spelling keys of their names.

Monitoring screens an unchanged customer again only when its name could reach a name of
an added or changed entry: when the words it shares with that name, within the edits
retrieval tolerates (one deletion on either side: a substitution, insertion or deletion,
or two on long words), as compounds (``Gazpromneft`` = ``Gazprom Neft``) or as initials,
hold a share (``ReviewSettings.monitor_share``) of the listed name's weight and of the
customer's name's, as the index weighs words (common words weigh little). A hit needs
about three quarters of both matched; a customer well below cannot score on the entry,
so screening it again would change nothing. ``tests/decisions/test_monitor.py`` and
``benchmarks/monitor.py`` check this against full screenings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from screening.index import deletions
from screening.names import Role, parse_name

if TYPE_CHECKING:
    from screening.screener import Screener

#: Words that cannot make a hit on their own: legal forms and particles.
_MINOR = frozenset({Role.LEGAL, Role.PARTICLE})
_INITIAL = "^"  # prefix of the key of an initial: its letter
_EDGE = 3  # first and last letters of a key that say which of its forms may be listed


def name_keys(name: str, schema: str | None = None) -> str:
    """A name's words as stored for monitoring: each word's spelling keys joined by ``|``
    (``^x`` for an initial ``x``), then ``i+j=key`` for adjacent words written as one."""
    parsed = parse_name(name, schema)
    parts: list[str] = []
    for token in parsed.tokens:
        if token.role is Role.INITIAL:
            parts.append(_INITIAL + token.key[:1])
        elif token.role not in _MINOR:
            parts.append("|".join(token.keys))
        else:
            parts.append("")  # keeps the word positions of the joined pairs right
    words = [part or "-" for part in parts]
    words += [f"{i}+{j}={joined}" for i, j, joined, _ in parsed.joined]
    return " ".join(words)


Slot = tuple[int, int, int]  # (listed name, first word, last word)


class DeltaFilter:
    """The names of some list entries, word by word with their share of the name's weight,
    found by key, by one-deletion variant, or by initial.

    A book is mostly customers who share nothing with the update, so the first test is
    cheap: each word's largest share, from per-key maxima, looking up only the forms of a
    key whose first and last letters some listed variant has; and a customer whose stored
    keys were judged already (a repeated name) is not judged again."""

    def __init__(self, screener: Screener, entity_ids: Iterable[str]) -> None:
        self.needed = screener.settings.review.monitor_share
        self.min_fuzzy_key = screener.settings.weights.min_fuzzy_key  # as retrieval has it
        self.exact: dict[str, list[tuple[Slot, float]]] = defaultdict(list)
        self.fuzzy: dict[str, list[tuple[Slot, float]]] = defaultdict(list)
        index = screener.index
        numbers = {entity.id: number for number, entity in enumerate(index.entities)}
        wanted = [numbers[key] for key in entity_ids if key in numbers]
        for name in (name for number in wanted for name in index.entity_names[number]):
            indexed = index.names[name]
            total = max(indexed.weight, 1e-9)
            shares = [weight / total for weight in indexed.weights]
            for i, token in enumerate(indexed.parsed.tokens):
                if token.role in _MINOR:
                    continue
                slot = (name, i, i)
                for key in token.keys:
                    self._add(key, slot, shares[i])
                if token.role is not Role.INITIAL:
                    self.exact[_INITIAL + token.key[:1]].append((slot, shares[i]))
            for i, j, joined, _ in indexed.parsed.joined:
                self._add(joined, (name, i, j), shares[i] + shares[j])
        self.size = len(self.exact)
        self._exact_best = _largest_shares(self.exact)
        self._fuzzy_best = _largest_shares(self.fuzzy)
        self._heads = {variant[:_EDGE] for variant in self.fuzzy}
        self._tails = {variant[-_EDGE:] for variant in self.fuzzy}
        self._found_by_key: dict[str, list[tuple[Slot, float]]] = {}
        self._largest_by_key: dict[str, float] = {"-": 0.0}
        self._verdicts: dict[str, bool] = {}
        self._weights: dict[str, float] = {}

    def _add(self, key: str, slot: Slot, share: float) -> None:
        self.exact[key].append((slot, share))
        if len(key) >= self.min_fuzzy_key:
            for variant in {key, *deletions(key)}:
                self.fuzzy[variant].append((slot, share))

    def __bool__(self) -> bool:
        return self.size > 0

    def _variants(self, key: str) -> list[str]:
        """The forms of a stored key looked up among the listed variants: itself and its
        one-deletion forms (none for a short key or an initial). A form that keeps the
        key's first (last) ``_EDGE`` letters can be listed only if they begin (end) a
        listed variant: most keys of a book are spared most look-ups."""
        if len(key) < self.min_fuzzy_key or key.startswith(_INITIAL):
            return []
        head = key[:_EDGE] in self._heads
        tail = key[-_EDGE:] in self._tails
        last = len(key) - _EDGE
        forms = [key] if head and tail else []
        forms.extend(
            key[:i] + key[i + 1 :]
            for i in range(len(key))
            if (head or i < _EDGE) and (tail or i >= last)
        )
        return forms

    def _largest(self, key: str) -> float:
        """The largest share among the listed words a stored key (``key`` or ``^x``)
        reaches (remembered: a book repeats its words)."""
        largest = self._largest_by_key.get(key)
        if largest is None:
            fuzzy = self._fuzzy_best
            forms = self._variants(key)
            largest = max([self._exact_best.get(key, 0.0), *(fuzzy.get(f, 0.0) for f in forms)])
            self._largest_by_key[key] = largest
        return largest

    def _found(self, key: str) -> list[tuple[Slot, float]]:
        """The listed words a stored key reaches, each with its share of its name."""
        found = self._found_by_key.get(key)
        if found is None:
            found = [] if key == "-" else list(self.exact.get(key, ()))
            for form in self._variants(key):
                found.extend(self.fuzzy.get(form, ()))
            self._found_by_key[key] = found
        return found

    def may_match(self, stored: str, weigh: Callable[[str], float]) -> bool:
        """Whether a customer's name (``name_keys``) could score on one of the listed
        names: its shared words hold the needed share of the listed name's weight, and
        of the customer's name's (``weigh``: the weight of a key)."""
        verdict = self._verdicts.get(stored)
        if verdict is None:
            verdict = self._verdicts[stored] = self._bound(stored) >= self.needed and (
                self._reaches(stored, weigh)
            )
        return verdict

    def _bound(self, stored: str) -> float:
        """At least what the best listed name gets: the sum of each word's largest share
        (a customer far below it has too little in common with any entry)."""
        bound = 0.0
        largest = self._largest
        for part in stored.split():
            key = part.split("=", 1)[1] if "=" in part else part
            bound += max([largest(form) for form in key.split("|")]) if "|" in key else largest(key)
        return bound

    def _reaches(self, stored: str, weigh: Callable[[str], float]) -> bool:
        """``may_match`` worked out name by listed name."""
        reached: list[tuple[tuple[int, ...], list[tuple[Slot, float]]]] = []
        words: list[str] = []  # the main key of each word, "" for a minor word
        for part in stored.split():
            if "=" in part:
                span, key = part.split("=", 1)
                reached.append((tuple(int(i) for i in span.split("+")), self._found(key)))
                continue
            position = len(words)
            keys = [] if part == "-" else part.split("|")
            words.append(keys[0] if keys and not keys[0].startswith(_INITIAL) else "")
            reached.extend(((position,), self._found(key)) for key in keys)
        own = [self._weight(key, weigh) if key else 0.0 for key in words]
        own_total = max(sum(own), 1e-9)
        touched = {i for positions, found in reached if found for i in positions}
        if sum(own[i] for i in touched) < self.needed * own_total:
            return False  # what it shares with all touched names together weighs too little
        listed: dict[int, dict[Slot, float]] = defaultdict(dict)
        matched: dict[int, set[int]] = defaultdict(set)
        for positions, found in reached:
            for slot, share in found:
                listed[slot[0]][slot] = share
                matched[slot[0]].update(positions)
        return any(
            sum(slots.values()) >= self.needed
            and sum(own[i] for i in matched[name]) >= self.needed * own_total
            for name, slots in listed.items()
        )

    def _weight(self, key: str, weigh: Callable[[str], float]) -> float:
        weight = self._weights.get(key)
        if weight is None:
            weight = self._weights[key] = weigh(key)
        return weight


def _largest_shares(found: dict[str, list[tuple[Slot, float]]]) -> dict[str, float]:
    """Each key's largest share among the listed words it reaches."""
    return {key: max(share for _, share in slots) for key, slots in found.items()}
