"""Screening by identifiers: normal forms and check digits per type, exact retrieval,
strong and weak matches, a different value of a one-per-holder type, warnings."""

from __future__ import annotations

from pathlib import Path

import pytest

from screening.errors import InputError
from screening.identifier_index import IdentifierIndex
from screening.identifiers import KNOWN_TYPES, normalise, parse_type, rule_for
from screening.model import Entity, Identifier
from screening.screener import Screener
from screening.sources import load_lists
from screening.weights import IdentifierWeights

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# (type, country, as written, normal form or None when the value must be rejected)
NORMAL_FORMS = [
    # IMO: 7 digits, weights 7..2, the prefix and separators dropped.
    ("imo", None, "IMO 918-7629", "9187629"),
    ("imo", None, "imo9187629", "9187629"),
    ("imo", None, " 9187629 ", "9187629"),
    ("imo", None, "9187620", None),  # check digit
    ("imo", None, "918762", None),  # length
    ("imo", None, "IMO 91876A9", None),  # a letter
    # LEI (ISO 17442): MOD 97-10.
    ("lei", None, "253400v1h6art1uq0n98", "253400V1H6ART1UQ0N98"),
    ("lei", None, "LEI 2534 00V1 H6AR T1UQ 0N98", "253400V1H6ART1UQ0N98"),
    ("lei", None, "253400V1H6ART1UQ0N99", None),
    # BIC (ISO 9362): 8 or 11, branch XXX is the head office.
    ("bic", None, "havigb2l", "HAVIGB2L"),
    ("bic", None, "SWIFT HAVI GB 2L XXX", "HAVIGB2L"),
    ("bic", None, "HAVIGB2L123", "HAVIGB2L123"),
    ("bic", None, "H4VIGB2L", None),  # a digit in the bank code
    # IBAN (ISO 13616).
    ("iban", None, "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
    ("iban", None, "GB82WEST12345698765433", None),
    # ISIN (ISO 6166).
    ("isin", None, "US0378331005", "US0378331005"),
    ("isin", None, "US0378331006", None),
    # Russian INN (10 and 12 digits) and OGRN (13).
    ("tax_id", "ru", "INN 7707083893", "7707083893"),
    ("tax_id", "ru", "ИНН 7707083893", "7707083893"),
    ("tax_id", "ru", "500100732259", "500100732259"),
    ("tax_id", "ru", "7707083894", None),
    ("registration", "ru", "OGRN 1027700132195", "1027700132195"),
    ("registration", "ru", "1027700132196", None),
    # Tax and registration numbers elsewhere: separators dropped, no check known.
    ("tax_id", "co", "800018928-0", "8000189280"),
    ("tax_id", None, "800.018.928-0", "8000189280"),
    ("registration", "gb", "01074897", "1074897"),  # registers pad with zeros
    ("registration", "ru", "09804148", "09804148"),  # an OKPO code: no OGRN check at 8 digits
    ("registration", "de", "HRB 32490 (Mainz)", "HRB32490"),  # the register aside apart
    ("national_id", "hk", "D489833(9)", "D4898339"),  # a bracketed check digit stays
    # Crypto: Base58Check keeps its case, bech32 and hex fold it; checksums checked.
    (
        "crypto_xbt",
        None,
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    ),
    ("crypto_xbt", None, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", None),
    ("crypto_xbt", None, "1a1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", None),  # case matters
    (
        "crypto_xbt",
        None,
        "BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    ),
    ("crypto_xbt", None, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr", None),
    ("crypto_xbt", None, "bc1qar0srrr7xfkvy5l643lyDNW9RE59GTZZWF5MDQ", None),  # mixed case
    (
        "crypto_eth",
        None,
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",  # EIP-55's own example
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
    ),
    (
        "crypto_eth",
        None,
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",  # one case: no checksum to check
        "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
    ),
    ("crypto_eth", None, "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", None),
    (
        "crypto_trx",
        None,
        "TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG",
        "TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsG",
    ),
    ("crypto_trx", None, "TMStbg5fgb4uTV7fK1gEYF9hKAzP3siPsH", None),
    (
        "crypto_bch",
        None,
        "bitcoincash:QPF2CPHC5DKUCLKQUR7LHJ2YUQQ9PK3HMUKLE77VHQ",
        "qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq",
    ),
    ("imo", None, "９１８７６２９", "9187629"),  # full-width digits
    ("imo", None, "9187\u200b629", "9187629"),  # a zero-width space
    ("tax_id", "ru", "ИНН\u00a07707083893", "7707083893"),
    # Others: separators and case.
    ("ssn", "us", "536-90-4399", "536904399"),
    ("ssn", "us", "000-12-3456", None),
    ("mmsi", None, "MMSI 572 469 210", "572469210"),
    ("passport", "ru", "71 0000 0000", "7100000000"),
    ("passport", None, "ab-850.901", "AB850901"),
    ("national_id", "co", "000123", "123"),
    ("duns", None, "52-024-2307", "520242307"),
    ("call_sign", None, "t2eu4", "T2EU4"),
    ("imo", None, "", None),
]


@pytest.mark.parametrize(("kind", "country", "written", "expected"), NORMAL_FORMS)
def test_normal_form_and_check_digits(
    kind: str, country: str | None, written: str, expected: str | None
) -> None:
    normal = normalise(Identifier(type=kind, value=written, country=country))
    if expected is None:
        assert not normal.valid and normal.problem
    else:
        assert normal.valid, normal.problem
        assert normal.value == expected


def test_every_crypto_type_is_one_group_and_unknown_types_are_weak() -> None:
    assert rule_for("crypto_usdt", None).group == rule_for("crypto_eth", None).group == "crypto"
    unknown = rule_for("loyalty_card", None)
    assert not unknown.known and unknown.strength == "weak"
    assert {"imo", "lei", "bic", "tax_id", "registration", "passport"} <= set(KNOWN_TYPES)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("imo", ("imo", None)), ("TAX_ID/RU", ("tax_id", "ru")), (" lei ", ("lei", None))],
)
def test_type_specs(spec: str, expected: tuple[str, str | None]) -> None:
    assert parse_type(spec) == expected


@pytest.mark.parametrize("spec", ["", "tax id", "tax_id/russia", "9imo"])
def test_bad_type_specs(spec: str) -> None:
    with pytest.raises(ValueError):
        parse_type(spec)


TANKER = Entity(
    id="v-tanker",
    schema="Vessel",
    names=["ARTAVIL"],
    identifiers=[
        Identifier(type="imo", value="9187629"),
        Identifier(type="mmsi", value="572469210"),
    ],
)
OTHER_TANKER = Entity(
    id="v-other",
    schema="Vessel",
    names=["OCEAN PRIDE"],
    identifiers=[Identifier(type="imo", value="9354521")],
)
COMPANY = Entity(
    id="o-sber",
    schema="Organization",
    names=["PUBLICHNOE AKTSIONERNOE OBSHCHESTVO SBERBANK ROSSII"],
    countries=["ru"],
    identifiers=[
        Identifier(type="tax_id", value="7707083893", country="ru"),
        Identifier(type="registration", value="1027700132195", country="ru"),
        Identifier(type="bic", value="SABRRUMM"),
    ],
)
PERSON = Entity(
    id="p-ivanov",
    schema="Person",
    names=["Sergei IVANOV"],
    identifiers=[Identifier(type="passport", value="7100000000", country="ru")],
)
WALLET_OWNER = Entity(
    id="o-wallets",
    schema="Organization",
    names=["GARANTEX EUROPE"],
    identifiers=[
        Identifier(type="crypto_usdt", value="0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")
    ],
)


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities([TANKER, OTHER_TANKER, COMPANY, PERSON, WALLET_OWNER])


def test_a_renamed_vessel_is_found_by_its_imo(screener: Screener) -> None:
    result = screener.screen("Blue Horizon", schema="Vessel", identifiers=[("imo", "IMO 918 7629")])
    assert [hit.entity_id for hit in result.hits] == ["v-tanker"]
    hit = result.hits[0]
    assert hit.score == IdentifierWeights().strong_match
    assert hit.explanation.name_score < 0.5  # the names share nothing
    rows = [token for token in hit.explanation.tokens if token.rule == "identifier"]
    assert [(row.query_key, row.list_key) for row in rows] == [("9187629", "9187629")]
    (check,) = [e for e in hit.explanation.evidence if e.kind == "identifier"]
    assert check.outcome == "match"


def test_an_identifier_alone_screens(screener: Screener) -> None:
    result = screener.screen("", identifiers=[Identifier(type="imo", value="9187629")])
    assert [hit.entity_id for hit in result.hits] == ["v-tanker"]
    assert result.hits[0].listed_name == "ARTAVIL"
    assert result.hits[0].explanation.name_score == 0.0


def test_a_wrong_imo_lowers_a_name_hit(screener: Screener) -> None:
    plain = screener.screen("Artavil", threshold=0.0).hits[0]
    wrong = screener.screen("Artavil", threshold=0.0, identifiers=[("imo", "9321483")]).hits[0]
    assert wrong.entity_id == plain.entity_id == "v-tanker"
    change = IdentifierWeights().strong_different
    assert wrong.score == pytest.approx(plain.score + change)
    (check,) = [e for e in wrong.explanation.evidence if e.kind == "identifier"]
    assert check.outcome == "different" and check.score_change == change
    # The holder of the query's IMO alerts on it, above the listed name.
    other = screener.screen("Artavil", identifiers=[("imo", "9354521")]).hits
    assert [hit.entity_id for hit in other][:1] == ["v-other"]


def test_a_tax_number_alerts_in_its_country_only(screener: Screener) -> None:
    with_country = screener.screen("", identifiers=[("tax_id", "7707083893", "ru")])
    assert [hit.entity_id for hit in with_country.hits] == ["o-sber"]
    assert with_country.hits[0].score == 1.0
    without = screener.screen("", identifiers=[("tax_id", "7707083893")])
    assert without.hits == []  # evidence only without its country
    elsewhere = screener.screen("", identifiers=[("tax_id", "7707083893", "kz")])
    assert elsewhere.hits == []


def test_a_different_tax_number_in_the_same_country_lowers_the_score(screener: Screener) -> None:
    name = "Sberbank Rossii PAO"
    plain = screener.screen(name, threshold=0.0).hits[0]
    other = screener.screen(name, threshold=0.0, identifiers=[("tax_id", "500100732259", "ru")])
    assert other.hits[0].entity_id == "o-sber"
    assert other.hits[0].score < plain.score
    abroad = screener.screen(name, threshold=0.0, identifiers=[("tax_id", "500100732259", "kz")])
    assert abroad.hits[0].score == plain.score  # another country's number says nothing


def test_a_passport_is_evidence_and_never_alerts_alone(screener: Screener) -> None:
    alone = screener.screen("", identifiers=[("passport", "71 0000 0000", "ru")])
    assert alone.hits == []
    plain = screener.screen("Sergei Ivanov", threshold=0.0).hits[0]
    with_passport = screener.screen(
        "Sergei Ivanov", threshold=0.0, identifiers=[("passport", "7100000000", "ru")]
    ).hits[0]
    weak = IdentifierWeights().weak_match
    assert with_passport.score == pytest.approx(min(1.0, plain.score + weak))
    different = screener.screen(
        "Sergei Ivanov", threshold=0.0, identifiers=[("passport", "7200000000", "ru")]
    ).hits[0]
    assert different.score == plain.score  # people hold several passports


def test_a_wallet_matches_across_coins_and_cases(screener: Screener) -> None:
    result = screener.screen(
        "", identifiers=[("crypto_eth", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    )
    assert [hit.entity_id for hit in result.hits] == ["o-wallets"]


def test_an_invalid_value_is_reported_and_never_matched(screener: Screener) -> None:
    result = screener.screen("", identifiers=[("imo", "9187620")])
    assert result.hits == []
    assert len(result.warnings) == 1 and "9187620" in result.warnings[0]
    unknown = screener.screen("Artavil", identifiers=[("loyalty_card", "123")])
    assert "unknown" in unknown.warnings[0]
    assert [hit.entity_id for hit in unknown.hits] == ["v-tanker"]


def test_a_query_needs_a_name_or_an_identifier(screener: Screener) -> None:
    with pytest.raises(InputError):
        screener.screen("")
    with pytest.raises(InputError):
        screener.screen("", identifiers=[("imo", "9" * 5000)])
    (many,) = screener.screen_many([{"identifiers": [("imo", "9187629")]}])
    assert [hit.entity_id for hit in many.hits] == ["v-tanker"]
    with pytest.raises(InputError):
        screener.screen("", identifiers=[("imo",)])  # type: ignore[list-item]


def test_name_only_results_are_untouched(screener: Screener) -> None:
    result = screener.screen("Artavil")
    assert result.warnings == []
    assert all(t.rule != "identifier" for h in result.hits for t in h.explanation.tokens)
    assert all(e.kind != "identifier" for h in result.hits for e in h.explanation.evidence)


def test_the_index_keeps_valid_values_only() -> None:
    entity = Entity(
        id="x",
        names=["X"],
        identifiers=[
            Identifier(type="imo", value="9187620"),
            Identifier(type="imo", value="IMO 9187629"),
        ],
    )
    index = IdentifierIndex.build([entity])
    assert index.invalid == 1
    assert index.by_value == {("imo", "9187629"): (0,)}


# Every list format's identifiers screen end to end: parsed, normalised, indexed, found.
@pytest.mark.parametrize(
    ("fixture", "entity_id", "identifier"),
    [
        ("ofac_sdn.xml", "ofac-15036", ("imo", "9187629", None)),
        ("ofac_sdn_advanced.xml", "ofac-48986", ("tax_id", "622800585633", "ru")),
        ("eu_fsf.xml", "eu-150001", ("tax_id", "5001101089", "ru")),
        ("uk_fcdo_sanctions_list.xml", "uk-RUS9999", ("imo", "9187629", None)),
    ],
)
def test_listed_identifiers_of_each_format_are_found(
    fixture: str, entity_id: str, identifier: tuple[str, str, str | None]
) -> None:
    lists = load_lists(FIXTURES / fixture, allow_partial=True)
    screener = Screener(lists)
    listed = {(i.type, i.value, i.country) for e in screener.index.entities for i in e.identifiers}
    assert identifier in listed
    result = screener.screen("", identifiers=[identifier])
    assert entity_id in [hit.entity_id for hit in result.hits]


def test_a_number_of_a_named_register_alerts_only_with_that_register() -> None:
    entity = Entity(
        id="o-mx",
        schema="Organization",
        names=["COMERCIALIZADORA TAPATIA"],
        identifiers=[Identifier(type="registration", value="22839 (Jalisco)", country="mx")],
    )
    screener = Screener.from_entities([entity])
    same = screener.screen("", identifiers=[("registration", "22839 (JALISCO)", "mx")])
    assert [hit.entity_id for hit in same.hits] == ["o-mx"]
    bare = screener.screen("", identifiers=[("registration", "22839", "mx")])
    assert bare.hits == []  # another state's register may hold the same number
    named = screener.screen(
        "Comercializadora Tapatia", threshold=0.0, identifiers=[("registration", "22839", "mx")]
    )
    (check,) = [e for e in named.hits[0].explanation.evidence if e.kind == "identifier"]
    assert check.outcome == "match" and check.score_change == IdentifierWeights().weak_match


def test_a_screener_from_the_index_cache_screens_identifiers(tmp_path: Path) -> None:
    from screening.cache import load_screener_cached
    from screening.settings import Settings

    list_file = tmp_path / "list.jsonl"
    list_file.write_text(TANKER.model_dump_json(by_alias=True) + "\n", encoding="utf-8")
    cache_dir = tmp_path / "cache"
    load_screener_cached([list_file], Settings(), cache_dir)  # builds and stores the index
    assert any(cache_dir.iterdir())
    cached = load_screener_cached([list_file], Settings(), cache_dir)
    result = cached.screen("", identifiers=[("imo", "9187629")])
    assert [hit.entity_id for hit in result.hits] == ["v-tanker"]
