"""Romanisation of Russian, Ukrainian and Belarusian Cyrillic by the standard schemes.

Written for the benchmark alone, independent of the engine's ``screening/translit.py``: the
synthetic set would prove nothing if it spelled names with the engine's own tables.

A scheme is a letter table plus three context rules that the standards share:

- *iotated* letters (е, ё, ю, я, є, ї ...) have another form at the start of a word and after
  a vowel or a sign (BGN/PCGN: Елена -> Yelena, but Пётр -> Petr);
- *endings* replace a word-final group (English Wikipedia: -ий -> -y, Достоевский -> Dostoevsky);
- *before front vowels* (GOST 7.79 B: ц is ``cz`` but ``c`` before е, и, ы, й).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

VOWELS = "аеёиоуыэюяєіїў"
SIGNS = "ъь'"
APOSTROPHES = "’ʼ`"
"""Typographic apostrophes (Ukrainian п’ять, Belarusian аб’ява) are read as a plain ``'``."""

_CYRILLIC_WORD = re.compile(r"[а-яёєіїґўА-ЯЁЄІЇҐЎ]+(?:'[а-яёєіїґўА-ЯЁЄІЇҐЎ]+)*")

_COMMON = dict(
    zip("абвгдзиклмнопрстуф", "abvgdziklmnoprstuf", strict=True),
)
"""Letters every scheme writes the same way (the schemes differ on the rest)."""

_FALLBACK = {"і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u", "'": ""}
"""Ukrainian and Belarusian letters for a scheme whose table does not define them."""


@dataclass(frozen=True)
class Table:
    """One scheme for one language."""

    letters: dict[str, str]
    iotated: dict[str, str] = field(default_factory=dict)
    iotated_after: str = VOWELS + SIGNS + "й"
    endings: dict[str, str] = field(default_factory=dict)
    before_front: dict[str, str] = field(default_factory=dict)
    front: str = "еиыйіє"

    def word(self, lower: str) -> str:
        """Romanise one lowercase Cyrillic word."""
        out: list[str] = []
        i = 0
        while i < len(lower):
            if i > 0 and lower[i:] in self.endings:
                out.append(self.endings[lower[i:]])
                break
            letter = lower[i]
            previous = lower[i - 1] if i else ""
            following = lower[i + 1] if i + 1 < len(lower) else ""
            if letter in self.iotated and (not previous or previous in self.iotated_after):
                out.append(self.iotated[letter])
            elif letter in self.before_front and following and following in self.front:
                out.append(self.before_front[letter])
            else:
                out.append(self.letters.get(letter, _FALLBACK.get(letter, letter)))
            i += 1
        return "".join(out)


def _table(letters: dict[str, str], **rules: object) -> Table:
    return Table(letters={**_COMMON, **letters}, **rules)  # type: ignore[arg-type]


def _ru(**letters: str) -> dict[str, str]:
    """A Russian letter table from keyword arguments (``zh="ж"`` reads badly; we map by name)."""
    return {_BY_NAME[name]: latin for name, latin in letters.items()}


_BY_NAME = {
    "ye": "е",
    "yo": "ё",
    "zh": "ж",
    "y_short": "й",
    "kh": "х",
    "ts": "ц",
    "ch": "ч",
    "sh": "ш",
    "shch": "щ",
    "hard": "ъ",
    "yery": "ы",
    "soft": "ь",
    "e_rev": "э",
    "yu": "ю",
    "ya": "я",
    "g": "г",
    "gh": "ґ",
    "ye_uk": "є",
    "i_uk": "і",
    "yi": "ї",
    "y_uk": "и",
    "u_short": "ў",
    "apostrophe": "'",
}

