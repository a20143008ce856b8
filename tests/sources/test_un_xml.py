"""UN Security Council consolidated list, XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import ListLoadError
from screening.sources import detect_format, load_list
from screening.sources.un_xml import read_un_xml

UN_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<CONSOLIDATED_LIST xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>6908488</DATAID>
      <FIRST_NAME>ISLAM</FIRST_NAME>
      <SECOND_NAME>SEIT-UMAROVICH</SECOND_NAME>
      <THIRD_NAME>ATABIEV</THIRD_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDi.364</REFERENCE_NUMBER>
      <NAME_ORIGINAL_SCRIPT>Ислам Сеит-Умарович Атабиев</NAME_ORIGINAL_SCRIPT>
      <NATIONALITY><VALUE>Russian Federation</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Islam Atabiev</ALIAS_NAME>
        <DATE_OF_BIRTH>1982</DATE_OF_BIRTH></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Jihad</ALIAS_NAME>
        <NOTE>original script: Абу Джихад</NOTE></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ADDRESS><COUNTRY>Syrian Arab Republic</COUNTRY></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE>
        <DATE>1983-09-29</DATE></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE>
        <FROM_YEAR>1984</FROM_YEAR><TO_YEAR>1985</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_PLACE_OF_BIRTH><CITY>Ust-Dzheguta</CITY>
        <COUNTRY>Russian Federation</COUNTRY></INDIVIDUAL_PLACE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>
        <NUMBER>620169661</NUMBER><ISSUING_COUNTRY>Russian Federation</ISSUING_COUNTRY>
      </INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>110327</DATAID>
      <FIRST_NAME>YAS AIR</FIRST_NAME>
      <UN_LIST_TYPE>Iran</UN_LIST_TYPE>
      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>YAS AIRLINES</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ALIAS><QUALITY/><ALIAS_NAME/></ENTITY_ALIAS>
      <ENTITY_ADDRESS><COUNTRY>Iran (Islamic Republic of)</COUNTRY></ENTITY_ADDRESS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"""


def write(tmp_path: Path, text: str, name: str = "consolidated.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_parses_individuals_and_entities(tmp_path: Path) -> None:
    path = write(tmp_path, UN_XML)
    assert detect_format(path) == "un_xml"
    loaded = load_list(path)
    assert loaded.snapshot.published == "2026-02-27"
    person, entity = loaded.entities
    assert person.id == "un-6908488"
    assert person.schema_ == "Person"
    assert person.names == [
        "ISLAM SEIT-UMAROVICH ATABIEV",
        "Ислам Сеит-Умарович Атабиев",
        "Islam Atabiev",
    ]
    assert person.weak_names == ["Abu Jihad", "Абу Джихад"]
    assert person.birth_dates == ["1983-09-29", "1984", "1985", "1982"]
    assert person.birth_places == ["Ust-Dzheguta, Russian Federation"]
    assert person.countries == ["ru", "sy"]
    assert ("passport", "620169661", "ru") in {
        (i.type, i.value, i.country) for i in person.identifiers
    }
    assert entity.id == "un-110327"
    assert entity.schema_ == "Organization"
    assert entity.names == ["YAS AIR", "YAS AIRLINES"]
    assert entity.countries == ["ir"]


def test_truncated_xml_fails(tmp_path: Path) -> None:
    path = write(tmp_path, UN_XML[: UN_XML.index("</ENTITIES>")])
    with pytest.raises(ListLoadError, match="broken XML") as error:
        read_un_xml(path)
    assert str(path) in str(error.value)


def test_missing_closing_root_tag_fails(tmp_path: Path) -> None:
    path = write(tmp_path, UN_XML.replace("</CONSOLIDATED_LIST>", ""))
    with pytest.raises(ListLoadError, match="broken XML"):
        read_un_xml(path)


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    bomb = UN_XML.replace(
        "<CONSOLIDATED_LIST",
        '<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
        "<CONSOLIDATED_LIST",
    ).replace("YAS AIR<", "&b;<")
    with pytest.raises(ListLoadError, match="unsafe XML"):
        read_un_xml(write(tmp_path, bomb))


def test_wrongly_encoded_xml_fails(tmp_path: Path) -> None:
    path = tmp_path / "consolidated.xml"
    path.write_bytes(UN_XML.replace("YAS AIR<", "YAS \xc4IR<").encode("latin-1", "replace"))
    with pytest.raises(ListLoadError, match="broken XML"):
        read_un_xml(path)


def test_record_without_dataid_fails(tmp_path: Path) -> None:
    path = write(tmp_path, UN_XML.replace("<DATAID>110327</DATAID>", ""))
    with pytest.raises(ListLoadError, match="without DATAID") as error:
        read_un_xml(path)
    assert str(path) in str(error.value)


def test_real_un_list(shared_dir: Path) -> None:
    loaded = load_list(shared_dir / "lists" / "un" / "UN_consolidated_2026-02-27.xml")
    assert sum(e.schema_ == "Person" for e in loaded.entities) == 730
    assert sum(e.schema_ == "Organization" for e in loaded.entities) == 273
    assert loaded.snapshot.published == "2026-02-27"
    umarov = next(e for e in loaded.entities if e.id == "un-2960872")
    assert "Умаров Доку Хаматович" in umarov.names
    assert sum(1 for e in loaded.entities if len(e.names) > 1) > 500
