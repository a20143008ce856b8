"""Facts OFAC writes into the free-text Remarks field of its legacy CSV files.

The legacy ``sdn.csv`` has no columns for birth dates, nationality or identity documents:
they are written into Remarks as ``"; "``-separated pieces such as ``DOB 02 Oct 1954``,
``alt. DOB 1955``, ``POB Baku, Azerbaijan``, ``nationality Russia``,
``Passport 6102814100 (Russia)``, ``SWIFT/BIC GAZPRUMM``,
``Vessel Registration Identification IMO 9187629`` and ``a.k.a. 'BNC'``. The last kind are
OFAC's *weak* aliases: the strong ones are in ``alt.csv``; weak ones only ever appear here.
Pieces we do not understand are left alone: the whole text stays in ``Entity.remarks``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from screening.model import Identifier
from screening.sources.common import parse_dates
from screening.sources.countries import country_code

# Remarks label -> identifier type. Longer labels first so "Diplomatic Passport" wins
# over "Passport". Only these become identifiers; everything else stays in the text.
IDENTIFIER_LABELS: tuple[tuple[str, str], ...] = tuple(
    sorted(
        {
            "Passport": "passport",
            "Diplomatic Passport": "passport",
            "National ID No.": "national_id",
            "Personal ID Card": "national_id",
            "Identification Number": "national_id",
            "Cedula No.": "national_id",
            "D.N.I.": "national_id",
            "C.U.R.P.": "national_id",
            "C.U.I.": "national_id",
            "Tax ID No.": "tax_id",
            "R.F.C.": "tax_id",
            "RFC": "tax_id",
            "NIT #": "tax_id",
            "RUC #": "tax_id",
            "RIF #": "tax_id",
            "V.A.T. Number": "tax_id",
            "Italian Fiscal Code": "tax_id",
            "US FEIN": "tax_id",
            "SSN": "ssn",
            "Registration ID": "registration",
            "Registration Number": "registration",
            "Business Registration Number": "registration",
            "Business Registration Document #": "registration",
            "Company Number": "registration",
            "UK Company Number": "registration",
            "Commercial Registry Number": "registration",
            "Chamber of Commerce Number": "registration",
            "Government Gazette Number": "registration",
            "Unified Social Credit Code (USCC)": "registration",
            "Economic Register Number (CBLS)": "registration",
            "Enterprise Number": "registration",
            "Trade License No.": "registration",
            "C.R. No.": "registration",
            "Central Registration System Number": "registration",
            "Folio Mercantil No.": "registration",
            "Matricula Mercantil No": "registration",
            "Legal Entity Number": "lei",
            "SWIFT/BIC": "bic",
            "BIK (RU)": "bik",
            "Vessel Registration Identification IMO": "imo",
            "IMO": "imo",
            "MMSI": "mmsi",
            "Aircraft Manufacturer's Serial Number (MSN)": "aircraft_serial",
            "Aircraft Construction Number (also called L/N or S/N or F/N)": "aircraft_serial",
            "Aircraft Tail Number": "aircraft_tail",
            "D-U-N-S Number": "duns",
            "ISIN": "isin",
            "Driver's License No.": "driving_license",
            "Birth Certificate Number": "birth_certificate",
            "Residency Number": "residency",
            "Electoral Registry No.": "electoral",
            "Credencial electoral": "electoral",
        }.items(),
        key=lambda item: -len(item[0]),
    )
)

_ALT = re.compile(r"^alt\.\s+", re.IGNORECASE)
_WEAK_ALIAS = re.compile(r"^[afn]\.k\.a\.\s+'(?P<name>.*)'$")
_IDENTIFIER_TAIL = re.compile(
    r"^(?P<value>.+?)(?:\s+\((?P<country>[^()]+)\))?(?:[,;]?\s+(?:issued|expires)\b.*)?$"
)
_CRYPTO = re.compile(r"^Digital Currency Address - (?P<coin>\w+)\s+(?P<value>\S+)$")


@dataclass
class RemarkFacts:
    """What could be read out of one Remarks text."""

    birth_dates: list[str] = field(default_factory=list)
    birth_places: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    weak_names: list[str] = field(default_factory=list)


def split_remarks(remarks: str) -> list[str]:
    """The ``"; "``-separated pieces of a Remarks text, the closing full stop dropped."""
    text = remarks.strip()
    if text.endswith("."):
        text = text[:-1]
    return [piece.strip() for piece in text.split("; ") if piece.strip()]


def parse_remarks(remarks: str) -> RemarkFacts:
    """Read birth dates, places, nationalities, documents and weak aliases from Remarks."""
    facts = RemarkFacts()
    for raw_piece in split_remarks(remarks):
        piece = _ALT.sub("", raw_piece)
        weak = _WEAK_ALIAS.match(piece)
        if weak:
            name = weak.group("name").strip("' ")
            if name:
                facts.weak_names.append(name)
        elif piece.startswith("DOB "):
            facts.birth_dates.extend(parse_dates(piece[4:]))
        elif piece.startswith("POB "):
            facts.birth_places.append(piece[4:].strip())
        elif piece.startswith(("nationality ", "citizen ")):
            code = country_code(piece.split(" ", 1)[1])
            if code:
                facts.countries.append(code)
        else:
            identifier = parse_identifier(piece)
            if identifier is not None:
                facts.identifiers.append(identifier)
    return facts


def parse_identifier(piece: str) -> Identifier | None:
    """``Passport 6102814100 (Russia) issued 2010`` -> Identifier(passport, 6102814100, ru)."""
    crypto = _CRYPTO.match(piece)
    if crypto:
        return Identifier(type=f"crypto_{crypto.group('coin').lower()}", value=crypto["value"])
    for label, kind in IDENTIFIER_LABELS:
        if piece.startswith(label + " ") or piece.startswith(label + ":"):
            tail = piece[len(label) :].lstrip(" :")
            match = _IDENTIFIER_TAIL.match(tail)
            if not match or not match.group("value").strip():
                return None
            country = match.group("country")
            return Identifier(
                type=kind,
                value=match.group("value").strip().rstrip("."),
                country=country_code(country) if country else None,
            )
    return None
