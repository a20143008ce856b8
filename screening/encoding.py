"""Catching a wrong encoding: in a file before a run, from its first bytes, and in a name.

Two mistakes make every Cyrillic name of a file unusable: a legacy file (Windows-1251,
KOI8-R) read as UTF-8, which turns each such row into an error; and a UTF-8 file read
with a legacy ``--encoding``, which is worse, because every name turns into mojibake
(``Алексей`` read as ``РђР»РµРєСЃРµР№``) that screens clear. Both are recognisable: text in
a legacy Cyrillic encoding is almost never valid UTF-8, and valid UTF-8 with non-ASCII
characters is almost never meant as anything else.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

#: Legacy encodings a refused file is tested against, most common first.
LEGACY_CANDIDATES: Final = ("cp1251", "koi8-r", "cp1252")
_CAPITALISED: Final = re.compile(r"^(?:[А-ЯЁ][а-яё]+|[A-ZÀ-Þ][a-zß-ÿ]+)$")
_WORD: Final = re.compile(r"[^\W\d_]+")


def encoding_problem(sample: bytes, encoding: str) -> str | None:
    """Why ``sample`` (the file's first bytes) should not be read as ``encoding``, or None.

    For UTF-8: most lines holding non-ASCII bytes do not decode; the message names the
    legacy encoding the text reads best in. For another encoding: the sample is valid
    UTF-8 with non-ASCII characters; the message shows what a name would turn into.
    """
    lines = [line for line in _whole_lines(sample).splitlines() if not line.isascii()]
    if not lines:
        return None
    if codecs.lookup(encoding).name in ("utf-8", "utf-8-sig"):
        bad = [line for line in lines if not _is_utf8(line)]
        if len(bad) * 2 <= len(lines):
            return None  # a few broken rows: they become error rows, the run goes on
        guess = best_legacy_encoding(b"\n".join(bad))
        hint = f"it reads as {guess}: run again with --encoding {guess}" if guess else (
            "give its encoding with --encoding (e.g. cp1251)"
        )
        return f"is not UTF-8 ({len(bad)} of the first {len(lines)} lines with non-ASCII " \
            f"bytes do not decode); {hint}"
    if not all(_is_utf8(line) for line in lines):
        return None
    word = next(
        (w for line in lines for w in _WORD.findall(line.decode("utf-8")) if not w.isascii()),
        lines[0].decode("utf-8").strip(),
    )
    misread = word.encode("utf-8").decode(encoding, errors="replace")
    return (
        f"is UTF-8, but --encoding {encoding} was given: {word!r} would be read as "
        f"{misread!r} and screen as nothing; leave out --encoding (UTF-8 is the default)"
    )


def best_legacy_encoding(data: bytes) -> str | None:
    """The legacy encoding in which ``data`` reads as the most capitalised words of one
    script (``Алексей``, ``José``), or None when none reads as text."""
    scores = {}
    for candidate in LEGACY_CANDIDATES:
        words = _WORD.findall(data.decode(candidate, errors="replace"))
        scores[candidate] = sum(1 for word in words if _CAPITALISED.match(word))
    best = max(LEGACY_CANDIDATES, key=lambda candidate: scores[candidate])
    return best if scores[best] else None


def _whole_lines(sample: bytes) -> bytes:
    """The sample up to its last newline, so no character is cut in two."""
    cut = sample.rfind(b"\n")
    return sample[: cut + 1] if cut >= 0 else sample


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


#: Encodings UTF-8 text is commonly misread as, turning "Алексей" into "РђР»РµРєСЃРµР№".
MISREAD_AS: Final = ("cp1251", "koi8-r", "cp1252", "latin-1")

#: Per encoding, the characters it decodes UTF-8 continuation bytes (0x80-0xBF) into.
#: Every non-ASCII UTF-8 character has such a byte, so mojibake holds one of these
#: characters; text without any (most Cyrillic, all Arabic or Chinese) cannot be misread
#: UTF-8, and the decodings, which would each fail with an exception, are not tried.
_CONTINUATION_CHARACTERS: Final = {
    encoding: frozenset(bytes(range(0x80, 0xC0)).decode(encoding, errors="ignore"))
    for encoding in MISREAD_AS
}
_ANY_CONTINUATION_CHARACTER: Final = frozenset().union(*_CONTINUATION_CHARACTERS.values())


def misread_utf8(text: str) -> tuple[str, str] | None:
    """``(encoding, original)`` when ``text`` is UTF-8 that was decoded as a legacy
    encoding (mojibake), else None. Genuine text in any script almost never re-encodes
    into valid UTF-8 with non-ASCII characters."""
    if text.isascii() or _ANY_CONTINUATION_CHARACTER.isdisjoint(text):
        return None
    for encoding in MISREAD_AS:
        if _CONTINUATION_CHARACTERS[encoding].isdisjoint(text):
            continue
        try:
            original = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        if original != text and not original.isascii():
            return encoding, original
    return None
