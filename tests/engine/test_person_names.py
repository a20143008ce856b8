"""Person names as documents and lists write them: titles before the name, Chinese family
names in characters read as family names, names read by OCR from a scan.

Each rule is tested both ways: the variant it explains meets the listed name, and a
different name nearby does not.
"""

from __future__ import annotations

import pytest

from screening.data import HAN_FAMILY_NAME_READINGS
from screening.east_asian import east_asian_rules, looks_chinese, looks_east_asian
from screening.evasion import uncover
from screening.model import Entity, Hit
from screening.names import Role, parse_name
from screening.screener import Screener
from screening.settings import DEFAULT_THRESHOLD
from screening.translit import (
    arabic_retrieval_keys,
    arabic_rules,
    ascii_fold,
    shows_arabic_romanisation,
)

LISTED = [
    Entity(id="yasin", schema="Person", names=["Ahmad YASIN"]),
    Entity(id="razzaq", schema="Person", names=["Abdul RAZZAQ"]),
    Entity(id="khamenei", schema="Person", names=["Ali KHAMENEI"]),
    Entity(id="mirza", schema="Person", names=["Ahmad MIRZA"]),
    Entity(id="shen", schema="Person", names=["SHEN Liping"]),
    Entity(id="ye", schema="Person", names=["YE Jianying"]),
    Entity(id="zeng", schema="Person", names=["TSENG Kuo-fan"]),
    Entity(id="xie", schema="Person", names=["XIE Zhenhua"]),
    Entity(id="rogashchuk", schema="Person", names=["Nikolai Mikhailovich ROGASHCHUK"]),
    Entity(id="kantor", schema="Person", names=["Viatcheslav KANTOR"]),
    Entity(id="petrov", schema="Person", names=["Andrey Ivanovich PETROV"]),
    Entity(id="somkina", schema="Person", names=["Irina Antonovna SOMKINA"]),
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener.from_entities(LISTED)


def top(screener: Screener, name: str) -> Hit | None:
    hits = screener.screen(name, schema="Person", threshold=0.0, limit=3).hits
    return hits[0] if hits else None


# --- Titles and honorifics -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Sheikh Ahmed YASSIN", "yasin"),  # the honorific shows an Arabic name: Ahmed = Ahmad
        ("Shaykh Ahmad Yasin", "yasin"),
        ("Hajji Ahmad Yasin", "yasin"),
        ("Al-Hajj Abdul Razzaq", "razzaq"),  # the article of the title is the title's
        ("El Hadj Abdul Razzaq", "razzaq"),
        ("Alhaj Abdul Razzaq", "razzaq"),
        ("Seyed Ali Khamenei", "khamenei"),
        ("Syed Ali Khamenei", "khamenei"),
        ("Ayatollah Ali Khamenei", "khamenei"),
    ],
)
def test_a_title_before_the_name_is_left_out(screener: Screener, name: str, expected: str) -> None:
    hit = top(screener, name)
    assert hit is not None and hit.entity_id == expected
    assert hit.score >= DEFAULT_THRESHOLD
    assert "title" in [row.rule for row in hit.explanation.tokens]


@pytest.mark.parametrize(
    "name",
    [
        "Sheikh Ahmed KHALIL",  # the same title and given name, another family name
        "Seyed Mahmoud KHAMENEI",  # the same title and family name, another given name
        "Hajji Abdul RASHID",
    ],
)
def test_a_title_does_not_make_another_person_match(screener: Screener, name: str) -> None:
    hit = top(screener, name)
    assert hit is None or hit.score < DEFAULT_THRESHOLD


@pytest.mark.parametrize("name", ["Mirza Ahmad", "Said Ahmad", "Saeed Ahmad", "Sayed Ahmad"])
def test_a_title_that_is_also_a_name_stays_a_word(name: str) -> None:
    # Mirza, Agha, Khan, Hafiz are titles, but lists hold them as names (Ahmad MIRZA); the
    # spellings Sayyid and Sayyed of a title key as the given names Said and Saeed.
    assert parse_name(name, "Person").tokens[0].role is Role.WORD


