"""The official sanctions lists we know how to fetch, and where their publishers put them.

Each source names the files that together make one list (OFAC's legacy CSV set is four
files joined on ``ent_num``), the official address of each, and the local file name the
parsers recognise. Addresses are the publishers' own; a mirror can stand in for all of
them with a base URL (see ``Source.urls``).
"""

from __future__ import annotations

from dataclasses import dataclass

from screening.errors import ScreeningError

OFAC_EXPORTS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports"
OFSI_2022_FORMAT = "https://ofsistorage.blob.core.windows.net/publishlive/2022format"
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
    """A published list: the files fetched together and where to read about them."""

    name: str
    title: str
    publisher: str
    homepage: str
    files: tuple[SourceFile, ...]
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
            other_formats=(_ofac("CONS_ADVANCED.XML"),),
            note="Same layout as the SDN CSV files; join on ent_num.",
        ),
        Source(
            name="uk",
            title="OFSI Consolidated List of Financial Sanctions Targets (2022 format CSV)",
            publisher="HM Treasury, Office of Financial Sanctions Implementation",
            homepage="https://www.gov.uk/government/publications/the-uk-sanctions-list",
            files=(SourceFile(name="ConList.csv", url=f"{OFSI_2022_FORMAT}/ConList.csv"),),
            other_formats=(
                SourceFile(name="ConList.xml", url=f"{OFSI_2022_FORMAT}/ConList.xml"),
                SourceFile(
                    name="UK-Sanctions-List.csv",
                    url="https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv",
                ),
            ),
            note="The UK retired the OFSI Consolidated List on 28 January 2026; the FCDO "
            "UK Sanctions List (listed under other formats) is now the authoritative "
            "source and needs its own parser.",
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
