"""screening.data: the linguistic tables, their loader, and entries that fold together.

Two entries of different classes that fold to one word key cannot both hold: the lookup
keeps the later one and the earlier silently reads as the wrong class (``llp`` and ``lp``
both fold to ``lp``). The folding here is the engine's own: ``token_key(ascii_fold(...))``
for words, word-key tuples and their joined form for legal phrases, and the stem that
reads patronymics for male given names.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path

import pytest

from screening import data
from screening.data import (
    ARABIC_GIVEN_NAMES,
    ARABIC_LETTERS,
    ARABIC_WORDS,
    EAST_ASIAN_SURNAMES,
    FEMALE_GIVEN_NAMES,
    GIVEN_NAMES,
    GLOSSARY,
    GLOSSARY_CONCEPTS,
    HEBREW_GIVEN_NAMES,
    LEGAL_FORM_PHRASES,
    LEGAL_FORMS,
    MALE_GIVEN_NAMES,
    NUMBER_WORDS,
    PARTICLES,
    PARTICLES_TITLES,
    STATE_INSTITUTION_PHRASES,
    TITLES,
    WORLD_LEGAL_FORM_PHRASES,
    TableFormat,
    given_name_groups,
    read_table,
    spelling_groups,
    tables_digest,
)
from screening.errors import TableError
from screening.given_names import _stem, given_name_of
from screening.glossary import concept_of
from screening.legal_forms import find_legal_forms
from screening.model import Entity
from screening.names import Role, parse_name
from screening.screener import Screener
from screening.translit import ascii_fold, token_key

REPO = Path(__file__).resolve().parents[2]


def key(word: str) -> str:
    return token_key(ascii_fold(word))


def conflicts(entries: Iterable[tuple[object, str, str]]) -> list[str]:
    """Each folded key claimed by two classes, as ``key: class 'entry' / class 'entry'``.

    ``entries``: (folded key, class, entry as written). One class may hold several
    spellings of a key (``grupp`` and ``grup``): they are spellings of one word."""
    first: dict[object, tuple[str, str]] = {}
    found = []
    for folded, cls, entry in entries:
        seen = first.setdefault(folded, (cls, entry))
        if seen[0] != cls:
            found.append(f"{folded}: {seen[0]} {seen[1]!r} / {cls} {entry!r}")
    return found


def test_the_collision_check_finds_two_classes_on_one_key() -> None:
    table = [(key("llp"), "llc", "llp"), (key("lp"), "ltd", "lp"), (key("llc"), "llc", "llc")]
    assert conflicts(table) == ["lp: llc 'llp' / ltd 'lp'"]
    assert conflicts([(key("grupp"), "group", "grupp"), (key("grup"), "group", "grup")]) == []


def test_no_two_glossary_concepts_share_a_stem_key() -> None:
    entries = [
        (key(stem), concept, stem) for concept, stems in GLOSSARY_CONCEPTS.items() for stem in stems
    ]
    assert conflicts(entries) == []


def _legal_phrase_keys() -> list[tuple[object, str, str]]:
    """Every phrase by the keys the engine finds it by: its word keys, and its words
    written together (a misspelt phrase, ``J.S.C.`` as one word)."""
    entries: list[tuple[object, str, str]] = []
    for cls, phrases in LEGAL_FORM_PHRASES.items():
        for phrase in phrases:
            keys = tuple(key(word) for word in phrase.split())
            entries.append((keys, cls, phrase))
            if len(keys) > 1:
                entries.append((("joined", len(keys), "".join(keys)), cls, phrase))
            if all(len(k) == 1 for k in keys) or len(keys) == 1:
                entries.append((("letters", "".join(keys)), cls, phrase))
    return entries


def test_no_two_legal_form_classes_share_a_phrase_key() -> None:
    assert conflicts(_legal_phrase_keys()) == []


def test_no_two_given_name_groups_share_a_key_or_a_patronymic_stem() -> None:
    groups = MALE_GIVEN_NAMES + FEMALE_GIVEN_NAMES + HEBREW_GIVEN_NAMES + ARABIC_GIVEN_NAMES
    assert conflicts((key(form), group[0], form) for group in groups for form in group) == []
    stems = ((_stem(key(form)), group[0], form) for group in MALE_GIVEN_NAMES for form in group)
    assert conflicts(stems) == []


def test_no_word_is_both_a_particle_and_a_title() -> None:
    entries = [(key(w), "particle", w) for w in PARTICLES] + [(key(w), "title", w) for w in TITLES]
    assert conflicts(entries) == []


# Round trips: every entry reads back as its own class through the engine's lookups, so
# an entry shadowed by another one cannot go unnoticed.


def test_every_glossary_stem_reads_as_its_concept() -> None:
    wrong = [
        (stem, concept, concept_of(key(stem)))
        for concept, stems in GLOSSARY_CONCEPTS.items()
        for stem in stems
        if concept_of(key(stem)) != concept
    ]
    assert wrong == []


def test_every_legal_phrase_reads_as_its_class() -> None:
    wrong = []
    tables = (LEGAL_FORM_PHRASES, STATE_INSTITUTION_PHRASES)
    for cls, phrases in ((c, p) for table in tables for c, p in table.items()):
        for phrase in phrases:
            words = phrase.split()
            spans = find_legal_forms([(key(word),) for word in words])
            if spans != [(0, len(words), cls)]:
                wrong.append((phrase, cls, spans))
    assert wrong == []


def test_a_state_institutions_words_alone_are_no_legal_form() -> None:
    """The state institutions' forms are read as whole phrases only: a word of a longer
    one alone (``budgetary``, ``education``) is a word of the name, unless
    legal_forms.tsv reads it."""
    institution_phrases = [p for ps in STATE_INSTITUTION_PHRASES.values() for p in ps]
    reviewed_words = {w for ps in LEGAL_FORM_PHRASES.values() for p in ps for w in p.split()}
    words = {w for p in institution_phrases if " " in p for w in p.split()} - reviewed_words
    assert words  # budgetary, educational, obrazovatelnoe...
    assert [w for w in sorted(words) if find_legal_forms([(key(w),)])] == []


def test_every_given_name_form_reads_as_its_group() -> None:
    groups = MALE_GIVEN_NAMES + FEMALE_GIVEN_NAMES + HEBREW_GIVEN_NAMES + ARABIC_GIVEN_NAMES
    wrong = [
        form
        for group in groups
        for form in group
        if given_name_of(key(form)) is None
        or given_name_of(key(form)) != given_name_of(key(group[0]))
    ]
    assert wrong == []


def test_every_title_and_particle_weighs_as_a_particle() -> None:
    # One-letter particles (``y``, ``i``) read as initials first: they are left out here.
    words = list(TITLES) + [word for word in PARTICLES if len(word) > 1]
    wrong = [
        word
        for word in words
        if parse_name(f"{word} Ivan Petrov", "Person").tokens[0].role is not Role.PARTICLE
    ]
    assert wrong == []


# The files themselves.

TABLE_FILES = sorted(path.name for path in Path(data.__file__).parent.glob("*.tsv"))


def test_every_table_file_is_shipped_read_and_in_the_digest() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/*.tsv"' in pyproject  # package data: a normal install ships the files
    assert sorted(data.TABLE_FILES) == TABLE_FILES
    on_disk = [files("screening.data").joinpath(name) for name in data.TABLE_FILES]
    assert tables_digest(on_disk) == data.TABLES_DIGEST


def test_the_digest_changes_with_any_byte_of_any_table(tmp_path: Path) -> None:
    first, second = tmp_path / "a.tsv", tmp_path / "b.tsv"
    first.write_text("class\tphrase\tnote\nllc\tooo\n", encoding="utf-8")
    second.write_text("kind\tword\tnote\nparticle\tal\n", encoding="utf-8")
    before = tables_digest([first, second])
    assert tables_digest([first, second]) == before  # same bytes, same digest
    second.write_text("kind\tword\tnote\nparticle\tal\tArabic article\n", encoding="utf-8")
    assert tables_digest([first, second]) != before  # a note is part of the review
    assert tables_digest([first]) != before


@pytest.mark.parametrize("name", TABLE_FILES)
def test_every_table_file_says_what_it_holds_where_from_and_who_reads_it(name: str) -> None:
    text = files("screening.data").joinpath(name).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith("# ") and len(header) >= 10
    reader = next(line for line in header if line.startswith("# Read by "))
    module = reader.removeprefix("# Read by ").split()[0]
    assert (REPO / module).is_file()
    assert any(line.startswith("# Source: ") for line in header)


# The loader, on bad files.

GOOD_LEGAL = "# Legal forms.\nclass\tphrase\tnote\nllc\tooo\tRussia\n\n# comment\njsc\tao\n"


def test_a_good_file_gives_its_rows_with_their_lines(tmp_path: Path) -> None:
    path = tmp_path / "legal_forms.tsv"
    path.write_text(GOOD_LEGAL, encoding="utf-8")
    rows = read_table(path, LEGAL_FORMS)
    assert [(row.line, row.fields) for row in rows] == [(3, ("llc", "ooo")), (6, ("jsc", "ao"))]


@pytest.mark.parametrize(
    ("table", "text", "message"),
    [
        (LEGAL_FORMS, "# no columns\nllc\tooo\n", "legal_forms.tsv:2: columns are"),
        (LEGAL_FORMS, "class\tphrase\n", "legal_forms.tsv:1: columns are"),
        (LEGAL_FORMS, "class\tphrase\tnote\n", "legal_forms.tsv: no entries"),
        (LEGAL_FORMS, "class\tphrase\tnote\nllc\n", "legal_forms.tsv:2: 1 fields"),
        (LEGAL_FORMS, "class\tphrase\tnote\nllc\tooo\tx\ty\n", "legal_forms.tsv:2: 4 fields"),
        (LEGAL_FORMS, "class\tphrase\tnote\nllc\t\tnote\n", "legal_forms.tsv:2: phrase is empty"),
        (LEGAL_FORMS, "class\tphrase\tnote\n\tooo\n", "legal_forms.tsv:2: class is empty"),
        (LEGAL_FORMS, "class\tphrase\tnote\nllc\t \n", "legal_forms.tsv:2: phrase is empty"),
        (LEGAL_FORMS, "class\tphrase\tnote\ngmbh\tgmbh\n", "2: class 'gmbh' is not valid"),
        (LEGAL_FORMS, "class\tphrase\tnote\nllc\tOOO\n", "2: phrase 'OOO' is not valid"),
        (LEGAL_FORMS, "class\tphrase\tnote\nllc\tооо\n", "2: phrase 'ооо' is not valid"),
        (LEGAL_FORMS, "class\tphrase\tnote\nllc\tl  l c\n", "2: phrase 'l  l c' is not valid"),
        (LEGAL_FORMS, "class\tphrase\tnote\nllc\tooo \n", "2: phrase 'ooo ' is not valid"),
        (LEGAL_FORMS, "class\tphrase\tnote\nllc\tooo\nllc\tooo\tx\n", "3: repeats line 2"),
        (GLOSSARY, "concept\tstem\tnote\nfar east\tfareast\n", "2: concept 'far east' is"),
        (GLOSSARY, "concept\tstem\tnote\nplant\tza-vod\n", "2: stem 'za-vod' is not valid"),
        (GIVEN_NAMES, "sex\tgroup\tform\tnote\nman\tivan\tivan\n", "2: sex 'man' is not valid"),
        (GIVEN_NAMES, "sex\tgroup\tform\tnote\nmale\tivan\n", "given_names.tsv:2: 2 fields"),
        (PARTICLES_TITLES, "kind\tword\tnote\nrank\tdr\n", "2: kind 'rank' is not valid"),
        (EAST_ASIAN_SURNAMES, "origin\tgroup\tspelling\tnote\njapanese\tsato\tsato\n", "2: orig"),
        (EAST_ASIAN_SURNAMES, "origin\tgroup\tspelling\tnote\nkorean\tgim\tKim\n", "'Kim' is"),
        (ARABIC_LETTERS, "letter\tlatin\tnote\nд\td\n", "2: letter 'д' is not valid"),
        (ARABIC_LETTERS, "letter\tlatin\tnote\nقق\tq\n", "2: letter 'قق' is not valid"),
        (ARABIC_LETTERS, "letter\tlatin\tnote\nق\tQ\n", "2: latin 'Q' is not valid"),
        (ARABIC_WORDS, "kind\tword\tnote\ntitle\tsheikh\n", "2: kind 'title' is not"),
    ],
)
def test_a_bad_file_is_refused_naming_file_and_line(
    tmp_path: Path, table: TableFormat, text: str, message: str
) -> None:
    name = {
        LEGAL_FORMS: "legal_forms.tsv",
        GLOSSARY: "glossary.tsv",
        GIVEN_NAMES: "given_names.tsv",
        PARTICLES_TITLES: "particles_titles.tsv",
        EAST_ASIAN_SURNAMES: "east_asian_surnames.tsv",
        ARABIC_LETTERS: "arabic_letters.tsv",
        ARABIC_WORDS: "arabic_name_words.tsv",
    }[table]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TableError) as raised:
        read_table(path, table)
    assert message in str(raised.value)
    assert str(raised.value).startswith(name)


def test_a_file_that_is_not_utf8_or_missing_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "glossary.tsv"
    path.write_bytes(b"concept\tstem\tnote\nplant\tzavod\t\xff\n")
    with pytest.raises(TableError, match=r"^glossary.tsv: cannot be read"):
        read_table(path, GLOSSARY)
    with pytest.raises(TableError, match=r"^absent.tsv: cannot be read"):
        read_table(tmp_path / "absent.tsv", GLOSSARY)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("male\tivan\tivan\nfemale\tivan\tivana\n", "given_names.tsv:3: group 'ivan' is also"),
        ("male\tivan\tiwan\n", "given_names.tsv: group 'ivan' does not list its own name"),
    ],
)
def test_a_given_name_group_must_hold_its_name_and_one_sex(
    tmp_path: Path, rows: str, message: str
) -> None:
    path = tmp_path / "given_names.tsv"
    path.write_text("sex\tgroup\tform\tnote\n" + rows, encoding="utf-8")
    with pytest.raises(TableError) as raised:
        given_name_groups(read_table(path, GIVEN_NAMES))
    assert message in str(raised.value)


def test_a_given_name_group_is_named_by_its_first_form(tmp_path: Path) -> None:
    path = tmp_path / "given_names.tsv"
    rows = "male\tvladimir\tvolodymyr\nmale\tvladimir\tvladimir\nfemale\tolga\tolga\n"
    path.write_text("sex\tgroup\tform\tnote\n" + rows, encoding="utf-8")
    groups = given_name_groups(read_table(path, GIVEN_NAMES))
    assert groups == {"male": (("vladimir", "volodymyr"),), "female": (("olga",),)}


def test_spelling_groups_open_with_their_name_and_keep_file_order(tmp_path: Path) -> None:
    path = tmp_path / "east_asian_surnames.tsv"
    header = "origin\tgroup\tspelling\tnote\n"
    rows = "korean\tyu\tyu\nkorean\tryu\tryu\nkorean\tryu\tyu\nchinese\twang\twang\n"
    path.write_text(header + rows, encoding="utf-8")
    groups = spelling_groups(read_table(path, EAST_ASIAN_SURNAMES))
    assert groups == {"korean": (("yu",), ("ryu", "yu")), "chinese": (("wang",),)}
    path.write_text(header + "korean\tgim\tkim\nkorean\tgim\tgim\n", encoding="utf-8")
    with pytest.raises(TableError, match="group 'gim' does not open with its own name"):
        spelling_groups(read_table(path, EAST_ASIAN_SURNAMES))


# The collision the checks above found: ``llp`` (under llc) and ``lp`` (under ltd) folded
# to one key and the later won, so an LLP read as a ltd by its abbreviation and as an llc
# by its full name. Both are partnerships now, however they are written.


@pytest.mark.parametrize(
    "name",
    ["Rafort LLP", "Rafort Limited Liability Partnership", "Rafort LP"],
)
def test_a_partnership_is_a_partnership_however_written(name: str) -> None:
    assert [form.form_class for form in parse_name(name, "Organization").legal_forms] == [
        "partnership"
    ]


def test_an_llp_scores_alike_by_abbreviation_and_full_name() -> None:
    listed = [
        Entity(id="1", schema="Organization", names=["RAFORT LLC"]),
        Entity(id="2", schema="Organization", names=["KAMAZ TRADING LTD"]),
    ]
    screener = Screener.from_entities(listed)

    def top(query: str) -> tuple[float, tuple[str, ...]]:
        hit = screener.screen(query, schema="Organization", threshold=0.0, limit=1).hits[0]
        return hit.score, tuple(hit.explanation.penalties)

    short, full = top("Rafort LLP"), top("Rafort Limited Liability Partnership")
    assert short == full
    assert "legal forms differ" in short[1]  # an LLP is not an LLC
    assert "legal forms differ" in top("Kamaz Trading LP")[1]  # nor an LP a Ltd
    assert "legal forms differ" not in top("Rafort LLC")[1]


def test_no_two_number_words_share_a_key() -> None:
    entries = [(key(word), str(value), word) for word, value in NUMBER_WORDS.items()]
    assert len({entry[0] for entry in entries}) == len(entries)


def test_every_legal_form_of_the_world_reads_as_its_class_at_the_end_of_a_name() -> None:
    """The generated table: each phrase two classes do not share, read after a name word."""
    wrong = []
    for cls, phrases in WORLD_LEGAL_FORM_PHRASES.items():
        for phrase in phrases:
            words = phrase.split()
            spans = find_legal_forms([("acme",), *((key(word),) for word in words)])
            if spans[-1:] != [(1, 1 + len(words), cls)]:
                wrong.append((phrase, cls, spans))
    assert wrong == []