def test_a_title_that_is_also_a_name_still_matches(screener: Screener) -> None:
    hit = top(screener, "Mirza Ahmad")
    assert hit is not None and hit.entity_id == "mirza" and hit.score >= DEFAULT_THRESHOLD


def test_a_title_only_counts_before_the_name() -> None:
    assert parse_name("Syed Ali", "Person").tokens[0].role is Role.PARTICLE
    assert parse_name("Salahuddin SYED", "Person").tokens[1].role is Role.WORD


@pytest.mark.parametrize("name", ["Sheikh Ahmed Yassin", "Hajji Mohammed", "Syed Salahuddin"])
def test_an_islamic_honorific_shows_an_arabic_origin(name: str) -> None:
    assert shows_arabic_romanisation(name)


def test_a_plain_western_title_shows_no_arabic_origin() -> None:
    assert not shows_arabic_romanisation("Dr Ahmed Smith")


# --- Chinese family names read as family names -------------------------------------------


@pytest.mark.parametrize(
    ("han", "listed"),
    [
        ("沈", "Shen"),  # character by character: chen
        ("单", "Shan"),  # dan
        ("曾", "Zeng"),  # ceng
        ("叶", "Ye"),  # xie
        ("薛", "Xue"),  # xie
        ("万", "Wan"),  # mo
        ("乐", "Yue"),  # both readings are family names
        ("乐", "Le"),
        ("葉", "Ye"),  # traditional characters: 叶
        ("單", "Shan"),
    ],
)
def test_a_han_family_name_is_read_as_a_family_name(han: str, listed: str) -> None:
    if ascii_fold(han) == listed.lower():
        return  # the plain reading: the same word
    rules = east_asian_rules(han, listed, True)
    assert rules is not None and "han_surname_reading" in rules


@pytest.mark.parametrize(
    ("han", "listed"),
    [
        ("沈", "Shan"),  # another family name
        ("单", "Dang"),
        ("叶", "Yan"),
        ("陈", "Shen"),  # 陈 is Chen, and only Chen
    ],
)
def test_a_han_family_name_is_not_another_one(han: str, listed: str) -> None:
    rules = east_asian_rules(han, listed, True)
    assert rules is None or "han_surname_reading" not in rules


@pytest.mark.parametrize(
    ("name", "expected"),
    [("沈立平", "shen"), ("叶剑英", "ye"), ("曾国藩", "zeng"), ("解振华", "xie")],
)
def test_a_name_in_characters_meets_its_listed_pinyin(
    screener: Screener, name: str, expected: str
) -> None:
    hit = top(screener, name)
    assert hit is not None and hit.entity_id == expected
    assert hit.score >= DEFAULT_THRESHOLD


def test_a_name_in_characters_with_another_family_name_stays_apart(screener: Screener) -> None:
    hit = top(screener, "陈剑英")  # Chen Jianying, not Ye Jianying
    assert hit is None or hit.entity_id != "ye" or hit.score < DEFAULT_THRESHOLD


def test_a_han_family_name_of_the_table_tells_a_chinese_name() -> None:
    assert looks_east_asian("单 建国") and looks_chinese("单 建国")


@pytest.mark.parametrize("name", ["I. A. MICHURIN", "A. I. NEMKIN", "U. PATEK"])
def test_a_letter_with_a_full_stop_is_an_initial_not_a_korean_family_name(name: str) -> None:
    parsed = parse_name(name, "Person")
    assert not looks_east_asian(name)
    assert [t.role for t in parsed.tokens[:-1]] == [Role.INITIAL] * (len(parsed.tokens) - 1)


@pytest.mark.parametrize("name", ["I Myong CHOL", "KIM I", "Yi Sun SIN"])
def test_a_letter_written_out_is_still_a_korean_syllable(name: str) -> None:
    assert looks_east_asian(name)


def test_initials_with_full_stops_meet_given_name_and_patronymic(screener: Screener) -> None:
    # ``Somkina`` is written in syllables a Korean name could have, ``I`` a Korean family name.
    hit = top(screener, "I. A. SOMKINA")  # Irina Antonovna SOMKINA
    assert hit is not None and hit.entity_id == "somkina" and hit.score >= DEFAULT_THRESHOLD
    assert [t.rule for t in hit.explanation.tokens] == ["initial", "initial", "exact"]
    other = top(screener, "O. A. SOMKINA")  # another first initial: no alert
    assert other is None or other.entity_id != "somkina" or other.score < DEFAULT_THRESHOLD


