"""A small reviewed glossary of the common words of company names.

Lists often carry a Russian, Ukrainian or Belarusian company only under its English
translation (``Institut Prikladnoy Fiziki`` = ``Institute of Applied Physics``). Each
concept of ``screening/data/glossary.tsv`` is a set of word stems, romanised, in those
languages and English. A word belongs to a concept when its key starts with one of the
stem keys (Russian adjectives inflect: ``prikladnoy``, ``prikladnaya``, ``prikladnogo``).
The glossary holds generic vocabulary only, never a particular company's name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from screening.data import GLOSSARY_CONCEPTS, SLAVIC_ADJECTIVE_ENDINGS
from screening.memory import MEMORY
from screening.translit import ascii_fold, token_key

MAX_ENDING: Final = 5  # letters an inflected or derived form may add to its stem
MAX_SHORT_ENDING: Final = 2  # the same for stems of four letters
MIN_OPEN_STEM: Final = 4  # shorter stems (``tekh``, ``sea``, ``hub``) match only whole words
# A stem written with a final dot matches the whole word only, however long: ``melli.``
# (Persian national) must not take in ``Melissa``, nor ``lashkar.`` the surname ``Lashkari``.
WHOLE_WORD_MARK: Final = "."
_TS_KEY: Final = token_key("ts")  # how ``ts`` reads in a word key (``c``)
# ``tekhnolog-icheskaya``, ``metallurg-icheskiy``: the adjective suffix, in key space.
_DERIVED_ADJECTIVE: Final = ("iCesk", "Cesk")

# Concept -> word stems, from screening/data/glossary.tsv.
_CONCEPTS: Final[dict[str, tuple[str, ...]]] = GLOSSARY_CONCEPTS


def _stem_table() -> dict[str, list[tuple[str, str, bool]]]:
    """Stems by their first three key letters, so a lookup checks only a few: (stem key,
    concept, whether it matches the whole word only)."""
    table: dict[str, list[tuple[str, str, bool]]] = {}
    for concept, stems in _CONCEPTS.items():
        for stem in stems:
            key = token_key(ascii_fold(stem))
            whole = stem.endswith(WHOLE_WORD_MARK) or len(key) < MIN_OPEN_STEM
            table.setdefault(key[:3], []).append((key, concept, whole))
    for entries in table.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return table


_STEMS: Final = _stem_table()


@lru_cache(maxsize=MEMORY.word_forms)
def concept_of(key: str) -> str | None:
    """The glossary concept a word key belongs to, if any (longest stem wins).

    An adjective made with ``-icheskiy`` is looked up by what precedes the suffix:
    the suffix and its case ending are longer than an inflection. An English plural in
    ``-ts`` (``instruments``, ``settlements``) is looked up as its singular: word keys
    write ``ts`` as one letter (``instrumenc``), which no stem in ``-t`` starts."""
    found = _concept_by_stem(key)
    if found is None and key.endswith(_TS_KEY) and len(key) > MIN_OPEN_STEM:
        found = _concept_by_stem(key[: -len(_TS_KEY)] + "t")
    if found is None:
        for suffix in _DERIVED_ADJECTIVE:
            at = key.find(suffix, MIN_OPEN_STEM)
            if at > 0:
                return _concept_by_stem(key[:at])
    return found


# Concepts that tell one company from another of the same name (where it is, which one):
# ``Severnyy Spetssbyt`` and ``Novyy Beltreyd`` are other companies than ``Spetssbyt`` and
# ``Beltreyd``. The other concepts say what a company does or how it is organised.
QUALIFIER_CONCEPTS: Final = frozenset(
    {
        "arctic", "belarusian", "black_sea", "central", "city", "district", "east",
        "emirate", "far_east", "first", "main", "modern", "moscow", "new", "north",
        "region", "russian", "siberia", "south", "ukrainian", "west",
    }
)  # fmt: skip


def is_descriptor(concept: str | None) -> bool:
    """Whether a word of this glossary concept describes what a company does or how it is
    organised (``Technology``, ``Group``), not which company it is."""
    return concept is not None and concept not in QUALIFIER_CONCEPTS


_CONSONANT: Final = "C"  # in an ending of slavic_adjective_endings.tsv: any consonant
_VOWELS: Final = frozenset("aeiouy")


@lru_cache(maxsize=MEMORY.word_forms)
def is_slavic_adjective(folded: str) -> bool:
    """Whether a romanised word ends as a Russian, Ukrainian or Belarusian adjective
    (``Energeticheskiy``, ``Transportna``, ``Belaruski``; not ``Mashina``), with at least
    ``MIN_STEM`` letters before the ending."""
    for ending in SLAVIC_ADJECTIVE_ENDINGS:
        letters = ending.removeprefix(_CONSONANT)
        if not folded.endswith(letters):
            continue
        stem = len(folded) - len(letters)
        if letters != ending and (stem < 1 or folded[stem - 1] in _VOWELS):
            continue
        if stem >= MIN_STEM:
            return True
    return False


def pair_concept(first: str, second: str) -> str | None:
    """The concept two adjacent words make together (``zheleznye dorogi`` = railways).

    None when the pair reads as the first word's own concept with the second taken for
    an ending: ``consulting grup`` is consulting and a group, not one concept."""
    concept = concept_of(first + second)
    if concept is None or concept == concept_of(first):
        return None
    return concept


def _concept_by_stem(key: str) -> str | None:
    for stem, concept, whole in _STEMS.get(key[:3], ()):
        if whole:
            allowed = 0
        elif len(stem) == MIN_OPEN_STEM:
            allowed = MAX_SHORT_ENDING
        else:
            allowed = MAX_ENDING
        if key.startswith(stem) and len(key) - len(stem) <= allowed:
            return concept
    return None


# Russian adjective endings, as they read in key space (-skiy, -skaya, -skoye, -skogo...).
_ADJECTIVE_ENDINGS: Final = ("skogo", "skoe", "skoi", "skih", "skim", "ske", "ski", "ska", "sk")
MIN_STEM: Final = 4


@lru_cache(maxsize=MEMORY.word_forms)
def word_stem(key: str) -> str | None:
    """The stem a place name shares with its adjective: ``Cheboksarskiy`` and
    ``Cheboksary``, ``Sevastopolskiy`` and ``Sevastopol``, ``Permskiy`` and ``Perm``.

    Company names turn a place into an adjective in Russian and keep the noun in
    English translation. None when too little of the word would remain."""
    stem = key
    for ending in _ADJECTIVE_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= MIN_STEM:
            stem = key[: -len(ending)]
            break
    if stem[-1:] in ("a", "e", "i", "o", "u"):
        stem = stem[:-1]
    return stem if len(stem) >= MIN_STEM else None


def is_place_adjective(key: str) -> bool:
    """Whether a word key reads as a Russian adjective in ``-sk-``: a stem shared with
    a plain word counts only when one of the two is such an adjective (``Hamadi`` and
    ``Hamad`` are two names, not a place and its adjective)."""
    return key.endswith(_ADJECTIVE_ENDINGS) and any(  # the first test, in C, settles most
        key.endswith(ending) and len(key) - len(ending) >= MIN_STEM for ending in _ADJECTIVE_ENDINGS
    )


MIN_SYLLABLE: Final = 3  # letters of each word a syllable acronym keeps (``gaz``, ``prom``)
MAX_SYLLABLE: Final = 6  # ... at most (``energo``)


def syllable_acronym(word: str, first: tuple[str, str], second: tuple[str, str]) -> str | None:
    """How a word is a Soviet-style syllable acronym of two words, as ``gaz+prom``.

    ``Gazprom`` is ``Gazovaya promyshlennost``, ``Rosneft`` ``Rossiyskaya neft``, ``Minfin``
    ``Ministerstvo finansov``: the first letters of each word, written together. Only of
    words of the glossary, the vocabulary such acronyms are made of, so that two names
    (``Petr Rovenko``) never make a surname (``Petrov``). ``first`` and ``second`` are
    each a word's folded spelling and key; None when the word is not their acronym."""
    (first_folded, first_key), (second_folded, second_key) = first, second
    if len(word) < 2 * MIN_SYLLABLE or word[:MIN_SYLLABLE] != first_folded[:MIN_SYLLABLE]:
        return None
    for cut in range(MIN_SYLLABLE, min(len(first_folded), len(word) - MIN_SYLLABLE) + 1):
        head, tail = word[:cut], word[cut:]
        if len(head) > MAX_SYLLABLE or len(tail) > MAX_SYLLABLE:
            continue
        if first_folded.startswith(head) and second_folded.startswith(tail):
            if head == first_folded and tail == second_folded:
                return None  # the two words written together: a compound, not an acronym
            if concept_of(first_key) is None or concept_of(second_key) is None:
                return None
            return f"syllable acronym {head}+{tail}"
    return None


