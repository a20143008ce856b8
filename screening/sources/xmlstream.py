"""Safe, streaming reading of large XML list files.

Official XML lists are tens of megabytes. ``XmlRecords`` walks the file once with
``defusedxml``'s ``iterparse`` (which refuses entity-expansion and external-entity tricks)
and hands over each record element when it is complete, clearing it afterwards so memory
stays flat. A file that is cut short, not well-formed, wrongly encoded or booby-trapped
raises ``ListLoadError`` instead of yielding the records read so far.

Namespaces are ignored: the helpers below compare local names only, so the same code reads
``<sdnEntry>`` and ``<ns:sdnEntry xmlns:ns="...">``.
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException  # type: ignore[import-untyped,unused-ignore]
from defusedxml.ElementTree import iterparse  # type: ignore[import-untyped,unused-ignore]

from screening.errors import ListLoadError
from screening.sources.common import ListFile, read_list_file


def local(tag: str) -> str:
    """``{namespace}name`` -> ``name``."""
    return tag.rsplit("}", 1)[-1]


def children(element: Element, name: str) -> list[Element]:
    """Direct children with this local name."""
    return [child for child in element if local(child.tag) == name]


def child(element: Element, name: str) -> Element | None:
    """The first direct child with this local name, or None."""
    for item in element:
        if local(item.tag) == name:
            return item
    return None


def text(element: Element | None, name: str | None = None) -> str:
    """The stripped text of an element (or of its first child ``name``); "" when absent."""
    if element is not None and name is not None:
        element = child(element, name)
    if element is None or element.text is None:
        return ""
    return " ".join(element.text.split())


def descendants(element: Element, name: str) -> list[Element]:
    """All descendants with this local name, in document order."""
    return [item for item in element.iter() if local(item.tag) == name]


class XmlRecords:
    """Iterate over the complete record elements (by local name) of an XML file.

    The file is read once, when the object is made (``file``: its bytes and their
    sha256), and parsed from those bytes. ``root`` is the document element, available
    once iteration has started; its attributes (a publication date, say) are read from
    it. Records nested inside another record are not reported separately.
    """

    def __init__(self, path: Path, record_tags: Collection[str]) -> None:
        self.path = path
        self.record_tags = frozenset(record_tags)
        self.root: Element | None = None
        self.file: ListFile = read_list_file(path)

    def __iter__(self) -> Iterator[Element]:
        depth_in_record = 0
        try:
            source = io.BytesIO(self.file.data)
            for event, element in iterparse(source, events=("start", "end")):
                if self.root is None:
                    self.root = element
                is_record = local(element.tag) in self.record_tags
                if event == "start":
                    depth_in_record += is_record
                    continue
                if is_record:
                    depth_in_record -= 1
                    if depth_in_record == 0:
                        yield element
                        element.clear()
        except ParseError as exc:
            raise ListLoadError(
                f"{self.path}: broken XML ({exc}; file cut short or not UTF-8?)"
            ) from None
        except DefusedXmlException as exc:
            raise ListLoadError(f"{self.path}: refused unsafe XML ({exc!r})") from None
        except (ValueError, UnicodeError, LookupError) as exc:  # a bad encoding declaration
            raise ListLoadError(f"{self.path}: unreadable XML ({exc})") from None

    def root_name(self) -> str:
        """The local name of the document element ("" before iteration)."""
        return local(self.root.tag) if self.root is not None else ""

    def require_root(self, name: str, what: str) -> None:
        """Refuse a file whose document element is not ``name``: it is not ``what``."""
        if self.root_name() != name:
            raise ListLoadError(f"{self.path}: not {what} (root <{self.root_name()}>)")

    def root_attribute(self, name: str) -> str | None:
        """An attribute of the document element (None before iteration or when absent)."""
        return self.root.get(name) if self.root is not None else None
