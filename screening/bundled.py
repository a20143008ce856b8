"""Where the bundled default list lives.

The file is package data (``screening/lists/default.jsonl``), so an installed copy of the
package finds it as a checkout does; ``lists/manifest.json`` at the repository's top
describes it.
"""

from __future__ import annotations

from pathlib import Path

#: The small illustrative list screened against when no list is named.
BUNDLED_LIST = Path(__file__).resolve().parent / "lists" / "default.jsonl"
