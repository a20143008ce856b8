"""Unicode clean-up done before anything else looks at a name.

Evasion tricks live at this level: zero-width characters that split a word
(``Bud\u200bnev``), control characters, and letters borrowed from another script
that look the same (a Cyrillic ``Р`` in ``Рutin``). Everything here is a pure
function of a string.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

# Cyrillic letters that look like Latin ones, and back. Only used inside a word that
# mixes the two scripts: a word written wholly in Cyrillic stays Cyrillic.
_CYRILLIC_TO_LATIN: Final = str.maketrans(
    "АВЕКМНОРСТХУЅІЈаеорсхуіјѕԁһӏ",
    "ABEKMHOPCTXYSIJaeopcxyijsdhl",
)
_LATIN_TO_CYRILLIC: Final = str.maketrans(
    "ABEKMHOPCTXYIaeopcxyi",
    "АВЕКМНОРСТХУІаеорсхуі",
)
# Greek capitals and small letters that pass for Latin inside a Latin word.
_GREEK_TO_LATIN: Final = str.maketrans("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοικνρτυχ", "ABEZHIKMNOPTYXoikvptux")


# The code points of each script, once: ``script_of`` reads single characters with them,
# the searches below whole words (in C).
_LATIN_CODES: Final = "\u0000-\u024f\u1e00-\u1eff"  # letters among them are Latin
_CYRILLIC_CODES: Final = "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff"
_GREEK_CODES: Final = "\u0370-\u03ff\u1f00-\u1fff"
_LATIN_RANGE: Final = re.compile(f"[{_LATIN_CODES}]")
_CYRILLIC: Final = re.compile(f"[{_CYRILLIC_CODES}]")
_GREEK: Final = re.compile(f"[{_GREEK_CODES}]")
_FOREIGN: Final = re.compile(f"[{_CYRILLIC_CODES}{_GREEK_CODES}]")  # Cyrillic or Greek


def script_of(char: str) -> str:
    """The script of a letter: ``latin``, ``cyrillic``, ``greek`` or ``other``."""
    if _LATIN_RANGE.match(char):
        return "latin" if char.isalpha() else "other"
    if _CYRILLIC.match(char):
        return "cyrillic"
    if _GREEK.match(char):
        return "greek"
    return "other"


def has_cyrillic(text: str) -> bool:
    return _CYRILLIC.search(text) is not None


# Scripts whose romanisation is read, never misspelt: Han and Hangul (a mechanical
# reading of syllables), Arabic and Hebrew (consonants, short vowels left out). Not kana:
# a kana word's reading meets a Latin word by the rules of Japanese romanisation where that
# word is a run of Japanese syllables (``screening.japanese``), and by a typo where it is
# not, as a foreign name written in katakana may be.
_READ_SCRIPTS: Final = re.compile(
    "[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


def is_read_not_spelt(text: str) -> bool:
    """Whether a word is in Han, Hangul, Arabic or Hebrew letters: its romanisation
    is a reading, so a letter off is another word, not a typo."""
    return not text.isascii() and _READ_SCRIPTS.search(text) is not None


def fold_homoglyphs(word: str) -> str:
    """Rewrite look-alike letters of a word that mixes Latin, Cyrillic and Greek.

    The word is taken to be written in the script whose letters cannot all be
    look-alikes: ``Pороv`` has Latin ``P`` and ``v`` and Cyrillic ``о р о``, and every
    Cyrillic one has a Latin twin, so the word is Latin (``Popov``), although most of
    its letters are Cyrillic. When both readings are possible, the majority decides.
    """
    if not _FOREIGN.search(word) or (
        not _LATIN_RANGE.search(word) and not (_CYRILLIC.search(word) and _GREEK.search(word))
    ):
        return word  # one script only (the common case), nothing to fold
    scripts = {"latin": [], "cyrillic": [], "greek": []}  # type: dict[str, list[str]]
    for ch in word:
        script = script_of(ch)
        if script in scripts:
            scripts[script].append(ch)
    if sum(1 for letters in scripts.values() if letters) < 2:
        return word
    foreign_latin = "".join(scripts["cyrillic"] + scripts["greek"])
    latin_reading = foreign_latin.translate(_CYRILLIC_TO_LATIN).translate(_GREEK_TO_LATIN)
    can_be_latin = all(script_of(ch) == "latin" for ch in latin_reading)
    cyrillic_reading = "".join(scripts["latin"]).translate(_LATIN_TO_CYRILLIC)
    can_be_cyrillic = not scripts["greek"] and all(
        script_of(ch) == "cyrillic" for ch in cyrillic_reading
    )
    if can_be_cyrillic and (
        not can_be_latin or len(scripts["cyrillic"]) > len(scripts["latin"]) + 1
    ):
        return word.translate(_LATIN_TO_CYRILLIC)
    return word.translate(_CYRILLIC_TO_LATIN).translate(_GREEK_TO_LATIN)


_ASCII_CONTROLS: Final = {code: " " for code in (*range(0x20), 0x7F)}


_FILLER_CHARACTERS: Final = "\u034f\u115f\u1160\u3164\uffa0"  # printable, yet show nothing
_FILLERS: Final = re.compile(f"[{_FILLER_CHARACTERS}]")


def _is_invisible(char: str) -> bool:
    # Cf: zero-width space/joiners, bidi marks, soft hyphen, BOM; Mn after NFKC are
    # combining marks we keep (they carry diacritics), except the ones used as fillers.
    return unicodedata.category(char) == "Cf" or char in _FILLER_CHARACTERS


def _is_space(char: str) -> bool:
    category = unicodedata.category(char)
    return char.isspace() or category in ("Cc", "Zs", "Zl", "Zp", "Cs", "Co", "Cn")


@lru_cache(maxsize=65_536)
def clean(text: str) -> str:
    """NFKC, drop invisible characters, turn controls into spaces, fold look-alike letters.

    Idempotent: ``clean(clean(x)) == clean(x)``. Case is kept; callers fold it.
    """
    if text.isascii():
        # Most names: nothing to normalise, nothing invisible, one script.
        return " ".join(text.translate(_ASCII_CONTROLS).split())
    text = unicodedata.normalize("NFKC", text)
    if text.isprintable() and not _FILLERS.search(text):
        words = text.split()  # no control, format or separator character but the space
    else:
        kept: list[str] = []
        for char in text:
            if _is_invisible(char):
                continue
            kept.append(" " if _is_space(char) else char)
        words = "".join(kept).split()
    folded = " ".join(fold_homoglyphs(word) for word in words)
    # Folding can create a new NFKC composition opportunity only in theory; normalise again
    # so the function stays idempotent.
    return unicodedata.normalize("NFKC", folded)
