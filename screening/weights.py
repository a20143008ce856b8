"""Every tunable number of matching, in one frozen object held by ``Settings``.

Scoring and the retrieval estimate read the same fields, so the two cannot drift
apart, and ``Settings.settings_hash`` covers them all: two runs with different
weights never record the same stamp.

Numbers that decide what a word *is* stay beside their rules in the text modules:
the stem and ending lengths of ``glossary`` (``MIN_STEM``, ``MAX_ENDING``...), the
fuzzy recognition of a legal form in ``legal_forms`` (``FUZZY_LEGAL_SIMILARITY``...)
and the shortest father's name of a patronymic in ``given_names``. They are read
while a name is parsed, by cached pure functions shared by every screener of the
process and by the index built from the lists, so a per-settings value would need a
parse cache and an index per value. They are part of the engine's code, and the
engine stamp (``screening.version``) pins them as it pins the code.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from screening.names import ARABIC, EAST_ASIAN, HEBREW, JAPANESE, Role


class IdentifierWeights(BaseModel):
    """What an identifier (IMO, LEI, tax number, wallet...) does to a hit; which types are
    strong or weak is a rule of each type, in ``screening/data/identifier_types.tsv``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    strong_match: float = Field(
        1.0, description="least score of a hit whose strong identifier equals the query's"
    )
    strong_match_gain: float = Field(
        0.05, description="added to the name's score when a strong identifier also matches"
    )
    strong_different: float = Field(
        -0.15, description="a different value of a one-per-holder strong type: another holder"
    )
    weak_match: float = Field(
        0.05, description="a weak identifier (passport, national id) equal: evidence only"
    )


