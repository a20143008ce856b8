"""The linguistic tables of the engine, read from the reviewed files beside this module.

Each ``.tsv`` file here says in its header what it holds, where its entries come from and
which module reads it. They are read and checked once, at import: a file with a missing
column, an unknown class, an empty or malformed entry or a repeated row raises
``TableError`` naming the file and line, so a broken table stops the engine instead of
quietly matching less. Pure data: the modules that use a table build their lookups from it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import NamedTuple

from screening.errors import TableError

# The classes a legal form can be filed under (see the header of legal_forms.tsv).
LEGAL_FORM_CLASSES = frozenset({"llc", "jsc", "sue", "ltd", "partnership", "inc", "co"})


def _is_word(value: str) -> bool:
    """Lower-case ASCII letters only: the tables hold romanised words, not raw spellings."""
    return value.isascii() and value.isalpha() and value.islower()


def _is_phrase(value: str) -> bool:
    """Words separated by single spaces (``l l c``, ``joint stock company``)."""
    return all(_is_word(word) for word in value.split(" "))


def _is_identifier(value: str) -> bool:
    """A concept's name: words joined by underscores (``far_east``)."""
    return all(_is_word(word) for word in value.split("_"))


def _one_of(*allowed: str) -> Callable[[str], bool]:
    return frozenset(allowed).__contains__


class TableFormat(NamedTuple):
    """The columns of a table file and the check each column's value must pass (``note``
    is free text, optional, and always last)."""

    columns: tuple[str, ...]
    checks: tuple[Callable[[str], bool], ...]


class Row(NamedTuple):
    """One entry of a table file: its line number and its fields (the note excluded)."""

    line: int
    fields: tuple[str, ...]


GLOSSARY = TableFormat(
    ("concept", "stem", "note"),
    (_is_identifier, lambda v: _is_word(v.removesuffix("."))),  # stem. : the whole word only
)
# A place name, lower-case words separated by single spaces (``saint petersburg``).
PLACE_NAMES = TableFormat(("name", "note"), (_is_phrase,))
# An adjective ending; a leading C stands for any consonant (``Cna``).
ADJECTIVE_ENDINGS = TableFormat(("ending", "note"), (lambda v: _is_word(v.removeprefix("C")),))
LEGAL_FORMS = TableFormat(
    ("class", "phrase", "note"), (LEGAL_FORM_CLASSES.__contains__, _is_phrase)
)
GIVEN_NAMES = TableFormat(
    ("sex", "group", "form", "note"), (_one_of("male", "female"), _is_word, _is_word)
)
IDENTIFIER_TYPES = TableFormat(
    (
        "type",
        "country",
        "strength",
        "group",
        "unique",
        "form",
        "zeros",
        "check",
        "prefixes",
        "note",
    ),
    (
        lambda v: bool(re.fullmatch(r"[a-z_]+\*?", v)),
        lambda v: v == "*" or bool(re.fullmatch(r"[a-z]{2}", v)),
        _one_of("strong", "country", "weak"),
        lambda v: bool(re.fullmatch(r"[a-z_]+", v)),
        _one_of("yes", "no"),
        _one_of("digits", "alnum", "crypto"),
        _one_of("strip", "keep"),
        lambda v: v == "-" or bool(re.fullmatch(r"[a-z]+(\.[a-z]+)?(@\d+(,\d+)*)?", v)),
        lambda v: bool(v.strip()),  # the prefixes
    ),
)
NUMBERS = TableFormat(("word", "value", "note"), (_is_word, str.isdigit))
PARTICLES_TITLES = TableFormat(
    ("kind", "word", "note"), (_one_of("particle", "title", "honorific"), _is_word)
)
EAST_ASIAN_SURNAMES = TableFormat(
    ("origin", "group", "spelling", "note"), (_one_of("korean", "chinese"), _is_word, _is_word)
)
ARABIC_LETTERS = TableFormat(
    ("letter", "latin", "note"),
    (
        lambda v: len(v) == 1 and "\u0600" <= v <= "\u06ff",
        lambda v: v in ("-", "'") or _is_word(v),
    ),
)
VIETNAMESE_NAMES = TableFormat(
    ("kind", "group", "spelling", "note"), (_one_of("family", "middle"), _is_word, _is_word)
)
HANGUL_JAMO = TableFormat(
    ("position", "jamo", "rr", "mr", "note"),
    (
        _one_of("initial", "vowel", "final"),
        lambda v: v == "-" or (len(v) == 1 and "\u3131" <= v <= "\u318e"),
        lambda v: v == "-" or _is_word(v),
        lambda v: v == "-" or bool(re.fullmatch(r"[a-z\u014f\u016d]+'?", v)),
    ),
)
_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]+")