# Each scheme: language -> Table. "ru" is the Russian table; "uk" and "be" change what the
# standard changes for those languages.
SCHEMES: dict[str, dict[str, Table]] = {
    # BGN/PCGN, without diacritics: the designated-list scheme of the synthetic set.
    "bgn_pcgn": {
        "ru": _table(
            _ru(
                ye="e",
                yo="e",
                zh="zh",
                y_short="y",
                kh="kh",
                ts="ts",
                ch="ch",
                sh="sh",
                shch="shch",
                hard="",
                yery="y",
                soft="",
                e_rev="e",
                yu="yu",
                ya="ya",
            ),
            iotated={"е": "ye", "ё": "ye"},
        ),
        "uk": _table(
            _ru(
                ye="e",
                zh="zh",
                y_short="y",
                kh="kh",
                ts="ts",
                ch="ch",
                sh="sh",
                shch="shch",
                soft="",
                yu="yu",
                ya="ya",
                g="h",
                gh="g",
                ye_uk="ye",
                i_uk="i",
                yi="yi",
                y_uk="y",
                apostrophe="",
            ),
        ),
        "be": _table(
            _ru(
                ye="e",
                yo="yo",
                zh="zh",
                y_short="y",
                kh="kh",
                ts="ts",
                ch="ch",
                sh="sh",
                yery="y",
                soft="",
                e_rev="e",
                yu="yu",
                ya="ya",
                g="h",
                i_uk="i",
                u_short="w",
                apostrophe="",
            ),
            iotated={"е": "ye", "ё": "yo"},
        ),
    },
    # ICAO Doc 9303 (machine-readable passports, 2013 onwards).
    "icao_9303": {
        lang: _table(
            _ru(
                ye="e",
                yo="e",
                zh="zh",
                y_short="i",
                kh="kh",
                ts="ts",
                ch="ch",
                sh="sh",
                shch="shch",
                hard="ie",
                yery="y",
                soft="",
                e_rev="e",
                yu="iu",
                ya="ia",
                gh="g",
                ye_uk="ie",
                i_uk="i",
                yi="i",
                y_uk="i",
                u_short="u",
                apostrophe="",
            )
        )
        for lang in ("ru", "uk", "be")
    },
    # GOST 7.79-2000 system B (ASCII with backticks).
    "gost_779b": {
        "ru": _table(
            _ru(
                ye="e",
                yo="yo",
                zh="zh",
                y_short="j",
                kh="x",
                ts="cz",
                ch="ch",
                sh="sh",
                shch="shh",
                hard="``",
                yery="y`",
                soft="`",
                e_rev="e`",
                yu="yu",
                ya="ya",
            ),
            before_front={"ц": "c"},
        ),
        "uk": _table(
            _ru(
                ye="e",
                zh="zh",
                y_short="j",
                kh="x",
                ts="cz",
                ch="ch",
                sh="sh",
                shch="shh",
                soft="`",
                yu="yu",
                ya="ya",
                gh="g`",
                ye_uk="ye",
                i_uk="i",
                yi="yi",
                y_uk="y`",
                apostrophe="'",
            ),
            before_front={"ц": "c"},
        ),
        "be": _table(
            _ru(
                ye="e",
                yo="yo",
                zh="zh",
                y_short="j",
                kh="x",
                ts="cz",
                ch="ch",
                sh="sh",
                yery="y`",
                soft="`",
                e_rev="e`",
                yu="yu",
                ya="ya",
                i_uk="i",
                u_short="u`",
                apostrophe="'",
            ),
            before_front={"ц": "c"},
        ),
    },
    # ISO 9:1995, one Latin letter (with diacritics) per Cyrillic letter.
    "iso9_1995": {
        lang: _table(
            _ru(
                ye="e",
                yo="ë",
                zh="ž",
                y_short="j",
                kh="h",
                ts="c",
                ch="č",
                sh="š",
                shch="ŝ",
                hard="ʺ",
                yery="y",
                soft="ʹ",
                e_rev="è",
                yu="û",
                ya="â",
                gh="g̀",
                ye_uk="ê",
                i_uk="ì",
                yi="ï",
                y_uk="i",
                u_short="ǔ",
                apostrophe="",
            )
        )
        for lang in ("ru", "uk", "be")
    },
    # ISO/R 9:1968 (old passports, library catalogues): щ is šč, х is ch.
    "iso9_1968": {
        "ru": _table(
            _ru(
                ye="e",
                yo="ë",
                zh="ž",
                y_short="j",
                kh="ch",
                ts="c",
                ch="č",
                sh="š",
                shch="šč",
                hard="ʺ",
                yery="y",
                soft="ʹ",
                e_rev="ė",
                yu="ju",
                ya="ja",
            ),
        ),
        "uk": _table(
            _ru(
                ye="e",
                zh="ž",
                y_short="j",
                kh="ch",
                ts="c",
                ch="č",
                sh="š",
                shch="šč",
                soft="ʹ",
                yu="ju",
                ya="ja",
                g="h",
                gh="g",
                ye_uk="je",
                i_uk="i",
                yi="ï",
                y_uk="y",
                apostrophe="",
            ),
        ),
        "be": _table(
            _ru(
                ye="e",
                yo="ë",
                zh="ž",
                y_short="j",
                kh="ch",
                ts="c",
                ch="č",
                sh="š",
                yery="y",
                soft="ʹ",
                e_rev="ė",
                yu="ju",
                ya="ja",
                g="h",
                i_uk="i",
                u_short="ŭ",
                apostrophe="",
            ),
        ),
    },
    # Scientific transliteration (linguistics): х is x, ю is ju.
    "scientific": {
        "ru": _table(
            _ru(
                ye="e",
                yo="ë",
                zh="ž",
                y_short="j",
                kh="x",
                ts="c",
                ch="č",
                sh="š",
                shch="šč",
                hard="ʺ",
                yery="y",
                soft="ʹ",
                e_rev="è",
                yu="ju",
                ya="ja",
            ),
        ),
        "uk": _table(
            _ru(
                ye="e",
                zh="ž",
                y_short="j",
                kh="x",
                ts="c",
                ch="č",
                sh="š",
                shch="šč",
                soft="ʹ",
                yu="ju",
                ya="ja",
                g="h",
                gh="g",
                ye_uk="je",
                i_uk="i",
                yi="ji",
                y_uk="y",
                apostrophe="",
            ),
        ),
        "be": _table(
            _ru(
                ye="e",
                yo="ë",
                zh="ž",
                y_short="j",
                kh="x",
                ts="c",
                ch="č",
                sh="š",
                yery="y",
                soft="ʹ",
                e_rev="è",
                yu="ju",
                ya="ja",
                g="h",
                i_uk="i",
                u_short="ŭ",
                apostrophe="",
            ),
        ),
    },
    # "Telegram" style (the old telegraph code, still common informally): ж j, щ sc, х h.
    "telegram": {
        lang: _table(
            _ru(
                ye="e",
                yo="e",
                zh="j",
                y_short="i",
                kh="h",
                ts="c",
                ch="ch",
                sh="sh",
                shch="sc",
                hard="",
                yery="y",
                soft="",
                e_rev="e",
                yu="iu",
                ya="ia",
                gh="g",
                ye_uk="ie",
                i_uk="i",
                yi="i",
                y_uk="i",
                u_short="u",
                apostrophe="",
            )
        )
        for lang in ("ru", "uk", "be")
    },
    # Yandex maps and URLs: ё yo, no ye-rule.
    "yandex": {
        "ru": _table(
            _ru(
                ye="e",
                yo="yo",
                zh="zh",
                y_short="y",
                kh="kh",
                ts="ts",
                ch="ch",
                sh="sh",
                shch="shch",
                hard="",
                yery="y",
                soft="",
                e_rev="e",
                yu="yu",
                ya="ya",
            ),
        ),
    },
    # English Wikipedia (modified BGN/PCGN): -ий and -ый end in -y, ё is yo.
    "wikipedia": {
        "ru": _table(
            _ru(
                ye="e",
                yo="yo",
                zh="zh",
                y_short="y",
                kh="kh",
                ts="ts",
                ch="ch",
                sh="sh",
                shch="shch",
                hard="",
                yery="y",
                soft="",
                e_rev="e",
                yu="yu",
                ya="ya",
            ),
            iotated={"е": "ye"},
            endings={"ий": "y", "ый": "y"},
        ),
    },
    # Russian internal passports 2010-2013 (MVD order 782).
    "mvd_782": {
        "ru": _table(
            _ru(
                ye="e",
                yo="e",
                zh="zh",
                y_short="y",
                kh="kh",
                ts="ts",
                ch="ch",
                sh="sh",
                shch="shch",
                hard="",
                yery="y",
                soft="",
                e_rev="e",
                yu="yu",
                ya="ya",
            ),
        ),
    },
    # German (Duden): w, sch, tsch, schtsch, ch.
    "german": {
        "ru": _table(
            _ru(
                ye="e",
                yo="jo",
                zh="sch",
                y_short="i",
                kh="ch",
                ts="z",
                ch="tsch",
                sh="sch",
                shch="schtsch",
                hard="",
                yery="y",
                soft="",
                e_rev="e",
                yu="ju",
                ya="ja",
            )
            | {"в": "w", "з": "s"},
            iotated={"е": "je"},
            endings={"ий": "ij", "ый": "y"},
        ),
        "uk": _table(
            _ru(
                ye="e",
                zh="sch",
                y_short="i",
                kh="ch",
                ts="z",
                ch="tsch",
                sh="sch",
                shch="schtsch",
                soft="",
                yu="ju",
                ya="ja",
                g="h",
                ye_uk="je",
                i_uk="i",
                yi="ji",
                y_uk="y",
                apostrophe="",
            )
            | {"в": "w", "з": "s"},
        ),
    },
    # Ukraine's national system (Cabinet resolution 55 of 2010), used in passports.
    "ua_national": {
        "uk": _table(
            _ru(
                ye="e",
                zh="zh",
                y_short="i",
                kh="kh",
                ts="ts",
                ch="ch",
                sh="sh",
                shch="shch",
                soft="",
                yu="iu",
                ya="ia",
                g="h",
                gh="g",
                ye_uk="ie",
                i_uk="i",
                yi="i",
                y_uk="y",
                apostrophe="",
            ),
            iotated={"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"},
            iotated_after="",
        ),
    },
    # Belarus's national system (2007), without the acute of softened consonants.
    "by_national": {
        "be": _table(
            _ru(
                ye="ie",
                yo="io",
                zh="ž",
                y_short="j",
                kh="ch",
                ts="c",
                ch="č",
                sh="š",
                yery="y",
                soft="",
                e_rev="e",
                yu="iu",
                ya="ia",
                g="h",
                i_uk="i",
                u_short="ŭ",
                apostrophe="",
            ),
            iotated={"е": "je", "ё": "jo", "ю": "ju", "я": "ja"},
            iotated_after=VOWELS + SIGNS + "ў",
        ),
    },
}

LIST_SCHEME = "bgn_pcgn"


def schemes_for(language: str) -> list[str]:
    """The schemes defined for a language, in a fixed order."""
    return [key for key, tables in SCHEMES.items() if language in tables]


def romanize(text: str, scheme: str, language: str = "ru") -> str:
    """Romanise every Cyrillic word of ``text``; everything else is left as it is.

    Case follows the source word: ``ЩУКИН`` -> ``SHCHUKIN``, ``Щукин`` -> ``Shchukin``.
    """
    table = SCHEMES[scheme][language]
    for mark in APOSTROPHES:
        text = text.replace(mark, "'")

    def one(match: re.Match[str]) -> str:
        source = match.group(0)
        latin = table.word(source.lower())
        if len(source) > 1 and source.isupper():
            return latin.upper()
        if source[0].isupper():
            return latin[:1].upper() + latin[1:]
        return latin

    return _CYRILLIC_WORD.sub(one, text)