def test_every_family_name_reading_is_pinyin_of_one_character() -> None:
    for character, readings in HAN_FAMILY_NAME_READINGS.items():
        assert len(character) == 1 and readings
        assert all(reading.isascii() and reading.isalpha() for reading in readings)


# --- Names read by OCR ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "reading"),
    [
        ("Nikolai MikhaiIovich ROGASHCHUK", "Nikolai Mikhailovich ROGASHCHUK"),
        ("ViatchesIav KANTOR", "Viatcheslav KANTOR"),
        ("Vlad1mir Petrov", "Vladlmir Petrov"),  # a guess beside the leetspeak one
    ],
)
def test_a_stroke_between_small_letters_is_also_read_as_l(name: str, reading: str) -> None:
    readings = {r.text: r for r in uncover(name).alternatives}
    assert reading in readings
    assert [f.kind for f in readings[reading].findings] == ["ocr_confusion"]


@pytest.mark.parametrize("name", ["IVAN PETROV", "Ivan Petrov", "Ivan I. Petrov", "Ivan 1 Petrov"])
def test_a_capital_that_opens_a_word_has_no_ocr_reading(name: str) -> None:
    kinds = [f.kind for r in uncover(name).alternatives for f in r.findings]
    assert "ocr_confusion" not in kinds


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Nikolai MikhaiIovich ROGASHCHNK", "rogashchuk"), ("ViatchesIav KANTOR", "kantor")],
)
def test_an_ocr_read_name_meets_the_listed_one(
    screener: Screener, name: str, expected: str
) -> None:
    hit = top(screener, name)
    assert hit is not None and hit.entity_id == expected
    assert hit.score >= DEFAULT_THRESHOLD
    assert "ocr_confusion" in [step.kind for step in hit.explanation.normalisation]


def test_a_run_together_name_is_still_read_as_two_words(screener: Screener) -> None:
    # ``yIv`` could be an OCR ``l`` too: that reading is a guess, and finds nothing better.
    hit = top(screener, "AndreyIvanovich PETROV")
    assert hit is not None and hit.entity_id == "petrov" and hit.score >= DEFAULT_THRESHOLD
    assert hit.explanation.normalisation == []


# --- Turkish spellings of Arabic names, Indonesian short forms -----------------------------


@pytest.mark.parametrize(
    ("turkish", "arabic"),
    [("Vahap", "Wahab"), ("Habip", "Habib"), ("Ahmet", "Ahmad"), ("Murat", "Murad")],
)
def test_a_final_consonant_written_voiceless_is_the_same_name(turkish: str, arabic: str) -> None:
    rules = arabic_rules(turkish, arabic)
    assert rules is not None and "final_devoicing" in rules


@pytest.mark.parametrize(
    ("a", "b"),
    [("Habib", "Habit"), ("Karim", "Karip"), ("Tab", "Dab"), ("Hamad", "Hamas")],
)
def test_only_a_final_b_or_d_is_devoiced(a: str, b: str) -> None:
    # ``Habit``: a final t is no b; ``Tab``/``Dab``: an opening consonant keeps its voice.
    assert arabic_rules(a, b) is None


@pytest.mark.parametrize(
    ("dialect", "classical"),
    [("Hocine", "Husayn"), ("Houcine", "Hussein"), ("Zineb", "Zeynab"), ("Hider", "Hayder")],
)
def test_the_diphthong_ay_written_as_one_vowel_is_the_same_name(
    dialect: str, classical: str
) -> None:
    rules = arabic_rules(dialect, classical)
    assert rules is not None and "monophthong" in rules


@pytest.mark.parametrize(
    ("a", "b"),
    [("Said", "Sid"), ("Hocine", "Hassan"), ("Bey", "Bi"), ("Ayman", "Iman")],
)
def test_only_a_written_ay_before_a_consonant_is_one_vowel(a: str, b: str) -> None:
    # ``Said``: an ``ai`` is as often two vowels (Sa'id); ``Bey``: a final diphthong stays;
    # ``Hassan``: another vowel in another place; ``Ayman``/``Iman``: two names, an opening
    # vowel is written as it is said.
    rules = arabic_rules(a, b)
    assert rules is None or "monophthong" not in rules


