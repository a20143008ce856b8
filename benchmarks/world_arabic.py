"""Arabic and Persian names: written in their script and in the Latin conventions of lists.

Arabic script leaves short vowels unwritten, so no romanisation can be computed from the
names Faker gives in ``ar_*`` and ``fa_IR`` (its Hebrew names have the same problem). The
names here are therefore written once in a vocalised source notation (close to ALA-LC:
``muHammad``, ``3abd al-raHmān``, ``yūsuf``), and every spelling is derived from it by rule:
the script (short vowels dropped, long vowels as letters, doubled consonants written once),
and the conventions below. The name lists are common given names and family names of the
Arab world and Iran (given names from the most frequent in civil registers; family names
tribal, place (nisba) and patronymic forms), none taken from the evaluation sets.

Source notation: consonants as in ALA-LC with one letter each: ``θ`` th, ``ð`` dh, ``x`` kh,
``š`` sh, ``ġ`` gh, ``č`` ch, ``ž`` zh, capitals for the emphatics ``H S D T Z``, ``3`` for
ʿayn, ``2`` for hamza; vowels ``a i u``, long ``ā ī ū``, ``à`` for alif maqsura, ``@`` for
ta marbuta; ``al-`` the article; ``ibn`` son of.

Arabic conventions:

- ``ala_lc``: ALA-LC romanisation (Library of Congress) without diacritics: ʿ and ʾ as an
  apostrophe, the article ``al-`` never assimilated, ta marbuta ``ah`` (ʿAbd al-Raḥmān ->
  ``'Abd al-Rahman``).
- ``english``: the English-language press of the Gulf and South Asia: ī ee, ū oo, short u
  o in a name's first syllable, ay ai, ``Abdul`` for ʿAbd al-, ``Al-`` capitalised, ``bin``.
- ``french``: French usage of the Maghreb: u o, ū ou, j dj, sh ch, q k, w ou, a single s
  between vowels ss, final -ān/-īn/-ūn as -ane/-ine/-oune, the article ``el-`` assimilated
  to sun letters and glued to ʿAbd (``Abderrahmane``, ``Abdelkader``), ``ben``.

Persian conventions (the same source read with Persian vowels: i e, u o, ay ey):

- ``fa_lc``: ALA-LC Persian without diacritics (w v, ḍ ẓ ẕ z, ṯ ṣ s, ta marbuta ``ah``).
- ``fa_press``: Iranian and English press: e/o, ū ou, q and ġ both gh (Ghasem), ay ey, ``eh``.
- ``fa_english``: the spelling common on sanctions lists: as the press but q kept and ay ei
  (Qasem Soleimani).
"""

from __future__ import annotations

from dataclasses import dataclass

