"""From any spelling of a word to its spelling-invariant key.

Lists, passports and people romanise Cyrillic in a dozen ways: Х is ``kh``, ``h``
or ``x``; Щ is ``shch``, ``sch``, ``shh`` or ``sc``; -ий is ``iy``, ``ii``, ``y``
or ``ij``; Ё is ``e``, ``yo``, ``io`` or ``ë``. ``token_key`` rewrites a word so that
spellings that differ only by such rules get the same key, and reports which rules
it applied, so a hit can say *why* two spellings are equal.

Pure functions of strings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from unidecode import unidecode

_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "'", "ы": "y", "ь": "'", "э": "e", "ю": "yu",
    "я": "ya",
}  # fmt: skip
_UKRAINIAN = {**_RUSSIAN, "г": "h", "ґ": "g", "є": "ye", "і": "i", "ї": "yi", "и": "y"}
_BELARUSIAN = {**_RUSSIAN, "г": "h", "і": "i", "ў": "u"}
# Letters of other Cyrillic alphabets that turn up in names on the lists.
_OTHER_CYRILLIC = {
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "ђ": "dj", "џ": "dz", "ѓ": "gj", "ќ": "kj",
    "ѕ": "dz", "ӣ": "i", "ӯ": "u", "ҳ": "h", "ҷ": "j", "ў": "u", "і": "i", "ї": "yi",
    "є": "ye", "ґ": "g",
}  # fmt: skip

# Latin letters with diacritics that romanisation schemes use for one Cyrillic letter:
# unidecode would drop the information (š -> s), so they are spelt out first.
_SCHEME_LETTERS = {
    "š": "sh", "č": "ch", "ž": "zh", "ŝ": "shch", "ǆ": "dzh", "ĉ": "ch", "ẑ": "zh",
    "ŭ": "u", "ë": "yo", "â": "ya", "û": "yu", "ĭ": "y", "ǐ": "y", "ʹ": "'", "ʺ": "'",
    "ʼ": "'", "’": "'",
    "‘": "'", "`": "'", "´": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'", "ß": "ss", "ø": "o",
    "æ": "ae", "œ": "oe", "ı": "i", "ł": "l", "đ": "d", "ð": "d", "þ": "th",
}  # fmt: skip

# (pattern, replacement, rule name, what the word must hold for the pattern to match),
# applied in order to a lower-case ASCII word. Upper-case letters in replacements are
# placeholders for one sound, so later rules cannot re-read them. The cheap substring
# test skips most patterns: a key is made for every new word a customer book holds.
_KEY_RULES: tuple[tuple[re.Pattern[str], str, str, tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), replacement, name, needs)
    for pattern, replacement, name, needs in (
        (r"q", "k", "q=k", ("q",)),
        (r"w", "v", "w=v", ("w",)),
        (r"ph", "f", "ph=f", ("ph",)),
        (r"x", "ks", "x=ks", ("x",)),
        (r"ck", "k", "ck=k", ("ck",)),
        (r"shch|shh|sch|sc(?=[eiy])", "Q", "shch=sch=shh", ("sh", "sc")),
        (r"dzh|dj", "J", "dzh=dj", ("dzh", "dj")),
        (r"ch(?=[bdfgklmnpqrstvwxz])", "h", "ch=kh", ("ch",)),
        (r"tsch|tch|ch", "C", "ch=tch", ("ch",)),
        (r"zh", "Z", "zh", ("zh",)),
        (r"sh|sz", "S", "sh", ("sh", "sz")),
        (r"kh", "h", "kh=h", ("kh",)),
        (r"ts|tz|cz|tc", "c", "ts=c", ("ts", "tz", "cz", "tc")),
        (r"[yj]", "i", "y=i=j", ("y", "j")),
        (r"([a-zA-Z])\1+", r"\1", "double letter", ()),
        (r"(^|[aeiou])i(?=[aeiou])", r"\1", "ya=a, ye=e, yu=u", ("i",)),
        (r"io", "e", "yo=e", ("io",)),
        (r"ie", "e", "ye=e", ("ie",)),
        (r"ou", "u", "ou=u", ("ou",)),
        (r"([a-zA-Z])\1+", r"\1", "double letter", ()),
    )
)
# Letter pairs the key rules read as one sound (``ts``, ``kh``, ``io``...).
SOUND_PAIRS = frozenset(part for *_, needs in _KEY_RULES for part in needs if len(part) == 2)
_APOSTROPHE_BEFORE_VOWEL = re.compile(r"(?<=[b-df-hj-np-tv-z])'(?=[aeiouy])")
_NOT_WORD = re.compile(r"[^a-z0-9]")


def language_of(word: str) -> str:
    """Guess the Cyrillic language of a word from its letters: ``uk``, ``be`` or ``ru``."""
    lower = word.lower()
    if any(ch in lower for ch in "їєґ"):
        return "uk"
    if "ў" in lower:
        return "be"
    if "і" in lower:
        return "be" if "ы" in lower else "uk"
    return "ru"


def cyrillic_to_latin(word: str, language: str | None = None) -> str:
    """Romanise a Cyrillic word letter by letter (close to BGN/PCGN); Latin passes through."""
    table = {"uk": _UKRAINIAN, "be": _BELARUSIAN}.get(language or language_of(word), _RUSSIAN)
    out: list[str] = []
    for char in word:
        lower = char.lower()
        latin = table.get(lower) or _OTHER_CYRILLIC.get(lower)
        if latin is None:
            out.append(char)
        else:
            out.append(latin.capitalize() if char != lower else latin)
    return "".join(out)


@lru_cache(maxsize=200_000)
def ascii_fold(word: str) -> str:
    """A word in lower-case ASCII letters and digits, whatever its script.

    Cyrillic is romanised, scheme diacritics spelt out (``č`` -> ``ch``), other
    accents dropped, and a soft sign before a vowel kept as ``i`` (``Anatol'evich``
    is ``Anatolievich``).
    """
    lower = cyrillic_to_latin(word.lower())
    spelled = "".join(_SCHEME_LETTERS.get(ch, ch) for ch in lower)
    decomposed = unicodedata.normalize("NFKD", spelled)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = unidecode(stripped).lower().replace("`", "'")
    text = _APOSTROPHE_BEFORE_VOWEL.sub("i", text)
    return _NOT_WORD.sub("", text)


@lru_cache(maxsize=200_000)
def key_with_rules(folded: str) -> tuple[str, frozenset[str]]:
    """The spelling-invariant key of an ASCII-folded word, and the rules that changed it."""
    key = folded
    fired: set[str] = set()
    for pattern, replacement, name, needs in _KEY_RULES:
        for part in needs:
            if part in key:
                break
        else:
            if needs:
                continue
        new = pattern.sub(replacement, key)
        if new != key:
            fired.add(name)
            key = new
    return key, frozenset(fired)


def token_key(folded: str) -> str:
    return key_with_rules(folded)[0]


# German (Duden) and French romanisations, read back as English-style: ``Tschernyschow``
# and ``Tchernychov`` are ``Chernyshov``, ``Medizinskij sawod`` is ``Meditsinskiy zavod``,
# ``Evguenievitch`` is ``Evgenievich``. Digits hold a rewritten sound so that later rules
# cannot read it again. ``sch`` (German) and ``j`` (French) are both Ш/Ж and Ж only.
_READINGS: dict[str, tuple[tuple[re.Pattern[str], str, str], ...]] = {
    scheme: tuple((re.compile(pattern), replacement, needs) for pattern, replacement, needs in rules)  # noqa: E501
    for scheme, rules in {
        "de": (
            (r"schtsch", "1", "schtsch"), (r"tsch", "2", "tsch"), (r"sch", "3", "sch"),
            (r"ch", "4", "ch"), (r"z", "5", "z"), (r"(?<=[aeiouy])s(?=[aeiouy])", "z", "s"),
            (r"w", "v", "w"),
        ),
        "fr": (
            (r"chtch", "1", "chtch"), (r"tch", "2", "tch"), (r"ch", "6", "ch"),
            (r"dj", "7", "dj"), (r"j", "8", "j"), (r"ou", "u", "ou"), (r"gu(?=[eiy])", "g", "gu"),
            (r"(?<=[aeiouy])s(?=[aeiouy])", "z", "s"), (r"ss", "s", "ss"),
            (r"(?<=[^aeiouy]i)ne$", "n", "ne"),
        ),
    }.items()
}  # fmt: skip
_PLACEHOLDERS = str.maketrans(
    {"1": "shch", "2": "ch", "3": "sh", "4": "kh", "5": "ts", "6": "sh", "7": "dzh", "8": "zh"}
)
# German marks: sch, and w in a Russian ending or onset (-ow, -ew, -owa, Wl-, Wr-),
# not any w: William and Edward are English.
_GERMAN_MARKS = re.compile(r"sch|[oe]wa?\b|\bw[lr]")
# French marks: tch, gue, gui, and ou in a name with a Russian ending (Joukov, Gagarine),
# not any ou: Youssef and Mahmoud are not Russian in French.
_FRENCH_MARKS = re.compile(r"tch|gu[ei]|ou.*(?:[oe]v|ine?|ovna|evna)\b|(?:[oe]v|ine)\b.*ou")


def romanisation_of(text: str) -> str | None:
    """``de`` or ``fr`` when a (lower-case) name shows German (``sch``, ``-ow``) or French
    (``tch``, ``gue``, ``ou`` beside a Russian ending) romanisation: its words then also
    get that reading."""
    if _GERMAN_MARKS.search(text):
        return "de"
    if _FRENCH_MARKS.search(text):
        return "fr"
    return None


def readings(folded: str, scheme: str) -> list[str]:
    """A folded word read as ``scheme`` romanises; German ``sch`` gives two readings."""
    for pattern, replacement, needs in _READINGS[scheme]:
        if needs in folded:
            folded = pattern.sub(replacement, folded)
    found = [folded.translate(_PLACEHOLDERS)]
    if "3" in folded:
        found.append(folded.replace("3", "zh").translate(_PLACEHOLDERS))
    return found


def variant_keys(word: str, scheme: str | None = None) -> tuple[str, ...]:
    """All keys a query word may stand for: the main one first, then scheme alternatives.

    GOST 7.79 writes Х as ``x`` (``Texnologiya``); Ukrainian and Belarusian write Г as
    ``h`` where Russian has ``g``; ``scheme`` (from ``romanisation_of`` the whole name)
    adds German or French readings. Each alternative is a separate key to look up.
    """
    folded = ascii_fold(word)
    keys = [token_key(folded)]
    if "x" in folded:
        keys.append(token_key(folded.replace("x", "kh")))
    if "j" in folded:
        keys.append(token_key(folded.replace("j", "zh")))
        if "dj" in folded:  # Д + Я in scientific ``Gundjaev``, not Дж
            keys.append(token_key(folded.replace("dj", "dy")))
    if "ch" in folded:
        keys.append(token_key(folded.replace("ch", "kh")))
    if scheme is not None:
        keys.extend(token_key(reading) for reading in readings(folded, scheme))
    lower = word.lower()
    if "г" in lower:
        other = "ru" if language_of(lower) in ("uk", "be") else "uk"
        keys.append(token_key(ascii_fold(cyrillic_to_latin(lower, other))))
    return tuple(dict.fromkeys(keys))


def rules_between(folded_a: str, folded_b: str) -> list[str]:
    """The rewrite rules that make two spellings share a key (for explanations)."""
    rules_a = key_with_rules(folded_a)[1]
    rules_b = key_with_rules(folded_b)[1]
    return sorted(rules_a ^ rules_b) or sorted(rules_a)
