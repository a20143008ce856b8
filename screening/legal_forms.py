"""Legal forms of organisations, in any script and spelling, mapped to a few classes.

``OOO``, ``LLC``, ``TOV``, ``Limited Liability Company`` and ``Obshchestvo s
Ogranichennoy Otvetstvennostyu`` are one class; ``AO``, ``PAO``, ``JSC``, ``PJSC``
and ``Aktsionernoe Obshchestvo`` another. A legal form says little about *which*
company a name means, so it weighs little; a typo inside it
(``LIMIHED LIABILITY COMPANY``) must not make it look like a distinctive word.
The hand-kept forms (``legal_forms.tsv``, written by where and how the lists write
them) are read anywhere in a name and through a typo; the forms of Russian state
institutions (``legal_forms_state_institutions.tsv``, from the OKOPF classifier) anywhere,
as whole phrases spelt as written. The forms of the world generated
from ISO 20275 (``legal_forms_iso20275.tsv``) are read as written and only where their
jurisdictions put them, at the end of a name (``Siemens AG``, ``Kovac d.o.o.``): their
short abbreviations (``SAM``, ``SIA``) are name words elsewhere. Pure functions of word keys.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from rapidfuzz import process
from rapidfuzz.distance import OSA

from screening.data import (
    LEGAL_FORM_PHRASES,
    STATE_INSTITUTION_PHRASES,
    WORLD_LEGAL_FORM_PHRASES,
)
from screening.memory import MEMORY
from screening.translit import ascii_fold, token_key

MIN_FUZZY_LEGAL_WORD: Final = 5  # shorter legal words (ooo, llc, ao) are only recognised exactly
FUZZY_LEGAL_SIMILARITY: Final = 0.8
FUZZY_PHRASE_SIMILARITY: Final = 0.85  # a phrase of several words, compared written together
MAX_PHRASE_EDITS: Final = 2


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(token_key(ascii_fold(word)) for word in phrase.split())


def _by_keys(forms: dict[str, tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    return {
        _keys(phrase): form_class for form_class, phrases in forms.items() for phrase in phrases
    }


# Class -> phrases, from screening/data/legal_forms.tsv (hand-kept) and
# legal_forms_iso20275.tsv (generated; a form the hand-kept table has keeps its class).
_REVIEWED: Final = _by_keys(LEGAL_FORM_PHRASES)
_WORLD: Final = {
    keys: cls for keys, cls in _by_keys(WORLD_LEGAL_FORM_PHRASES).items() if keys not in _REVIEWED
}
# Russian state institutions (``legal_forms_state_institutions.tsv``): whole phrases as
# written, anywhere in a name; their words alone (``state``, ``education``) stay words.
_INSTITUTIONS: Final = {
    keys: cls for keys, cls in _by_keys(STATE_INSTITUTION_PHRASES).items() if keys not in _REVIEWED
}
PHRASES: Final[dict[tuple[str, ...], str]] = {**_WORLD, **_INSTITUTIONS, **_REVIEWED}
LONGEST_PHRASE: Final = max(len(keys) for keys in PHRASES)
_PHRASE_WORDS: Final = frozenset(key for keys in PHRASES for key in keys)
# Words read through a typo (``limihed``): the hand-kept ones only. Forms of the world
# are read as written: ``Behrad`` and ``Berhan`` are names one letter from ``Berhad``.
_LONG_WORDS: Final = frozenset(
    key for keys in _REVIEWED for key in keys if len(key) >= MIN_FUZZY_LEGAL_WORD
)
MAX_LEGAL_WORD_GAP: Final = 2  # letters a misspelt legal word may gain or lose
# The long words by length, so that a word is compared only with those of about its length.
_LONG_WORDS_BY_LENGTH: Final[dict[int, tuple[str, ...]]] = {
    size: tuple(sorted(word for word in _LONG_WORDS if len(word) == size))
    for size in {len(word) for word in _LONG_WORDS}
}


# Phrases of several words, written together, by word count: ``jiont stock company``
# is one edit from ``joint stock company`` though ``jiont`` keys far from ``joint``.
def _joined_phrases() -> dict[int, dict[str, str]]:
    by_length: dict[int, dict[str, str]] = {}
    for keys, form_class in _REVIEWED.items():
        if len(keys) > 1:
            by_length.setdefault(len(keys), {})["".join(keys)] = form_class
    return by_length


_JOINED_PHRASES: Final = _joined_phrases()


_ROUGH_CUTOFF: Final = FUZZY_LEGAL_SIMILARITY - 0.05


@lru_cache(maxsize=MEMORY.word_forms)
def canonical_legal_word(key: str) -> str | None:
    """The legal-form word a key spells, allowing a typo in long words (``limihed``)."""
    if key in _LONG_WORDS:
        return key
    if len(key) < MIN_FUZZY_LEGAL_WORD:
        return None
    close = [
        word
        for size in range(len(key) - MAX_LEGAL_WORD_GAP, len(key) + MAX_LEGAL_WORD_GAP + 1)
        for word in _LONG_WORDS_BY_LENGTH.get(size, ())
    ]
    # One call into rapidfuzz, which drops words far under the cutoff early (its own
    # cutoff, turned into an edit count, would drop a word exactly at it: hence the margin).
    found = process.extract(
        key, close, scorer=OSA.normalized_similarity, score_cutoff=_ROUGH_CUTOFF, limit=None
    )
    similarity, best = max(((score, word) for word, score, _ in found), default=(0.0, ""))
    return best if similarity >= FUZZY_LEGAL_SIMILARITY else None


def _canonical(keys: tuple[str, ...]) -> str:
    """The legal-form word any of a word's keys spells, else its main key."""
    for key in keys:
        word = canonical_legal_word(key)
        if word is not None:
            return word
    word = ocr_legal_word(keys[0])
    return keys[0] if word is None else word