ARABIC_MALE = (
    "muHammad aHmad maHmūd 3alī Hasan Husayn 3umar 3uθmān xālid yūsuf ibrāhīm ismā3īl "
    "3abd al-raHmān 3abd al-qādir 3abd al-3azīz 3abd al-karīm 3abd al-nāSir 3abd al-salām "
    "sālim SāliH sa3īd farīd walīd rašīd jamāl kamāl muSTafà mūsà 3īsà yaHyà sulaymān "
    "Hamza@ 3ammār yāsīn amīn nāSir majīd Tāriq ziyād marwān hišām 3ādil faySal nabīl jābir "
    "qāsim hārūn idrīs anwar usāma@ bilāl zayd 3iSām rāmī fu2ād ayman ġassān munīr ra2ūf "
    "šākir Sabrī xalīl mahdī ja3far 3abbās ilyās bakr"
)
ARABIC_FEMALE = (
    "fāTima@ xadīja@ 3ā2iša@ zaynab maryam laylà nūr salmà hudà amīna@ samīra@ rašā hanā2 "
    "asmā2 jamīla@ Halīma@ sumayya@ ruqayya@ nādiya@ su3ād karīma@ sārà"
)
ARABIC_FAMILY = (
    "al-sayyid al-Hasanī al-qaHTānī al-šammarī al-3utaybī al-dawsarī al-maSrī al-baġdādī "
    "al-tamīmī al-zahrānī al-Harbī al-ġāmidī al-3umarī al-hāšimī al-najjār al-xaTīb al-Haddād "
    "al-jazā2irī al-kuwaytī al-šarīf al-rifā3ī al-3anzī al-mālikī al-šahrī al-qurašī "
    "al-bakrī al-zubaydī al-kurdī al-Halabī al-dimašqī al-tikrītī al-3abbāsī al-anSārī "
    "manSūr Haddād xalīl 3awaD naSr darwīš barakāt Hijāzī 3abbās sulaymān yūnus 3uθmān "
    "qāsim 3īsà Hamdān zaydān Sabbāġ jābir 3āšūr bašīr"
)
PERSIAN_MALE = (
    "muHammad 3alī Husayn riDā Hasan aHmad maHmūd mahdī ibrāhīm qāsim 3abbās javād Hamīd "
    "majīd sa3īd muSTafà amīr kāZim ja3far muHsin mas3ūd bahrām dāriyūš farhād bīžan parvīz "
    "rustam šahrām manūčihr xusraw jamšīd kūruš bābak kāmrān 3abd al-laTīf ismā3īl yūsuf "
    "akbar asġar muHammad-riDā muHammad-3alī"
)
PERSIAN_FEMALE = (
    "fāTima@ zahrā maryam sārā nargis laylà šīrīn parīsā mahnāz nasrīn zībā āzāda@ "
    "farīda@ ma3Sūma@ Tāhira@ Hamīda@ rūyā nāhīd šahnāz sīmīn"
)
PERSIAN_FAMILY = (
    "sulaymānī Husaynī mūsavī riDā2ī aHmadī karīmī ja3farī raHīmī qurbānī Sādiqī tihrānī "
    "šīrāzī kāZimī hāšimī rustamī najafī akbarī Haydarī nūrī 3abbāsī mahdavī amīnī zamānī "
    "bahrāmī Safavī xāmana2ī rafsanjānī lārījānī muHammadī asadī šarīfī tabrīzī iSfahānī "
    "yazdī kirmānī TabāTabā2ī qāsimī fāTimī jalālī kamālī vaHīdī naSīrī ġulāmī"
)

CONSONANTS = set("btθjHxdðrzsšSDTZ3ġfqklmnhwy2pčžgv")
SHORT = set("aiu")
LONG = set("āīūà")
SUN_LETTERS = set("tθdðrzsšSDTZln")


def words(name: str) -> list[str]:
    """The words of a source name (hyphens inside ``muHammad-riDā`` kept in the word)."""
    return name.split()


# --- the script ----------------------------------------------------------------------------

_SCRIPT = {
    "b": "ب", "t": "ت", "θ": "ث", "j": "ج", "H": "ح", "x": "خ", "d": "د", "ð": "ذ",
    "r": "ر", "z": "ز", "s": "س", "š": "ش", "S": "ص", "D": "ض", "T": "ط", "Z": "ظ",
    "3": "ع", "ġ": "غ", "f": "ف", "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن",
    "h": "ه", "w": "و", "v": "و", "y": "ي", "p": "پ", "č": "چ", "ž": "ژ", "g": "گ",
    "ā": "ا", "ī": "ي", "ū": "و", "à": "ى", "@": "ة",
}  # fmt: skip
_PERSIAN_LETTERS = {"ك": "ک", "ي": "ی", "ى": "ی", "ة": "ه"}


def script(name: str, persian: bool = False) -> str:
    """The name in Arabic script (Persian letters and ta marbuta as ه when ``persian``)."""
    return " ".join(_script_word(word, persian) for word in words(name))


def _script_word(word: str, persian: bool) -> str:
    out: list[str] = []
    if word == "ibn":
        return "بن"  # between two names, without its alif
    for part in word.split("-"):
        if part == "al":
            out.append("ال")
            continue
        out.append(_script_part(part, persian))
    text = "".join(out)
    if persian:
        text = "".join(_PERSIAN_LETTERS.get(char, char) for char in text)
    return text


