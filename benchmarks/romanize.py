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

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

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


TABLE_FILE = Path(__file__).with_name("tables") / "cyrillic_romanization.tsv"


def _read_schemes(path: Path) -> dict[str, dict[str, Table]]:
    """Each scheme's table per language, from the rows of ``path`` (format in its header),
    schemes and languages in the order they first appear."""
    rules: dict[str, dict[str, dict[str, dict[str, str]]]] = {}
    after: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf-8", newline="") as lines:
        rows = csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")
        for row in rows:
            cyrillic, latin = row["cyrillic"], row["latin"]
            for language in row["languages"].split(","):
                if row["rule"] == "iotated_after":
                    after[row["scheme"], language] = "" if cyrillic == "-" else cyrillic
                    continue
                table = rules.setdefault(row["scheme"], {}).setdefault(language, {})
                table.setdefault(row["rule"], {})[cyrillic] = "" if latin == "-" else latin
    return {
        scheme: {
            language: Table(
                letters={**_COMMON, **table.get("letter", {})},
                iotated=table.get("iotated", {}),
                iotated_after=after.get((scheme, language), VOWELS + SIGNS + "й"),
                endings=table.get("ending", {}),
                before_front=table.get("before_front", {}),
            )
            for language, table in languages.items()
        }
        for scheme, languages in rules.items()
    }


SCHEMES = _read_schemes(TABLE_FILE)
"""Each scheme: language -> Table. ``uk`` and ``be`` change what the standard changes for
those languages."""

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