# The glyphs OCR reads for others in a scanned document, as they show in word keys: ``rn``
# for ``m``, ``1`` for ``l``, ``0`` for ``o``, ``5`` for ``s`` (Rice, Jenkins and Nartker,
# *The Fifth Annual Test of OCR Accuracy*, 1996: the most frequent confusions of printed
# Latin text). Read only into legal-form words, a closed vocabulary: in a name word they
# are as often the name's own letters (``Bernard``, ``Agent 007``).
OCR_CONFUSIONS: Final = (("rn", "m"), ("1", "l"), ("0", "o"), ("5", "s"))
_REVIEWED_WORDS: Final = frozenset(key for keys in _REVIEWED for key in keys)


@lru_cache(maxsize=MEMORY.word_forms)
def ocr_legal_word(key: str) -> str | None:
    """The hand-kept legal-form word a key spells once OCR's confusions are read back
    (``1lc``: ``llc``, ``cornpani``: ``company``), if it spells none as written."""
    read = key
    for seen, meant in OCR_CONFUSIONS:
        read = read.replace(seen, meant)
    if read == key or not read.isalpha():
        return None
    read = token_key(read)  # the letters read back may double one beside them (``1lc``)
    if read in _REVIEWED_WORDS:
        return read
    return canonical_legal_word(read)


def ocr_read_words(words: list[str]) -> list[str]:
    """The words of a legal form that were read back from OCR's confusions, for the
    explanation (rule ``legal_form``, detail ``ocr_confusion``)."""
    return [
        word
        for word in words
        if canonical_legal_word(key := token_key(ascii_fold(word.lower()))) is None
        and key not in _REVIEWED_WORDS
        and ocr_legal_word(key) is not None
    ]


def find_legal_forms(words: list[tuple[str, ...]]) -> list[tuple[int, int, str | None]]:
    """Spans ``(start, end, class)`` of legal forms in a name, given each word's keys.

    Phrases are matched longest first: the hand-kept ones on canonical keys (through a
    typo), the state institutions' as written, the forms of the world as written and at
    the end of the name only; a long
    legal word outside any phrase (a lone ``limited``) is a span of unknown class.
    """
    canonical = [_canonical(keys) for keys in words]
    if _PHRASE_WORDS.isdisjoint(canonical) and all(len(key) > 1 for key in canonical):
        return []  # most names: no word of any legal form, no letters to join
    spans: list[tuple[int, int, str | None]] = []
    i = 0
    while i < len(words):
        for length in range(min(LONGEST_PHRASE, len(words) - i), 0, -1):
            window = canonical[i : i + length]
            form_class = _REVIEWED.get(tuple(window)) or _INSTITUTIONS.get(tuple(window))
            if form_class is None and i + length == len(words):
                form_class = _WORLD.get(tuple(keys[0] for keys in words[i : i + length]))
            if form_class is None and length > 2 and all(len(k) == 1 for k in window):
                form_class = PHRASES.get(("".join(window),))  # J.S.C., O.O.O.
            if form_class is None and length > 1 and _LONG_WORDS.intersection(window):
                form_class = _misspelt_phrase(window)
            if form_class is not None:
                spans.append((i, i + length, form_class))
                i += length
                break
        else:
            if canonical[i] in _LONG_WORDS:
                spans.append((i, i + 1, None))
            i += 1
    return spans


def _misspelt_phrase(window: list[str]) -> str | None:
    """The class of the legal phrase a window of words spells with a typo or two, if any.

    Tried only for windows holding a legal word spelt right, so names without a legal
    form never pay for it."""
    phrases = _JOINED_PHRASES.get(len(window))
    if not phrases:
        return None
    joined = "".join(window)
    found = process.extractOne(
        joined, phrases.keys(), scorer=OSA.normalized_similarity,
        score_cutoff=FUZZY_PHRASE_SIMILARITY,
    )  # fmt: skip
    if found is None or OSA.distance(joined, found[0]) > MAX_PHRASE_EDITS:
        return None
    return phrases[found[0]]


# A company without a more precise form (``Company``, ``Sherkat``, ``Kompaniya``): it says
# nothing its precise form could contradict, so it agrees with any form of a company. A
# partnership is no company of members or shareholders (see legal_forms.tsv).
VAGUE_CLASS: Final = "co"
COMPANY_CLASSES: Final = frozenset({"co", "llc", "jsc", "ltd", "inc", "sue"})


def classes_agree(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two names' legal form classes may describe one organisation: a class in
    common, or a vague ``co`` on one side and a company's form on the other."""
    if not first.isdisjoint(second):
        return True
    if VAGUE_CLASS in first and not second.isdisjoint(COMPANY_CLASSES):
        return True
    return VAGUE_CLASS in second and not first.isdisjoint(COMPANY_CLASSES)
