"""Korean and Chinese names in Latin letters: one name, several romanisations.

Korean is romanised by McCune-Reischauer (1939, North Korea and most older records:
``Kim Chŏng-il``, aspiration as an apostrophe), by the Revised Romanization (2000, South
Korea: ``Gim Jeong-il``) and by passport habits (``Jung``, ``Lee``, ``Park``); Chinese by
pinyin (``Xi``, ``Zhou``, ``Qian``) or Wade-Giles (``Hsi``, ``Chou``, ``Ch'ien``). The
spellings differ by regular correspondences: RR ``g d b j`` are MR ``k t p ch``; RR
``eo eu`` are MR ``ŏ ŭ`` (``o u`` once the breve is dropped); pinyin ``x zh q z c`` are
Wade-Giles ``hs ch ch' ts ts'``, pinyin ``-ong -ie -ian`` are ``-ung -ieh -ien``, pinyin
``r`` is Wade-Giles ``j``. Syllables are joined, hyphenated or spaced (``Jong Un``,
``Jong-un``, ``Jongun``): the name parser and the compound rule see to that.

The correspondences merge letters that other languages keep apart (``Dima`` and
``Tima`` are two names), so they apply only to names that look East Asian: every word
a run of at most three romanised syllables, and one word a common Korean or Chinese
family name. Surnames with irregular spellings (``Ri`` / ``Lee`` / ``Yi``, ``Pak`` /
``Park``, ``Choe`` / ``Choi``) are grouped in a table.

Pure functions of strings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from screening.data import (
    CHINESE_SURNAME_SPELLINGS,
    HAN_FAMILY_NAME_READINGS,
    KOREAN_SURNAME_GROUPS,
    VIETNAMESE_MIDDLE_MARKERS,
    VIETNAMESE_SURNAME_GROUPS,
)
from screening.memory import MEMORY
from screening.translit import ascii_fold

# Korean family names, each group one name (one hangul syllable) in its usual spellings,
# and the most common Chinese family names in pinyin: data/east_asian_surnames.tsv.
KOREAN_SURNAMES: Final[tuple[tuple[str, ...], ...]] = KOREAN_SURNAME_GROUPS
CHINESE_SURNAMES: Final = frozenset(CHINESE_SURNAME_SPELLINGS)

# A romanised Korean or Chinese syllable: an initial (with Wade-Giles and MR aspiration
# marks), a glide, one to three vowels, and a closing consonant.
_SYLLABLE: Final = (
    r"(?:ch|ts|tz|hs|sh|zh|ss|sz|kk|tt|pp|jj|ng|[bcdfghjklmnpqrstwxz])?'?[wy]?"
    r"[aeiou]{1,3}(?:ng|n|m|l|r|k|p|t|h)?"
)
_WORD: Final = re.compile(rf"(?:{_SYLLABLE}){{1,3}}")
_SPLIT: Final = re.compile(r"[\s\-]+")
# A letter with a full stop is an abbreviated word, an initial (``I. A. Michurin``), never
# a syllable: romanised Korean and Chinese syllables are written out (Korean ``I`` = Lee).
_ABBREVIATED: Final = re.compile(r"[^\W\d_]\.")

# Letters of one sound class across the schemes: MR/RR and Wade-Giles/pinyin stops,
# pinyin/Wade-Giles affricates and sibilants.
_CONSONANT_CLASSES: Final = {
    "g": "K", "k": "K", "kk": "K", "b": "P", "p": "P", "pp": "P", "d": "T", "t": "T",
    "tt": "T", "th": "T", "j": "J", "jj": "J", "ch": "J", "zh": "J", "q": "J", "x": "X",
    "hs": "X", "s": "S", "sh": "S", "ss": "S", "sz": "S", "z": "Z", "ts": "Z", "tz": "Z",
    "c": "Z", "tch": "J",
}  # fmt: skip
_PINYIN_WADE_GILES: Final = frozenset({"x", "hs", "zh", "q", "c", "tz", "ts", "sz"})
_WADE_GILES_J: Final = frozenset({"j", "r"})  # Wade-Giles ``j`` is pinyin ``r`` (``Jen`` = ``Ren``)
# ``ng`` before a vowel is read ``n`` + ``g``, as a syllable boundary may fall either way in
# a joined name (``Jianguo`` is jian-guo, ``Chienkuo`` chien-kuo; ``Jongil`` alike on
# both sides).
_CONSONANT_UNITS: Final = re.compile(
    r"tch|ch|ts|tz|hs|sh|zh|ss|sz|kk|tt|pp|jj|th|ng(?![aeiouwy])|[b-df-hj-np-tv-z1-5]"
)
# Vowels and finals, rewritten to one form: MR/RR (``eo`` = ``o``, ``eu`` = ``u``,
# ``oo`` = ``u``, ``ee`` = ``i``) and, in a word that may be Wade-Giles (``hs``, ``ts``,
# ``tz``, an aspiration mark, ``-ih``, ``-ieh``, ``-ien``), its finals as pinyin writes
# them (``-ih`` = ``-i``, ``-ieh`` = ``-ie``, ``-ien`` = ``-ian``, ``-ung`` = ``-ong``;
# ``yen`` = ``yan``). An aspiration mark is McCune-Reischauer's too (``K'ung`` may be
# Korean 쿵), so such a word is also read as written.
_WADE_GILES_MARKS: Final = re.compile(
    r"hs|ts|tz|'|’|(?<=[^aeiou])ih(?![aeiou])|[iu]eh|ien|y(?:eh|en)(?![aeiouy])"
)
_WADE_GILES_FINALS: Final = (
    # Not the ``h`` of a joined ``hs`` (``Lihsueh`` is li-hsüeh), but ``ih`` before ``sh``.
    (re.compile(r"(?<=[^aeiou])ih(?![aeiou]|s(?!h))"), "i", "ih=i"),
    (re.compile(r"(?<=[iu])eh"), "e", "ieh=ie"),  # Wade-Giles -ieh, -üeh: pinyin -ie, -ue
    (re.compile(r"yeh(?![aeiouy])"), "ye", "ieh=ie"),
    (re.compile(r"ien"), "ian", "ien=ian"),
    (re.compile(r"yen(?![aeiouy])"), "yan", "ien=ian"),
    (re.compile(r"ung\b"), "ong", "ung=ong"),
)
_REWRITES: Final = (
    (re.compile(r"eo"), "o", "eo=o"),
    (re.compile(r"eu"), "u", "eu=u"),
    (re.compile(r"oo"), "u", "oo=u"),
    (re.compile(r"ee"), "i", "ee=i"),
)


def _words(text: str) -> list[str]:
    return [ascii_fold(word) for word in _SPLIT.split(text) if ascii_fold(word)]


def _groups_by_spelling(groups: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    """Each spelling's group, the first that holds it: one dict probe a word, asked of
    every word of every query (``looks_east_asian``)."""
    found: dict[str, int] = {}
    for number, group in enumerate(groups):
        for spelling in group:
            found.setdefault(spelling, number)
    return found


_KOREAN_GROUP: Final = _groups_by_spelling(KOREAN_SURNAMES)


def _surname_group(folded: str) -> int | None:
    return _KOREAN_GROUP.get(folded)


def _is_surname(folded: str) -> bool:
    return _surname_group(folded) is not None or folded in CHINESE_SURNAMES


def family_name_readings(word: str) -> tuple[str, ...]:
    """The readings a lone Han character has as a Chinese family name where its plain
    reading is another (``单``: ``shan``, not ``dan``; data/han_surname_readings.tsv)."""
    return HAN_FAMILY_NAME_READINGS.get(word, ())


# Vietnamese: family names (data/vietnamese_names.tsv) and one syllable a word, written in
# the national alphabet (quốc ngữ) whose diacritics lists drop: no romanisation
# correspondences, only the structure of the name.
_VIETNAMESE_GROUP: Final = {
    spelling: number
    for number, group in enumerate(VIETNAMESE_SURNAME_GROUPS)
    for spelling in group
}
VIETNAMESE_MIDDLE: Final = frozenset(VIETNAMESE_MIDDLE_MARKERS)
_VIETNAMESE_SYLLABLE: Final = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)


def looks_vietnamese(text: str) -> bool:
    """Whether a (cleaned) name looks like a Vietnamese name: two to five words, each one
    syllable, the first or the last a Vietnamese family name."""
    words = [ascii_fold(w) for w in _SPLIT.split(text) if w]
    if not 2 <= len(words) <= 5 or not (
        words[0] in _VIETNAMESE_GROUP or words[-1] in _VIETNAMESE_GROUP
    ):
        return False
    return all(_VIETNAMESE_SYLLABLE.fullmatch(w) for w in words)


def vietnamese_rules(word_a: str, word_b: str) -> tuple[str, ...] | None:
    """``vietnamese_surname`` when two words are one family name's northern and southern
    forms (``Hoang`` = ``Huynh``, ``Vu`` = ``Vo``), else None."""
    folded_a, folded_b = ascii_fold(word_a), ascii_fold(word_b)
    group = _VIETNAMESE_GROUP.get(folded_a)
    if folded_a != folded_b and group is not None and group == _VIETNAMESE_GROUP.get(folded_b):
        return ("vietnamese_surname",)
    return None


def looks_east_asian(text: str) -> bool:
    """Whether a (cleaned) name looks like a romanised Korean or Chinese name: every
    word at most three syllables, and one of them a common family name or a spelling
    only Wade-Giles writes (``Hsu Chih-chiang``: its family name in a spelling the
    table, in pinyin, lacks). A letter with a full stop is an initial, no family name
    (``I. A. Michurin``, not the Korean family name ``I``)."""
    written = [w for w in _SPLIT.split(without_mr_marks(text)) if w]
    words = [ascii_fold(w) for w in written]  # Han and Hangul read too
    if not words or len(words) > 5:
        return False
    if (
        not any(
            _is_surname(word)
            for word, raw in zip(words, written, strict=True)
            if not _ABBREVIATED.fullmatch(raw)
        )
        and not _WADE_GILES_SIGN.search(text.lower())
        and not family_name_readings(written[0])
    ):
        return False  # the common case, decided by set lookups and one search
    # A family name in its customary spelling need not be syllable-shaped (``Park``).
    return all(_WORD.fullmatch(w) or _is_surname(w) for w in words)


# McCune-Reischauer as lists write it in ASCII (the OFAC list: ``Ch'oe CH'UN-YO'NG``,
# ``Cho'ng-Wo'n RI``): an apostrophe after an initial consonant marks aspiration (ch', k',
# p', t'), and one after o or u stands for the breve that ŏ and ŭ lose in ASCII. Wade-Giles
# marks aspiration the same way (``Ch'en``). Read without them, the word is the syllable
# the name tables hold (``Ch'oe`` = ``Choe``).
_MARKS: Final = "'’‘ʼ"
_MR_MARK: Final = re.compile(rf"(?:(?<=ch)|(?<=[kptou]))[{_MARKS}]", re.IGNORECASE)


def without_mr_marks(text: str) -> str:
    """A text with McCune-Reischauer and Wade-Giles apostrophes dropped (``Ch'oe`` ->
    ``Choe``): in a Korean or Chinese name they are no Arabic ayn or hamza."""
    # One test per mark: most names hold none, and a search would cost each of them more.
    if "'" in text or "’" in text or "‘" in text or "ʼ" in text:
        return _MR_MARK.sub("", text)
    return text


def _unmarked(word: str) -> str:
    """A word folded as the name tables hold it, MR and Wade-Giles marks dropped."""
    return ascii_fold(without_mr_marks(word))


def is_one_syllable(word: str) -> bool:
    """Whether a word is one romanised Korean or Chinese syllable (``Chi``, ``Wai``,
    ``Hsueh``), or a family name in its customary spelling (``Park``)."""
    folded = ascii_fold(word)
    return bool(re.fullmatch(_SYLLABLE, folded)) or _is_surname(folded)


# Han and Hangul: a name in them is written family name first, its first syllable.
_HAN_HANGUL: Final = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def is_family_name(word: str) -> bool:
    """Whether a word is a Korean or Chinese family name, in Han, Hangul or Latin letters."""
    return bool(_HAN_HANGUL.fullmatch(word)) or _is_surname(_unmarked(word))


def is_han_or_hangul(word: str) -> bool:
    return _HAN_HANGUL.search(word) is not None


def family_name_candidates(
    words: Sequence[str], hyphenated: frozenset[int] = frozenset()
) -> frozenset[int]:
    """The positions that may hold the family name of a Korean or Chinese name.

    The name is a family name from a small closed set plus a given name: written in Han
    or Hangul, the first syllable; in Latin letters, the one word a list writes in
    capitals (``KIM Mi-suk``, ``O Chu-won``) when it is a family name, else the first and
    the last word that are family names (family name first as at home, or last as in the
    West) and not ``hyphenated`` to a neighbour: ``Ju-won`` is one given name."""
    if not words:
        return frozenset()
    if _HAN_HANGUL.match(words[0]):
        return frozenset({0})
    folded = [_unmarked(word) for word in words]
    capitals = [k for k, word in enumerate(words) if len(word) > 1 and word.isupper()]
    if not capitals and len(words[0]) == 1 and words[0].isupper():
        capitals = [0]  # ``O Chu-won``: a one-letter family name, first as lists write it
    if len(capitals) == 1 and len(capitals) < len(words) and _is_family(folded[capitals[0]]):
        return frozenset(capitals)
    ends = {0, len(words) - 1} - hyphenated
    return frozenset(k for k in ends if folded[k] and _is_family(folded[k]))


def _is_family(folded: str) -> bool:
    return _is_surname(folded) or folded in _VIETNAMESE_GROUP


def family_name_positions(
    words: Sequence[str], hyphenated: frozenset[int] = frozenset()
) -> frozenset[int]:
    """Where the family name of a name known to be Korean or Chinese may be, in whatever
    spelling: the first syllable in Han or Hangul, the one word in capitals (``Chi Wai
    LAU``, ``O Chu-won``), else either end not hyphenated (``Shih Yang``: Shih, or Yang)."""
    if not words:
        return frozenset()
    if _HAN_HANGUL.match(words[0]):
        return frozenset({0})
    capitals = [k for k, word in enumerate(words) if len(word) > 1 and word.isupper()]
    if not capitals and len(words[0]) == 1 and words[0].isupper():
        capitals = [0]
    if len(capitals) == 1 and len(words) > 1:
        return frozenset(capitals)
    return frozenset({0, len(words) - 1}) - hyphenated


# McCune-Reischauer and Wade-Giles mark aspiration with an apostrophe: ``ch'`` is RR
# and pinyin ``ch`` (or pinyin ``q``), never ``j``. The marked consonants become digits,
# which folding keeps, and match only their aspirated spellings.
_ASPIRATED: Final = re.compile(r"(ch|ts|tz|k|t|p)['’‘ʼ]")
_ASPIRATED_DIGITS: Final = {"ch": "1", "ts": "2", "tz": "2", "k": "3", "t": "4", "p": "5"}
_ASPIRATED_SPELLINGS: Final = {
    "1": ("ch", "q"),
    "2": ("c", "ts", "tz"),
    "3": ("k",),
    "4": ("t",),
    "5": ("p",),
}
_ASPIRATED_CLASSES: Final = {"1": "J", "2": "Z", "3": "K", "4": "T", "5": "P"}


def _consonants_agree(text_a: str, text_b: str) -> bool:
    if text_a in _ASPIRATED_SPELLINGS or text_b in _ASPIRATED_SPELLINGS:
        return (
            text_a == text_b
            or text_b in _ASPIRATED_SPELLINGS.get(text_a, ())
            or text_a in _ASPIRATED_SPELLINGS.get(text_b, ())
        )
    return _CONSONANT_CLASSES.get(text_a, text_a) == _CONSONANT_CLASSES.get(text_b, text_b)


@lru_cache(maxsize=MEMORY.word_forms)
def _spellings(word: str, chinese: bool = False) -> tuple[tuple[str, frozenset[str]], ...]:
    """A word's spellings with the rewrites that made them: as written, and as Wade-Giles
    when it may be (``hs``, an aspiration mark, ``-ien`` ...) or when the word belongs to
    a ``chinese`` name, where Korean readings do not arise and Wade-Giles is also read
    unmarked (``Yung``, ``Lo``, ``I``, ``Ho``)."""
    marked = _ASPIRATED.sub(lambda found: _ASPIRATED_DIGITS[found.group(1)], word.lower())
    written = ascii_fold(marked.replace("'", "").replace("’", ""))
    readings = [_rewritten(written, _REWRITES)]
    if chinese or _WADE_GILES_MARKS.search(word.lower()):
        finals = _WADE_GILES_FINALS + (_CHINESE_FINALS if chinese else ())
        wade_giles = _rewritten(written, finals + _REWRITES)
        if chinese and _SYLLABLE_I.search(marked):  # ``Ching-i`` = ``Jingyi``
            joined = ascii_fold(_SYLLABLE_I.sub("yi", marked).replace("'", "").replace("’", ""))
            spelling, fired = _rewritten(joined, finals + _REWRITES)
            wade_giles = (spelling, fired | {"i=yi"})
        if _WADE_GILES_ONLY.search(word.lower()):
            readings = [wade_giles]
        elif wade_giles != readings[0]:
            readings.append(wade_giles)
    return tuple(readings)


# A syllable ``i`` after a hyphen or space, Wade-Giles for pinyin ``yi`` (``Ching-i``).
_SYLLABLE_I: Final = re.compile(r"(?<=[-\s])i(?![aeiou])")


# Wade-Giles spellings read as pinyin only in a Chinese name (in a Korean one they are
# other syllables): -ung inside a joined name, o after a dental or sibilant (``lo`` =
# ``luo``, ``cho`` = ``zhuo``), o after k and h (``ko`` = ``ge``, ``ho`` = ``he``), a
# syllable opening with i (``I-ching`` = ``Yiqing``) and the final -uei (``kuei`` = ``gui``),
# by the Wade-Giles to pinyin table (Library of Congress, Pinyin Conversion Project, 2000).
# The initial j (``jen`` = ``ren``) is a consonant of ``pinyin=wade-giles`` (``_units_rules``).
_CHINESE_FINALS: Final = (
    (re.compile(r"ung(?![aeiouy])"), "ong", "ung=ong"),
    (re.compile(r"(?<=[tnlszcj24])o(?![aeiouny])"), "uo", "o=uo"),
    (re.compile(r"(?<=[kh3])o(?![aeiouny])"), "e", "o=e"),
    (re.compile(r"\bi(?![aeiou])"), "yi", "i=yi"),
    (re.compile(r"(?<=[kh3])uei"), "ui", "uei=ui"),  # ``Kuei`` = ``Gui``, ``Huei`` = ``Hui``
)
# The reverse: a pinyin word of a listed Chinese name, spelt as Wade-Giles spells it, for
# retrieval (``Yongchang`` is also looked up as ``Yungchang``).
_PINYIN_AS_WADE_GILES: Final = (
    (re.compile(r"ong(?![aeiouy])"), "ung"),
    (re.compile(r"(?<=[dtnlszcr])uo(?![aeiouny])"), "o"),
    (re.compile(r"(?<=[gkh])e(?![aeiouny])"), "o"),
    (re.compile(r"\byi"), "i"),
    (re.compile(r"(?<=[gkh])ui"), "uei"),
    (re.compile(r"r(?=[aeiou])"), "j"),
)


def looks_chinese(text: str) -> bool:
    """Whether a name that looks Korean or Chinese is Chinese: no Hangul, and a word shows
    Wade-Giles alone, or its family name (the word in capitals, else an end not hyphenated
    to a given name) is Chinese and no end is a Korean family name."""
    if _HANGUL.search(text):
        return False
    words = text.split()
    if not words or any(_WADE_GILES_ONLY.search(word.lower()) for word in words):
        return bool(words)
    capitals = [word for word in words if len(word) > 1 and word.isupper()]
    if len(capitals) == 1 and len(words) > 1:
        ends = capitals
    else:
        ends = [word for word in {words[0], words[-1]} if "-" not in word]
    if family_name_readings(words[0]):
        return True  # a Han family name read otherwise as a family name (``单``)
    folded = [ascii_fold(word) for word in ends]
    return any(word in CHINESE_SURNAMES for word in folded) and all(
        _surname_group(word) is None for word in folded
    )


_HANGUL: Final = re.compile("[\uac00-\ud7af]")


# Marks no McCune-Reischauer or Revised Romanization spelling shows: Wade-Giles alone;
# those no Japanese (Hepburn) spelling shows either (``tsu`` is Japanese too) tell a name.
_WADE_GILES_ONLY: Final = re.compile(r"hs|ts|tz|[iu]eh|ien|yeh(?![aeiouy])")
_WADE_GILES_SIGN: Final = re.compile(r"hs|tz|ts(?=[aeio])|[iu]eh|ien")


def _rewritten(
    spelling: str, rewrites: tuple[tuple[re.Pattern[str], str, str], ...]
) -> tuple[str, frozenset[str]]:
    fired: set[str] = set()
    for pattern, replacement, name in rewrites:
        new = pattern.sub(replacement, spelling)
        if new != spelling:
            fired.add(name)
            spelling = new
    return spelling, frozenset(fired)


_PINYIN_ONLY: Final = re.compile(r"zh|x|q|(?<![t])z|c(?!h)|\br")
_HAN: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def _is_pinyin(word: str) -> bool:
    return bool(_HAN.search(word) or _PINYIN_ONLY.search(word.lower()))


def _units(spelling: str) -> list[tuple[str, str]]:
    units: list[tuple[str, str]] = []
    position = 0
    while position < len(spelling):
        vowels = _VOWEL_RUN.match(spelling, position)
        if vowels:
            units.append(("v", vowels.group()))
            position += len(vowels.group())
            continue
        found = _CONSONANT_UNITS.match(spelling, position)
        text = found.group() if found else spelling[position]
        units.append(("c", text))
        position += len(text)
    return units


_VOWEL_RUN: Final = re.compile(r"[aeiouy]+")
_STOPS_AND_AFFRICATES: Final = frozenset("cgjkqtdpbxhsz")
_VOWELS: Final = frozenset("aeiouwy")


def _may_open_alike(a: str, b: str) -> bool:
    """A necessary condition for two words to meet: first letters of one class."""
    first_a, first_b = a[:1], b[:1]
    return (
        first_a == first_b
        or {first_a, first_b} == _WADE_GILES_J
        or (first_a in _STOPS_AND_AFFRICATES and first_b in _STOPS_AND_AFFRICATES)
        or (first_a in _VOWELS and first_b in _VOWELS)
    )


@lru_cache(maxsize=MEMORY.word_pairs)
def east_asian_rules(word_a: str, word_b: str, chinese: bool = False) -> tuple[str, ...] | None:
    """The Korean or Chinese romanisation rules that make two words one name, or None.

    A Korean family name matches its group (``korean_surname``: ``Ri`` = ``Lee``);
    otherwise the words must agree unit by unit: vowels after the rewrites above, and
    consonants by sound class (``k=g, t=d, p=b, ch=j``: McCune-Reischauer and Wade-Giles
    against Revised Romanization and pinyin;
    ``pinyin=wade-giles`` for ``x``/``hs``, ``z``/``ts``, ``zh``/``ch``, ``r``/``j``).
    ``chinese``: one of the names is Chinese (``looks_chinese``), so unmarked Wade-Giles is
    read too.
    """
    folded_a, folded_b = ascii_fold(word_a), ascii_fold(word_b)
    if folded_a == folded_b:
        return None
    # The regular correspondences first: they hold for any syllable, a family name's
    # irregular spellings only for a family name.
    regular = _regular_rules(word_a, word_b, folded_a, folded_b, chinese)
    if regular is not None:
        return regular
    as_family_name = _family_name_rules(word_a, word_b, folded_b, chinese) or _family_name_rules(
        word_b, word_a, folded_a, chinese
    )
    if as_family_name is not None:
        return as_family_name
    han = bool(_HAN.search(word_a) or _HAN.search(word_b))  # read in Mandarin: not Korean
    group = _surname_group(folded_a)
    if not han and group is not None and group == _surname_group(folded_b):
        return ("korean_surname",)
    return None


def _family_name_rules(
    han: str, other: str, other_folded: str, chinese: bool
) -> tuple[str, ...] | None:
    """``han_surname_reading`` (and the romanisation rules after it) when a Han family name,
    read as a family name, is the other word (``沈`` = ``Shen``, Wade-Giles ``曾`` = ``Tseng``)."""
    for reading in family_name_readings(han):
        if reading == other_folded:
            return ("han_surname_reading",)
        rules = _regular_rules(reading, other, reading, other_folded, chinese)
        if rules is not None:
            return tuple(sorted({"han_surname_reading", *rules}))
    return None


def _regular_rules(
    word_a: str, word_b: str, folded_a: str, folded_b: str, chinese: bool
) -> tuple[str, ...] | None:
    if abs(len(folded_a) - len(folded_b)) > 3 or not _may_open_alike(folded_a, folded_b):
        return None  # the common case, decided cheaply: two unrelated words
    found = [
        rules
        for spelling_a, fired_a in _spellings(word_a, chinese)
        for spelling_b, fired_b in _spellings(word_b, chinese)
        if (
            rules := _units_rules(
                word_a, word_b, spelling_a, spelling_b, fired_a ^ fired_b, chinese
            )
        )
        is not None
    ]
    return min(found, key=len) if found else None


def _units_rules(
    word_a: str,
    word_b: str,
    spelling_a: str,
    spelling_b: str,
    fired: frozenset[str],
    chinese_name: bool = False,
) -> tuple[str, ...] | None:
    """The rules that make two spellings agree unit by unit, or None (``chinese_name``: one
    of the names is Chinese, where Wade-Giles ``j`` is pinyin ``r``: ``Jen`` = ``Ren``)."""
    units_a, units_b = _units(spelling_a), _units(spelling_b)
    if len(units_a) != len(units_b):
        return None
    rules = set(fired)
    # Wade-Giles has no zh, x, q, z, c or r: two words written with them (or read from Han,
    # in pinyin) are both pinyin, where these letters are all distinct.
    both_pinyin = _is_pinyin(word_a) and _is_pinyin(word_b)
    for (kind_a, text_a), (kind_b, text_b) in zip(units_a, units_b, strict=True):
        if kind_a != kind_b:
            return None
        if text_a == text_b:
            continue
        if kind_a == "v":
            return None
        if chinese_name and {text_a, text_b} == _WADE_GILES_J:
            if both_pinyin:
                return None  # pinyin ``j`` and ``r`` are two sounds
            rules.add("pinyin=wade-giles")
            continue
        if not _consonants_agree(text_a, text_b):
            return None
        if text_a in _ASPIRATED_SPELLINGS or text_b in _ASPIRATED_SPELLINGS:
            rules.add("aspiration mark")
            continue
        chinese = not {text_a, text_b}.isdisjoint(_PINYIN_WADE_GILES)
        if chinese and both_pinyin:
            return None
        rules.add("pinyin=wade-giles" if chinese else "k=g, t=d, p=b, ch=j")
    if "'" in word_a + word_b or "’" in word_a + word_b:
        rules.add("aspiration mark")
    return tuple(sorted(rules)) if rules else None


@lru_cache(maxsize=MEMORY.word_forms)
def east_asian_retrieval_keys(word: str, chinese_listed: bool = False) -> tuple[str, ...]:
    """Keys under which retrieval looks a word up for these rules: its spelling with every
    consonant replaced by its class, and its Korean family-name group if it has one; a
    word of a listed Chinese name also as Wade-Giles spells it (``Yongchang``:
    ``Yungchang``), for a query in unmarked Wade-Giles."""
    spellings = [spelling for spelling, _ in _spellings(word)]
    for reading in family_name_readings(word):
        spellings.extend(spelling for spelling, _ in _spellings(reading, True))
    if chinese_listed:
        respelt = ascii_fold(word)
        for pattern, replacement in _PINYIN_AS_WADE_GILES:
            respelt = pattern.sub(replacement, respelt)
        spellings.append(_rewritten(respelt, _REWRITES)[0])
    keys = [
        "ea:"
        + "".join(
            _ASPIRATED_CLASSES.get(text) or _CONSONANT_CLASSES.get(text, text)
            if kind == "c"
            else text
            for kind, text in _units(spelling)
        )
        for spelling in spellings
    ]
    group = _surname_group(ascii_fold(word))
    if group is not None:
        keys.append(f"kr:{group}")
    return tuple(dict.fromkeys(keys))


def _class_keys(word: str) -> set[str]:
    """A word's retrieval keys, its unmarked Wade-Giles reading's too."""
    keys = set(east_asian_retrieval_keys(word))
    for spelling, _ in _spellings(word, True):
        keys.add(
            "ea:"
            + "".join(
                _ASPIRATED_CLASSES.get(text) or _CONSONANT_CLASSES.get(text, text)
                if kind == "c"
                else text
                for kind, text in _units(spelling)
            )
        )
    return {key for key in keys if key.startswith("ea:")}


@lru_cache(maxsize=1)
def _family_name_keys() -> frozenset[str]:
    spellings = {spelling for group in KOREAN_SURNAMES for spelling in group} | CHINESE_SURNAMES
    return frozenset(key for spelling in spellings for key in _class_keys(spelling))


@lru_cache(maxsize=MEMORY.word_forms)
def spells_a_family_name(word: str) -> bool:
    """Whether a word is a Korean or Chinese family name, in Han, Hangul or Latin letters,
    in any romanisation (``Tseng`` is Wade-Giles for Zeng, ``Hung`` for Hong)."""
    return is_family_name(word) or not _class_keys(word).isdisjoint(_family_name_keys())