def _script_part(part: str, persian: bool) -> str:
    out: list[str] = []
    previous = ""
    for i, char in enumerate(part):
        following = part[i + 1] if i + 1 < len(part) else ""
        if i == 0 and char in SHORT:
            out.append("ا" if persian else ("إ" if char == "i" else "أ"))
        elif i == 0 and char == "ā":
            out.append("آ")
        elif char == "2":
            if i == 0:
                previous = char
                continue  # the initial vowel carries it
            if following in ("ī", "i") or previous == "i":
                out.append("ئ")
            elif following in ("ū", "u") or previous == "u":
                out.append("ؤ")
            else:
                out.append("ء" if not following else "أ")
        elif char in SHORT:
            pass  # short vowels are not written
        elif char == previous and char in CONSONANTS:
            pass  # a doubled consonant is written once (shadda left out)
        else:
            out.append(_SCRIPT.get(char, char))
        previous = char
    return "".join(out)


# --- Latin conventions ---------------------------------------------------------------------

_BASE = {
    "θ": "th", "ð": "dh", "x": "kh", "š": "sh", "ġ": "gh", "č": "ch", "ž": "zh",
    "H": "h", "S": "s", "D": "d", "T": "t", "Z": "z", "ā": "a", "ī": "i", "ū": "u", "à": "a",
}  # fmt: skip


@dataclass(frozen=True)
class Convention:
    """How one convention writes the source letters, and its few rules of context."""

    letters: dict[str, str]
    ta_marbuta: str
    """The ending ``a@`` (Fatimah, Fatima, Fatemeh)."""
    ayn: str = ""
    hamza: str = ""
    diphthongs: tuple[str, str] = ("ay", "aw")
    first_u: str = "u"
    """Short u in a word's first syllable (the English press writes Osama, Mohammed)."""
    article: str = "al-"
    assimilate: bool = False
    abd_article: str | None = None
    """How ʿAbd + article is written (``Abdul `` in English, glued ``Abdel`` in French)."""
    ibn: str = "ibn"
    french: bool = False
    initial_ayn: bool = False
    """ALA-LC writes a word-initial ʿayn ('Ali); the press leaves it out."""
    double_digraphs: bool = False
    """ALA-LC writes a doubled ``sh`` as ``shsh``; the press writes it once."""


_PERSIAN_VOWELS = {"i": "e", "u": "o"}
_PERSIAN_LETTERS_LATIN = {"w": "v", "θ": "s", "ð": "z", "D": "z", "Z": "z", "S": "s"}

CONVENTIONS: dict[str, Convention] = {
    "ala_lc": Convention(
        _BASE, ta_marbuta="ah", ayn="'", hamza="'", initial_ayn=True, double_digraphs=True
    ),
    "english": Convention(
        _BASE | {"ī": "ee", "ū": "oo"},
        ta_marbuta="a",
        diphthongs=("ai", "aw"),
        first_u="o",
        article="Al-",
        abd_article="Abdul ",
        ibn="bin",
    ),
    "french": Convention(
        _BASE | {"ū": "ou", "u": "ou", "j": "dj", "š": "ch", "q": "k", "θ": "t", "ð": "d"},
        ta_marbuta="a",
        diphthongs=("ay", "aou"),
        first_u="o",
        article="el-",
        assimilate=True,
        abd_article="Abde",
        ibn="ben",
        french=True,
    ),
    "fa_lc": Convention(
        _BASE | _PERSIAN_LETTERS_LATIN,
        ta_marbuta="ah",
        ayn="'",
        hamza="'",
        diphthongs=("ay", "av"),
        initial_ayn=True,
        double_digraphs=True,
    ),
    "fa_press": Convention(
        _BASE | _PERSIAN_LETTERS_LATIN | _PERSIAN_VOWELS | {"ū": "ou", "q": "gh"},
        ta_marbuta="eh",
        diphthongs=("ey", "ow"),
        first_u="o",
    ),
    "fa_english": Convention(
        _BASE | _PERSIAN_LETTERS_LATIN | _PERSIAN_VOWELS | {"ū": "ou"},
        ta_marbuta="eh",
        diphthongs=("ei", "ow"),
        first_u="o",
    ),
}
ARABIC_CONVENTIONS = ("ala_lc", "english", "french")
PERSIAN_CONVENTIONS = ("fa_lc", "fa_press", "fa_english")


