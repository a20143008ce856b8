"""Japanese names: kana read by Hepburn, one name in Hepburn, Kunrei-shiki and kana met by
named rules, and two names a syllable apart kept apart.

Each rule is tested on both sides: the spellings it makes one word meet, and distinct
names that look alike stay apart.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.data import JAPANESE_SURNAME_ROWS, KANA_ROWS
from screening.japanese import (
    are_other_japanese_words,
    japanese_rules,
    japanese_spelling,
    kana_to_latin,
    looks_japanese,
)
from screening.model import Entity
from screening.names import JAPANESE, parse_name
from screening.screener import Screener
from screening.settings import DEFAULT_THRESHOLD
from screening.translit import ascii_fold


@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("サトウ", "satou"),  # long vowels as the kana write them
        ("ジュンイチ", "junichi"),  # small yu: ju, not unidecode's ziyu
        ("シンイチ", "shinichi"),
        ("キョウコ", "kyouko"),
        ("ハットリ", "hattori"),  # small tsu: the next consonant doubled
        ("マッチャ", "matcha"),  # t before ch
        ("チヅル", "chizuru"),  # ヅ is zu in Hepburn
        ("フミコ", "fumiko"),
        ("タロー", "taroo"),  # the long-vowel mark repeats the vowel
        ("ホンマ", "honma"),
        ("ひろし", "hiroshi"),  # hiragana read as katakana
        ("じゅんいち", "junichi"),
    ],
)
def test_kana_are_read_by_hepburn(kana: str, latin: str) -> None:
    assert kana_to_latin(kana) == latin
    assert ascii_fold(kana) == latin


@pytest.mark.parametrize("row", KANA_ROWS, ids=lambda row: row[0])
def test_every_kana_and_its_three_romanisations_are_one_syllable(
    row: tuple[str, ...],
) -> None:
    kana, hepburn, kunrei, nihon = row
    assert japanese_spelling(hepburn) is not None
    for other in (kana, kunrei, nihon):
        assert other == hepburn or japanese_rules(other, hepburn) is not None, other


@pytest.mark.parametrize("row", JAPANESE_SURNAME_ROWS, ids=lambda row: row[0])
def test_every_family_name_of_the_table_reads_from_its_kana(row: tuple[str, ...]) -> None:
    hepburn, kana = row
    assert japanese_spelling(hepburn) is not None
    assert japanese_rules(kana, hepburn) is not None or kana_to_latin(kana) == hepburn


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("Satou", "Sato", "japanese_long_vowel"),  # Kunrei as written, passport Hepburn
        ("Satoh", "Sato", "japanese_long_vowel"),  # the passport's oh
        ("Ōno", "Ohno", "japanese_long_vowel"),  # macron
        ("Oota", "Ota", "japanese_long_vowel"),
        ("Yuuko", "Yuko", "japanese_long_vowel"),
        ("Ryouhei", "Ryohei", "japanese_long_vowel"),
        ("Youiti", "Yoichi", "japanese_long_vowel"),  # ou before a vowel: a long o (ヨウイチ)
        ("Inoue", "Inoe", "japanese_long_vowel"),  # or an o and a u (イノウエ): both read
        ("Zyun'iti", "Junichi", "kunrei=hepburn"),  # zyu = ju, ti = chi, n' = n
        ("Takahasi", "Takahashi", "kunrei=hepburn"),  # si = shi
        ("Huziwara", "Fujiwara", "kunrei=hepburn"),  # hu = fu, zi = ji
        ("Tutomu", "Tsutomu", "kunrei=hepburn"),  # tu = tsu
        ("Tiduru", "Chizuru", "kunrei=hepburn"),  # Nihon-shiki di, du
        ("Syouta", "Shota", "kunrei=hepburn"),
        ("Homma", "Honma", "japanese_syllabic_n"),  # m before b, m, p
        ("Sampei", "Sanpei", "japanese_syllabic_n"),
        ("Ecchu", "Etchu", "japanese_sokuon"),  # the small tsu before ch
        ("サトウ", "SATO", "kana read by Hepburn"),
        ("ジュンイチ", "Zyun'iti", "kunrei=hepburn"),
    ],
)
def test_one_japanese_word_in_two_spellings_meets_by_a_named_rule(
    a: str, b: str, rule: str
) -> None:
    found = japanese_rules(a, b)
    assert found is not None and rule in found, found
    assert japanese_rules(b, a) is not None  # symmetric


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kato", "Sato"),  # one syllable apart: two family names
        ("Saito", "Sato"),
        ("Goto", "Kato"),
        ("Hiroshi", "Hiroki"),
        ("Yuko", "Yuki"),
        ("Kazuya", "Kazuki"),
        ("Inoue", "Ino"),  # a syllable left out
        ("Ito", "Iida"),
        ("カトウ", "Sato"),
        ("Junichi", "Junji"),  # a syllable left out
    ],
)
def test_two_japanese_words_a_syllable_apart_are_two_words(a: str, b: str) -> None:
    assert japanese_rules(a, b) is None
    assert are_other_japanese_words(a, b)


@pytest.mark.parametrize("word", ["Smith", "Kim", "Vladimir", "Park", "Takahsahi"])
def test_a_word_that_is_no_run_of_japanese_syllables_has_no_japanese_spelling(
    word: str,
) -> None:
    assert japanese_spelling(word) is None
    assert not are_other_japanese_words(word, "Takahashi")


@pytest.mark.parametrize(
    ("name", "japanese"),
    [
        ("SATO Junichi", True),
        ("Satou Zyun'iti", True),  # the family name read by Kunrei
        ("Junichi Sato", True),
        ("タカハシ・ヤスヒロ", True),  # kana
        ("さとう じゅんいち", True),
        ("Mario Romano", False),  # syllables too, but no Japanese family name
        ("Kim Jong Un", False),
        ("Peter SATO", False),  # Peter is no run of Japanese syllables
        ("Sato", False),  # one word: no given name beside the family name
    ],
)
def test_a_name_is_japanese_by_its_script_or_its_syllables_and_family_name(
    name: str, japanese: bool
) -> None:
    assert looks_japanese(name) is japanese
    assert (JAPANESE in parse_name(name, "Person").origins) is japanese


JAPANESE_LIST = [
    Entity(id="sato-junichi", schema="Person", names=["SATO Junichi"]),
    Entity(id="takahashi-yasuhiro", schema="Person", names=["TAKAHASHI Yasuhiro"]),
    Entity(id="fujiwara-yoko", schema="Person", names=["FUJIWARA Yoko"]),
    Entity(id="kato-akemi", schema="Person", names=["KATO Akemi"]),
    Entity(id="ono-ryohei", schema="Person", names=["ONO Ryohei"]),
    Entity(id="honma-kazuki", schema="Person", names=["HOMMA Kazuki"]),
    Entity(id="romano-mario", schema="Person", names=["Mario ROMANO"]),
]


@pytest.fixture(scope="module")
def japanese_list() -> Screener:
    return Screener.from_entities(JAPANESE_LIST)


def _score(screener: Screener, query: str, entity: str) -> float:
    result = screener.screen(query, schema="Person", threshold=0.0, limit=20)
    return next((h.score for h in result.hits if h.entity_id == entity), 0.0)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Satou Zyun'iti", "sato-junichi"),  # Kunrei-shiki
        ("Zyun'iti Satou", "sato-junichi"),  # given name first
        ("サトウ・ジュンイチ", "sato-junichi"),  # katakana
        ("さとう じゅんいち", "sato-junichi"),  # hiragana
        ("Yasuhiro Takahasi", "takahashi-yasuhiro"),
        ("Youko Huziwara", "fujiwara-yoko"),
        ("フジワラ ヨウコ", "fujiwara-yoko"),
        ("Ohno Ryouhei", "ono-ryohei"),
        ("Ōno Ryōhei", "ono-ryohei"),
        ("Honma Kazuki", "honma-kazuki"),
        ("Takahashi Yasuhiro", "takahashi-yasuhiro"),
    ],
)
def test_one_japanese_name_in_another_romanisation_or_in_kana_alerts(
    japanese_list: Screener, query: str, entity: str
) -> None:
    assert _score(japanese_list, query, entity) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Satou Akemi", "kato-akemi"),  # Sato is not Kato, one letter apart
        ("サトウ アケミ", "kato-akemi"),
        ("Katou Akeno", "kato-akemi"),  # the given name a syllable off
        ("Sato Junji", "sato-junichi"),
        ("サトウ ジュンジ", "sato-junichi"),
        ("Takahasi Yasuhito", "takahashi-yasuhiro"),
        ("Huziwara Yuko", "fujiwara-yoko"),
        ("Ono Kyouhei", "ono-ryohei"),
    ],
)
def test_another_japanese_name_a_syllable_apart_does_not_alert(
    japanese_list: Screener, query: str, entity: str
) -> None:
    assert _score(japanese_list, query, entity) < DEFAULT_THRESHOLD


def test_the_explanation_names_the_japanese_rules(japanese_list: Screener) -> None:
    result = japanese_list.screen("Satou Zyun'iti", schema="Person", threshold=0.0)
    hit = next(h for h in result.hits if h.entity_id == "sato-junichi")
    details = {token.detail for token in hit.explanation.tokens}
    assert details == {"japanese_long_vowel", "kunrei=hepburn"}


def test_a_typo_in_a_name_that_is_not_japanese_is_still_a_typo(japanese_list: Screener) -> None:
    assert _score(japanese_list, "Mario Romanno", "romano-mario") >= DEFAULT_THRESHOLD


def test_kanji_beside_kana_are_not_read_as_mandarin() -> None:
    parsed = parse_name("佐藤 じゅんいち", "Person")
    assert [t.text for t in parsed.tokens] == ["佐藤", "じゅんいち"]  # no one-character family name
    assert "zuo" not in parsed.tokens[0].folded and parsed.tokens[1].folded == "junichi"
    screener = Screener.from_entities(
        [
            Entity(id="zuo-teng", schema="Person", names=["ZUO Teng Junichi"]),
            Entity(id="sato-junichi", schema="Person", names=["佐藤 じゅんいち"]),
        ]
    )
    assert _score(screener, "佐藤 じゅんいち", "zuo-teng") < DEFAULT_THRESHOLD
    assert _score(screener, "佐藤 じゅんいち", "sato-junichi") >= DEFAULT_THRESHOLD


@given(st.lists(st.sampled_from(KANA_ROWS), min_size=1, max_size=6))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_a_kana_word_and_its_hepburn_kunrei_and_nihon_spellings_are_one_word(
    rows: list[tuple[str, ...]],
) -> None:
    kana, hepburn, kunrei, nihon = ("".join(row[k] for row in rows) for k in range(4))
    assert japanese_spelling(kana) is not None
    for other in (hepburn, kunrei, nihon, hepburn.capitalize()):
        assert japanese_rules(kana, other) is not None, other
