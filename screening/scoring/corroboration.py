"""Other names of an entity that support the query where its best name is silent.

An entity's score is that of its best name. Lists, though, carry a person or company
under several names, and a query may join words that the list spreads over two of them:
the given name of one alias and the surname of another (``Oluwole BABESTAN`` against
``Oluwole A. OGUNGBUYI`` and ``Wole A. BABESTAN``), the acronym of one name and the words
of another. Query words that the best name leaves unmatched but another name of the
same entity matches are evidence that the entity is meant: they earn a share of the
rest of the scale, in proportion to the weight they carry in the query. Words the best
name already matched earn nothing again, so an entity listed under many spellings of
one name (``YOUNES``, ``YOUNIS``, ``YUNES``) gains nothing from the repetition.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from screening.index import IndexedName
from screening.model import EvidenceCheck
from screening.scoring.alignment import Pair
from screening.weights import ScoringWeights


class Scored(NamedTuple):
    """A name of the entity scored against the query."""

    number: int  # the name's number in the index
    pairs: Sequence[Pair]
    factor: float  # a weak alias's discount, else 1


def left_out(best_pairs: Sequence[Pair], query_weights: Sequence[float]) -> float:
    """The share of the query's weight that the best name leaves unmatched."""
    total = sum(query_weights)
    if not total:
        return 0.0
    matched = {position for pair in best_pairs for position in pair.query}
    return sum(w for p, w in enumerate(query_weights) if p not in matched) / total


def max_other_names_gain(best_value: float, left: float, weights: ScoringWeights) -> float:
    """The most the other names can add to an entity whose best name scores ``best_value``
    and leaves ``left`` of the query's weight unmatched: all of it, matched exactly."""
    return weights.name_share * weights.other_names_share * max(1.0 - best_value, 0.0) * left


def other_names_check(
    best_pairs: Sequence[Pair],
    best_value: float,
    scored: Sequence[Scored],
    query_weights: Sequence[float],
    query_words: Sequence[str],
    names: Sequence[IndexedName],
    weights: ScoringWeights,
) -> EvidenceCheck | None:
    """The evidence of the entity's other names, or None when they add no query word.

    ``scored`` holds every name of the entity; ``query_weights`` are the weights of the
    query's words, a legal form's zero."""
    matched = {position for pair in best_pairs for position in pair.query}
    extra: dict[int, tuple[float, int]] = {}  # query word: best similarity, which name
    for name in scored:
        for pair in name.pairs:
            value = pair.similarity.value * name.factor
            for position in pair.query:
                if position in matched or not query_weights[position]:
                    continue
                known = extra.get(position)
                if known is None or value > known[0]:
                    extra[position] = (value, name.number)
    total = sum(query_weights)
    if not extra or not total:
        return None
    gained = sum(value * query_weights[p] for p, (value, _) in extra.items()) / total
    return EvidenceCheck(
        kind="other_names",
        query_value=" ".join(query_words[p] for p in sorted(extra)),
        list_values=sorted({names[number].text for _, number in extra.values()}),
        outcome="match",
        score_change=max_other_names_gain(best_value, 1.0, weights) * gained,
    )
