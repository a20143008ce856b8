"""Undoing the tricks that hide a name from a screener, and saying which were undone.

People who want a listed name to pass write it so that a human still reads it but a
matcher does not: invisible characters inside a word (``Bud\u200bnev``), look-alike
letters of another script (a Cyrillic ``е`` in ``Budnеv``), letters spaced out, dotted or
hyphenated (``B U D N E V``, ``B.U.D.N.E.V.``), digits for letters (``BUDN3V``), the whole
name run together (``ALEKSEYBUDNEV``), or a capitals word typed wholly in the other
script's look-alikes (``СНАУКА`` for ``CHAYKA``). Matching reads through all of them; since
each is a sign of deliberate evasion, every one undone is reported as a ``Finding``.

Certain tricks are undone in the main reading. Guesses (lone letters beside ordinary words
joined, as they may be initials, digits read as letters, a word read in the other script, a
run-together word split into list words) are extra readings, screened beside the main one:
each reports its finding only when it gave a hit.
Pure functions of strings.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Literal

from screening.data import PARTICLES
from screening.text import clean, fold_homoglyphs, has_cyrillic, script_of

MIN_SPELLED_LETTERS: Final = 3
"""A run of this many single letters is a word spelled out; two are initials (``A. B.``)."""
MIN_LEET_WORD: Final = 2
"""Characters a word needs before its digits are read as letters."""
MIN_RUN_TOGETHER: Final = 6
"""Letters a name without spaces needs before it is split into list words."""
MAX_RUN_TOGETHER: Final = 300
"""Longer names are not split (each letter costs ``MAX_WORD`` lookups)."""
SHORT_WORD: Final = 2
"""Letters of a short word, which a second split of a run-together name avoids."""
MIN_JOINED_WORD: Final = 10
"""Letters of a word of a name with spaces before it is split into list words."""
MIN_JOINED_PIECE: Final = 3
"""Letters of the shortest list word such a word is split into."""
MIN_COMMON_SHARE: Final = 0.001
"""Share of list names holding a word that a word of a name with spaces is split into."""
MAX_WORD: Final = 30
"""Letters of the longest word a run-together name is split into."""
MAX_READINGS: Final = 6
"""Readings of one name screened at most (each is a full screening)."""

Kind = Literal[
    "compatibility_forms",
    "invisible_characters",
    "control_characters",
    "look_alike_letters",
    "letter_spacing",
    "leetspeak",
    "other_script_word",
    "run_together",
    "ocr_confusion",
]


@dataclass(frozen=True, slots=True)
class Finding:
    """One kind of cleaning a name needed: what, how many times, and a short example."""

    kind: Kind
    count: int
    detail: str


@dataclass(frozen=True, slots=True)
class Reading:
    """A way to read a name, and the findings that reading implies beyond the certain ones."""

    text: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True, slots=True)
class Uncovered:
    """A name with the certain tricks undone (``text``), what that took (``findings``) and
    the guessed readings to screen beside it."""

    text: str
    findings: tuple[Finding, ...]
    alternatives: tuple[Reading, ...]

    @property
    def readings(self) -> tuple[Reading, ...]:
        return (Reading(self.text), *self.alternatives)


# Capital letters that look the same in Latin and Cyrillic. A capitals word made only of
# them reads in either script: ``СНАУКА`` typed in Cyrillic is ``CHAYKA`` to the eye.
_CYRILLIC_TWINS: Final = "АВЕКМНОРСТХУІЈЅ"
_LATIN_TWINS: Final = "ABEKMHOPCTXYIJS"
_TO_LATIN: Final = str.maketrans(_CYRILLIC_TWINS, _LATIN_TWINS)
_TO_CYRILLIC: Final = str.maketrans(_LATIN_TWINS, _CYRILLIC_TWINS)
_TWINS_WORD: Final = re.compile(rf"(?<![^\W_])[{_CYRILLIC_TWINS}{_LATIN_TWINS}]{{3,}}(?![^\W_])")

# Digits and signs that leetspeak puts for letters.
_LEET: Final = str.maketrans("0123456789@$€!|", "oizeasgtbgaseil")
_LEET_CHARS: Final = frozenset("0123456789@$€!|")
_ANY_LEET: Final = re.compile(r"[0-9@$€!|]")
# Text read by OCR from a scanned document confuses the glyphs of one vertical stroke: a
# small ``l`` comes out as a capital ``I``, a ``1`` or a ``|`` (Rice, Jenkins and Nartker,
# *The Fifth Annual Test of OCR Accuracy*, 1996, the confusions of ``l``; ISO 1073-2's OCR-B
# draws ``I``, ``l`` and ``1`` apart for this reason). Between two small letters, where no
# word begins, such a glyph is the small ``l`` (``MikhaiIovich``, ``Ismatu1lah``).
_OCR_STROKE: Final = re.compile(r"(?<=[a-z])[I1|](?=[a-z])")
_ORDINAL: Final = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)  # ``1st``, ``44th``: numbers
_LEET_WORD: Final = re.compile(r"[\w@$€!|][\w@$€!|'’]*")

# A letter (or digit) standing alone, no letter or digit touching it, and what may sit
# between two such letters of a word spelled out: spaces, dots, hyphens and dashes,
# underscores, dots in the middle of a line, apostrophes and quotes.
_LONE_LETTER: Final = re.compile(r"(?<![^\W_])[^\W_](?![^\W_])")
_SPELLING_GAP: Final = re.compile(r"\s*(?:[.\-‐‑‒–—_·•*'’\"«»“”„‘]\s*){0,3}")
_APOSTROPHES: Final = "'’"
_GAP_NAMES: Final = {".": "dots", "-": "hyphens", "_": "underscores"}
# A separator put between every two characters, and what then separates the words.
_SPACING: Final = tuple(
    (separator, re.compile(between))
    for separator, between in (
        (" ", r" {2,}"), (".", r" +"), ("-", r" +"), ("_", r" +"), ("·", r" +"), ("*", r" +"),
    )
)  # fmt: skip
_WORDS: Final = re.compile(r"[^\W_]+")
_WORD_OF_TWO: Final = re.compile(r"[^\W_]{2}")
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_SINGLE_LETTER_PARTICLES: Final = frozenset(word for word in PARTICLES if len(word) == 1)


def uncover(name: str) -> Uncovered:
    """The name with every certain trick undone, the findings, and the guessed readings."""
    return _uncover(name)


@lru_cache(maxsize=65_536)
def _uncover(name: str) -> Uncovered:
    findings: list[Finding] = []
    text = name if _is_plain(name) else _strip_hidden(name, findings)
    text = unicodedata.normalize("NFKC", _fold_look_alikes(text, findings))
    while (unspaced := _unspace(text, findings)) != text:  # ``A . B . C``: twice
        text = unspaced
    spelling: list[Finding] = []
    spelled = _join_spelled_out(text, spelling)
    if spelled != text and not _WORD_OF_TWO.search(text):
        # The whole name spelled out letter by letter: nothing else it could be.
        text = spelled
        findings += spelling
    readings = [Reading(clean(_fold_look_alikes(text, findings)))]
    if spelled != text:  # lone letters beside other words: initials, an acronym, or a trick
        readings.append(Reading(clean(_fold_look_alikes(spelled, spelling)), tuple(spelling)))
    ocr = _read_ocr_strokes(readings[0].text)
    if ocr is not None:
        readings.append(ocr)
    for reading in list(readings):
        leet = _read_leetspeak(reading.text)
        script = _read_other_script(reading.text)
        if leet is not None:
            readings.append(Reading(leet.text, reading.findings + leet.findings))
        if script is not None:
            readings.append(Reading(script.text, reading.findings + script.findings))
            if leet is not None and (both := _read_other_script(leet.text)) is not None:
                readings.append(
                    Reading(both.text, reading.findings + leet.findings + both.findings)
                )
    main, *others = readings
    alternatives = {r.text: r for r in others if r.text != main.text}  # first of each text
    return Uncovered(main.text, tuple(findings), tuple(alternatives.values()))


def _is_plain(text: str) -> bool:
    """Nothing hidden to strip (most names): cleaning changes no more than the spacing."""
    if text.isascii():
        return text.isprintable()
    return clean(text) == " ".join(text.split())


def _strip_hidden(text: str, findings: list[Finding]) -> str:
    """NFKC, invisible characters dropped and controls made spaces, each counted; spacing
    is kept as it is (it shows where words spelled out letter by letter begin)."""
    styled = sum(
        1 for ch in text if unicodedata.normalize("NFKC", ch) != unicodedata.normalize("NFC", ch)
    )
    text = unicodedata.normalize("NFKC", text)
    invisible = controls = 0
    kept: list[str] = []
    for ch in text:
        if ch.isspace():
            kept.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn"):
            controls += 1
            kept.append(" ")
        elif clean(ch):
            kept.append(ch)
        else:  # a format character or a filler: shows nothing
            invisible += 1
    counted: tuple[tuple[Kind, int, str, str], ...] = (
        ("compatibility_forms", styled, "styled or full-width character", "read as plain"),
        ("invisible_characters", invisible, "invisible character", "removed"),
        ("control_characters", controls, "control character", "removed"),
    )
    for kind, count, noun, done in counted:
        if count:
            findings.append(Finding(kind, count, f"{_many(count, noun)} {done}"))
    return "".join(kept)


def _many(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _unspace(text: str, findings: list[Finding]) -> str:
    """A name spaced out character by character, punctuation included (``S U E X  O T C ,
    S . R . O .``, ``S.U.E.X. O.T.C.,. S...R...O...``): every other character of each word
    is the same separator, so the characters between them are the name (``SUEX OTC,
    S.R.O.``). Words are separated by a wider gap: two spaces where one separates letters,
    one where a dot or hyphen does."""
    stripped = text.strip()
    for separator, between in _SPACING:
        words = between.split(stripped)
        if not any(len(word) >= 3 for word in words):
            continue
        if all(
            all(ch == separator for ch in word[1::2]) and separator not in word[::2][:1]
            for word in words
        ):
            name = " ".join(word[::2] for word in words)
            if sum(ch.isalnum() for ch in name) < MIN_SPELLED_LETTERS or any(
                unicodedata.combining(ch) or ch.isspace() for word in words for ch in word[::2]
            ):
                continue
            kind = _GAP_NAMES.get(separator, "spaces")
            findings.append(
                Finding("letter_spacing", len(words), f"letters separated by {kind} joined: {name}")
            )
            return name
    return text


def _join_spelled_out(text: str, findings: list[Finding]) -> str:
    """Join runs of lone letters into the words they spell: ``B U D N E V`` is ``BUDNEV``.

    A run of fewer than ``MIN_SPELLED_LETTERS`` letters is initials and stays. Inside a run,
    the gap used most is the one between letters; any other gap (two spaces where one
    separates letters, a space where dots do) ends a word, unless it holds an apostrophe.
    Repeated until nothing changes, so that cleaning a cleaned name changes nothing.
    """
    joined: list[str] = []
    gap_kinds: set[str] = set()
    while True:
        before = text
        text = _join_runs(text, joined, gap_kinds)
        if text == before:
            break
    if joined:
        between = " and ".join(sorted(gap_kinds))
        detail = f"letters separated by {between} joined: {', '.join(joined)}"
        findings.append(Finding("letter_spacing", len(joined), detail))
    return text


def _join_runs(text: str, joined: list[str], gap_kinds: set[str]) -> str:
    letters = list(_LONE_LETTER.finditer(text))
    if len(letters) < MIN_SPELLED_LETTERS:
        return text
    runs: list[list[re.Match[str]]] = [[letters[0]]]
    for match in letters[1:]:
        gap = text[runs[-1][-1].end() : match.start()]
        if gap and _SPELLING_GAP.fullmatch(gap):
            runs[-1].append(match)
        else:
            runs.append([match])
    out: list[str] = []
    position = 0
    for run in runs:
        if len(run) < MIN_SPELLED_LETTERS:
            continue
        gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(run)]
        plain = [gap for gap in gaps if not any(mark in gap for mark in _APOSTROPHES)] or gaps
        inner = Counter(plain).most_common(1)[0][0]
        words = [run[0].group()]
        for gap, match in zip(gaps, run[1:], strict=True):
            if _is_apostrophe(gap, inner):  # ``J A M ' Y A H``: the apostrophe is in the word
                words[-1] += "'" + match.group()
            elif gap == inner:
                words[-1] += match.group()
            else:
                words.append(match.group())
        out += [text[position : run[0].start()], " ".join(words)]
        position = run[-1].end()
        joined.append(" ".join(words))
        gap_kinds.add(_GAP_NAMES.get(inner.strip(), "spaces"))
    out.append(text[position:])
    return "".join(out)


def _is_apostrophe(gap: str, inner: str) -> bool:
    """An apostrophe spelled out like a letter (``M ' Y``, ``M.'.Y``), not a quote mark."""
    bare = gap.replace("'", "").replace("’", "")
    return bare != gap and bare in ("", inner, 2 * inner)


def _fold_look_alikes(text: str, findings: list[Finding]) -> str:
    """Look-alike letters inside a word of another script, rewritten and counted."""
    if text.isascii():
        return text
    words = text.split(" ")
    folded_words = [fold_homoglyphs(word) for word in words]
    if folded_words == words:
        return text
    letters: Counter[str] = Counter()
    scripts: set[str] = set()
    for word, folded in zip(words, folded_words, strict=True):
        for before, after in zip(word, folded, strict=True):
            if before != after:
                letters[f"{script_of(before).capitalize()} {before}"] += 1
                scripts.add(script_of(after).capitalize())
    if not letters:
        return text
    where = " and ".join(f"a {script} word" for script in sorted(scripts))
    findings.append(
        Finding("look_alike_letters", letters.total(), f"{', '.join(letters)} in {where}")
    )
    return " ".join(folded_words)


def _read_leetspeak(text: str) -> Reading | None:
    """Digits and signs read as letters inside words that are otherwise letters
    (``BUDN3V``); a word without letters is a number and stays (``Brigade 44``)."""
    if not _ANY_LEET.search(text):
        return None
    changed: list[str] = []

    def read(match: re.Match[str]) -> str:
        word = match.group()
        if len(word) < MIN_LEET_WORD or not any(ch.isalpha() for ch in word):
            return word
        if not any(ch in _LEET_CHARS for ch in word) or _ORDINAL.fullmatch(word):
            return word
        letters = word.translate(_LEET)
        if not any(ch.islower() for ch in word if ch.isalpha()):
            letters = letters.upper()
        changed.append(f"{word} as {letters}")
        return letters

    reading = _LEET_WORD.sub(read, text)
    if not changed:
        return None
    return Reading(
        reading,
        (Finding("leetspeak", len(changed), f"digits read as letters: {', '.join(changed)}"),),
    )


def _read_ocr_strokes(text: str) -> Reading | None:
    """A capital ``I``, a ``1`` or a ``|`` between two small letters read as the small ``l``
    that OCR took it for (``MikhaiIovich``: ``Mikhailovich``). A guess: written on purpose,
    such a capital opens a word run together with the one before (``AndreyIvanovich``),
    which the name as written is read as."""
    if not _OCR_STROKE.search(text):
        return None
    changed = [word for word in _LEET_WORD.findall(text) if _OCR_STROKE.search(word)]
    detail = ", ".join(f"{word} as {_OCR_STROKE.sub('l', word)}" for word in changed)
    return Reading(
        _OCR_STROKE.sub("l", text),
        (Finding("ocr_confusion", len(changed), f"letters OCR confuses read as l: {detail}"),),
    )


def _read_other_script(text: str) -> Reading | None:
    """A capitals word made only of letters that look alike in Latin and Cyrillic, typed in
    the script the rest of the name is not in (or alone), read in the other one too."""
    if not has_cyrillic(text) or not _TWINS_WORD.search(text):
        return None
    words = _WORDS.findall(text)
    cyrillic = [w for w in words if any(script_of(ch) == "cyrillic" for ch in w)]
    latin = [w for w in words if any(script_of(ch) == "latin" for ch in w)]

    def twins_only(word: str, alphabet: str) -> bool:
        return len(word) >= MIN_SPELLED_LETTERS and all(ch in alphabet for ch in word)

    if cyrillic and all(twins_only(w, _CYRILLIC_TWINS) for w in cyrillic):
        swap, table, into = cyrillic, _TO_LATIN, "Latin"
    elif cyrillic and latin and all(twins_only(w, _LATIN_TWINS) for w in latin):
        swap, table, into = latin, _TO_CYRILLIC, "Cyrillic"
    else:
        return None
    swapped = {word: word.translate(table) for word in swap}
    reading = _WORDS.sub(lambda m: swapped.get(m.group(), m.group()), text)
    detail = ", ".join(f"{word} read as {into} {other}" for word, other in swapped.items())
    return Reading(reading, (Finding("other_script_word", len(swapped), detail),))


def split_run_together(
    text: str, frequency: Callable[[str], int], total: int
) -> tuple[Reading, ...]:
    """A name written without a space (``ALEKSEYBUDNEV``, ``JOZAINDUSTRIALCO.``,
    ``ORIENTES.R.L.``): its runs of letters split into list words; no reading when nothing
    splits. A name with spaces is left alone: its long words are names, not runs.

    ``frequency`` tells how many of the ``total`` list names hold a word (0: unknown). Two
    readings at most, as unigram word segmentation makes them (Norvig, "Natural Language
    Corpus Data", in *Beautiful Data*, 2009): the most probable split, each word as likely
    as the share of list names holding it (``INDUSTRIAL CO``, not ``INDUSTRI ALCO``); and,
    when it differs, the most probable of those with the fewest words of one or two letters
    (``CAR RENT``, not ``CARRE NT``). A letter on its own is a word only where writing
    shows it is one: beside a mark or digit (``S.A.``, ``K&O``, ``5G``), or when it is a
    particle (Spanish ``y``). In a name of small and capital letters, a small letter before
    a capital ends a word (``TongcholKIM``, ``Sayyar'ABDALLAH``).

    In a name with spaces, only a long word no list name holds is split, one reading, and
    only into common words of the lists, of three letters or more (``JOINT STOCKCOMPANY``,
    ``SERVICESLIMITED``): most such words are names missing from the lists, and rare list
    words would cut any of them up (``Rostislav`` is no ``Ros tis lav``)."""
    if len(text) > MAX_RUN_TOGETHER:
        return ()
    spaced = " " in text
    if spaced:
        long_words = [run for run in _LETTERS.findall(text) if len(run) >= MIN_JOINED_WORD]
        if all(frequency(run) for run in long_words):
            return ()  # most names: every long word is a list word, or there is none
    elif sum(ch.isalpha() for ch in text) < MIN_RUN_TOGETHER:
        return ()
    readings: list[Reading] = []
    for avoid_short in (False,) if spaced else (False, True):
        reading, splits = _split_words(text, frequency, total, avoid_short, spaced)
        if splits and all(reading != other.text for other in readings):
            finding = Finding("run_together", len(splits), f"split {', '.join(splits)}")
            readings.append(Reading(reading, (finding,)))
    return tuple(readings)


# A small letter before a capital, or before an apostrophe and a capital: where a word
# ends in a name written in both cases.
_CASE_BOUNDARY: Final = re.compile(r"(?<=[a-zß-öø-ÿа-яё])(?=['’]?[A-ZÀ-ÖØ-ÞА-ЯЁ])")


def _split_words(
    text: str, frequency: Callable[[str], int], total: int, avoid_short: bool, spaced: bool
) -> tuple[str, list[str]]:
    """The text with its runs of letters split into list words, and what was split."""
    splits: list[str] = []
    mixed_case = any(ch.islower() for ch in text) and any(ch.isupper() for ch in text)
    if mixed_case and not spaced:
        cased = _CASE_BOUNDARY.sub(" ", text)
        if cased != text:
            splits.append(f"{text} as {cased}")
            text = cased
    known, shortest = frequency, 1
    if spaced:  # common words only (see ``split_run_together``)
        common = math.ceil(total * MIN_COMMON_SHARE)
        shortest = MIN_JOINED_PIECE

        def known(word: str) -> int:
            count = frequency(word)
            return count if count >= common else 0

    def split(match: re.Match[str]) -> str:
        run, start, end = match.group(), match.start(), match.end()
        if spaced and (len(run) < MIN_JOINED_WORD or frequency(run)):
            return run
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        pieces = _segment(run, known, total, avoid_short, before, after, shortest)
        if pieces is None or len(pieces) == 1:
            return run
        splits.append(f"{run} as {' '.join(pieces)}")
        # Digits beside a split run are a word of their own (``ENTERPRISE2``).
        return f"{' ' * before.isdigit()}{' '.join(pieces)}{' ' * after.isdigit()}"

    return clean(_LETTERS.sub(split, text)), splits


def _segment(
    run: str,
    frequency: Callable[[str], int],
    total: int,
    avoid_short: bool,
    before: str,
    after: str,
    shortest: int = 1,
) -> list[str] | None:
    """The best split of a run of letters into list words (see ``split_run_together``),
    or None when no split covers it. ``before`` and ``after``: the characters beside it;
    ``shortest``: letters of the shortest piece."""
    size = len(run)
    # best[end]: the cost of the best split of run[:end] (with ``avoid_short``, its pieces
    # of two letters or less first; then minus the summed log share of each piece) and
    # where its last piece starts.
    best: list[tuple[int, float, int] | None] = [None] * (size + 1)
    best[0] = (0, 0.0, 0)
    for end in range(1, size + 1):
        for start in range(max(0, end - MAX_WORD), end - shortest + 1):
            previous = best[start]
            if previous is None:
                continue
            piece = run[start:end]
            count = frequency(piece)
            if len(piece) == 1 and not _stands_alone(piece, start, end, size, before, after):
                continue
            if not count:
                if len(piece) > 1:
                    continue
                count = 1  # a lone letter beside a mark: an abbreviation
            short = avoid_short and len(piece) <= SHORT_WORD
            option = (previous[0] + short, previous[1] + math.log((total + 1) / count), start)
            current = best[end]
            if current is None or option[:2] < current[:2]:
                best[end] = option
    if best[size] is None:
        return None
    pieces = []
    end = size
    while end > 0:
        entry = best[end]
        assert entry is not None
        pieces.append(run[entry[2] : end])
        end = entry[2]
    return pieces[::-1]


def _stands_alone(letter: str, start: int, end: int, size: int, before: str, after: str) -> bool:
    """A single letter is a word of its own at the edge of a run beside a mark or digit
    (``S.A.``, ``K&O``, ``5G``), or when it is a particle (Spanish ``y``, Russian ``i``)."""
    if letter.lower() in _SINGLE_LETTER_PARTICLES:
        return True
    return (start == 0 and not before.isspace()) or (end == size and not after.isspace())
