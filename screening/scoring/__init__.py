"""Scoring: how alike two names are, and the ranked, explained hits of a query.

One module per job: ``tokens`` (two words and the rule that matches them),
``alignment`` (which words pair up, and the name score), ``evidence`` (birth date,
country, schema), ``ranking`` (which names are scored, which entities are reported)
and ``explain`` (the structured explanation of a hit). Every number they use is a
field of ``screening.weights.ScoringWeights``.
"""

from screening.scoring.ranking import rank_hits
from screening.scoring.tokens import Similarity, compare_tokens

__all__ = ["Similarity", "compare_tokens", "rank_hits"]
