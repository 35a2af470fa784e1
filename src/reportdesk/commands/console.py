"""What every command writes: a line on the console, and an error with its exit code."""

from __future__ import annotations

import sys


def say(text: str = "", file=None) -> None:
    """One line on stdout (or ``file``), even on a console that is not UTF-8."""
    stream = file or sys.stdout
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:  # a console that is not UTF-8 (old Windows code pages)
        stream.buffer.write((text + "\n").encode(stream.encoding or "utf-8", "replace"))


def fail(message: str, code: int = 2) -> int:
    """``错误：message`` on stderr; returns ``code`` for the command to return."""
    say(f"错误：{message}", sys.stderr)
    return code