def _syllables_by_concept() -> dict[str, frozenset[str]]:
    """Every opening of ``MIN_SYLLABLE`` to ``MAX_SYLLABLE`` letters of the stems of each
    concept, in every language of the glossary (``spe``... ``spetsi`` of ``spetsialn``,
    ``spec``... of ``special``): the syllables an acronym of the concept's word keeps."""
    found: dict[str, set[str]] = {}
    for concept, stems in _CONCEPTS.items():
        for stem in stems:
            folded = ascii_fold(stem.removesuffix(WHOLE_WORD_MARK))
            found.setdefault(concept, set()).update(
                folded[:n] for n in range(MIN_SYLLABLE, min(MAX_SYLLABLE, len(folded)) + 1)
            )
    return {concept: frozenset(openings) for concept, openings in found.items()}


_SYLLABLES: Final = _syllables_by_concept()


def translated_acronym(word: str, first: str, second: str) -> str | None:
    """How a word is a syllable acronym of two glossary concepts in another language
    (rule ``translated_acronym``): ``Spetsstal`` is ``spets`` of ``spetsialnaya`` and
    ``stal`` of ``stal``, which are ``Special Steel`` in English, as ``Vneshtorg`` is
    foreign trade. ``word`` is folded, ``first`` and ``second`` the concepts of two words
    in a row; None when no cut of the word gives a syllable of each."""
    if len(word) < 2 * MIN_SYLLABLE:
        return None
    first_syllables, second_syllables = _SYLLABLES[first], _SYLLABLES[second]
    if word[:MIN_SYLLABLE] not in first_syllables:
        return None  # most words: no syllable of the first concept opens them
    for cut in range(MIN_SYLLABLE, min(MAX_SYLLABLE, len(word) - MIN_SYLLABLE) + 1):
        head, tail = word[:cut], word[cut:]
        if head in first_syllables and tail in second_syllables:
            return f"translated syllable acronym {head}+{tail} ({first} {second})"
    return None


def acronym_spellings(first: tuple[str, str], second: tuple[str, str]) -> list[str]:
    """Every syllable acronym two words could make (``gazpro``, ``gazprom``...), for
    retrieval; empty unless both are words of the glossary. ``first`` and ``second``
    are each a word's folded spelling and key."""
    (first_folded, first_key), (second_folded, second_key) = first, second
    if concept_of(first_key) is None or concept_of(second_key) is None:
        return []
    heads = [first_folded[:n] for n in range(MIN_SYLLABLE, MAX_SYLLABLE + 1)]
    tails = [second_folded[:n] for n in range(MIN_SYLLABLE, MAX_SYLLABLE + 1)]
    spellings = {head + tail for head in heads for tail in tails}
    spellings.discard(first_folded + second_folded)
    return sorted(spellings)