def _is_katakana(value: str) -> bool:
    return _KATAKANA.fullmatch(value) is not None


KANA = TableFormat(
    ("kana", "hepburn", "kunrei", "nihon", "note"), (_is_katakana, _is_word, _is_word, _is_word)
)
JAPANESE_SURNAMES = TableFormat(("hepburn", "kana", "note"), (_is_word, _is_katakana))
HEBREW_LETTERS = TableFormat(
    ("letter", "latin", "class", "note"),
    (
        lambda v: 1 <= len(v) <= 2 and all("\u05d0" <= ch <= "\u05f4" for ch in v),
        lambda v: all(part == "-" or _is_word(part) for part in v.split(" ")),
        lambda v: all(part == "-" or _is_word(part) for part in v.split(" ")),
    ),
)
DEVANAGARI_LETTERS = TableFormat(
    ("letter", "kind", "latin", "note"),
    (
        lambda v: 1 <= len(v) <= 2 and all("\u0900" <= ch <= "\u097f" for ch in v),
        _one_of("consonant", "nukta", "vowel", "sign", "virama", "mark"),
        lambda v: v == "-" or _is_word(v),
    ),
)
ARMENIAN_LETTERS = TableFormat(
    ("letter", "latin", "note"),
    (lambda v: len(v) == 1 and "\u0561" <= v <= "\u0587", _is_word),
)
HAN_SURNAME_READINGS = TableFormat(
    ("character", "reading", "note"),
    (lambda v: len(v) == 1 and "\u4e00" <= v <= "\u9fff", _is_word),
)
ARABIC_SHORT_FORMS = TableFormat(("short", "full", "note"), (_is_word, _is_word))
ARABIC_WORDS = TableFormat(
    ("kind", "word", "note"),
    (_one_of("article", "name_word", "kunya", "lineage", "ezafe"), _is_word),
)
OPENING_SOUNDS = TableFormat(("opening", "sounds", "note"), (_is_word, _is_phrase))


