"""Identifiers (IMO, LEI, tax numbers, wallets...) written down to one normal form.

Pure functions over the rules of ``screening/data/identifier_types.tsv``: how each type
is written (case, spaces, dashes, prefixes, leading zeros), how its check digits are
validated and how strong a match of it is. A value that fails its check is returned with
the problem named, so that it is reported and never matched.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import re
from dataclasses import dataclass
from typing import Final, Literal, Protocol, cast

from Crypto.Hash import keccak

from screening.data import IDENTIFIER_TYPE_ROWS
from screening.model import Identifier
from screening.text import clean

Strength = Literal["strong", "country", "weak"]


class _Validator(Protocol):
    def is_valid(self, number: str) -> bool: ...


@dataclass(frozen=True, slots=True)
class TypeRule:
    """How values of one identifier type are normalised, checked and weighed."""

    type: str
    strength: Strength
    group: str
    unique: bool
    form: str
    strip_zeros: bool
    check: str
    prefixes: tuple[str, ...]
    known: bool = True


@dataclass(frozen=True, slots=True)
class NormalIdentifier:
    """An identifier in normal form: values of one group compare by equality."""

    type: str
    group: str
    value: str
    country: str | None
    rule: TypeRule
    problem: str | None = None  # why the value is not valid; None when it is
    # The register named in an aside (``22839 (Jalisco)``): numbers are unique within it
    # only, so a match that does not name the same one is evidence, not an alert.
    register: str | None = None

    @property
    def valid(self) -> bool:
        return self.problem is None

    @property
    def label(self) -> str:
        """``imo 9187629`` or ``tax_id/ru 7707083893``: how a result names it."""
        where = f"/{self.country}" if self.country else ""
        return f"{self.type}{where} {self.value}"


def _rules() -> dict[tuple[str, str], TypeRule]:
    rules: dict[tuple[str, str], TypeRule] = {}
    for type_, country, strength, group, unique, form, zeros, check, prefixes in (
        row[:9] for row in IDENTIFIER_TYPE_ROWS
    ):
        rules[(type_, country)] = TypeRule(
            type=type_,
            strength=cast(Strength, strength),
            group=group,
            unique=unique == "yes",
            form=form,
            strip_zeros=zeros == "strip",
            check=check,
            prefixes=tuple(
                sorted((p for p in prefixes.split(",") if p != "-"), key=len, reverse=True)
            ),
        )
    return rules


RULES: Final = _rules()
KNOWN_TYPES: Final[tuple[str, ...]] = tuple(dict.fromkeys(type_ for type_, _ in RULES))


def rule_for(type_: str, country: str | None) -> TypeRule:
    """The rule of a type in a country: the country's row, else the type's, else the
    rule of an unknown type (compared as written, evidence only)."""
    for key in (type_, f"{type_.split('_', 1)[0]}_*"):
        if country and (key, country) in RULES:
            return RULES[(key, country)]
        if (key, "*") in RULES:
            return RULES[(key, "*")]
    return TypeRule(type_, "weak", type_, False, "alnum", False, "-", (), known=False)


def parse_type(spec: str) -> tuple[str, str | None]:
    """``imo`` -> (imo, None); ``tax_id/RU`` -> (tax_id, ru): a type and its country as
    the command line and batch options give them."""
    type_, _, country = spec.strip().partition("/")
    type_ = type_.strip().lower()
    if not re.fullmatch(r"[a-z][a-z0-9_]*", type_):
        raise ValueError(f"{spec!r} is not an identifier type (such as imo, lei, tax_id/ru)")
    country = country.strip().lower()
    if country and not re.fullmatch(r"[a-z]{2}", country):
        raise ValueError(f"{spec!r}: the country after '/' is an ISO 3166 alpha-2 code")
    return type_, country or None


_SEPARATORS: Final = re.compile(r"[\s\-./_:#,()*]+")
# A trailing aside with a word in it, after a space: the place of a register, never a part
# of the number (``HRB 48319 (Mainz)``; ``D489833(9)`` keeps its check digit). It is kept
# beside the value, as ``NormalIdentifier.register``.
_ASIDE: Final = re.compile(r"\s+\([^()]*[^\W\d_]{3}[^()]*\)\s*$")
_NON_DIGIT: Final = re.compile(r"\D")


def normalise(identifier: Identifier) -> NormalIdentifier:
    """The identifier in normal form, with the problem that makes it invalid if any."""
    type_ = identifier.type.strip().lower()
    country = (identifier.country or "").strip().lower() or None
    rule = rule_for(type_, country)
    written = clean(identifier.value)  # NFKC digits, invisible characters, look-alikes
    aside = _ASIDE.search(written)
    register = _SEPARATORS.sub("", aside.group(0)).upper() if aside else None
    value = _drop_prefix(_ASIDE.sub("", written).strip(), rule.prefixes)
    if rule.form == "crypto":
        value, problem = _crypto(value)
    else:
        value, problem = _plain(value, rule)
    check, _, lengths = rule.check.partition("@")
    if (
        problem is None
        and check not in ("-", "crypto")
        and (not lengths or str(len(value)) in lengths.split(","))
        and not _validator(check).is_valid(value)
    ):
        problem = f"fails the {check.replace('.', ' ').upper()} check digits or format"
    return NormalIdentifier(type_, rule.group, value, country, rule, problem, register)


def _drop_prefix(value: str, prefixes: tuple[str, ...]) -> str:
    upper = value.upper()
    for prefix in prefixes:
        if upper.startswith(prefix) and (
            len(value) == len(prefix)
            or not value[len(prefix)].isalnum()
            or value[len(prefix)].isdigit()
        ):
            return value[len(prefix) :].lstrip(" :#.-№")
    return value


def _plain(value: str, rule: TypeRule) -> tuple[str, str | None]:
    compact = _SEPARATORS.sub("", value).upper()
    if not compact:
        return "", "is empty"
    if rule.form == "digits":
        if _NON_DIGIT.search(compact):
            return compact, "holds characters other than digits"
    elif not compact.isalnum():
        return compact, "holds characters other than letters and digits"
    if rule.strip_zeros and compact.isdigit():
        compact = compact.lstrip("0") or "0"
    if rule.group == "bic" and len(compact) == 11 and compact.endswith("XXX"):
        compact = compact[:8]  # the head office's branch code
    return compact, None


@functools.cache
def _validator(check: str) -> _Validator:
    """The python-stdnum module named by a rule's check column."""
    return cast(_Validator, importlib.import_module(f"stdnum.{check}"))


