"""OFAC SDN.XML and EU FSF XML, read from hand-written fixtures in the official schemas."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from screening.errors import ListLoadError
from screening.sources import LoadedList, detect_format, load_list
from screening.sources.eu_xml import read_eu_xml
from screening.sources.ofac_xml import read_ofac_xml

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_ofac_sdn_xml() -> None:
    path = FIXTURES / "ofac_sdn.xml"
    assert detect_format(path) == "ofac_xml"
    loaded = load_list(path)
    assert loaded.snapshot.published == "2024-05-03"
    assert loaded.snapshot.source == "ofac"
    by_id = {entity.id: entity for entity in loaded.entities}
    assert sorted(by_id) == ["ofac-15036", "ofac-306", "ofac-36", "ofac-36937"]
    bank = by_id["ofac-306"]
    assert bank.names == ["BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA"]
    assert bank.weak_names == ["BNC"]
    assert bank.countries == ["ch"]
    person = by_id["ofac-36937"]
    assert person.schema_ == "Person"
    assert person.names == ["Yuriy Garunovich GAZARYAN", "Yuri Garunovich GAZARYAN"]
    assert person.birth_dates == ["1974-07-23"]
    assert person.birth_places == ["Baku, Azerbaijan"]
    assert person.countries == ["ru"]
    vessel = by_id["ofac-15036"]
    assert vessel.schema_ == "Vessel"
    assert vessel.programs == ["IRAN", "SDGT"]
    assert vessel.countries == ["ir"]
    assert {(i.type, i.value) for i in vessel.identifiers} == {
        ("imo", "9187629"),
        ("mmsi", "572469210"),
        ("call_sign", "T2EU4"),
    }


def test_ofac_consolidated_xml_gets_its_prefix(tmp_path: Path) -> None:
    path = tmp_path / "CONS_PRIM.XML"
    path.write_bytes((FIXTURES / "ofac_sdn.xml").read_bytes())
    assert all(e.id.startswith("ofac_cons-") for e in load_list(path).entities)


def test_eu_fsf_xml() -> None:
    path = FIXTURES / "eu_fsf.xml"
    assert detect_format(path) == "eu_xml"
    loaded = load_list(path)
    assert loaded.snapshot.published == "2025-11-21"
    saddam, gazaryan, company = loaded.entities
    assert saddam.id == "eu-13"
    assert saddam.names == ["Saddam Hussein Al-Tikriti"]
    assert saddam.weak_names == ["Abu Ali"]
    assert saddam.birth_dates == ["1937-04-28"]
    assert saddam.countries == ["iq"]
    assert gazaryan.names == ["Yuriy Garunovich Gazaryan", "Юрий Гарунович Газарян"]
    assert gazaryan.birth_dates == ["1974-07-23"]  # from year/month/day attributes
    assert ("passport", "7100000000", "ru") in {
        (i.type, i.value, i.country) for i in gazaryan.identifiers
    }
    assert company.schema_ == "Organization"
    assert company.names[1] == "ООО «Транс Капитал»"
    assert company.countries == ["ru"]


@pytest.mark.parametrize(
    ("fixture", "reader", "closing"),
    [
        ("ofac_sdn.xml", read_ofac_xml, "</sdnList>"),
        ("eu_fsf.xml", read_eu_xml, "</export>"),
    ],
)
def test_truncated_fixture_fails(
    tmp_path: Path, fixture: str, reader: Callable[[Path], LoadedList], closing: str
) -> None:
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    for cut in (text.replace(closing, ""), text[: len(text) // 2]):
        path = tmp_path / fixture
        path.write_text(cut, encoding="utf-8")
        with pytest.raises(ListLoadError, match="broken XML") as error:
            reader(path)
        assert str(path) in str(error.value)


def test_ofac_entry_of_unknown_type_fails(tmp_path: Path) -> None:
    text = (FIXTURES / "ofac_sdn.xml").read_text(encoding="utf-8")
    path = tmp_path / "SDN.XML"
    path.write_text(text.replace("<sdnType>Vessel</sdnType>", "<sdnType>Ship</sdnType>"))
    with pytest.raises(ListLoadError, match="unknown sdnType"):
        read_ofac_xml(path)


def test_eu_entity_without_id_fails(tmp_path: Path) -> None:
    text = (FIXTURES / "eu_fsf.xml").read_text(encoding="utf-8")
    path = tmp_path / "eu.xml"
    path.write_text(text.replace('logicalId="13"', ""), encoding="utf-8")
    with pytest.raises(ListLoadError, match="without logicalId"):
        read_eu_xml(path)


def test_ofac_advanced_xml() -> None:
    path = FIXTURES / "ofac_sdn_advanced.xml"
    assert detect_format(path) == "ofac_advanced_xml"
    loaded = load_list(path)
    assert loaded.snapshot.published == "2026-02-27"
    bank, person = loaded.entities
    assert bank.id == "ofac-306"
    assert bank.schema_ == "Organization"
    assert bank.names == ["BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA"]
    assert bank.weak_names == ["BNC"]  # LowQuality="true"
    assert bank.countries == ["ch"]  # through the address Location
    assert bank.programs == ["CUBA"]  # joined from SanctionsEntries, after the parties
    assert person.id == "ofac-48986"
    assert person.schema_ == "Person"
    assert person.names == [
        "Rafael Anatolyevich GAZARYAN",
        "Рафаэль Анатольевич Газарян",  # the same alias in Cyrillic script
        "Rafael' Anatol'evich GAZARYAN",
    ]
    assert person.birth_dates == ["1954-10-02", "1955"]  # a day, then a whole year
    assert person.birth_places == ["Moscow, Russia"]
    assert person.countries == ["ru"]
    assert {(i.type, i.value, i.country) for i in person.identifiers} == {
        ("passport", "6102814100", "ru"),
        ("tax_id", "622800585633", "ru"),
    }


def test_truncated_advanced_xml_fails(tmp_path: Path) -> None:
    text = (FIXTURES / "ofac_sdn_advanced.xml").read_text(encoding="utf-8")
    path = tmp_path / "sdn_advanced.xml"
    path.write_text(text[: text.index("<SanctionsEntries>")], encoding="utf-8")
    with pytest.raises(ListLoadError, match="broken XML"):
        load_list(path)