def read_table(source: Traversable, table: TableFormat) -> list[Row]:
    """The rows of a table file, in file order, each checked against the table's format."""
    name = source.name
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TableError(f"{name}: cannot be read: {exc}") from exc
    required = len(table.checks)
    rows: list[Row] = []
    header_seen = False
    seen: dict[tuple[str, ...], int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != table.columns:
                raise TableError(
                    f"{name}:{number}: columns are {fields}, expected {list(table.columns)}"
                )
            header_seen = True
            continue
        if not required <= len(fields) <= len(table.columns):
            raise TableError(
                f"{name}:{number}: {len(fields)} fields, expected {required} "
                f"or {len(table.columns)} ({', '.join(table.columns)}), separated by tabs"
            )
        for column, check, value in zip(table.columns, table.checks, fields, strict=False):
            if not check(value):
                problem = "is empty" if not value.strip() else f"{value!r} is not valid here"
                raise TableError(f"{name}:{number}: {column} {problem}")
        entry = tuple(fields[:required])
        if entry in seen:
            raise TableError(f"{name}:{number}: repeats line {seen[entry]}")
        seen[entry] = number
        rows.append(Row(number, entry))
    if not rows:
        raise TableError(f"{name}: no entries")
    return rows


def _file(name: str) -> Traversable:
    return files(__name__).joinpath(name)


def tables_digest(sources: Iterable[Traversable]) -> str:
    """A short digest of the table files' bytes: it changes whenever an entry, a class or
    a note does, so a result's engine stamp can pin the tables it was made with."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.name.encode("utf-8") + b"\0" + source.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def grouped(rows: list[Row]) -> dict[str, tuple[str, ...]]:
    """Entries by their first field, in file order: ``{class: (entry, ...)}``."""
    groups: dict[str, list[str]] = {}
    for row in rows:
        groups.setdefault(row.fields[0], []).append(row.fields[1])
    return {key: tuple(entries) for key, entries in groups.items()}


def given_name_groups(
    rows: list[Row], name: str = "given_names.tsv"
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Groups of name forms by sex, each group named by its first form (``vladimir``).

    A group must list its own name among its forms and be of one sex."""
    forms: dict[str, list[str]] = {}
    sex_of: dict[str, str] = {}
    for row in rows:
        sex, group, form = row.fields
        if sex_of.setdefault(group, sex) != sex:
            raise TableError(f"{name}:{row.line}: group {group!r} is also of the other sex")
        forms.setdefault(group, []).append(form)
    by_sex: dict[str, list[tuple[str, ...]]] = {"male": [], "female": []}
    for group, group_forms in forms.items():
        if group not in group_forms:
            raise TableError(f"{name}: group {group!r} does not list its own name as a form")
        others = tuple(form for form in group_forms if form != group)
        by_sex[sex_of[group]].append((group, *others))
    return {sex: tuple(groups) for sex, groups in by_sex.items()}


def spelling_groups(
    rows: list[Row], name: str = "east_asian_surnames.tsv"
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Groups of spellings by origin, in file order, each group opening with the spelling
    it is named by (``korean: (("gim", "kim"), ...)``)."""
    spellings: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        origin, group, spelling = row.fields
        spellings.setdefault((origin, group), []).append(spelling)
    by_origin: dict[str, list[tuple[str, ...]]] = {}
    for (origin, group), found in spellings.items():
        if found[0] != group:
            raise TableError(f"{name}: group {group!r} does not open with its own name")
        by_origin.setdefault(origin, []).append(tuple(found))
    return {origin: tuple(groups) for origin, groups in by_origin.items()}


# Every table file of this folder; the digest covers them all.
TABLE_FILES = (
    "glossary.tsv",
    "slavic_adjective_endings.tsv",
    "legal_forms.tsv",
    "legal_forms_iso20275.tsv",
    "legal_forms_state_institutions.tsv",
    "given_names.tsv",
    "hebrew_given_names.tsv",
    "arabic_given_names.tsv",
    "particles_titles.tsv",
    "east_asian_surnames.tsv",
    "han_surname_readings.tsv",
    "arabic_letters.tsv",
    "arabic_name_words.tsv",
    "hangul_jamo.tsv",
    "kana.tsv",
    "japanese_surnames.tsv",
    "vietnamese_names.tsv",
    "arabic_short_forms.tsv",
    "hebrew_letters.tsv",
    "devanagari_letters.tsv",
    "armenian_letters.tsv",
    "numbers.tsv",
    "identifier_types.tsv",
    "month_names.tsv",  # read by screening.dates
    "country_variants.tsv",  # read by screening.sources.countries
    "opening_sounds.tsv",  # read by screening.scoring.tokens
    "world_cities.tsv",  # read by screening.places
    "country_adjectives.tsv",  # read by screening.places
)

# Read at import: a bad file fails the first import of the engine, not a later screening.
GLOSSARY_CONCEPTS = grouped(read_table(_file("glossary.tsv"), GLOSSARY))
SLAVIC_ADJECTIVE_ENDINGS = tuple(
    row.fields[0] for row in read_table(_file("slavic_adjective_endings.tsv"), ADJECTIVE_ENDINGS)
)
WORLD_CITIES = tuple(row.fields[0] for row in read_table(_file("world_cities.tsv"), PLACE_NAMES))
COUNTRY_ADJECTIVES = tuple(
    row.fields[0] for row in read_table(_file("country_adjectives.tsv"), PLACE_NAMES)
)
LEGAL_FORM_PHRASES = grouped(read_table(_file("legal_forms.tsv"), LEGAL_FORMS))
# Generated from ISO 20275 by scripts/build_legal_forms.py: the forms of the world.
WORLD_LEGAL_FORM_PHRASES = grouped(read_table(_file("legal_forms_iso20275.tsv"), LEGAL_FORMS))
# Russian state institutions (OKOPF): read as whole phrases only.
STATE_INSTITUTION_PHRASES = grouped(
    read_table(_file("legal_forms_state_institutions.tsv"), LEGAL_FORMS)
)
_NAME_GROUPS = given_name_groups(read_table(_file("given_names.tsv"), GIVEN_NAMES))
_HEBREW_NAME_GROUPS = given_name_groups(
    read_table(_file("hebrew_given_names.tsv"), GIVEN_NAMES), "hebrew_given_names.tsv"
)
MALE_GIVEN_NAMES = _NAME_GROUPS["male"]
FEMALE_GIVEN_NAMES = _NAME_GROUPS["female"]
HEBREW_GIVEN_NAMES = _HEBREW_NAME_GROUPS["male"] + _HEBREW_NAME_GROUPS["female"]
_ARABIC_NAME_GROUPS = given_name_groups(
    read_table(_file("arabic_given_names.tsv"), GIVEN_NAMES), "arabic_given_names.tsv"
)
ARABIC_GIVEN_NAMES = _ARABIC_NAME_GROUPS["male"] + _ARABIC_NAME_GROUPS["female"]
_NAME_WORDS = grouped(read_table(_file("particles_titles.tsv"), PARTICLES_TITLES))
PARTICLES = _NAME_WORDS.get("particle", ())
# Islamic honorifics are titles that also show a name of Arabic, Persian or Urdu origin.
HONORIFICS = _NAME_WORDS.get("honorific", ())
TITLES = _NAME_WORDS.get("title", ()) + HONORIFICS
_SURNAME_GROUPS = spelling_groups(read_table(_file("east_asian_surnames.tsv"), EAST_ASIAN_SURNAMES))
KOREAN_SURNAME_GROUPS = _SURNAME_GROUPS.get("korean", ())
CHINESE_SURNAME_SPELLINGS = tuple(group[0] for group in _SURNAME_GROUPS.get("chinese", ()))
HAN_FAMILY_NAME_READINGS = grouped(
    read_table(_file("han_surname_readings.tsv"), HAN_SURNAME_READINGS)
)
_VIETNAMESE = spelling_groups(
    read_table(_file("vietnamese_names.tsv"), VIETNAMESE_NAMES), "vietnamese_names.tsv"
)
VIETNAMESE_SURNAME_GROUPS = _VIETNAMESE.get("family", ())
VIETNAMESE_MIDDLE_MARKERS = tuple(group[0] for group in _VIETNAMESE.get("middle", ()))
HANGUL_JAMO_ROWS = [row.fields for row in read_table(_file("hangul_jamo.tsv"), HANGUL_JAMO)]
KANA_ROWS = [row.fields for row in read_table(_file("kana.tsv"), KANA)]
JAPANESE_SURNAME_ROWS = [
    row.fields for row in read_table(_file("japanese_surnames.tsv"), JAPANESE_SURNAMES)
]
ARABIC_LETTERS_LATIN = {
    letter: "" if latin == "-" else latin
    for letter, latin in (
        row.fields for row in read_table(_file("arabic_letters.tsv"), ARABIC_LETTERS)
    )
}
# Devanagari letters and signs: (kind, latin) by letter, latin "" for nothing.
DEVANAGARI_LATIN = {
    letter: (kind, "" if latin == "-" else latin)
    for letter, kind, latin in (
        row.fields for row in read_table(_file("devanagari_letters.tsv"), DEVANAGARI_LETTERS)
    )
}
ARMENIAN_LATIN = {
    letter: latin
    for letter, latin in (
        row.fields for row in read_table(_file("armenian_letters.tsv"), ARMENIAN_LETTERS)
    )
}
_ARABIC_WORDS = grouped(read_table(_file("arabic_name_words.tsv"), ARABIC_WORDS))
ARABIC_ARTICLE_FORMS = _ARABIC_WORDS.get("article", ())
ARABIC_LINEAGE_WORDS = _ARABIC_WORDS.get("lineage", ())
ARABIC_KUNYA_WORDS = _ARABIC_WORDS.get("kunya", ())
EZAFE_FORMS = _ARABIC_WORDS.get("ezafe", ())
ARABIC_FULL_OF_SHORT = {
    short: full
    for short, full in (
        row.fields for row in read_table(_file("arabic_short_forms.tsv"), ARABIC_SHORT_FORMS)
    )
}
ARABIC_NAME_WORDS = (
    _ARABIC_WORDS.get("name_word", ()) + ARABIC_KUNYA_WORDS + ARABIC_LINEAGE_WORDS
)
# Hebrew letter -> (its Latin spellings, "" for none; its retrieval classes, "" for none).
HEBREW_LETTERS_LATIN = {
    letter: (
        tuple("" if part == "-" else part for part in latin.split(" ")),
        tuple("" if part == "-" else part for part in classes.split(" ")),
    )
    for letter, latin, classes in (
        row.fields for row in read_table(_file("hebrew_letters.tsv"), HEBREW_LETTERS)
    )
}
IDENTIFIER_TYPE_ROWS = [
    row.fields for row in read_table(_file("identifier_types.tsv"), IDENTIFIER_TYPES)
]
NUMBER_WORDS = {
    row.fields[0]: int(row.fields[1]) for row in read_table(_file("numbers.tsv"), NUMBERS)
}
# The sounds a word's opening letters may write, longest opening first (``sch`` before ``s``).
OPENING_SOUND_ROWS = sorted(
    (row.fields for row in read_table(_file("opening_sounds.tsv"), OPENING_SOUNDS)),
    key=lambda fields: -len(fields[0]),
)
# For the engine stamp: results made with other tables record another digest.
TABLES_DIGEST = tables_digest(_file(name) for name in TABLE_FILES)