class ScoringWeights(BaseModel):
    """Similarities per rule, token weights, discounts, evidence amounts and the
    thresholds of retrieval. Frozen: a screener's weights never change under it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # Similarity of two tokens, by the rule that matched them (precedence in
    # ``screening.scoring.tokens``).
    exact: float = Field(1.0, description="the same word, folded")
    transliteration: float = Field(0.97, description="one word in two romanisations")
    compound: float = Field(0.95, description="two words written as one (Gazprom Neft)")
    initial: float = Field(0.8, description="an initial against a word it may stand for")
    gender_variant: float = Field(0.6, description="Ivanov/Ivanova: a relative, not the person")
    given_name: float = Field(0.9, description="one given name in another language's form")
    stem: float = Field(0.9, description="a place and its adjective (Perm, Permskiy)")
    glossary: float = Field(0.9, description="one concept in two languages (bank, bankas)")
    acronym: float = Field(
        0.85, description="an organisation's acronym against the words it is made of (FCI)"
    )
    max_acronym_names: int = Field(
        20, description="most list names an acronym is held by: a commoner word is a word"
    )
    arabic_variant: float = Field(
        0.93, description="two romanisations of an Arabic, Persian or Urdu word (q/gh, dh/z)"
    )
    east_asian_variant: float = Field(
        0.93, description="two romanisations of a Korean or Chinese syllable or family name"
    )
    japanese_variant: float = Field(
        0.95,
        description="two romanisations of a Japanese word (Hepburn/Kunrei-shiki, long vowels)",
    )
    hebrew_variant: float = Field(
        0.93, description="a word in Hebrew script and its romanisation, vowels left open"
    )
    max_origin_length_gap: int = Field(
        5, description="longest length gap of two Latin words the origin rules still compare"
    )

    # Typos.
    min_typo_length: int = Field(3, description="shorter words only match by a rule, not a typo")
    min_fuzzy_similarity: float = Field(
        0.66, description="least OSA similarity of a typo: one edit in three letters, two in six"
    )
    loose_typo_similarity: float = Field(
        0.7, description="below this similarity a typo may change few letters only"
    )
    max_loose_typo_edits: int = Field(2, description="edits allowed below loose_typo_similarity")
    min_known_word_similarity: float = Field(
        0.7, description="least similarity of a typo whose query word is itself a list word"
    )
    max_known_word_typo_edits: int = Field(
        1, description="most edits of a typo whose query word is itself a list word"
    )
    known_word_typo_factor: float = Field(
        0.8, description="discount of a typo whose query word is itself a list word (Hamid/Hamad)"
    )

    # Token weights (inverse document frequency, bounded).
    max_weight: float = Field(9.0, description="weight of the rarest (or an unseen) word")
    min_weight: float = Field(0.8, description="weight of the commonest word, and of an initial")
    particle_factor: float = Field(
        0.2, description="share of its weight a particle (bin, van) keeps"
    )
    legal_weight: float = Field(0.5, description="weight of a legal form word (LLC, OOO)")
    title_weight: float = Field(
        0.0,
        description="weight of a person's title (Mr, Sheikh, Mullah): it names a rank, not "
        "the person, and lists mostly leave titles out, some keep them",
    )

    # Unmatched parts of a name: the share of their weight that counts against the match.
    unmatched_list_patronymic: float = Field(
        0.25, description="a listed patronymic the query lacks: people leave them out"
    )
    unmatched_list_initial: float = Field(0.2, description="a listed initial the query lacks")
    unmatched_list_legal: float = Field(0.0, description="a listed legal form the query lacks")
    unmatched_query_patronymic: float = Field(
        0.5, description="a query patronymic when the listed name records none"
    )
    unmatched_query_initial: float = Field(0.3, description="a query initial left unmatched")
    unmatched_generic_word: float = Field(
        0.5, description="an organisation's generic word (Technology, Group) the other lacks"
    )
    middle_name_factor: float = Field(
        0.5, description="a person's listed middle name the query lacks"
    )

    # The name score.
    legal_form_mismatch: float = Field(
        0.05, description="taken off when both names have legal forms of different classes"
    )
    legal_form_match: float = Field(
        0.02,
        description="added when both names have legal forms of one class: it corroborates, "
        "as a listed country does (country_match)",
    )
    family_name_mismatch_factor: float = Field(
        0.5,
        description="kept of a Korean or Chinese name's score when the family names differ",
    )
    other_given_name_factor: float = Field(
        0.9,
        description="kept of a person's score when each name has a given name the other lacks, "
        "both of the given-name tables and of two groups (Tariq and Ali): another person",
    )
    initials_only_factor: float = Field(
        0.5, description="kept of a score where only initials match: letters identify nobody"
    )
    other_names_share: float = Field(
        0.5,
        description="share of the rest of the scale earned by query words that only an "
        "entity's other names match (``scoring.corroboration``)",
    )
    weak_alias_factor: float = Field(
        0.75, description="kept of a weak alias's score: it supports, never alerts alone"
    )
    name_share: float = Field(
        0.95, description="share of the scale for the name; the rest is for secondary evidence"
    )

    # Secondary evidence: added to (or taken off) the final score.
    birth_date_match: float = Field(0.05, description="the same birth date")
    birth_year_match: float = Field(0.03, description="the same birth year or month only")
    birth_date_different: float = Field(-0.10, description="a different birth date")
    country_match: float = Field(0.02, description="a listed country equals the query's")
    country_different: float = Field(-0.03, description="the listed countries exclude the query's")
    schema_different: float = Field(-0.15, description="a person against a company or the reverse")
    identifiers: IdentifierWeights = Field(
        default_factory=IdentifierWeights, description="what identifiers do to a hit"
    )

    # Retrieval and its estimate.
    min_fuzzy_key: int = Field(4, description="shorter keys are looked up exactly in retrieval")
    min_two_edit_key: int = Field(
        6, description="an unseen word this long is also looked up within two edits"
    )
    spelling_typo_estimate: float = Field(
        0.85, description="estimate of a word matched only once a letter of its spelling goes"
    )
    retrieval_skip_share: float = Field(
        0.25,
        description="the lightest query words below this share of its weight are not looked up",
    )
    skippable_weight: float = Field(
        5.5, description="a word heavier than this (about 1 name in 250) is always looked up"
    )
    good_estimate: float = Field(
        0.65, description="share of the threshold an estimate must reach to be scored in full"
    )
    fair_estimate: float = Field(
        0.58, description="the same for the leading candidates (see leading_candidates)"
    )
    leading_candidates: int = Field(
        4, ge=0, description="how many leading candidates need a fair estimate only"
    )
    names_per_entity: int = Field(
        2,
        ge=1,
        description="retrieved names of one entity counted among the candidates: an "
        "entity's other names are scored when it may be reported (completion_margin)",
    )
    completion_margin: float = Field(
        0.1, description="entities this far below the threshold get all their names scored"
    )

    @property
    def max_evidence_gain(self) -> float:
        """The most secondary evidence can add: a matching birth date and country."""
        return self.birth_date_match + self.country_match

    def origin_variant_estimate(self, origins: frozenset[str]) -> float:
        """The retrieval estimate of a word met by the romanisation rules of these name
        origins: the most scoring gives a variant of any of them."""
        variants = (
            (ARABIC, self.arabic_variant),
            (EAST_ASIAN, self.east_asian_variant),
            (JAPANESE, self.japanese_variant),
            (HEBREW, self.hebrew_variant),
        )
        return max((value for origin, value in variants if origin in origins), default=0.0)

    def unmatched_list_factor(self, role: Role) -> float:
        """The share of its weight an unmatched listed token of this role counts."""
        if role is Role.PATRONYMIC:
            return self.unmatched_list_patronymic
        if role is Role.INITIAL:
            return self.unmatched_list_initial
        if role is Role.LEGAL:
            return self.unmatched_list_legal
        return 1.0


DEFAULT_WEIGHTS = ScoringWeights()
