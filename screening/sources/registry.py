"""The official sanctions lists we know how to fetch, and where their publishers put them.

Each source names the files that together make one list (OFAC's legacy CSV set is four
files joined on ``ent_num``), the official address of each, and the local file name the
parsers recognise. Addresses are the publishers' own; a mirror can stand in for all of
them with a base URL (see ``Source.urls``).
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.errors import ScreeningError
from screening.sources.uk_conlist import MIN_UK_TARGETS

# Formats whose publisher no longer issues them: a list in one of them is out of date
# however recently it was read, and is warned about.
RETIRED_FORMATS: dict[str, str] = {
    fmt: "OFSI retired its Consolidated List on 28 January 2026; the FCDO's UK Sanctions "
    "List replaces it (screening lists fetch uk)"
    for fmt in ("uk_csv", "uk_xlsx", "uk_xml")
}

OFAC_EXPORTS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports"
FCDO_DOCS = "https://sanctionslist.fcdo.gov.uk/docs"
EU_FSF_FILES = "https://webgate.ec.europa.eu/fsd/fsf/public/files"
EU_FSF_TOKEN = "dG9rZW4tMjAxNw"  # the public token the FSF site puts in every download link
UN_SC_XML = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"


class UnknownSourceError(ScreeningError, KeyError):
    """A list name that is not in the registry."""

    def __str__(self) -> str:  # KeyError would print the repr of its argument
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class SourceFile:
    """One file of a list: the name it is stored under and its official address."""

    name: str
    url: str


@dataclass(frozen=True)
class Source:
    """A published list: the files fetched together and where to read about them.

    What a fetch holds a download to: ``formats``, the formats the publisher issues
    this list in (a file of another format is refused, so the UK list cannot be stored
    as ``un``); ``min_entities``, the fewest entities a first fetch may hold (a
    complete edition holds far more: see the README); ``stale_after_days``, the number
    of days after its publication date past which a list is older than the publisher's
    usual update interval allows, and is warned about.
    """

    name: str
    title: str
    publisher: str
    homepage: str
    files: tuple[SourceFile, ...]
    formats: tuple[str, ...]
    min_entities: int
    stale_after_days: float
    other_formats: tuple[SourceFile, ...] = ()
    note: str = ""

    def urls(self, base_url: str | None = None) -> list[tuple[SourceFile, str]]:
        """Each file with the address to download it from.

        With a ``base_url`` (a mirror, or a test server) every file is read from
        ``{base_url}/{source name}/{file name}`` instead of the publisher's address.
        """
        if base_url is None:
            return [(item, item.url) for item in self.files]
        base = base_url.rstrip("/")
        return [(item, f"{base}/{self.name}/{item.name}") for item in self.files]


def _ofac(name: str) -> SourceFile:
    return SourceFile(name=name.lower(), url=f"{OFAC_EXPORTS}/{name}")


SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source(
            name="ofac",
            title="OFAC Specially Designated Nationals (SDN) List, legacy CSV files",
            publisher="US Treasury, Office of Foreign Assets Control",
            homepage="https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas",
            files=(
                _ofac("SDN.CSV"),
                _ofac("ALT.CSV"),
                _ofac("ADD.CSV"),
                _ofac("SDN_COMMENTS.CSV"),
            ),
            formats=("ofac_csv",),
            min_entities=5000,  # 14,965 in May 2024; more every year since 2022
            stale_after_days=30,  # OFAC publishes changes several times a month
            other_formats=(_ofac("SDN.XML"),),
            note="The four CSV files are one list: join them on ent_num. "
            "The server refuses requests without a User-Agent header.",
        ),
        Source(
            name="ofac-cons",
            title="OFAC Consolidated Sanctions List (non-SDN), legacy CSV files",
            publisher="US Treasury, Office of Foreign Assets Control",
            homepage="https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists",
            files=(
                _ofac("CONS_PRIM.CSV"),
                _ofac("CONS_ALT.CSV"),
                _ofac("CONS_ADD.CSV"),
                _ofac("CONS_COMMENTS.CSV"),
            ),
            formats=("ofac_csv",),
            min_entities=100,  # 442 in December 2025
            stale_after_days=90,  # changes a few times a year
            other_formats=(_ofac("CONS_ADVANCED.XML"),),
            note="Same layout as the SDN CSV files; join on ent_num.",
        ),
        Source(
            name="uk",
            title="UK Sanctions List (FCDO), XML",
            publisher="Foreign, Commonwealth & Development Office",
            homepage="https://www.gov.uk/government/publications/the-uk-sanctions-list",
            # The XML edition, not the CSV: a CSV cut at a row boundary looks complete (no
            # count, no end marker), an XML file cut anywhere does not parse.
            files=(
                SourceFile(name="UK-Sanctions-List.xml", url=f"{FCDO_DOCS}/UK-Sanctions-List.xml"),
            ),
            formats=("uk_fcdo_xml", "uk_fcdo_csv"),
            min_entities=MIN_UK_TARGETS,  # some 5,000 designations in 2026
            stale_after_days=30,  # updated with each designation, several times a month
            other_formats=(
                SourceFile(name="UK-Sanctions-List.csv", url=f"{FCDO_DOCS}/UK-Sanctions-List.csv"),
            ),
            note="The UK's authoritative list since OFSI retired its Consolidated List "
            "(ConList) on 28 January 2026. ConList files are still read when given by path.",
        ),
        Source(
            name="eu",
            title="EU Consolidated Financial Sanctions List (FSF XML 1.1)",
            publisher="European Commission, DG FISMA",
            homepage="https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions",
            files=(
                SourceFile(
                    name="eu_fsf.xml",
                    url=f"{EU_FSF_FILES}/xmlFullSanctionsList_1_1/content?token={EU_FSF_TOKEN}",
                ),
            ),
            formats=("eu_xml",),
            min_entities=1000,  # some 5,000 entries in 2025
            stale_after_days=30,
            other_formats=(
                SourceFile(
                    name="eu_fsf.csv",
                    url=f"{EU_FSF_FILES}/csvFullSanctionsList_1_1/content?token={EU_FSF_TOKEN}",
                ),
            ),
            note="Release announcements: https://webgate.ec.europa.eu/fsd/fsf/public/rss",
        ),
        Source(
            name="un",
            title="UN Security Council Consolidated List (XML)",
            publisher="United Nations Security Council",
            homepage="https://www.un.org/securitycouncil/content/un-sc-consolidated-list",
            files=(SourceFile(name="consolidated.xml", url=UN_SC_XML),),
            formats=("un_xml",),
            min_entities=500,  # 1,003 in February 2026
            stale_after_days=90,  # amended a few times a month, sometimes less
        ),
    )
}


def source_names() -> list[str]:
    """The names accepted by ``screening lists fetch`` and ``--list``, in registry order."""
    return list(SOURCES)


def get_source(name: str) -> Source:
    """The registered source of that name; a clear error listing the known ones if none."""
    try:
        return SOURCES[name]
    except KeyError:
        known = ", ".join(SOURCES)
        raise UnknownSourceError(f"unknown list {name!r}; known lists: {known}") from None
