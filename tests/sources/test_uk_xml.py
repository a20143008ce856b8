"""The UK XML editions: OFSI ConList.xml and the FCDO UK Sanctions List XML.

Both are read from hand-written fixtures in the official schemas (``tests/fixtures/uk_*``)
and must give the same entities as their CSV editions, since they share the CSV mapping.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from screening.errors import ListLoadError
from screening.model import Entity
from screening.sources import LoadedList, detect_format, load_list
from screening.sources.uk_conlist_xml import read_uk_conlist_xml
from screening.sources.uk_fcdo_xml import read_uk_fcdo_xml
from tests.sources.test_uk_conlist import conlist_csv
from tests.sources.test_uk_conlist import row as conlist_row
from tests.sources.test_uk_fcdo import fcdo_csv
from tests.sources.test_uk_fcdo import row as fcdo_row

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CONLIST = FIXTURES / "uk_conlist.xml"
FCDO = FIXTURES / "uk_fcdo_sanctions_list.xml"

Reader = Callable[[Path], LoadedList]


def by_id(loaded: LoadedList) -> dict[str, Entity]:
    return {entity.id: entity for entity in loaded.entities}


def dump(entities: list[Entity]) -> list[dict[str, Any]]:
    return [entity.model_dump() for entity in entities]


def load_fixture(path: Path | str) -> LoadedList:
    """The fixtures are abridged: fewer targets than any complete UK list, so partial."""
    return load_list(path, allow_partial=True)


# --- detection and snapshot --------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt", "published", "ids"),
    [
        (CONLIST, "uk_xml", "2025-04-14", ["uk-15579", "uk-13378", "uk-12431", "uk-16590"]),
        (FCDO, "uk_fcdo_xml", "2026-02-13", ["uk-15579", "uk-12703", "uk-RUS9999"]),
    ],
)
def test_detect_and_snapshot(path: Path, fmt: str, published: str, ids: list[str]) -> None:
    assert detect_format(path) == fmt
    loaded = load_fixture(path)
    assert loaded.snapshot.source == "uk"
    assert loaded.snapshot.published == published
    assert [entity.id for entity in loaded.entities] == ids


def test_conlist_xml_by_its_official_name(tmp_path: Path) -> None:
    path = tmp_path / "ConList.xml"
    path.write_bytes(CONLIST.read_bytes())
    assert len(load_fixture(str(path)).entities) == 4


# --- what each target becomes ------------------------------------------------------------

CASES: list[tuple[Path, str, str, Any]] = [
    # OFSI ConList.xml: rows grouped by GroupID, primary name first whatever the row order.
    (CONLIST, "uk-15579", "schema_", "Person"),
    (CONLIST, "uk-15579", "names", ["Yury GAZARYAN", "Yuri GAZARYAN", "Юрий Гарунович Газарян"]),
    (CONLIST, "uk-15579", "birth_dates", ["1974-07-23"]),
    (CONLIST, "uk-15579", "birth_places", ["Baku, Azerbaijan"]),
    (CONLIST, "uk-15579", "countries", ["ru"]),
    (CONLIST, "uk-15579", "programs", ["Russia"]),
    (CONLIST, "uk-15579", "identifiers", [("passport", "7100000000"), ("passport", "7200000000")]),
    (CONLIST, "uk-13378", "names", ["Ali KONY", "Ali LALOBO"]),
    (CONLIST, "uk-13378", "weak_names", ["FUPI"]),  # AliasQuality "Low quality"
    (CONLIST, "uk-13378", "birth_dates", ["1992", "1993-05"]),  # 00 = unknown day/month
    (CONLIST, "uk-13378", "countries", ["ug"]),
    (CONLIST, "uk-12431", "schema_", "Organization"),
    (
        CONLIST,
        "uk-12431",
        "names",
        [
            "HANDASIEH ORGANIZATION",
            "GENERAL ORGANIZATION FOR ENGINEERING INDUSTRIES",
            "ENGINEERING INDUSTRIES ORGANISATION",  # FKA
        ],
    ),
    (CONLIST, "uk-12431", "weak_names", []),
    (CONLIST, "uk-12431", "countries", ["sy"]),
    (CONLIST, "uk-16590", "schema_", "Vessel"),
    (CONLIST, "uk-16590", "names", ["SEA PEARL"]),
    (CONLIST, "uk-16590", "weak_names", ["PEARL"]),
    (CONLIST, "uk-16590", "remarks", "IMO 9187629. Flag: Iran."),
    # FCDO UK Sanctions List XML: id from OFSIGroupID, else UniqueID.
    (FCDO, "uk-15579", "schema_", "Person"),
    (FCDO, "uk-15579", "names", ["Yury GAZARYAN", "Юрий Гарунович Газарян", "Yuri GAZARYAN"]),
    (FCDO, "uk-15579", "weak_names", ["YURA"]),  # AliasStrength "Low quality a.k.a"
    (FCDO, "uk-15579", "birth_dates", ["1974-07-23"]),
    (FCDO, "uk-15579", "birth_places", ["Baku, Azerbaijan"]),
    (FCDO, "uk-15579", "countries", ["ru"]),
    (FCDO, "uk-15579", "identifiers", [("passport", "7100000000")]),
    (FCDO, "uk-15579", "remarks", "Hand-written example."),
    (FCDO, "uk-12703", "schema_", "Organization"),
    (
        FCDO,
        "uk-12703",
        "names",
        [
            "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE",
            "حاجی خيرالله و حاجی ستار صرافی",
            "Haji Alim Hawala",  # "Good quality a.k.a" stays strong
            "Haji Hakim Hawala",  # NameType "ALias", as published
        ],
    ),
    (FCDO, "uk-12703", "countries", ["af", "pk"]),  # both addresses
    (FCDO, "uk-12703", "programs", ["Afghanistan"]),
    (FCDO, "uk-RUS9999", "schema_", "Vessel"),
    (FCDO, "uk-RUS9999", "names", ["ALFA SHIPPING"]),
    (FCDO, "uk-RUS9999", "countries", ["ir"]),  # the ship's current flag
    (FCDO, "uk-RUS9999", "identifiers", [("imo", "9187629")]),
]


@pytest.mark.parametrize(
    ("path", "entity_id", "field", "expected"),
    CASES,
    ids=[f"{p.stem}-{i}-{f}" for p, i, f, _ in CASES],
)
def test_parse(path: Path, entity_id: str, field: str, expected: Any) -> None:
    entity = by_id(load_fixture(path))[entity_id]
    value = getattr(entity, field)
    if field == "identifiers":
        value = [(item.type, item.value) for item in value]
    assert value == expected


# --- the XML and CSV editions agree ------------------------------------------------------

CONLIST_CSV_ROWS = [
    conlist_row("15579", "GAZARYAN", "Yuri", "Primary name variation", DOB="23/07/1974",
                Listed_On="15/03/2022", Last_Updated="15/03/2022"),
    conlist_row(
        "15579", "GAZARYAN", "Yury", "Primary name", DOB="23/07/1974",
        **{"Name Non-Latin Script": "Юрий Гарунович Газарян"}, Non_Latin_Script_Type="Cyrillic",
        Non_Latin_Script_Language="Russian", Town_of_Birth="Baku", Country_of_Birth="Azerbaijan",
        Nationality="Russia", Passport_Number="(1) 7100000000 (2) 7200000000",
        Position="Member of the State Duma", Country="Russia",
        Other_Information="Hand-written example.", Listed_On="15/03/2022",
        Last_Updated="15/03/2022",
    ),
    conlist_row("13378", "KONY", "Ali", "Primary name", DOB="00/00/1992", Nationality="Uganda",
                Regime="Central African Republic"),
    conlist_row("13378", "FUPI", "", "AKA", Alias_Quality="Low quality",
                Regime="Central African Republic"),
    conlist_row("13378", "LALOBO", "Ali", "AKA", Alias_Quality="Good quality", DOB="00/05/1993",
                Regime="Central African Republic"),
    conlist_row("12431", "HANDASIEH ORGANIZATION", "", "Primary name", Group_Type="Entity",
                Address_1="PO Box 5966", Address_4="Damascus", Country="Syria", Regime="Syria"),
    conlist_row("12431", "GENERAL ORGANIZATION FOR ENGINEERING INDUSTRIES", "", "AKA",
                Group_Type="Entity", Alias_Quality="Good quality", Country="Syria",
                Regime="Syria"),
    conlist_row("12431", "ENGINEERING INDUSTRIES ORGANISATION", "", "FKA", Group_Type="Entity",
                Regime="Syria"),
    conlist_row("16590", "SEA PEARL", "", "Primary name", Group_Type="Ship", Regime="Iran",
                Other_Information="IMO 9187629. Flag: Iran."),
    conlist_row("16590", "PEARL", "", "AKA", Group_Type="Ship", Alias_Quality="Low quality",
                Regime="Iran"),
]  # fmt: skip

FCDO_CSV_ROWS = [
    fcdo_row("RUS1635", "15579", "GAZARYAN", "Yury", "Primary Name", **{
        "Name non-latin script": "Юрий Гарунович Газарян", "D.O.B": "23/07/1974",
        "Nationality(/ies)": "Russia", "Town of birth": "Baku", "Country of birth": "Azerbaijan",
        "Passport number": "7100000000", "Address Country": "Russia",
        "Other Information": "Hand-written example.",
        "UK Statement of Reasons": "Member of the State Duma.",
    }),
    fcdo_row("RUS1635", "15579", "GAZARYAN", "Yuri", "Primary Name Variation",
             **{"Other Information": "Hand-written example."}),
    fcdo_row("RUS1635", "15579", "YURA", "", "Alias", **{"Alias strength": "Low quality a.k.a"}),
    fcdo_row("AFG0001", "12703", "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE", "", "Primary Name",
             **{"Designation Type": "Entity", "Regime Name": "Afghanistan",
                "Name non-latin script": "حاجی خيرالله و حاجی ستار صرافی",
                "Address Country": "Afghanistan", "Other Information": "Money service provider."}),
    fcdo_row("AFG0001", "12703", "Haji Alim Hawala", "", "Alias",
             **{"Designation Type": "Entity", "Regime Name": "Afghanistan",
                "Alias strength": "Good quality a.k.a", "Address Country": "Pakistan"}),
    fcdo_row("AFG0001", "12703", "Haji Hakim Hawala", "", "ALias",
             **{"Designation Type": "Entity", "Regime Name": "Afghanistan"}),
    fcdo_row("RUS9999", "", "ALFA SHIPPING", "", "Primary Name", **{
        "Designation Type": "Ship", "IMO number": "9187629",
        "Current believed flag of ship": "Iran",
    }),
]  # fmt: skip


def test_conlist_xml_and_csv_agree(tmp_path: Path) -> None:
    csv_path = tmp_path / "ConList.csv"
    csv_path.write_text(conlist_csv(CONLIST_CSV_ROWS), encoding="utf-8")
    from_csv, from_xml = load_fixture(csv_path), load_fixture(CONLIST)
    assert dump(from_xml.entities) == dump(from_csv.entities)
    assert from_xml.snapshot.published == "2025-04-14"
    assert from_csv.snapshot.published == "2025-04-14"


def test_fcdo_xml_and_csv_agree(tmp_path: Path) -> None:
    csv_path = tmp_path / "UK-Sanctions-List.csv"
    csv_path.write_text(fcdo_csv(FCDO_CSV_ROWS), encoding="utf-8")
    from_csv, from_xml = load_fixture(csv_path), load_fixture(FCDO)
    assert dump(from_xml.entities) == dump(from_csv.entities)
    assert from_xml.snapshot.published == from_csv.snapshot.published == "2026-02-13"


def test_conlist_dates_written_either_way_agree(tmp_path: Path) -> None:
    """ISO date-times (the 2022 format) and dd/mm/yyyy give the same dates."""
    text = CONLIST.read_text(encoding="utf-8")
    text = re.sub(r"(\d{4})-(\d\d)-(\d\d)T00:00:00", r"\3/\2/\1", text)
    text = text.replace("<Individual_DateOfBirth>23/07/1974", "<DateOfBirth>1974-07-23", 1)
    text = text.replace("</Individual_DateOfBirth>", "</DateOfBirth>", 1)
    path = tmp_path / "ConList.xml"
    path.write_text(text, encoding="utf-8")
    loaded = load_fixture(path)
    assert dump(loaded.entities) == dump(load_fixture(CONLIST).entities)
    assert loaded.snapshot.published == "2025-04-14"


def test_fcdo_designations_sharing_a_group_are_one_target(tmp_path: Path) -> None:
    """Two designations (regimes) of one OFSI group are one entity, as in the CSV."""
    text = FCDO.read_text(encoding="utf-8")
    start = text.index("  <Designation>")
    first = text[start : text.index("</Designation>") + len("</Designation>\n")]
    second = first.replace("RUS1635", "GHR0055").replace(
        "<RegimeName>Russia</RegimeName>", "<RegimeName>Global Human Rights</RegimeName>"
    )
    path = tmp_path / "UK-Sanctions-List.xml"
    path.write_text(text[:start] + first + second + text[start + len(first) :], encoding="utf-8")
    loaded = load_fixture(path)
    assert [entity.id for entity in loaded.entities] == ["uk-15579", "uk-12703", "uk-RUS9999"]
    assert loaded.entities[0].programs == ["Russia", "Global Human Rights"]
    assert loaded.entities[0].names == by_id(load_fixture(FCDO))["uk-15579"].names


# --- fail closed -------------------------------------------------------------------------

READERS: list[tuple[Path, Reader, str]] = [
    (CONLIST, read_uk_conlist_xml, "</ArrayOfFinancialSanctionsTarget>"),
    (FCDO, read_uk_fcdo_xml, "</Designations>"),
]

BOMB = """<?xml version="1.0"?>
<!DOCTYPE {root} [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<{root}><Name6>&c;</Name6></{root}>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE {root} [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<{root}><Name6>&x;</Name6></{root}>
"""


def cases(*cuts: str) -> list[Any]:
    return [
        pytest.param(fixture, reader, closing, cut, id=f"{fixture.stem}-{cut}")
        for fixture, reader, closing in READERS
        for cut in cuts
    ]


@pytest.mark.parametrize(
    ("fixture", "reader", "closing", "cut"), cases("half", "closing tag", "record tag")
)
def test_truncated_xml_fails(
    tmp_path: Path, fixture: Path, reader: Reader, closing: str, cut: str
) -> None:
    text = fixture.read_text(encoding="utf-8")
    if cut == "half":
        text = text[: len(text) // 2]
    elif cut == "closing tag":
        text = text.replace(closing, "")
    else:  # a record element left open
        record = "</FinancialSanctionsTarget>" if fixture == CONLIST else "</Designation>"
        text = text.replace(record, "", 1)
    path = tmp_path / fixture.name
    path.write_text(text, encoding="utf-8")
    for read in (reader, load_fixture):
        with pytest.raises(ListLoadError, match="broken XML") as error:
            read(path)
        assert str(path) in str(error.value)


@pytest.mark.parametrize(("fixture", "reader", "closing"), READERS)
@pytest.mark.parametrize("content", [b"", b"  \r\n"])
def test_empty_file_fails(
    tmp_path: Path, fixture: Path, reader: Reader, closing: str, content: bytes
) -> None:
    path = tmp_path / fixture.name
    path.write_bytes(content)
    with pytest.raises(ListLoadError, match=r"empty|broken XML") as error:
        reader(path)
    assert str(path) in str(error.value)
    with pytest.raises(ListLoadError, match="empty"):
        load_fixture(path)


@pytest.mark.parametrize(
    ("root", "reader"),
    [("ArrayOfFinancialSanctionsTarget", read_uk_conlist_xml), ("Designations", read_uk_fcdo_xml)],
)
@pytest.mark.parametrize("template", [BOMB, EXTERNAL], ids=["entity-expansion", "external"])
def test_entity_tricks_are_refused(
    tmp_path: Path, root: str, reader: Reader, template: str
) -> None:
    path = tmp_path / "list.xml"
    path.write_text(template.format(root=root), encoding="utf-8")
    for read in (reader, load_fixture):
        with pytest.raises(ListLoadError, match="refused unsafe XML") as error:
            read(path)
        assert str(path) in str(error.value)


@pytest.mark.parametrize(
    ("fixture", "old", "new", "message"),
    [
        (CONLIST, "<GroupID>13378</GroupID>", "<GroupID />", "without a Group ID"),
        (CONLIST, "<GroupTypeDescription>Ship", "<GroupTypeDescription>Aircraft",
         "unknown Group Type 'Aircraft'"),
        (FCDO, "<UniqueID>AFG0001</UniqueID>", "", "without a Unique ID"),
        (FCDO, "<IndividualEntityShip>Ship", "<IndividualEntityShip>Aircraft",
         "unknown Designation Type 'Aircraft'"),
    ],
)  # fmt: skip
def test_bad_record_fails(tmp_path: Path, fixture: Path, old: str, new: str, message: str) -> None:
    text = fixture.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / fixture.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ListLoadError, match=message) as error:
        load_fixture(path)
    assert str(path) in str(error.value)


@pytest.mark.parametrize(
    ("fixture", "reader", "message"),
    [(FCDO, read_uk_conlist_xml, "not an OFSI ConList"), (CONLIST, read_uk_fcdo_xml, "not a UK")],
)
def test_other_root_fails(fixture: Path, reader: Reader, message: str) -> None:
    with pytest.raises(ListLoadError, match=message):
        reader(fixture)


@pytest.mark.parametrize(
    ("root", "fmt"),
    [("ArrayOfFinancialSanctionsTarget", "uk_xml"), ("Designations", "uk_fcdo_xml")],
)
def test_list_without_targets_fails(tmp_path: Path, root: str, fmt: str) -> None:
    path = tmp_path / "list.xml"
    path.write_text(f'<?xml version="1.0"?>\n<{root}></{root}>\n', encoding="utf-8")
    assert detect_format(path) == fmt
    with pytest.raises(ListLoadError, match=r"no entities|without its DateGenerated"):
        load_fixture(path)


# --- the real ConList, rewritten as XML --------------------------------------------------

# CSV column -> element of the published 2022-format ConList.xml.
XML_ELEMENTS: dict[str, str] = {
    "Name 6": "Name6",
    **{f"Name {i}": f"name{i}" for i in range(1, 6)},
    "Title": "Title",
    "Name Non-Latin Script": "NameNonLatinScript",
    "Non-Latin Script Type": "NonLatinScriptType",
    "Non-Latin Script Language": "NonLatinScriptLanguage",
    "DOB": "Individual_DateOfBirth",
    "Town of Birth": "Individual_TownOfBirth",
    "Country of Birth": "Individual_CountryOfBirth",
    "Nationality": "Individual_Nationality",
    "Passport Number": "Individual_PassportNumber",
    "Passport Details": "Individual_PassportDetails",
    "National Identification Number": "Individual_NINumber",
    "National Identification Details": "Individual_NIDetails",
    "Position": "Individual_Position",
    **{f"Address {i}": f"Address{i}" for i in range(1, 7)},
    "Post/Zip Code": "PostCode",
    "Country": "Country",
    "Other Information": "OtherInformation",
    "Group Type": "GroupTypeDescription",
    "Alias Type": "AliasType",
    "Alias Quality": "AliasQuality",
    "Regime": "RegimeName",
    "Listed On": "DateListed",
    "UK Sanctions List Date Designated": "DateDesignated",
    "Last Updated": "LastUpdated",
    "Group ID": "GroupID",
}
ISO_COLUMNS = {"Listed On", "UK Sanctions List Date Designated", "Last Updated"}


def as_conlist_xml(csv_path: Path) -> str:
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[1]
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<ArrayOfFinancialSanctionsTarget'
        ' xmlns:i="http://www.w3.org/2001/XMLSchema-instance"'
        ' xmlns="http://schemas.hmtreasury.gov.uk/ofsi/consolidatedlist">\n'
    ]
    for values in rows[2:]:
        parts.append("<FinancialSanctionsTarget>")
        for column, value in zip(header, values, strict=True):
            element = XML_ELEMENTS[column]
            if not value:
                parts.append(f'<{element} i:nil="true" />')
                continue
            if column in ISO_COLUMNS:
                day, month, year = value.split("/")
                value = f"{year}-{month}-{day}T00:00:00"
            parts.append(f"<{element}>{escape(value)}</{element}>")
        parts.append("</FinancialSanctionsTarget>\n")
    parts.append("</ArrayOfFinancialSanctionsTarget>\n")
    return "".join(parts)


def test_real_conlist_as_xml_agrees_with_csv(shared_dir: Path, tmp_path: Path) -> None:
    csv_path = shared_dir / "lists" / "uk" / "ConList_2025-04-14.csv"
    if not csv_path.is_file():
        pytest.skip("the real ConList CSV is not available")
    xml_path = tmp_path / "ConList.xml"
    xml_path.write_text(as_conlist_xml(csv_path), encoding="utf-8")
    from_csv, from_xml = load_fixture(csv_path), load_fixture(xml_path)
    assert len(from_xml.entities) == 4_688
    assert from_xml.snapshot.published == from_csv.snapshot.published == "2025-04-14"
    assert dump(from_xml.entities) == dump(from_csv.entities)
