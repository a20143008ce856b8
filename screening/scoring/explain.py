"""The explanation of a hit: a row per query token, then the legal forms, then the
penalties and evidence, as the typed models of ``screening.model``."""

from __future__ import annotations

from typing import NamedTuple, NotRequired, TypedDict

from screening.index import NameIndex
from screening.legal_forms import ocr_read_words
from screening.model import EvidenceCheck, Hit, RuleName, VoidRule
from screening.names import ParsedName, Role, is_title
from screening.scoring.alignment import NameScore, known_word_void
from screening.scoring.identifiers import IdentifierOutcome
from screening.scoring.tokens import (
    SCORE_DIGITS,
    VOID_REASONS,
    VoidedMatch,
    compare_tokens,
    voided_match,
)


class TokenRow(TypedDict):
    """A row of the explanation as plain data (``screening.model.TokenMatch`` validates it)."""

    query_token: str
    list_token: str | None
    query_key: str
    list_key: str | None
    similarity: float
    rule: RuleName
    detail: NotRequired[str]
    role: str
    voided_by: NotRequired[VoidRule]


class BestName(NamedTuple):
    """An entity's best-scoring name so far."""

    value: float  # the name score, a weak alias's discounted
    number: int  # the name's number in the index
    result: NameScore


def make_hit(
    index: NameIndex,
    query: ParsedName,
    entity_number: int,
    best: BestName | None,
    final: float,
    checks: list[EvidenceCheck],
    identifier_rows: list[TokenRow],
) -> Hit:
    """The hit with its explanation: a row per query token, then the legal forms, then
    the identifiers that matched. ``best`` is None for an entity found by identifier
    alone, with no name in the query.

    Built as plain data and validated once by pydantic's core, which is several
    times faster than constructing each nested model in Python."""
    entity = index.entities[entity_number]
    tokens: list[TokenRow] = []
    penalties: list[str] = []
    name_score = 0.0
    matched_name = entity.names[0] if entity.names else entity.id
    weak = False
    if best is not None:
        indexed = index.names[best.number]
        listed = indexed.parsed
        tokens = _word_rows(index, query, listed, best.result) + _legal_form_rows(
            query, listed, best.result
        )
        penalties = list(best.result.penalties)
        if indexed.weak:
            penalties.append("matched a weak alias only: it supports, but never alerts on its own")
        name_score = round(best.result.score, SCORE_DIGITS)
        matched_name = indexed.text
        weak = indexed.weak
    return Hit.model_validate(
        {
            "entity_id": entity.id,
            "source": entity.source,
            "schema": entity.schema_,
            "listed_name": entity.names[0] if entity.names else matched_name,
            "matched_name": matched_name,
            "weak_alias": weak,
            "programs": entity.programs,
            "score": final,
            "explanation": {
                "name_score": name_score,
                "tokens": tokens + identifier_rows,
                "penalties": penalties,
                "evidence": checks,
            },
        }
    )


def identifier_rows(outcomes: list[IdentifierOutcome]) -> list[TokenRow]:
    """A row (rule ``identifier``) per query identifier that matched a listed one."""
    return [
        {
            "query_token": item.query.label,
            "list_token": item.matched.label,
            "query_key": item.query.value,
            "list_key": item.matched.value,
            "similarity": 1.0,
            "rule": "identifier",
            "detail": (
                f"{item.query.group}: alerts on its own"
                if item.strong
                else f"{item.query.group}: evidence only, never an alert alone"
            ),
            "role": "identifier",
        }
        for item in outcomes
        if item.matched is not None
    ]


def _word_rows(
    index: NameIndex, query: ParsedName, listed: ParsedName, result: NameScore
) -> list[TokenRow]:
    """A row per query word: what it matched and by which rule, or that it did not (and,
    beside a near list word, the rule by which that word did not count)."""
    tokens: list[TokenRow] = []
    by_query = {pair.query[0]: pair for pair in result.pairs}
    covered = {i for pair in result.pairs for i in pair.query}
    unpaired = [j for j in listed.words if all(j not in pair.listed for pair in result.pairs)]
    for i, token in enumerate(query.tokens):
        pair = by_query.get(i)
        if token.role is Role.LEGAL or (pair is None and i in covered):
            continue
        if pair is None:
            row: TokenRow = {
                "query_token": token.text,
                "list_token": None,
                "query_key": token.key,
                "list_key": None,
                "similarity": 0.0,
                "rule": "unmatched",
                "role": token.role.value,
            }
            voided = None if is_title(token) else _near_word(index, query, listed, i, unpaired)
            if is_title(token):
                row["rule"] = "title"
                row["detail"] = "a title, not the person's name: weighs as a particle"
            elif voided is not None:
                word, void = voided
                near = (
                    f"{void.near.rule}, {void.near.detail}" if void.near.detail else void.near.rule
                )
                row["voided_by"] = void.rule
                row["detail"] = f"near {word} ({near}) does not count: {VOID_REASONS[void.rule]}"
            tokens.append(row)
            continue
        tokens.append(
            {
                "query_token": " ".join(query.tokens[k].text for k in pair.query),
                "list_token": " ".join(listed.tokens[k].text for k in pair.listed),
                "query_key": "".join(query.tokens[k].key for k in pair.query),
                "list_key": "".join(listed.tokens[k].key for k in pair.listed),
                "similarity": round(pair.similarity.value, SCORE_DIGITS),
                "rule": pair.similarity.rule,
                "detail": pair.similarity.detail,
                "role": token.role.value,
            }
        )
    return tokens


def _near_word(
    index: NameIndex, query: ParsedName, listed: ParsedName, i: int, unpaired: list[int]
) -> tuple[str, VoidedMatch] | None:
    """The unpaired list word nearest to query word ``i`` that a voiding rule kept from
    counting (``voided_match``; for a query word that is itself a word of the lists, the
    stricter bounds of ``known_word_void``), with that rule; None if there is none."""
    token = query.tokens[i]
    origins = query.origins | listed.origins
    known = token.key in index.postings
    best: tuple[str, VoidedMatch] | None = None
    for j in unpaired:
        other = listed.tokens[j]
        void = voided_match(token, other, index.weights, origins)
        if void is None and known:
            found = compare_tokens(token, other, index.weights, origins)
            rule = known_word_void(found, token, other, index.weights)
            if found.rule == "typo" and rule is not None:
                void = VoidedMatch(rule, found)
        if void is not None and (best is None or void.near.value > best[1].near.value):
            best = (other.text, void)
    return best


def _legal_form_rows(query: ParsedName, listed: ParsedName, result: NameScore) -> list[TokenRow]:
    """A row per legal form of the query: whether the listed name's forms agree."""
    tokens: list[TokenRow] = []
    listed_forms = ", ".join(form.text for form in listed.legal_forms) or None
    agree = bool(result.legal_forms_agree)
    for form in query.legal_forms:
        if not listed_forms:
            detail = "listed name has no legal form (neutral)"
        else:
            detail = f"{form.text} = {listed_forms}" if agree else "legal forms differ"
        misread = ocr_read_words(form.text.split())
        if misread:
            detail += f"; ocr_confusion: {', '.join(misread)} read as a legal form"
        tokens.append(
            {
                "query_token": form.text,
                "list_token": listed_forms,
                "query_key": form.form_class or "legal form",
                "list_key": ", ".join(sorted(listed.legal_classes)) or None,
                "similarity": 1.0 if agree else 0.0,
                "rule": "legal_form",
                "detail": detail,
                "role": "legal_form",
            }
        )
    return tokens