def latin(name: str, convention: str) -> str:
    """The whole name in one convention, each word capitalised (``'Abd al-Rahman``)."""
    rule = CONVENTIONS[convention]
    source = words(name)
    out: list[str] = []
    i = 0
    while i < len(source):
        word = source[i]
        if word == "ibn":
            out.append(rule.ibn)
        elif word == "3abd" and rule.abd_article and i + 1 < len(source):
            following = source[i + 1]
            if following.startswith("al-"):
                rest = _word(following[3:], rule)
                if rule.french:  # glued, assimilated: Abderrahmane, Abdelkader
                    head = following[3]
                    joint = "r" if head == "r" else ("l" if head not in SUN_LETTERS else "")
                    glue = rule.abd_article + (joint or _word(head, rule)[:1].lower())
                    out.append(glue + rest.lower())
                else:
                    out.append(rule.abd_article + rest)
                i += 2
                continue
            out.append(_word(word, rule))
        else:
            out.append(_word(word, rule))
        i += 1
    return " ".join(out)


def _word(word: str, rule: Convention) -> str:
    parts = word.split("-")
    if parts[0] == "al" and len(parts) > 1:
        rest = "-".join(parts[1:])
        body = _part(rest, rule)
        article = rule.article
        if rule.assimilate and rest[:1] in SUN_LETTERS:
            article = article[0] + rule.letters.get(rest[0], rest[0]) + "-"
        return article + body
    return "-".join(_part(part, rule) for part in parts)


def _part(part: str, rule: Convention) -> str:
    """One word without article: letters, then the convention's rules of context."""
    out: list[str] = []
    seen_vowel = False
    for i, char in enumerate(part):
        previous = part[i - 1] if i else ""
        following = part[i + 1] if i + 1 < len(part) else ""
        rendered = rule.letters.get(char, char)
        if char == "3":
            out.append(rule.ayn if i or rule.initial_ayn else "")
        elif char == "2":
            out.append(rule.hamza if i and following else "")
        elif char == "a" and following == "@":
            out.append(rule.ta_marbuta)
        elif char == "@":
            pass  # written with the vowel before it
        elif char == "ī" and not following:
            out.append("i")  # a final long i stays i (Ali, Shammari), also where ī is ee
        elif char == previous and len(rendered) > 1 and not rule.double_digraphs:
            pass  # a doubled sh, kh, dj: written once (Bashar, Nadjar)
        elif (
            char in ("y", "w")
            and previous == "a"
            and following not in SHORT | LONG
            and following != char
        ):
            out[-1] = rule.diphthongs[0] if char == "y" else rule.diphthongs[1]
        elif char == "u" and not seen_vowel:
            out.append(rule.first_u)
        elif rule.french and char == "w" and (not previous or following in SHORT | LONG):
            out.append("ou")
        elif rule.french and char == "s" and previous in SHORT | LONG and following in SHORT | LONG:
            out.append("ss")
        else:
            out.append(rendered)
        seen_vowel = seen_vowel or char in SHORT | LONG
    text = "".join(out)
    if rule.french:
        for ending, french in (("an", "ane"), ("in", "ine"), ("oun", "oune")):
            long_form = {"an": "ān", "in": "īn", "oun": "ūn"}[ending]
            if part.endswith(long_form) and text.endswith(ending):
                text = text[: -len(ending)] + french
    return _capitalise(text)


def _capitalise(text: str) -> str:
    """Upper-case the first letter, after a leading apostrophe if there is one."""
    for i, char in enumerate(text):
        if char.isalpha():
            return text[:i] + char.upper() + text[i + 1 :]
    return text
