"""The data model: what a list entry is, what a query is, and what a hit says.

These are pydantic models so that every result can be dumped to JSON exactly as
it was produced, and read back by an auditor.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from screening.evasion import Kind as NormalisationKind

Schema = Literal["Person", "Organization", "Vessel", "Aircraft", "LegalEntity"]
SCHEMAS: tuple[str, ...] = ("Person", "Organization", "Vessel", "Aircraft", "LegalEntity")


class Identifier(BaseModel):
    """An identifying number from a listing (passport, tax number, IMO, BIC...)."""

    model_config = ConfigDict(frozen=True)

    type: str
    value: str
    country: str | None = None


class Entity(BaseModel):
    """One designated party as a list publishes it.

    ``names[0]`` is the primary name; the rest are strong aliases. ``weak_names``
    (OFAC's weak a.k.a.'s) never alert on their own.
    """

    model_config = ConfigDict(extra="ignore", populate_by_name=True, serialize_by_alias=True)

    id: str
    schema_: Schema = Field(default="LegalEntity", alias="schema")
    names: list[str]
    weak_names: list[str] = Field(default_factory=list)
    birth_dates: list[str] = Field(default_factory=list)
    birth_places: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    programs: list[str] = Field(default_factory=list)
    identifiers: list[Identifier] = Field(default_factory=list)
    remarks: str | None = None
    source: str | None = None


def printable_name(text: str) -> str:
    """A name taken from a file name, with bytes that are not UTF-8 shown as ``\\xff``:
    a lone surrogate could not be written as JSON."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


class ListSnapshot(BaseModel):
    """Which list file a result was made with, so the decision can be reproduced."""

    model_config = ConfigDict(frozen=True)

    source: str
    path: str
    sha256: str
    entities: int
    published: str | None = None
    # Integrity signals the publisher puts in every complete file that this one lacks
    # (an end-of-file byte, a stated record count): only ever non-empty when the user
    # allowed partial lists (``--allow-partial``), so every result shows it.
    incomplete: tuple[str, ...] = ()

    @field_validator("source", "path")
    @classmethod
    def _printable(cls, value: str) -> str:
        return printable_name(value)


RuleName = Literal[
    "exact",
    "transliteration",
    "typo",
    "initial",
    "compound",
    "glossary",
    "acronym",
    "given_name",
    "stem",
    "gender_variant",
    "compound_name_half",
    "initial_out_of_place",
    "legal_form",
    "identifier",
    "title",
    "unmatched",
]
# The rules that void a near word (a typo or a variant by rule) so that it does not count:
# an explanation names the one that left a query word unmatched beside a near list word.
VoidRule = Literal[
    "other_opening_consonant",
    "other_given_name",
    "read_not_spelt",
    "title_not_a_name",
    "other_japanese_word",
    "other_known_word",
    "patronymic_not_name",
    "kinship_not_a_name",
]


class TokenMatch(BaseModel):
    """How one query token lined up with one token of the matched list name."""

    model_config = ConfigDict(frozen=True)

    query_token: str
    list_token: str | None
    query_key: str
    list_key: str | None
    similarity: float
    rule: RuleName
    detail: str = ""
    role: str = "word"
    # For an unmatched word beside a near list word: the rule by which that word did not
    # count (``detail`` names the word and what it would have been).
    voided_by: VoidRule | None = None


class EvidenceCheck(BaseModel):
    """A piece of secondary evidence (birth date, country) and what it did to the score."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["birth_date", "country", "schema", "identifier", "other_names"]
    query_value: str
    list_values: list[str]
    outcome: Literal["match", "partial", "different", "unknown"]
    score_change: float


class Normalisation(BaseModel):
    """One kind of cleaning a query's name needed before it matched: invisible characters,
    look-alike letters, letters spaced out, digits for letters... Each is a sign that the
    name was written to evade screening (see ``screening.evasion``)."""

    model_config = ConfigDict(frozen=True)

    kind: NormalisationKind
    count: int
    detail: str


class Explanation(BaseModel):
    """Why a hit scored what it scored: token alignment, penalties and evidence, and how
    the query's name was read to find it (``normalisation``)."""

    model_config = ConfigDict(frozen=True)

    name_score: float
    tokens: list[TokenMatch]
    penalties: list[str] = Field(default_factory=list)
    evidence: list[EvidenceCheck] = Field(default_factory=list)
    normalisation: list[Normalisation] = Field(default_factory=list)


Disposition = Literal["false_positive", "true_match", "escalated"]
LapseReason = Literal["listing_changed", "customer_changed", "expired", "score_rose"]


class HitReview(BaseModel):
    """An analyst's earlier decision on this customer and list entry, and whether it holds.

    ``suppressed``: a still-valid false-positive decision covers the hit, which is kept
    in the output but is not an alert. ``lapsed``: why the decision no longer covers it.
    """

    model_config = ConfigDict(frozen=True)

    decision_id: int
    disposition: Disposition
    decided_by: str
    decided_at: str
    suppressed: bool
    lapsed: LapseReason | None = None


class Hit(BaseModel):
    """One list entry the query matched, with the name that matched and why."""

    entity_id: str
    source: str | None

    @field_validator("source")
    @classmethod
    def _printable(cls, value: str | None) -> str | None:
        return None if value is None else printable_name(value)
    schema_: str = Field(alias="schema")
    listed_name: str
    matched_name: str
    weak_alias: bool = False
    programs: list[str] = Field(default_factory=list)
    score: float
    explanation: Explanation
    review: HitReview | None = None  # set only where decisions were applied

    model_config = ConfigDict(frozen=True, populate_by_name=True, serialize_by_alias=True)

    @property
    def suppressed(self) -> bool:
        return self.review is not None and self.review.suppressed


class Query(BaseModel):
    """A name and/or identifiers to screen, with optional evidence.

    Made by the screener from what was given: ``birth_date`` in ISO form (``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``) and ``country`` as a lower-case ISO 3166-1 alpha-2
    code; a value that could not be read is left out, and the result's ``warnings``
    say so.
    """

    name: str = ""
    schema_: Schema | None = Field(default=None, alias="schema")
    birth_date: str | None = None
    country: str | None = None
    identifiers: list[Identifier] = Field(default_factory=list)

    model_config = ConfigDict(frozen=True, populate_by_name=True, serialize_by_alias=True)


class ScreeningResult(BaseModel):
    """The answer to one query, with everything needed to reproduce it.

    ``warnings`` name what of the input was not used: a birth date or country that could
    not be read counts as unknown evidence (no score change), never as a mismatch.
    Immutable once made, like every model of a result.
    """

    model_config = ConfigDict(frozen=True)

    query: Query
    hits: list[Hit]
    threshold: float
    engine_version: str
    settings_hash: str
    lists: list[ListSnapshot]
    # What the engine could not use, said rather than silently dropped: evidence it
    # could not read, an identifier whose check digits fail (never matched).
    warnings: list[str] = Field(default_factory=list)
    # What cleaning the name needed (empty for a name written plainly): the tricks undone
    # for matching, and the guessed readings that gave a hit.
    normalisation: list[Normalisation] = Field(default_factory=list)

    @property
    def is_hit(self) -> bool:
        return bool(self.hits)

    @property
    def alerts(self) -> list[Hit]:
        """The hits that need review: those no analyst decision suppresses."""
        return [hit for hit in self.hits if not hit.suppressed]
