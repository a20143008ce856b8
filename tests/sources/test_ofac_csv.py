"""OFAC legacy CSV: sdn.csv / cons_prim.csv joined with alt, add and comments files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from screening.errors import ListLoadError
from screening.sources import detect_format, load_list, load_lists
from screening.sources.ofac_csv import display_name, programs_of, read_ofac_csv
from screening.sources.ofac_remarks import parse_remarks

EOF_BYTE = "\x1a"

SDN = (
    '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    "\"a.k.a. 'BNC'; alt. nation\"\r\n"
    '48986,"GAZARYAN, Rafael Anatolyevich","individual","DPRK",-0- ,-0- ,-0- ,-0- ,-0- ,'
    '-0- ,-0- ,"DOB 02 Oct 1954; nationality Russia; Passport 6102814100 (Russia); Tax ID No. '
    '622800585633 (Russia); Linked To: MKRTYCHEV, Ashot."\r\n'
    '15036,"ARTAVIL","vessel","IRAN",-0- ,"T2EU4","Crude Oil Tanker",-0- ,-0- ,"Iran",'
    "-0- ,\"Vessel Registration Identification IMO 9187629; a.k.a. 'ALPHA'.\"\r\n"
)
ALT = (
    '36,12,"aka","AERO-CARIBBEAN",-0- \r\n'
    '48986,1,"aka","GAZARYAN, Rafael\' Anatol\'evich",-0- \r\n'
    '48986,2,"aka","GAZARYAN, Rafik",weak a.k.a.\r\n'
    '99999,3,"fka","NOBODY KNOWN",-0- \r\n'
)
ADD = '306,199,"Zweierstrasse 35","Zurich CH-8022","Switzerland",-0- \r\n'
COMMENTS = '306,"ality Cuba."\r\n'  # Remarks cut at a fixed width continue here


def write(folder: Path, name: str, text: str, terminator: bool = True) -> Path:
    path = folder / name
    path.write_bytes((text + (EOF_BYTE if terminator else "")).encode("utf-8"))
    return path


@pytest.fixture
def sdn_folder(tmp_path: Path) -> Path:
    write(tmp_path, "sdn.csv", SDN)
    write(tmp_path, "alt.csv", ALT)
    write(tmp_path, "add.csv", ADD)
    write(tmp_path, "sdn_comments.csv", COMMENTS)
    return tmp_path


def test_folder_joins_companion_files(sdn_folder: Path) -> None:
    loaded = load_list(sdn_folder)
    by_id = {entity.id: entity for entity in loaded.entities}
    assert sorted(by_id) == ["ofac-15036", "ofac-306", "ofac-36", "ofac-48986"]
    person = by_id["ofac-48986"]
    assert person.schema_ == "Person"
    assert person.names == ["Rafael Anatolyevich GAZARYAN", "Rafael' Anatol'evich GAZARYAN"]
    assert person.weak_names == ["Rafik GAZARYAN"]
    assert person.birth_dates == ["1954-10-02"]
    assert person.countries == ["ru"]
    assert ("passport", "6102814100", "ru") in {
        (i.type, i.value, i.country) for i in person.identifiers
    }
    bank = by_id["ofac-306"]
    assert bank.weak_names == ["BNC"]
    assert bank.countries == ["cu", "ch"]  # from the comments overflow, then the address
    assert bank.remarks == "a.k.a. 'BNC'; alt. nationality Cuba."
    vessel = by_id["ofac-15036"]
    assert vessel.schema_ == "Vessel"
    assert vessel.countries == ["ir"]
    assert {(i.type, i.value) for i in vessel.identifiers} == {
        ("imo", "9187629"),
        ("call_sign", "T2EU4"),
    }
    assert loaded.skipped == {"alt.csv: ent_num without primary record": 1}
    assert loaded.snapshot.source == "ofac"
    assert loaded.snapshot.path == str(sdn_folder)


def test_single_file_reads_only_that_file(sdn_folder: Path) -> None:
    loaded = load_list(sdn_folder / "sdn.csv")
    by_id = {entity.id: entity for entity in loaded.entities}
    assert by_id["ofac-36"].names == ["AEROCARIBBEAN AIRLINES"]
    assert detect_format(sdn_folder / "sdn.csv") == "ofac_csv"
    assert detect_format(sdn_folder) == "ofac_csv"


def test_consolidated_list_ids_are_prefixed_ofac_cons(tmp_path: Path) -> None:
    write(tmp_path, "cons_prim.csv", SDN)
    write(tmp_path, "cons_alt.csv", ALT)
    loaded = load_list(tmp_path)
    assert loaded.snapshot.source == "ofac_cons"
    assert {e.id for e in loaded.entities} >= {"ofac_cons-36", "ofac_cons-48986"}


def test_folder_with_both_lists_gives_two(sdn_folder: Path) -> None:
    write(sdn_folder, "cons_prim.csv", SDN)
    lists = load_lists(sdn_folder)
    assert sorted(lst.snapshot.source for lst in lists) == ["ofac", "ofac_cons"]
    with pytest.raises(ListLoadError, match="2 lists"):
        load_list(sdn_folder)


def test_end_of_file_byte_is_optional(tmp_path: Path) -> None:
    path = write(tmp_path, "sdn.csv", SDN, terminator=False)
    assert len(read_ofac_csv(path).entities) == 4


@pytest.mark.parametrize(
    ("name", "is_person", "expected"),
    [
        ("GAZARYAN, Rafael Anatolyevich", True, "Rafael Anatolyevich GAZARYAN"),
        ("DELOS REYES, Feliciano Semborio, Jr.", True, "Feliciano Semborio DELOS REYES Jr."),
        ("KNOWLES, JR., Samuel", True, "Samuel KNOWLES JR."),
        ("KHUN SA", True, "KHUN SA"),
        ("RAFORT, OOO", False, "RAFORT, OOO"),
    ],
)
def test_display_name(name: str, is_person: bool, expected: str) -> None:
    assert display_name(name, is_person) == expected


def test_programs_are_split() -> None:
    assert programs_of("UKRAINE-EO13662] [RUSSIA-EO14024") == ["UKRAINE-EO13662", "RUSSIA-EO14024"]


@pytest.mark.parametrize(
    ("remarks", "field", "expected"),
    [
        ("DOB 02 Oct 1954; alt. DOB circa 1955.", "birth_dates", ["1954-10-02", "1955"]),
        ("DOB 1960 to 1962.", "birth_dates", ["1960", "1961", "1962"]),
        ("POB Baku, Azerbaijan; nationality Russia.", "birth_places", ["Baku, Azerbaijan"]),
        ("nationality Korea, North; citizen Iran.", "countries", ["kp", "ir"]),
        ("a.k.a. 'ABU-'UMAR'; f.k.a. 'OLD NAME'.", "weak_names", ["ABU-'UMAR", "OLD NAME"]),
        ("Linked To: HIZBALLAH.", "weak_names", []),
    ],
)
def test_remarks_facts(remarks: str, field: str, expected: list[str]) -> None:
    assert getattr(parse_remarks(remarks), field) == expected


# --- fail closed -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (SDN[: SDN.index("Tax ID")], "broken CSV"),  # cut inside a quoted field
        (SDN + '40,"CUT SHORT",-0- ,"CUBA"\r\n', "expected 12 columns"),  # row cut short
        (SDN.replace("48986", "ABC"), "not a number"),
        (SDN.replace('"vessel"', '"spaceship"'), "unknown SDN_Type"),
    ],
)
def test_broken_primary_file_fails(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "sdn.csv", text, terminator=False)
    with pytest.raises(ListLoadError, match=message) as error:
        read_ofac_csv(path)
    assert str(path) in str(error.value)


def test_broken_companion_fails(tmp_path: Path) -> None:
    primary = write(tmp_path, "sdn.csv", SDN)
    alt = write(tmp_path, "alt.csv", ALT + '36,13,"aka"\r\n')
    with pytest.raises(ListLoadError, match=r"alt\.csv:5: expected 5 columns"):
        read_ofac_csv(primary, alt=alt)


def test_wrong_encoding_fails(tmp_path: Path) -> None:
    path = tmp_path / "sdn.csv"
    path.write_bytes(SDN.replace("BANCO", "B\xc1NCO").encode("latin-1"))
    with pytest.raises(ListLoadError, match="not UTF-8"):
        load_list(path)


def test_companion_alone_is_refused(sdn_folder: Path) -> None:
    with pytest.raises(ListLoadError, match="companion"):
        load_list(sdn_folder / "alt.csv")
    (sdn_folder / "sdn.csv").unlink()
    with pytest.raises(ListLoadError, match="only OFAC companion files"):
        load_list(sdn_folder)


# --- the real files ----------------------------------------------------------------------


def test_real_sdn_csv_counts(shared_dir: Path) -> None:
    ofac = shared_dir / "lists" / "ofac"
    alt, add = ofac / "sdn_2025-12" / "alt.csv", ofac / "sdn_2025-12" / "add.csv"
    loaded = read_ofac_csv(
        ofac / "sdn_2024-05-03" / "sdn.csv", alt, add, ofac / "sdn_2025-12" / "sdn_comments.csv"
    )
    assert len(loaded.entities) == 14_965
    assert Counter(e.schema_ for e in loaded.entities) == {
        "Person": 6_854,
        "Vessel": 851,
        "Aircraft": 376,
        "Organization": 6_884,
    }
    by_id = {entity.id: entity for entity in loaded.entities}
    gazaryan = by_id["ofac-36937"]
    assert gazaryan.names == ["Yuriy Garunovich GAZARYAN", "Yuri Garunovich GAZARYAN"]
    assert gazaryan.birth_dates == ["1974-07-23"]
    assert gazaryan.countries == ["ru"]
    assert by_id["ofac-306"].weak_names == ["BNC"]
    # The Dec-2025 companions describe entities the May-2024 sdn.csv does not have: their
    # rows are counted, not turned into entities.
    assert loaded.skipped == {
        "alt.csv: ent_num without primary record": 2_460,
        "add.csv: ent_num without primary record": 4_893,
        "sdn_comments.csv: ent_num without primary record": 6,
    }
    assert max(int(entity_id.split("-")[1]) for entity_id in by_id) == 48_907


def test_real_consolidated_folder(shared_dir: Path) -> None:
    loaded = load_list(shared_dir / "lists" / "ofac" / "consolidated_non_sdn_2025-12")
    assert len(loaded.entities) == 442
    assert sum(e.schema_ == "Person" for e in loaded.entities) == 79
    assert all(e.id.startswith("ofac_cons-") for e in loaded.entities)
    assert loaded.skipped == {}


def test_real_seed_excerpt(shared_dir: Path) -> None:
    path = shared_dir / "lists" / "ofac" / "excerpt_sdn_2026_seed_rows.csv"
    with pytest.raises(ListLoadError, match="no closing 0x1A"):
        load_list(path)  # an excerpt lacks OFAC's end-of-file byte
    loaded = load_list(path, allow_partial=True)
    assert loaded.snapshot.incomplete == (
        "excerpt_sdn_2026_seed_rows.csv: no closing 0x1A end-of-file byte (cut short?)",
    )
    names = {e.id: e.names[0] for e in loaded.entities}
    assert names["ofac-48987"] == "Aleksey BUDNEV"
    assert names["ofac-48989"] == "TEKHNOLOGIYA, OOO"
