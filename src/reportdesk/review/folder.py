"""Which files of a folder are reports (issue #11 item 6).

A 政务公开办's folder holds what the portals gave: PDFs, .docx, saved pages, text copies, and
things that are not reports (a README, a spreadsheet, images). Every readable form is reviewed;
the same report in several forms (same name, same folder) counts once, in the form that reads
best; what is not a report is skipped with a note instead of counting as unreadable.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..loading import IMPORT_SUFFIXES, REPORT_SUFFIXES

FOLDER_SUFFIXES = REPORT_SUFFIXES | IMPORT_SUFFIXES
# The same report published in several forms: the form whose cells read best is taken.
_PREFERENCE = {".docx": 0, ".html": 1, ".htm": 1, ".txt": 2, ".text": 2, ".md": 2, ".mhtml": 3, ".mht": 3, ".pdf": 4}
# Text-like files may be anything (a README, a list of agencies): taken only if they speak of 信息公开.
_SNIFFED = {".txt", ".text", ".md", ".html", ".htm", ".mhtml", ".mht"}
_MARKS = tuple("信息公开".encode(enc) for enc in ("utf-8", "gb18030", "utf-16-le")) + (b"&#20449;&#24687;",)
SNIFF_BYTES = 512 * 1024
SHOWN = 10  # file names listed in one note


class ReviewError(Exception):
    """Nothing to review (no report file found, a folder missing). ``str()`` is the message for the user."""


def _ignored(p: Path) -> bool:
    """Lock files beside an open document and hidden files: not the clerk's files at all."""
    return p.name.startswith(("~$", ".~lock", "."))


def looks_like_report(path: Path) -> bool:
    """False for a text-like file that never mentions 信息公开 (a README, a list of names)."""
    if path.suffix.lower() not in _SNIFFED:
        return True
    try:
        with path.open("rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError:
        return True  # loading will say what is wrong with it
    return any(m in head for m in _MARKS)


def _listing(names: list[str]) -> str:
    return "、".join(names[:SHOWN]) + (f"等 {len(names)} 个" if len(names) > SHOWN else "")


def _folder(path: Path, notes: list[str] | None, exclude: set[Path]) -> list[Path]:
    def shown(p: Path) -> str:
        return p.relative_to(path).as_posix()

    files = sorted(
        (p for p in path.rglob("*") if p.is_file() and not _ignored(p) and not (exclude and p.resolve() in exclude)),
        key=lambda p: [part.casefold() for part in p.relative_to(path).parts],
    )
    taken, skipped = [], []
    for p in files:
        (taken if p.suffix.lower() in FOLDER_SUFFIXES and looks_like_report(p) else skipped).append(p)
    best: dict[tuple[Path, str], Path] = {}
    for p in taken:
        if p.suffix.lower() in _PREFERENCE:
            key = (p.parent, p.stem.casefold())
            if key not in best or _PREFERENCE[p.suffix.lower()] < _PREFERENCE[best[key].suffix.lower()]:
                best[key] = p
    twins = [p for p in taken if p.suffix.lower() in _PREFERENCE and best[(p.parent, p.stem.casefold())] != p]
    if notes is not None and skipped:
        notes.append(f"已跳过 {len(skipped)} 个不是报告的文件：{_listing([shown(p) for p in skipped])}")
    if notes is not None and twins:
        pairs = [f"{shown(p)}（已审阅 {best[(p.parent, p.stem.casefold())].name}）" for p in twins]
        notes.append(f"{len(twins)} 个文件是同名报告的另一种格式，只计一次：{_listing(pairs)}")
    dropped = set(twins)
    return [p for p in taken if p not in dropped]


def find_files(
    inputs: Iterable[str | os.PathLike[str]],
    notes: list[str] | None = None,
    exclude: Iterable[str | os.PathLike[str]] = (),
) -> list[Path]:
    """Every report file named or found (recursively) under the given folders, in a stable order.
    A file named on its own is always taken; ``notes`` receives what a folder search left out;
    ``exclude``: files known not to be reports (the list of expected agencies), left out silently."""
    skip = {Path(p).resolve() for p in exclude}
    found: list[Path] = []
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            candidates = _folder(path, notes, skip)
        elif path.exists():
            candidates = [path]
        else:
            raise ReviewError(f"找不到“{path}”")
        for p in candidates:
            if skip and p.resolve() in skip:
                continue
            if p.name.startswith(("~$", ".~lock")):  # Word / LibreOffice lock files beside an open document
                continue
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                found.append(p)
    return found
