"""The error every reader of a report file raises; ``loading`` and ``importers`` both import it from here."""

from __future__ import annotations


class LoadError(Exception):
    """A file that cannot be read as a report. ``str()`` is the message for the user."""
