"""The data model: what a list entry is, what a query is, and what a hit says.

These are pydantic models so that every result can be dumped to JSON exactly as
it was produced, and read back by an auditor.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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

    model_config = ConfigDict(extra="ignore", populate_by_name=True)

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


class ListSnapshot(BaseModel):
    """Which list file a result was made with, so the decision can be reproduced."""

    model_config = ConfigDict(frozen=True)

    source: str
    path: str
    sha256: str
    entities: int
    published: str | None = None


RuleName = Literal[
    "exact",
    "transliteration",
    "typo",
    "initial",
    "compound",
    "glossary",
    "given_name",
    "stem",
    "gender_variant",
    "legal_form",
    "unmatched",
]


class TokenMatch(BaseModel):
    """How one query token lined up with one token of the matched list name."""

    query_token: str
    list_token: str | None
    query_key: str
    list_key: str | None
    similarity: float
    rule: RuleName
    detail: str = ""
    role: str = "word"


class EvidenceCheck(BaseModel):
    """A piece of secondary evidence (birth date, country) and what it did to the score."""

    kind: Literal["birth_date", "country", "schema"]
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

    name_score: float
    tokens: list[TokenMatch]
    penalties: list[str] = Field(default_factory=list)
    evidence: list[EvidenceCheck] = Field(default_factory=list)
    normalisation: list[Normalisation] = Field(default_factory=list)


class Hit(BaseModel):
    """One list entry the query matched, with the name that matched and why."""

    entity_id: str
    source: str | None
    schema_: str = Field(alias="schema")
    listed_name: str
    matched_name: str
    weak_alias: bool = False
    programs: list[str] = Field(default_factory=list)
    score: float
    explanation: Explanation

    model_config = ConfigDict(populate_by_name=True)


class Query(BaseModel):
    """A name to screen, with optional evidence."""

    name: str
    schema_: Schema | None = Field(default=None, alias="schema")
    birth_date: str | None = None
    country: str | None = None

    model_config = ConfigDict(populate_by_name=True)


class ScreeningResult(BaseModel):
    """The answer to one query, with everything needed to reproduce it."""

    query: Query
    hits: list[Hit]
    threshold: float
    engine_version: str
    settings_hash: str
    lists: list[ListSnapshot]
    # What cleaning the name needed (empty for a name written plainly): the tricks undone
    # for matching, and the guessed readings that gave a hit.
    normalisation: list[Normalisation] = Field(default_factory=list)

    @property
    def is_hit(self) -> bool:
        return bool(self.hits)
