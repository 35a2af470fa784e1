"""Qt widgets and models of the editor. Nothing outside ui/ imports from here.

Importing any ``reportdesk.ui`` module first installs ``qtfix``: PySide6 6.12.0 leaks references to
None and True on Python 3.11 and would otherwise abort the editor after a few hundred edits.
"""

from . import qtfix as _qtfix  # noqa: F401 - imported for its start-up effect
