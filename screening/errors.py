"""The library's own errors. Anything else escaping the public API is a bug."""


class ScreeningError(Exception):
    """Base class of every error the library raises on purpose."""


class ListLoadError(ScreeningError):
    """A designated list could not be loaded completely: screening must not run on it."""


class InputError(ScreeningError, ValueError):
    """A query or input row cannot be screened (empty, too long, not text)."""


class TableError(ScreeningError):
    """A linguistic table shipped with the package is malformed: the engine must not run."""


class DecisionStoreError(InputError):
    """The decision store named cannot be opened, read or written, or lacks what was asked."""
