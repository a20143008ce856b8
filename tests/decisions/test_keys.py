"""The monitor's key filter: its shortcuts (per-key maxima, only the forms whose first and
last letters a listed variant has, remembered verdicts) decide as looking up every form
of every key would."""

from __future__ import annotations

from screening.decisions.keys import DeltaFilter, name_keys
from screening.model import Entity
from tests.decisions.conftest import OTHER, PETROV, screener_of

SIDOROV = Entity(id="e-sidorov", schema="Person", names=["Pyotr SIDOROV"])
SHIPPING = Entity(id="e-ship", schema="Organization", names=["Volgotanker Shipping Company"])


def typos(word: str) -> list[str]:
    """The word with one letter dropped, doubled or replaced, at every position."""
    out = []
    for i in range(len(word)):
        out += [
            word[:i] + word[i + 1 :],
            word[:i] + word[i] + word[i:],
            word[:i] + "x" + word[i + 1 :],
        ]
    return out


def every_form_largest(delta: DeltaFilter, key: str) -> float:
    """The largest share a stored key reaches, every form looked up (the definition)."""
    forms = []
    if len(key) >= delta.min_fuzzy_key and not key.startswith("^"):
        forms = [key, *(key[:i] + key[i + 1 :] for i in range(len(key)))]
    shares = [share for _, share in delta.exact.get(key, [])]
    shares += [share for form in forms for _, share in delta.fuzzy.get(form, [])]
    return max(shares, default=0.0)


def test_the_first_test_misses_no_form_of_a_key() -> None:
    screener = screener_of(PETROV, SIDOROV, OTHER, SHIPPING)
    delta = DeltaFilter(screener, [SIDOROV.id, SHIPPING.id, OTHER.id])
    words = ["sidorov", "pyotr", "volgotanker", "shipping", "gazprom", "petrov", "smirnova"]
    keys = {
        key
        for word in words
        for variant in [word, *typos(word)]
        for part in name_keys(variant).split()
        for key in part.split("|")
    }
    reached = [key for key in keys if every_form_largest(delta, key) > 0]
    assert len(reached) > 50  # typos at the first, middle and last letters reach the names
    assert len(reached) < len(keys)  # and the others do not
    for key in sorted(keys):
        assert delta._largest(key) == every_form_largest(delta, key), key


def test_a_repeated_name_gets_the_same_verdict() -> None:
    screener = screener_of(PETROV, SIDOROV, OTHER)
    delta = DeltaFilter(screener, [SIDOROV.id])
    weigh = screener.index.key_weight
    for name in ["Petr Sidorov", "Sidorof Pyotr", "Anna Smirnova", "Petr Sidorov"]:
        fresh = DeltaFilter(screener, [SIDOROV.id])
        stored = name_keys(name)
        assert delta.may_match(stored, weigh) == fresh.may_match(stored, weigh)
    assert delta.may_match(name_keys("Petr Sidorov"), weigh)
    assert not delta.may_match(name_keys("Anna Smirnova"), weigh)