def test_a_maghrebi_spelling_of_husayn_meets_the_listed_name() -> None:
    listed = Entity(id="farsi", schema="Person", names=["Husayn bin Salim AL-FARSI"])
    other = Entity(id="hassan", schema="Person", names=["Hassan bin Salim AL-FARSI"])
    screener = Screener.from_entities([listed, other])
    hit = top(screener, "Hocine Ben Salim EL FARSI")
    assert hit is not None and hit.entity_id == "farsi"
    details = [t.detail for t in hit.explanation.tokens if t.query_token == "Hocine"]
    assert details and "monophthong" in details[0]


@pytest.mark.parametrize(
    ("spoken", "classical"),
    [("Toufik", "Tawfiq"), ("Chouki", "Shawqi"), ("Molana", "Mawlana"), ("Jouhar", "Jawhar"),
     ("Noufal", "Nawfal"), ("Shokat", "Shawkat")],
)  # fmt: skip
def test_the_diphthong_aw_written_as_one_vowel_is_the_same_name(
    spoken: str, classical: str
) -> None:
    rules = arabic_rules(spoken, classical)
    assert rules is not None and "monophthong" in rules


@pytest.mark.parametrize(
    ("a", "b"),
    [("Taufiq", "Tawfiq"), ("Showkat", "Shaukat"), ("Faouzi", "Fawzi"), ("Maulana", "Mowlana")],
)
def test_the_spellings_of_the_diphthong_aw_are_one_vowel(a: str, b: str) -> None:
    # ``au`` (English, ALA-LC Urdu), ``ow`` (BGN/PCGN Persian), ``aou`` (French), ``aw``.
    rules = arabic_rules(a, b)
    assert rules is not None and "arabic_vowel" in rules


@pytest.mark.parametrize(
    ("a", "b"),
    [("Tawfiq", "Tafiq"), ("Jawhar", "Jahar"), ("Awad", "Ouad"), ("Marwa", "Maro"),
     ("Nawal", "Nul"), ("Sawsan", "Sasan"), ("Shawkat", "Shikat"), ("Dawn", "Da'un")],
)  # fmt: skip
def test_only_a_diphthong_aw_before_a_consonant_is_one_vowel(a: str, b: str) -> None:
    # ``Tafiq``: the vowel written is ``a``, not the diphthong's; ``Awad``/``Ouad``: an
    # opening vowel is written as said; ``Marwa``, ``Nawal``: ``w`` before a vowel or the
    # end of the word is a consonant of its own; ``Da'un``: two vowels the ayn parts.
    rules = arabic_rules(a, b)
    assert rules is None or "monophthong" not in rules


def test_a_maghrebi_spelling_of_tawfiq_is_found_and_named() -> None:
    listed = Entity(id="tawfiq", schema="Person", names=["Tawfiq Salim AL-HAMDANI"])
    other = Entity(id="tarif", schema="Person", names=["Tarif Salim AL-HAMDANI"])
    screener = Screener.from_entities([listed, other])
    hit = top(screener, "Toufik Salim EL HAMDANI")
    assert hit is not None and hit.entity_id == "tawfiq" and hit.score >= DEFAULT_THRESHOLD
    details = [t.detail for t in hit.explanation.tokens if t.query_token == "Toufik"]
    assert details and "monophthong" in details[0]


def test_the_diphthong_aw_brings_its_spellings_from_retrieval() -> None:
    # One key for ``Tawfiq`` and ``Toufik``, beside the spelling's own, which the Turkish
    # ``Tevfik`` (``w`` written ``v``: no diphthong) still shares.
    tawfiq = set(arabic_retrieval_keys("Tawfiq"))
    assert tawfiq & set(arabic_retrieval_keys("Toufik"))
    assert tawfiq & set(arabic_retrieval_keys("Tevfik"))
    assert arabic_retrieval_keys("Tevfik") == ("ar:TVWFVK",)


