"""Names of other origins than Cyrillic: Arabic-script romanisations, other scripts.

Each rule is tested on both sides: spellings that the rule makes one name meet, and
distinct names that look alike stay apart.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.east_asian import (
    east_asian_rules,
    looks_chinese,
    looks_east_asian,
    looks_vietnamese,
    vietnamese_rules,
)
from screening.model import Entity
from screening.names import Role, parse_name, split_words
from screening.scoring import compare_tokens
from screening.screener import Screener
from screening.settings import DEFAULT_THRESHOLD
from screening.translit import (
    arabic_compound_rules,
    arabic_retrieval_keys,
    arabic_rules,
    ascii_fold,
    shows_arabic_romanisation,
)


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("Usama", "Osama", "arabic_vowel"),  # u/o
        ("Adil", "Adel", "arabic_vowel"),  # i/e
        ("Mahmoud", "Mahmud", "arabic_vowel"),  # ou/u
        ("Saeed", "Said", "arabic_vowel"),  # ee/i
        ("Yaseen", "Yasin", "arabic_vowel"),
        ("Soleimani", "Sulaymani", "arabic_vowel"),  # ei/ay
        ("Qaeda", "Qa'ida", "ayn/hamza"),  # hamza as an apostrophe
        ("Qasem", "Ghasem", "q=k=gh"),  # Persian ق
        ("Tariq", "Tarek", "q=k=gh"),
        ("Gaddafi", "Qadhafi", "q=k=gh"),
        ("Gaddafi", "Qadhafi", "dh=th=z=d"),
        ("Thafir", "Zafir", "dh=th=z=d"),
        ("Jamal", "Gamal", "j=dj=g=zh"),  # Egyptian ج
        ("Djamel", "Jamal", "j=dj=g=zh"),  # French
        ("Hassan", "Hasan", "double letter"),  # shadda
        ("Muhammad", "Mohamed", "arabic_vowel"),
        ("Mohammad", "Muhammad", "double letter"),
        ("Abdul", "Abdel", "article"),
        ("Abdoul", "Abdul", "article"),
        ("Abdulrahman", "Abdelrahman", "article"),
        ("ALSAFI", "Safi", "article"),  # glued
        ("Assabah", "Sabah", "article"),  # assimilated and glued
        ("ash", "al", "article"),
        ("محمد", "Muhammad", "abjad"),  # Arabic letters: short vowels unwritten
        ("جواد", "Jawad", "abjad"),
    ],
)
def test_arabic_spellings_meet_by_a_named_rule(a: str, b: str, rule: str) -> None:
    found = arabic_rules(a, b)
    assert found is not None and rule in found, found
    assert arabic_rules(b, a) is not None  # symmetric


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hamid", "Hamad"),  # حامد and حمد: i and a are written vowels of two names
        ("Karim", "Kazim"),
        ("Hassan", "Husan"),
        ("Ali", "Ala"),
        ("Jamal", "Kamal"),  # k and g are two letters (ك, گ)
        ("Said", "Saad"),
        ("Omar", "Amir"),
        ("Yusuf", "Yunus"),
        ("王", "Wang"),  # not an Arabic source script
    ],
)
def test_distinct_arabic_names_stay_apart(a: str, b: str) -> None:
    assert arabic_rules(a, b) is None


@pytest.mark.parametrize(
    ("name", "arabic"),
    [
        ("Osama bin Laden", True),  # bin
        ("Qasem SOLEIMANI", True),  # q before a vowel
        ("Abd al-Rahman", True),
        ("Mohamed Ali", True),
        ("Yusuf ash-Shami", True),  # the article hyphenated
        ("Ahmad Shah Masood Ghazi", True),  # gh opening a word
        ("Sa'd", True),  # ayn after a vowel
        ("محمد بن سلمان", True),
        ("Milan Milen", False),
        ("Ivan Petrov", False),
        ("Hugh Leigh", False),  # gh closing an English word
        ("Xi Jinping", False),
        ("Qiang Wei", False),  # pinyin q
        ("Anatol'evich", False),  # a soft sign after a consonant
    ],
)
def test_signs_of_an_arabic_romanisation(name: str, arabic: bool) -> None:
    assert shows_arabic_romanisation(name) is arabic
    assert ("arabic" in parse_name(name).origins) is arabic


def test_the_rules_apply_only_to_names_that_show_arabic_signs() -> None:
    osama, usama = parse_name("Osama bin Laden"), parse_name("Usama BIN LADIN")
    found = compare_tokens(osama.tokens[0], usama.tokens[0], origins=frozenset({"arabic"}))
    assert (found.rule, found.detail) == ("transliteration", "arabic_vowel")
    milan, milen = parse_name("Milan Petrov"), parse_name("Milen Petrov")
    assert not milan.origins and not milen.origins
    assert compare_tokens(milan.tokens[0], milen.tokens[0]).rule == "typo"


# The known-word principle: a query word that is itself a word of the lists and one
# letter from another list word is most likely that other name, so a typo between two
# list words is discounted. A variant by a romanisation rule is not a typo: it keeps its
# rule's similarity, however common both spellings are.
KNOWN_WORDS = [
    Entity(id="usama", schema="Person", names=["Usama BIN LADIN"]),
    Entity(id="osama", schema="Person", names=["Osama Bin HAMDAN"]),  # Osama: a list word too
    Entity(id="qaida", schema="Organization", names=["AL-QA'IDA"]),
    Entity(id="qaeda", schema="Organization", names=["QAEDA MEDIA"]),
    Entity(id="milan", schema="Person", names=["Milan PETROVIC"]),
    Entity(id="milen", schema="Person", names=["Milen IVANOV"]),
    Entity(id="karim", schema="Person", names=["Karim AL-HASAN"]),
    Entity(id="kazim", schema="Person", names=["Kazim SHARIF"]),
    Entity(id="other", schema="Person", names=["Boris KOVAL"]),
]


@pytest.fixture(scope="module")
def known() -> Screener:
    return Screener.from_entities(KNOWN_WORDS)


def _row(known: Screener, query: str, entity: str, word: str) -> tuple[str, str, float]:
    result = known.screen(query, threshold=0.0, limit=20)
    hit = next(h for h in result.hits if h.entity_id == entity)
    row = next(t for t in hit.explanation.tokens if t.query_token == word)
    return row.rule, row.detail or "", hit.score


@pytest.mark.parametrize(
    ("query", "entity", "word"),
    [
        ("Osama bin Laden", "usama", "Osama"),
        ("Usama bin Hamdan", "osama", "Usama"),
        ("al-Qaeda", "qaida", "Qaeda"),
    ],
)
def test_rule_variants_of_list_words_are_not_discounted(
    known: Screener, query: str, entity: str, word: str
) -> None:
    rule, detail, score = _row(known, query, entity, word)
    assert rule == "transliteration" and "arabic_vowel" in detail
    assert score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entity", "word", "rule", "why"),
    [
        # no Arabic sign: no vowel rule; both words of the lists: a discounted typo
        ("Milen Petrovic", "milan", "Milen", "typo", "both are words of the lists"),
        # two Arabic given names (arabic_given_names.tsv): another name, never a typo
        ("Kazim al-Hasan", "karim", "Kazim", "unmatched", "two different given names"),
    ],
)
def test_distinct_names_one_letter_apart_stay_apart(
    known: Screener, query: str, entity: str, word: str, rule: str, why: str
) -> None:
    found, detail, _ = _row(known, query, entity, word)
    assert found == rule and why in detail


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("मोदी नरेंद्र", ["मोदी", "नरेंद्र"]),  # vowel signs belong to their letter
        ("สมชาย ใจดี", ["สมชาย", "ใจดี"]),
        ("T͡svetkov", ["T͡svetkov"]),
        ("Qa'ida", ["Qa'ida"]),
    ],
)
def test_words_keep_their_combining_marks(text: str, words: list[str]) -> None:
    assert split_words(text) == words


@pytest.mark.parametrize("name", ["ア キラ", "ज रमेश", "王 伟", "ก ข", "ا محمد", "א כהן"])
def test_a_letter_of_a_script_without_capitals_is_not_an_initial(name: str) -> None:
    assert all(token.role is not Role.INITIAL for token in parse_name(name, "Person").tokens)


def test_latin_cyrillic_and_greek_letters_are_initials() -> None:
    for name in ("A. Petrov", "А. Петров", "Α. Παπαδόπουλος"):
        assert parse_name(name, "Person").tokens[0].role is Role.INITIAL


@pytest.mark.parametrize(
    ("name", "words"),
    [("习近平", ["xi", "jinping"]), ("김정은", ["gim", "jeongeun"]), ("王伟", ["wang", "wei"])],
)
def test_han_and_hangul_names_split_family_from_given_name(name: str, words: list[str]) -> None:
    assert [t.folded for t in parse_name(name, "Person").tokens] == words


def test_a_syllable_read_from_han_is_never_a_typo() -> None:
    query, listed = parse_name("刘淑英", "Person"), parse_name("Cuiying LIU", "Person")
    assert compare_tokens(query.tokens[1], listed.tokens[0]).rule == "unmatched"
    assert compare_tokens(query.tokens[0], listed.tokens[1]).rule == "exact"


_NO_CAPITALS = st.sampled_from("アキラカタナ王李张伟刘淑英김정은박मोदीरमेशकखगสมชายใจดีمحمدسلمانאבגדה")


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.text(_NO_CAPITALS, min_size=1, max_size=4), min_size=1, max_size=4))
def test_no_name_in_a_script_without_capitals_has_initials(words: list[str]) -> None:
    for schema in ("Person", None):
        tokens = parse_name(" ".join(words), schema).tokens
        assert all(token.role is not Role.INITIAL for token in tokens)


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("Ri", "Lee", "korean_surname"),
        ("Yi", "Rhee", "korean_surname"),
        ("Pak", "Park", "korean_surname"),
        ("Choe", "Choi", "korean_surname"),
        ("Gim", "Kim", "k=g, t=d, p=b, ch=j"),  # RR g, MR k: a regular correspondence
        ("Jinping", "Chinping", "k=g, t=d, p=b, ch=j"),  # RR/pinyin j, MR/Wade-Giles ch
        ("Deng", "Teng", "k=g, t=d, p=b, ch=j"),
        ("Eun", "Un", "eu=u"),  # RR eu, MR ŭ
        ("Jeongil", "Jongil", "eo=o"),  # RR eo, MR ŏ
        ("Xi", "Hsi", "pinyin=wade-giles"),
        ("Zhou", "Chou", "pinyin=wade-giles"),
        ("Qian", "Ch'ien", "ien=ian"),
        ("Zedong", "Tse-tung", "ung=ong"),
        ("Jian", "Chien", "ien=ian"),  # -ien is Wade-Giles alone, with or without a mark
        ("Yan", "Yen", "ien=ian"),
        ("Pingyan", "Ping-yen", "ien=ian"),  # yen inside a joined name too
        ("Ye", "Yeh", "ieh=ie"),
        ("Zhiqiang", "Chih-chiang", "ih=i"),  # -ih inside a joined name too
        ("Kong", "K'ung", "ung=ong"),  # an aspiration mark: Wade-Giles ...
        ("Kung", "K'ung", "aspiration mark"),  # ... or McCune-Reischauer (쿵), as written
        ("Jjang", "Tchang", "k=g, t=d, p=b, ch=j"),  # RR jj, MR tch
    ],
)
def test_korean_and_chinese_spellings_meet_by_a_named_rule(a: str, b: str, rule: str) -> None:
    found = east_asian_rules(a, b.replace("-", ""))
    assert found is not None and rule in found, found
    assert east_asian_rules(b.replace("-", ""), a) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tan", "Tang"),  # n and ng close two syllables
        ("Jin", "Lin"),
        ("Song", "Sung"),  # 송 and 성: Korean o and u are two vowels
        ("Shuying", "Cuiying"),
        ("Min", "Ming"),
        ("Kim", "Kam"),
        ("Pak", "Bai"),
    ],
)
def test_distinct_korean_and_chinese_syllables_stay_apart(a: str, b: str) -> None:
    assert east_asian_rules(a, b) is None


@pytest.mark.parametrize(
    ("name", "east_asian"),
    [
        ("Kim Jong Un", True),
        ("Xi Jinping", True),
        ("Mao Tse-tung", True),
        ("CHIN-SO'K KIM", True),
        ("Ri Son Gwon", True),
        ("Hsu Chih-chiang", True),  # no family name of the table, but Wade-Giles alone
        ("CH'OE Kyo'ng-su", True),  # McCune-Reischauer as lists write it in ASCII
        ("Kyo'ng-su CH'OE", True),
        ("Ch’oe Kyo’ng-su", True),  # typographic apostrophes, as the UN list writes them
        ("Abd al-Rahman NU'MAN", False),  # an apostrophe after u: an ayn here
        ("Dima Tima", False),  # syllables, but no Korean or Chinese family name
        ("Ivan Petrov", False),
        ("Dmitriy Li Ivanovich", False),  # a word of more than three syllables
    ],
)
def test_signs_of_a_korean_or_chinese_name(name: str, east_asian: bool) -> None:
    assert looks_east_asian(name) is east_asian
    assert ("east_asian" in parse_name(name).origins) is east_asian


@pytest.mark.parametrize(
    ("name", "arabic"),
    [
        ("CH'OE Kyo'ng-su", False),  # aspiration and breve of McCune-Reischauer
        ("Ch'en Shui-pien", False),  # Wade-Giles aspiration
        ("Abd al-Rahman NU'MAN", True),  # no Korean or Chinese name: the ayn
        ("Sa'id KIM", True),  # an apostrophe after a, in no place MR writes one
    ],
)
def test_an_apostrophe_in_a_korean_or_chinese_name_is_no_ayn(name: str, arabic: bool) -> None:
    assert ("arabic" in parse_name(name).origins) is arabic


@pytest.mark.parametrize(
    ("query", "word", "listed", "other", "meet"),
    [
        ("CHOE Kyong-su", 0, "Ivan HOE", 1, False),  # Korean ch is no Czech ch = Х
        ("XI Jinping", 0, "Ivan KHI", 1, False),  # pinyin x is no GOST x = Х
        ("XU Ming", 0, "Omar KHU", 1, False),
        ("Ivan CHRUSZCZOW", 1, "Ivan KHRUSZCZOW", 1, True),  # a Slavic name keeps them
        ("Чой Кён Су", 0, "Choy Kyon SU", 0, True),  # so does a name in Cyrillic letters
    ],
)
def test_a_korean_or_chinese_word_is_not_read_as_romanised_cyrillic(
    query: str, word: int, listed: str, other: int, meet: bool
) -> None:
    """The alternative keys read a Latin word as a romanisation of Cyrillic; a word of a
    Korean or Chinese name in Latin letters was romanised from Hangul or Han."""
    q, name = parse_name(query, "Person"), parse_name(listed, "Person")
    found = compare_tokens(q.tokens[word], name.tokens[other], origins=q.origins | name.origins)
    assert (found.rule == "transliteration") is meet, found


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ظاهر", "Zahir"),
        ("حسين", "Hussein"),
        ("يوسف", "Yusuf"),  # one vowel run for two written letters
        ("أسامة", "Usama"),  # hamza on alif: a short vowel, unwritten
    ],
)
def test_a_word_in_arabic_letters_meets_its_latin_spelling(a: str, b: str) -> None:
    assert "abjad" in (arabic_rules(a, b) or ())


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("ظاهر", "Zuhair"),  # the written alif is a long a
        ("حسين", "Hassan"),  # the written yaa is a long i
        ("صيداوي", "Said"),  # a written letter left over
        ("الناز", "Alenezi"),  # a Latin vowel after the last written letter
    ],
)
def test_a_word_in_arabic_letters_needs_every_written_letter(a: str, b: str) -> None:
    assert arabic_rules(a, b) is None


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("नरेंद्र", "narendra"),  # a final cluster keeps its vowel
        ("राम", "ram"),  # a final single consonant does not; ā is a (Hunterian)
        ("अमित", "amit"),
        ("लक्ष्मी", "lakshmi"),  # ष is sh, not unidecode's ss
        ("कृष्ण", "krishna"),  # vocalic r is ri, ण is n
        ("ज़फ़र", "zafar"),  # nukta letters: Persian z and f (decomposed)
        ("\u095b\u095e\u0930", "zafar"),  # the same, precomposed
        ("सिंह", "singh"),  # the anusvara before h
        ("संभव", "sambhav"),  # the anusvara before a labial
        ("Ռուբեն", "ruben"),  # Armenian: ու is u, ռ r (BGN/PCGN, passports)
        ("Երևան", "yerevan"),  # ե and և are ye and yev at the start, after a vowel
        ("Ոսկան", "voskan"),  # ո is vo at the start of a word
        ("Թադևոս", "tadevos"),  # aspirates without apostrophes; և inside a word is ev
        ("سلمان", "slman"),  # BGN/PCGN: the alif is written, short vowels are not
        ("فاطمة", "fatma"),
    ],
)
def test_devanagari_armenian_and_arabic_letters_romanise_by_the_standard_tables(
    word: str, folded: str
) -> None:
    assert ascii_fold(word) == folded


ARMENIAN = [
    Entity(id="azhanjyan", schema="Person", names=["Minas AZHANJYAN"]),
    Entity(id="ananyan", schema="Person", names=["Kristofer ANANYAN"]),
    Entity(id="koshkakaryan", schema="Person", names=["Vakht'ang KOSHKAKARYAN"]),
    Entity(id="beridze", schema="Person", names=["Vakhtang BERIDZE"]),
]


@pytest.mark.parametrize(
    ("query", "entity", "rule"),
    [
        # read by the table, Azhanjyan is a word of the lists: that word, not Ananyan
        ("Աժանջյան Քրիստոֆեր", "ananyan", None),
        ("Աժանջյան Քրիստոֆեր", "azhanjyan", "exact"),
        # a reading that is no word of the lists may still be a listed word misspelt
        ("Անանյանց Քրիստոֆեր", "ananyan", "typo"),
        # Vakhtang is a word of the lists, and so is Vakht'ang: the apostrophe BGN/PCGN
        # writes for an aspirate is all that tells them apart
        ("Վախթանգ Կոշկակարյան", "koshkakaryan", "typo"),
    ],
)
def test_a_word_read_from_armenian_letters_that_is_a_list_word_is_that_word(
    query: str, entity: str, rule: str | None
) -> None:
    hits = Screener.from_entities(ARMENIAN).screen(query, threshold=0.0, limit=10).hits
    hit = next(h for h in hits if h.entity_id == entity)
    surname = next(t for t in hit.explanation.tokens if t.query_token == query.split()[0])
    assert surname.rule == (rule or "unmatched")
    if rule is None:
        assert hit.score < DEFAULT_THRESHOLD


WORLD = [
    Entity(id="kim", schema="Person", names=["KIM Jong Un"]),
    Entity(id="xi", schema="Person", names=["XI Jinping"]),
    Entity(id="soleimani", schema="Person", names=["Qasem SOLEIMANI"]),
    Entity(id="bin-ladin", schema="Person", names=["Usama BIN LADIN"]),
    Entity(id="salman", schema="Person", names=["Mohammed bin Salman AL SAUD"]),
    *(
        Entity(id=f"f{n}", schema="Person", names=[name])
        for n, name in enumerate(
            ["Ivan PETROV", "Jose GARCIA", "Ana SANTOS", "Jan JANSEN", "Wei ZHANG", "Ali HASSAN"]
        )
    ),
]


@pytest.fixture(scope="module")
def world() -> Screener:
    return Screener.from_entities(WORLD)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Hsi Chin-ping", "xi"),  # Wade-Giles: retrieved by the origin keys, not by edits
        ("习近平", "xi"),
        ("김정은", "kim"),
        ("Gim Jeong-eun", "kim"),
        ("Kim Jongun", "kim"),
        ("Ghasem Soleymani", "soleimani"),
        ("قاسم سليماني", "soleimani"),
        ("Osama bin Laden", "bin-ladin"),
        ("محمد بن سلمان آل سعود", "salman"),
    ],
)
def test_romanisations_of_other_origins_alert(world: Screener, query: str, entity: str) -> None:
    hits = world.screen(query).hits
    assert hits and hits[0].entity_id == entity


@pytest.mark.parametrize(
    ("marked", "same", "other"),
    [
        ("Ch'un", "Chun", "Jun"),  # MR ch' is RR ch; MR ch (unmarked) is RR j
        ("K'ang", "Kang", "Gang"),
        ("Ch'ien", "Qian", "Jian"),  # Wade-Giles ch' is pinyin q
    ],
)
def test_an_aspiration_mark_decides_between_two_consonants(
    marked: str, same: str, other: str
) -> None:
    assert "aspiration mark" in (east_asian_rules(marked, same) or ())
    assert east_asian_rules(marked, other) is None


@pytest.mark.parametrize(
    ("wade_giles", "pinyin", "other"),
    [
        ("Kuei", "Gui", "Kai"),  # Wade-Giles -uei is pinyin -ui
        ("Jui", "Rui", "Lui"),  # Wade-Giles j is pinyin r
        ("Jen", "Ren", "Wen"),
    ],
)
def test_wade_giles_finals_and_initials_in_a_chinese_name(
    wade_giles: str, pinyin: str, other: str
) -> None:
    assert east_asian_rules(wade_giles, pinyin, chinese=True)
    assert east_asian_rules(wade_giles, other, chinese=True) is None
    assert east_asian_rules("Jin", "Rin") is None  # not in a Korean name: RR r is not j


def test_two_pinyin_spellings_are_never_wade_giles_of_each_other() -> None:
    assert east_asian_rules("张", "Chang") == ("pinyin=wade-giles",)  # Chang may be Wade-Giles
    assert east_asian_rules("畅", "Zhang") is None  # chang and zhang, both pinyin
    assert east_asian_rules("Xi", "Si") is None


@pytest.mark.parametrize(
    ("written", "same", "other"),
    [
        ("تهرانی", "Tehrani", "Tarani"),  # ت and ه are t and h, not the th of ث
        ("شهرام", "Shahram", "Sharam"),  # ش and ه: sh and h, not a doubled h
        ("ابراهیم", "Ebrahim", "Brahim"),  # an opening alif carries any first vowel
        ("حمزة", "Hamzah", "Hamzat"),  # a closing ta marbuta is a or ah
        ("فاطمه", "Fatema", "Fatemi"),  # a closing silent he, written eh or left out
        ("مصطفی", "Mostafa", "Mostaf"),  # a closing yaa for alif maqsura
        ("رضا", "Reza", "Rasa"),  # ض is d in Arabic, z in Persian
        ("خسرو", "Khosrow", "Khosrom"),  # و: the o of the vowel run or the w after it
        ("يحيى", "Yahya", "Yahma"),  # four letters, one of them a consonant
        ("الحداد", "Haddad", "Hadid"),  # the article glued in Arabic letters, not in Latin
        ("علي", "Ali", "Lee"),  # ayn: a Latin vowel (or nothing at the end), never a letter off
        ("عبد", "Abd", "Badi"),
        ("بلي", "Bali", "Boali"),  # two vowel letters are a long vowel the script writes
    ],
)
def test_persian_letters_meet_their_romanisations(written: str, same: str, other: str) -> None:
    assert arabic_rules(written, same) is not None
    assert arabic_rules(written, other) is None


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("حمیده", "Hamida"),  # the closing silent he left out
        ("الحداد", "Haddad"),  # the glued article left out
        ("محمدی", "Mohammadi"),
    ],
)
def test_a_word_in_arabic_letters_is_looked_up_by_the_consonants_a_listing_keeps(
    written: str, listed: str
) -> None:
    assert set(arabic_retrieval_keys(written)) & set(arabic_retrieval_keys(listed, listed=True))


@pytest.mark.parametrize(
    ("a", "b", "rule", "other"),
    [
        ("Rokayya", "Ruqayyah", "ta_marbuta", "Rokayyat"),  # ALA-LC ah, the press a
        ("Fatemeh", "Fatima", "ta_marbuta", "Fatimat"),  # Persian eh
        ("Abdul", "'Abd", "article", "Abdulla"),  # Abd with the article glued on
        ("ech", "al", "article", "ach"),  # the French spelling of ash- (ش is ch)
    ],
)
def test_latin_spellings_of_one_arabic_word_differ_at_its_edges(
    a: str, b: str, rule: str, other: str
) -> None:
    assert rule in (arabic_rules(a, b) or ())
    assert arabic_rules(other, b) is None


def test_a_name_in_arabic_letters_finds_a_listed_name_without_arabic_signs() -> None:
    listed = Screener.from_entities(
        [
            Entity(id="masoud", schema="Person", names=["Masoud MOHAMMADI"]),
            Entity(id="other", schema="Person", names=["Mahmoud AHMADI"]),
        ]
    )
    hits = listed.screen("مسعود محمدی").hits
    assert [hit.entity_id for hit in hits] == ["masoud"]
    assert "abjad" in hits[0].explanation.tokens[0].detail


def test_a_word_in_arabic_letters_is_never_a_typo() -> None:
    # أنمار (Anmar) is one edit from NIIAR once its short vowels are dropped: another word.
    query, listed = parse_name("أنمار").tokens[0], parse_name("NIIAR").tokens[0]
    assert compare_tokens(query, listed).rule == "unmatched"


def test_syllables_read_from_han_join_only_as_written() -> None:
    listed = Screener.from_entities(
        [
            Entity(id="qi-yang", schema="Person", names=["Qi YANG"]),
            Entity(id="jin-ping", schema="Person", names=["XI Jin Ping"]),
            Entity(id="other", schema="Person", names=["Boris KOVAL"]),
        ]
    )
    # 强 is qiang: Cyrillic's ya = a must not make it ``Qi Yang`` written together.
    assert not listed.screen("王强").hits
    hits = listed.screen("习近平").hits  # 近平 is jinping: ``Jin Ping`` written together
    assert hits and hits[0].entity_id == "jin-ping"


# A Korean or Chinese name is a family name from a small closed set plus a given name.
# Common family names weigh little by their frequency, so a different family name must
# count in full; the given name's syllables keep their order; no syllable is a particle
# or a middle name.
EAST_ASIAN_LIST = [
    Entity(id="kim-misuk", schema="Person", names=["KIM Mi-suk"]),
    Entity(id="kim-chol", schema="Person", names=["KIM Yong Chol"]),
    Entity(id="kim-jongun", schema="Person", names=["KIM Jong Un"]),
    Entity(id="yi-hyonji", schema="Person", names=["YI Hyon-ji"]),
    Entity(id="yi-chol", schema="Person", names=["YI Song Chol"]),
    Entity(id="pak-hyonu", schema="Person", names=["CHANG Hyon U"]),
    Entity(id="wang-jian", schema="Person", names=["WANG Jian"]),
    Entity(id="wang-li", schema="Person", names=["WANG Li"]),
    Entity(id="kim-kyongja", schema="Person", names=["KIM Kyong Ja"]),
    Entity(id="o-chuwon", schema="Person", names=["O Chu-won"]),
    Entity(id="choe-chungsu", schema="Person", names=["CHOE Chung Su"]),
    Entity(id="hu-xin", schema="Person", names=["HU Xin"]),
    Entity(id="shi-ming", schema="Person", names=["SHI Ming"]),
    Entity(id="liu-jianguo", schema="Person", names=["LIU Jianguo"]),
    Entity(id="xue-lan", schema="Person", names=["XUE Lan"]),
    Entity(id="zheng-yuhua", schema="Person", names=["ZHENG Yuhua"]),
    Entity(id="kim-chongsu", schema="Person", names=["KIM Chong Su"]),
    Entity(id="zhang-yongming", schema="Person", names=["ZHANG Yongming"]),
    Entity(id="luo-lin", schema="Person", names=["LUO Lin"]),
    Entity(id="he-yiqing", schema="Person", names=["HE Yiqing"]),
    Entity(id="song-min", schema="Person", names=["SONG Min-ho"]),
    Entity(id="meng-li", schema="Person", names=["MENG Li"]),
    Entity(id="karim-baba", schema="Person", names=["Karim BABA"]),
    Entity(id="choe-kyongsu", schema="Person", names=["CH'OE Kyo'ng-su"]),  # MR in ASCII
]


@pytest.fixture(scope="module")
def east_asian_list() -> Screener:
    return Screener.from_entities(EAST_ASIAN_LIST)


def _score(screener: Screener, query: str, entity: str) -> float:
    result = screener.screen(query, schema="Person", threshold=0.0, limit=20)
    return next((h.score for h in result.hits if h.entity_id == entity), 0.0)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("김정은", "kim-jongun"),  # Hangul, family name first
        ("Kim Mi-suk", "kim-misuk"),
        ("Mi Suk Kim", "kim-misuk"),  # Western order: the family name last
        ("이 현지", "yi-hyonji"),
        ("Lee Hyeon-ji", "yi-hyonji"),  # Lee = Yi, RR against MR
        ("王健", "wang-jian"),
        ("Jian Wang", "wang-jian"),  # Western order
        ("Kim Gyeong-ja", "kim-kyongja"),  # RR g, MR k
        ("Gyeongja Kim", "kim-kyongja"),
        ("Oh Ju-won", "o-chuwon"),  # a one-letter family name, first, in capitals
        ("Choi Jung-su", "choe-chungsu"),  # MR ch (unmarked) is RR j
        ("Hu Hsin", "hu-xin"),
        ("Shih Ming", "shi-ming"),  # a family name the table lacks in this spelling
        ("Chien Kuo Liu", "liu-jianguo"),  # syllables spaced, joined on the list
        ("Liu Chien-kuo", "liu-jianguo"),
        ("Lan Hsueh", "xue-lan"),  # Wade-Giles hsüeh
        ("Cheng Yu Hua", "zheng-yuhua"),
        ("김종수", "kim-chongsu"),  # 종 is jong, MR chong
        ("JIAN-WANG", "wang-jian"),  # hyphens between all words only separate them
        ("Chang Yung-ming", "zhang-yongming"),  # unmarked Wade-Giles, against a Chinese name
        ("Lo Lin", "luo-lin"),  # Wade-Giles lo is pinyin luo
        ("Hsueh Lan", "xue-lan"),  # a name in Wade-Giles alone is found
        ("Ho I-ching", "he-yiqing"),  # ho is he, i is yi
        ("Choe Kyong-su", "choe-kyongsu"),  # MR's apostrophes in ASCII: aspiration, breve
        ("Kyong Su CHOE", "choe-kyongsu"),  # ... in Western order too
        ("Choe Gyeong-su", "choe-kyongsu"),  # RR against MR
    ],
)
def test_same_family_and_given_name_alerts(
    east_asian_list: Screener, query: str, entity: str
) -> None:
    assert _score(east_asian_list, query, entity) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("이 미숙", "kim-misuk"),  # Lee, not Kim: the given name alone agrees
        ("Lee Mi-suk", "kim-misuk"),
        ("Mi Suk Park", "kim-misuk"),
        ("김 현지", "yi-hyonji"),
        ("Lee Ji-hyeon", "yi-hyonji"),  # the given name's syllables in another order
        ("이 지현", "yi-hyonji"),
        ("장우진", "pak-hyonu"),  # 진 is not a middle name to leave out
        ("李健", "wang-jian"),  # Li, not Wang
        ("Zhang Jian", "wang-jian"),
        ("Kim Myeong-ja", "kim-kyongja"),  # one syllable of the given name differs
        ("Myeong Ja Kim", "kim-kyongja"),
        ("Kim Gyeong", "kim-kyongja"),  # a syllable left out: another name
        ("Ja-gyeong Kim", "kim-kyongja"),  # the syllables in another order
        ("Kim Ju-won", "o-chuwon"),  # the hyphenated given name holds no family name
        ("Choi Jeong-su", "choe-chungsu"),  # Chung spells the family name 정, not 중
        ("Chou Hsin", "hu-xin"),  # Chou is Zhou, not Hu: no Cyrillic ch = kh here
        ("김중수", "kim-chongsu"),  # 중 is jung: Chung spells the family name 정, not 중
        ("Ming Shih Wang", "shi-ming"),
        ("Sung Min-ho", "song-min"),  # 송 and 숭: in a Korean name, o and u stay apart
        ("Li Tseng", "meng-li"),  # Tseng is Wade-Giles for Zeng: not a misspelt Meng
        ("Choe Myong-su", "choe-kyongsu"),  # a name in MR's apostrophes follows the rules
        ("Kim Kyong-su", "choe-kyongsu"),
    ],
)
def test_a_different_family_name_or_given_name_does_not_alert(
    east_asian_list: Screener, query: str, entity: str
) -> None:
    assert _score(east_asian_list, query, entity) < DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entity", "penalty"),
    [
        ("Lee Mi-suk", "kim-misuk", "family names differ"),
        ("Kim Kang-ja", "kim-kyongja", "given names' syllables differ"),
        # another opening consonant: no typo of the syllable, which is left unmatched
        ("Kim Myeong-ja", "kim-kyongja", "a syllable of the given name unmatched"),
        ("Kim Gyeong", "kim-kyongja", "a syllable of the given name unmatched"),
        ("Ja-gyeong Kim", "kim-kyongja", "in another order"),
        ("Choe Kyong", "choe-kyongsu", "a syllable of the given name unmatched"),
    ],
)
def test_an_east_asian_mismatch_is_named(
    east_asian_list: Screener, query: str, entity: str, penalty: str
) -> None:
    result = east_asian_list.screen(query, schema="Person", threshold=0.0, limit=20)
    hit = next(h for h in result.hits if h.entity_id == entity)
    assert any(penalty in p for p in hit.explanation.penalties), hit.explanation.penalties


def test_the_family_name_rule_needs_two_east_asian_names(east_asian_list: Screener) -> None:
    # Ji is a Korean and Chinese family name, but Karim BABA is not such a name.
    result = east_asian_list.screen("Baba JI", schema="Person", threshold=0.0, limit=20)
    hit = next(h for h in result.hits if h.entity_id == "karim-baba")
    assert not any("family names differ" in p for p in hit.explanation.penalties)


def test_a_family_name_mismatch_is_explained(east_asian_list: Screener) -> None:
    result = east_asian_list.screen("Lee Mi-suk", schema="Person", threshold=0.0, limit=20)
    hit = next(h for h in result.hits if h.entity_id == "kim-misuk")
    assert any("family names differ" in p for p in hit.explanation.penalties)
    assert parse_name("Lee Mi-suk").tokens[0].role is Role.WORD  # a name, not a particle


# A Vietnamese name: a family name from a small set, an optional middle name, a given name
# of one syllable; written in the national alphabet (diacritics dropped on lists), family
# name first at home and last in the West; Van and Thi only mark the sex.
VIETNAMESE_LIST = [
    Entity(id="nguyen-van-hung", schema="Person", names=["NGUYEN Van Hung"]),
    Entity(id="nguyen-thi-lan", schema="Person", names=["NGUYEN Thi Lan"]),
    Entity(id="tran-van-minh", schema="Person", names=["TRAN Van Minh"]),
    Entity(id="nguyen-duc-anh", schema="Person", names=["NGUYEN Duc Anh"]),
    Entity(id="hoang-van-nam", schema="Person", names=["HOANG Van Nam"]),
    Entity(id="petrov", schema="Person", names=["Ivan PETROV"]),
]


@pytest.fixture(scope="module")
def vietnamese_list() -> Screener:
    return Screener.from_entities(VIETNAMESE_LIST)


@pytest.mark.parametrize(
    ("name", "vietnamese"),
    [
        ("Nguyễn Văn Hùng", True),
        ("Hung Van Nguyen", True),
        ("Trương Thị Mỹ Phương", True),
        ("Ivan Petrov", False),
        ("Van Morrison", False),  # no Vietnamese family name at an end
        ("Le Corbusier", False),  # not one syllable a word
    ],
)
def test_signs_of_a_vietnamese_name(name: str, vietnamese: bool) -> None:
    assert looks_vietnamese(name) is vietnamese
    assert ("vietnamese" in parse_name(name).origins) is vietnamese


# Compound names of the article (``Abd al-Rahman``, ``Nur al-Din``): one name, written in
# parts or as one word, the article's vowel changed and its l assimilated to a sun letter.
@pytest.mark.parametrize(
    ("word", "first", "second"),
    [
        ("Abdurrahman", "Abd", "Rahman"),  # assimilated to r, doubled
        ("Abdurahman", "Abd", "Rahman"),  # assimilated, not doubled
        ("Abdelrahman", "Abd", "Rahman"),  # the article's vowel as French writes it
        ("Abdurrahman", "Abdul", "Rahman"),  # the article glued to the first part
        ("Nooruddin", "Nur", "Din"),  # and a vowel variant in a part
        ("Salahuddin", "Salah", "Din"),
        ("Abdussalam", "Abd", "Salam"),
        ("Saifulislam", "Saif", "Islam"),  # before a vowel: never assimilated
        ("Abdulaziz", "Abd", "Aziz"),
    ],
)
def test_a_compound_name_meets_its_parts(word: str, first: str, second: str) -> None:
    rules = arabic_compound_rules(word, first, second)
    assert rules is not None and "arabic_compound" in rules


@pytest.mark.parametrize(
    ("word", "first", "second"),
    [
        ("Abdulkarim", "Abd", "Kazim"),  # another second part
        ("Abdurrahim", "Abd", "Rahman"),
        ("Nurislam", "Nur", "Din"),
        ("Abdukarim", "Abd", "Karim"),  # k is a moon letter: the l is never assimilated
        ("Hassanali", "Hassan", "Ali"),  # no article between
        ("Saifudin", "Saif", "Islam"),
    ],
)
def test_a_compound_name_needs_both_parts(word: str, first: str, second: str) -> None:
    assert arabic_compound_rules(word, first, second) is None


def test_two_one_word_spellings_of_an_abd_name_meet() -> None:
    assert "arabic_compound" in (arabic_rules("Abdulrahman", "Abdurrahman") or ())
    assert "arabic_compound" in (arabic_rules("Abdussalam", "Abdelsalam") or ())
    assert arabic_rules("Abdulrahman", "Abdurrahim") is None


COMPOUNDS = [
    Entity(id="parts", schema="Person", names=["Abd al-Rahman Yusuf AL-TIKRITI"]),
    Entity(id="whole", schema="Person", names=["Nuruddin Hasan AL-BASRI"]),
    Entity(id="other", schema="Person", names=["Abd al-Karim Yusuf AL-TIKRITI"]),
]


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Nguyễn Văn Hùng", "nguyen-van-hung"),  # diacritics
        ("Hung Van Nguyen", "nguyen-van-hung"),  # Western order
        ("Nguyen Hung", "nguyen-van-hung"),  # Van, which marks a man, left out
        ("Lan Nguyen", "nguyen-thi-lan"),  # Thi, which marks a woman, left out
        ("Huynh Van Nam", "hoang-van-nam"),  # Huỳnh is the southern form of Hoàng
    ],
)
def test_same_vietnamese_name_alerts(vietnamese_list: Screener, query: str, entity: str) -> None:
    assert _score(vietnamese_list, query, entity) >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "entity", "penalty"),
    [
        ("Nguyen Van Hong", "nguyen-van-hung", "syllables differ"),  # Hồng is not Hùng
        ("Nguyen Van Dung", "nguyen-van-hung", "syllables differ"),  # Dũng is not Hùng
        ("Tran Van Hung", "nguyen-van-hung", "family names differ"),
        ("Nguyen Van Minh", "tran-van-minh", "family names differ"),
        ("Nguyen Van Anh", "nguyen-duc-anh", "unmatched"),  # Đức is part of the name
        ("Nguyen Thi Hung", "nguyen-van-hung", "unmatched"),
    ],
)
def test_another_vietnamese_name_does_not_alert(
    vietnamese_list: Screener, query: str, entity: str, penalty: str
) -> None:
    result = vietnamese_list.screen(query, schema="Person", threshold=0.0, limit=20)
    hit = next((h for h in result.hits if h.entity_id == entity), None)
    if hit is not None:
        assert hit.score < DEFAULT_THRESHOLD
        assert any(penalty in p for p in hit.explanation.penalties), hit.explanation.penalties


def test_vietnamese_letters_have_no_romanisation_correspondences() -> None:
    # d and t, or o and u, are two letters of one alphabet here, not two romanisations.
    assert vietnamese_rules("Dung", "Tung") is None
    assert vietnamese_rules("Hoang", "Huynh") == ("vietnamese_surname",)
    assert vietnamese_rules("Vu", "Vo") == ("vietnamese_surname",)


@pytest.mark.parametrize(
    ("name", "chinese"),
    [
        ("ZHOU Yongming", True),  # a family name only Chinese names bear
        ("Hsu Chih-chiang", True),  # Wade-Giles alone writes hs
        ("Kim Jong Un", False),
        ("CHOE Chung Su", False),  # Su ends the name, but the capitals show the family name
        ("Choi Jeong-su", False),  # su is half of a hyphenated given name
        ("LI Yuhua", False),  # Li is a Korean family name too: undecided
        ("이 영희", False),
    ],
)
def test_signs_of_a_chinese_name(name: str, chinese: bool) -> None:
    assert looks_chinese(name) is chinese


def test_unmarked_wade_giles_is_read_only_in_a_chinese_name() -> None:
    assert east_asian_rules("Yung", "Yong", chinese=True) is not None
    assert east_asian_rules("Yung", "Yong") is None  # Korean 용 and 융
    assert east_asian_rules("Lo", "Luo", chinese=True) is not None
    assert east_asian_rules("Ko", "Ge", chinese=True) is not None
    assert east_asian_rules("I", "Yi", chinese=True) is not None
    assert east_asian_rules("Lo", "Lu", chinese=True) is None


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Abdurrahman Yusuf al-Tikriti", "parts"),
        ("Abdelrahman Yousef Tikriti", "parts"),
        ("Nur al-Din Hasan al-Basri", "whole"),
        ("Nur ud-Din Hassan al-Basri", "whole"),
    ],
)
def test_a_compound_name_in_parts_or_whole_finds_the_person(query: str, entity: str) -> None:
    result = Screener.from_entities(COMPOUNDS).screen(query, schema="Person", threshold=0.0)
    top = result.hits[0]
    assert top.entity_id == entity and top.score >= DEFAULT_THRESHOLD
    assert any("arabic_compound" in t.detail for t in top.explanation.tokens)


def test_a_compound_with_another_second_part_is_another_name() -> None:
    result = Screener.from_entities(COMPOUNDS).screen(
        "Abdurrahman Yusuf al-Tikriti", schema="Person", threshold=0.0
    )
    other = next(h for h in result.hits if h.entity_id == "other")
    assert not any("arabic_compound" in t.detail for t in other.explanation.tokens)
    assert other.score < result.hits[0].score


# The nasab: a forebear's name after bin/ibn/ould is left out as a patronymic is.
def test_a_dropped_forebear_of_the_nasab_costs_as_a_patronymic() -> None:
    listed = [
        Entity(id="full", schema="Person", names=["Usama bin Muhammad bin Awad BIN LADIN"]),
        Entity(id="son", schema="Person", names=["Umar bin Salih AL-HARBI"]),
    ]
    screener = Screener.from_entities(listed)
    hit = screener.screen("Osama bin Laden", schema="Person", threshold=0.0).hits[0]
    assert hit.entity_id == "full"
    assert any("patronymic 'Awad' missing" in p for p in hit.explanation.penalties)
    # the same words without the kinship words are middle names, which cost more
    plain = Entity(id="plain", schema="Person", names=["Usama Muhammad Awad BIN LADIN"])
    middle = Screener.from_entities([*listed, plain]).screen(
        "Osama bin Laden", schema="Person", threshold=0.0
    )
    scores = {h.entity_id: h.score for h in middle.hits}
    assert scores["full"] > scores["plain"]
    # a different father's name counts in full: another person
    other = screener.screen("Umar bin Hamad AL-HARBI", schema="Person", threshold=0.0).hits[0]
    same = screener.screen("Umar bin Salih AL-HARBI", schema="Person", threshold=0.0).hits[0]
    assert any("patronymic 'Salih' differs" in p for p in other.explanation.penalties)
    assert other.score < same.score - 0.1


@pytest.mark.parametrize(
    ("short", "full"),
    [("Mohd", "Mohamad"), ("Mohd", "Muhammad"), ("Md", "Mohammed"), ("Muhd", "Mohamed")],
)
def test_a_written_short_form_meets_its_full_name(short: str, full: str) -> None:
    assert "short_form" in (arabic_rules(short, full) or ())
    assert "short_form" in (arabic_rules(full, short) or ())


@pytest.mark.parametrize(("short", "other"), [("Md", "Mahmud"), ("Mohd", "Mahdi"), ("Md", "Ahmad")])
def test_a_short_form_stands_for_its_own_name_only(short: str, other: str) -> None:
    assert arabic_rules(short, other) is None


def test_a_short_form_finds_the_person_listed_in_full() -> None:
    listed = [
        Entity(id="full", schema="Person", names=["Muhammad Karim HOSSAIN"]),
        Entity(id="other", schema="Person", names=["Mahmud Karim HOSSAIN"]),
    ]
    result = Screener.from_entities(listed).screen("Md. Karim Hossain", threshold=0.0)
    top = result.hits[0]
    assert top.entity_id == "full" and top.score >= DEFAULT_THRESHOLD
    assert any("short_form" in t.detail for t in top.explanation.tokens)
    assert result.hits[1].score < DEFAULT_THRESHOLD


# The Persian ezafe (Urdu and Pashto izafat): one particle in all its spellings.
@pytest.mark.parametrize(
    ("name", "schema", "word"),
    [
        ("Jaish-e-Mohammed", "Organization", "e"),
        ("Tehrik-i-Taliban Pakistan", "Organization", "i"),
        ("Daneshgah-ye Tehran", "Organization", "ye"),
        ("Lashkar e Tayyiba", "Organization", "e"),  # between two words of an organisation
        ("Ali-e Hosseini", "Person", "e"),
    ],
)
def test_the_ezafe_is_a_particle(name: str, schema: str, word: str) -> None:
    token = next(t for t in parse_name(name, schema).tokens if t.text == word)
    assert token.role is Role.PARTICLE


@pytest.mark.parametrize(
    ("name", "schema", "word", "role"),
    [
        ("John E Smith", "Person", "E", Role.INITIAL),  # a person's lone E is an initial
        ("E Smith Trading", "Organization", "E", Role.WORD),  # nothing before it to link
    ],
)
def test_a_lone_letter_is_not_always_the_ezafe(
    name: str, schema: str, word: str, role: Role
) -> None:
    token = next(t for t in parse_name(name, schema).tokens if t.text == word)
    assert token.role is role


def test_two_spellings_of_the_ezafe_meet() -> None:
    listed = [Entity(id="jem", schema="Organization", names=["JAISH-I-MOHAMMED"])]
    hit = Screener.from_entities(listed).screen("Jaish-e-Mohammed", threshold=0.0).hits[0]
    row = next(t for t in hit.explanation.tokens if t.query_token == "e")
    assert (row.list_token, row.detail) == ("I", "ezafe")
    assert hit.score >= 0.9


# Two words of the lists two edits apart are two names, not one misspelt: retrieval looks a
# list word up one edit away only, and scoring must not reach further, or a hit that
# retrieval never fetches would be lost in silence (issue 11, "no silent retrieval loss").
@pytest.mark.parametrize(
    ("query_word", "listed_word", "alike"),
    [
        ("Gabriel", "Gavriela", False),  # two edits: another name
        ("Stefano", "Stefania", False),
        ("Fernando", "Fernanda", True),  # one edit: still a (discounted) typo
        ("Antonio", "Antonia", True),
    ],
)
def test_list_words_two_edits_apart_are_two_names(
    query_word: str, listed_word: str, alike: bool
) -> None:
    listed = [
        Entity(id="first", schema="Person", names=[f"{query_word} NOVAK"]),
        Entity(id="second", schema="Person", names=[f"{listed_word} HORVAT"]),
    ]
    screener = Screener.from_entities(listed)
    result = screener.screen(f"{query_word} Horvat", threshold=0.0, limit=5)
    hit = next(h for h in result.hits if h.entity_id == "second")
    row = next(t for t in hit.explanation.tokens if t.query_token == query_word)
    assert (row.rule == "typo") is alike
    if alike:
        assert "both are words of the lists" in row.detail