# Crypto addresses, by encoding.
_HEX_ADDRESS: Final = re.compile(r"0x[0-9a-fA-F]{40}")
_BECH32: Final = re.compile(r"(bc|tb|ltc)1[ac-hj-np-z02-9]{8,87}", re.IGNORECASE)
# Bitcoin Cash CashAddr: the bech32 character set, one case, its prefix optional.
_CASHADDR: Final = re.compile(
    r"(?:bitcoincash:)?([qp][qpzry9x8gf2tvdw0s3jn54khce6mua7l]{41})", re.I
)
_BASE58_ALPHABET: Final = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58: Final = re.compile(f"[{_BASE58_ALPHABET}]{{25,35}}")


def _crypto(value: str) -> tuple[str, str | None]:
    """A wallet address: hex (EIP-55), bech32 or Base58Check, checked; CashAddr folded to
    lower case; others (Monero) as written."""
    address = re.sub(r"\s+", "", value)
    if not address:
        return "", "is empty"
    if _HEX_ADDRESS.fullmatch(address):
        return address.lower(), None if _eip55_ok(address) else "fails its EIP-55 checksum"
    if _BECH32.fullmatch(address):
        lower = address.lower()
        if address != lower and address != address.upper():
            return lower, "mixes upper and lower case (bech32)"
        ok = _validator("bitcoin").is_valid(lower) if lower.startswith("bc1") else True
        return lower, None if ok else "fails its bech32 checksum"
    cashaddr = _CASHADDR.fullmatch(address)
    if cashaddr:  # case-insensitive; its checksum is not checked here
        return cashaddr.group(1).lower(), None
    if _BASE58.fullmatch(address):
        return address, None if base58check_ok(address) else "fails its Base58Check checksum"
    return address, None  # an encoding without a checksum we know (Monero, CashAddr)


def _eip55_ok(address: str) -> bool:
    """All one case carries no checksum; mixed case must follow EIP-55."""
    digits = address[2:]
    if digits == digits.lower() or digits == digits.upper():
        return True
    hashed = keccak.new(digest_bits=256, data=digits.lower().encode("ascii")).hexdigest()
    return all(
        (char.isupper() if int(nibble, 16) >= 8 else char.islower())
        for char, nibble in zip(digits, hashed, strict=False)
        if char.isalpha()
    )


def base58check_ok(address: str) -> bool:
    """The last four bytes are the double SHA-256 of the rest (Base58Check)."""
    number = 0
    for char in address:
        number = number * 58 + _BASE58_ALPHABET.index(char)
    leading = len(address) - len(address.lstrip("1"))
    raw = b"\0" * leading + number.to_bytes((number.bit_length() + 7) // 8, "big")
    if len(raw) < 5:
        return False
    payload, checksum = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == checksum