@pytest.mark.parametrize("short", ["Muh", "Moh"])
def test_an_indonesian_short_form_of_muhammad(short: str) -> None:
    rules = arabic_rules(short, "Muhammad")
    assert rules is not None and "short_form" in rules
    assert arabic_rules(short, "Mahmud") is None


# --- An English given name before a Chinese name ---------------------------------------------


@pytest.fixture(scope="module")
def english_named() -> Screener:
    return Screener.from_entities(
        [Entity(id="wang", schema="Person", names=["Helen Jian Guo WANG"])]
    )


def test_a_chinese_name_without_its_english_given_name_meets_the_listed_one(
    english_named: Screener,
) -> None:
    hit = top(english_named, "Jian Guo WANG")
    assert hit is not None and hit.score >= DEFAULT_THRESHOLD
    assert any(p.startswith("western_given_name: 'Helen'") for p in hit.explanation.penalties)


@pytest.mark.parametrize(
    "name",
    [
        "Guo WANG",  # a syllable of the Chinese given name left out: another name
        "Peter Jian Guo WANG",  # another English name: another person
        "Ming Jian Guo WANG",  # one syllable more: another Chinese given name
    ],
)
def test_a_missing_syllable_or_another_english_name_is_still_another_name(
    english_named: Screener, name: str
) -> None:
    hit = top(english_named, name)
    assert hit is None or hit.score < DEFAULT_THRESHOLD
    assert hit is None or not any(
        p.startswith("western_given_name") for p in hit.explanation.penalties
    )


# --- Wade-Giles in Chinese names -----------------------------------------------------------


@pytest.mark.parametrize(
    ("wade_giles", "pinyin", "rule"),
    [
        ("Jen", "Ren", "pinyin=wade-giles"),  # Wade-Giles j is pinyin r
        ("Jui-en", "Ruien", "pinyin=wade-giles"),
        ("Kuei", "Gui", "uei=ui"),  # -uei after k, h is pinyin -ui
        ("Huei", "Hui", "uei=ui"),
        ("Ching-i", "Jingyi", "i=yi"),  # a syllable i is pinyin yi
        ("Li-hsueh", "Lixue", "ieh=ie"),  # the h of a joined hs is no -ih final
    ],
)
def test_wade_giles_meets_pinyin_in_a_chinese_name(wade_giles: str, pinyin: str, rule: str) -> None:
    rules = east_asian_rules(wade_giles, pinyin, True)
    assert rules is not None and rule in rules


@pytest.mark.parametrize(
    ("a", "b", "chinese"),
    [
        ("Jen", "Ren", False),  # a Korean name: j and r are two sounds
        ("Jiang", "Rang", True),  # two pinyin spellings
        ("Kuei", "Kai", True),
        ("Ching-u", "Jingyi", True),
    ],
)
def test_wade_giles_rules_keep_other_syllables_apart(a: str, b: str, chinese: bool) -> None:
    assert east_asian_rules(a, b, chinese) is None


# --- An initial in its place ---------------------------------------------------------------


@pytest.fixture(scope="module")
def with_initial() -> Screener:
    return Screener.from_entities(
        [Entity(id="mansouri", schema="Person", names=["Karim Tariq H. AL-MANSOURI"])]
    )


def test_an_initial_after_an_unmatched_given_name_does_not_count(with_initial: Screener) -> None:
    # Hamid is no given name of Karim Tariq H.: the H is a grandfather's initial
    hit = top(with_initial, "Hamid Al-Mansouri")
    assert hit is not None and hit.score < DEFAULT_THRESHOLD
    rows = {t.query_token: t for t in hit.explanation.tokens}
    assert rows["Hamid"].rule == "initial_out_of_place" and rows["Hamid"].similarity == 0.0
    assert "an initial met after an unmatched given name: another name" in (
        hit.explanation.penalties
    )


@pytest.mark.parametrize("name", ["Karim Hamid Al-Mansouri", "Karim T. H. Al-Mansouri"])
def test_an_initial_after_the_matched_given_name_counts(with_initial: Screener, name: str) -> None:
    hit = top(with_initial, name)
    assert hit is not None and hit.score >= DEFAULT_THRESHOLD
    assert all(t.rule != "initial_out_of_place" for t in hit.explanation.tokens)
