"""Check many report files at once, on both cores when there are enough of them.

A review row is a plain dict (picklable, JSON-ready) so that worker processes can send it back and
every output -- terminal, HTML, CSV, the window -- reads the same thing:

``{"file", "agency", "year", "format", "kind", "figures": {name: int}, "errors", "warnings",
"findings": [Finding.to_json()], "unreadable": message or None, "previous": file or None,
"previous_missing": bool}``
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..loading import REPORT_SUFFIXES, LoadError, load_report
from .figures import KEY_FIGURES, agency_key, key_figures

# A frozen (PyInstaller) build may only start worker processes when its entry point calls
# multiprocessing.freeze_support(); the installer sets this flag once it does.
FROZEN_POOL_READY = False
POOL_MIN_FILES = 48  # below this, starting workers costs more than it saves
WORKERS = 2
CHUNK = 25

Progress = Callable[[int, int], None]


class ReviewError(Exception):
    """Nothing to review (no file, nothing readable). ``str()`` is the message for the user."""


def find_files(inputs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every report file named or found (recursively) under the given folders, in a stable order."""
    found: list[Path] = []
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            candidates = sorted(
                (p for p in path.rglob("*") if p.suffix.lower() in REPORT_SUFFIXES and p.is_file()),
                key=lambda p: [part.casefold() for part in p.relative_to(path).parts],
            )
        elif path.exists():
            candidates = [path]
        else:
            raise ReviewError(f"找不到“{path}”")
        for p in candidates:
            if p.name.startswith(("~$", ".~lock")):  # Word / LibreOffice lock files beside an open document
                continue
            key = p.resolve()
            if key not in seen:
                seen.add(key)
                found.append(p)
    return found


def _unreadable(path: str, message: str) -> dict:
    return {
        "file": path,
        "agency": "",
        "year": None,
        "format": "",
        "kind": "",
        "figures": dict.fromkeys(KEY_FIGURES),
        "errors": None,
        "warnings": None,
        "findings": [],
        "unreadable": message,
        "previous": None,
        "previous_missing": False,
    }


def review_file(path: str, previous_index: dict[tuple[str, int], str] | None = None) -> dict:
    """Load and check one file; ``previous_index`` maps (agency key, year) to last year's file."""
    from ..checks import check_report
    from ..checks.findings import count

    try:
        report = load_report(path)
    except LoadError as exc:
        return _unreadable(path, str(exc))
    except Exception as exc:  # an importer bug must not stop a batch of hundreds
        return _unreadable(path, f"无法读取“{Path(path).name}”：{type(exc).__name__}: {exc}")
    previous, previous_file = None, None
    if previous_index is not None:
        previous_file = previous_index.get((agency_key(report.agency), report.year - 1))
        if previous_file is not None:
            try:
                previous = load_report(previous_file)
            except Exception:  # listed when it was read a moment ago; treat as not found
                previous_file = None
    findings = check_report(report, previous)
    errors, warnings = count(findings)
    return {
        "file": path,
        "agency": report.agency,
        "year": report.year,
        "format": report.format_id,
        "kind": report.kind,
        "figures": key_figures(report),
        "errors": errors,
        "warnings": warnings,
        "findings": [f.to_json() for f in findings],
        "unreadable": None,
        "previous": previous_file,
        "previous_missing": previous_index is not None and previous_file is None,
    }


def _identify(path: str) -> tuple[str, str, int] | None:
    """(file, agency key, year) of a previous-year file, or None when it cannot be read."""
    try:
        report = load_report(path)
    except Exception:
        return None
    return path, agency_key(report.agency), report.year


def _review_chunk(paths: list[str], previous_index) -> list[dict]:
    return [review_file(p, previous_index) for p in paths]


def _identify_chunk(paths: list[str]) -> list[tuple[str, str, int] | None]:
    return [_identify(p) for p in paths]


def _can_use_pool(n: int, workers: int) -> bool:
    if workers < 2 or n < POOL_MIN_FILES or (os.cpu_count() or 1) < 2:
        return False
    return not getattr(sys, "frozen", False) or FROZEN_POOL_READY


def _run(fn, paths: Sequence[str], args: tuple, progress: Progress | None, workers: int) -> list:
    """``fn(chunk, *args)`` over chunks of ``paths``, in order, in worker processes when worth it."""
    total = len(paths)
    chunks = [list(paths[i : i + CHUNK]) for i in range(0, total, CHUNK)]
    out: list = []
    if progress:
        progress(0, total)
    if _can_use_pool(total, workers):
        import multiprocessing

        # spawn: safe beside Qt's threads and the same on Linux as on Windows
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(fn, chunk, *args) for chunk in chunks]
            for future in futures:
                out.extend(future.result())
                if progress:
                    progress(len(out), total)
        return out
    for chunk in chunks:
        out.extend(fn(chunk, *args))
        if progress:
            progress(len(out), total)
    return out


def index_previous(
    inputs: Iterable[str | os.PathLike[str]], progress: Progress | None = None, workers: int = WORKERS
) -> dict[tuple[str, int], str]:
    """(agency key, year) -> file, for every readable report under last year's folder."""
    paths = [str(p) for p in find_files(inputs)]
    index: dict[tuple[str, int], str] = {}
    for item in _run(_identify_chunk, paths, (), progress, workers):
        if item is not None:
            path, key, year = item
            index.setdefault((key, year), path)
    return index


def review_paths(
    inputs: Iterable[str | os.PathLike[str]],
    previous: Iterable[str | os.PathLike[str]] | None = None,
    progress: Progress | None = None,
    workers: int = WORKERS,
) -> list[dict]:
    """A review row for every report file under ``inputs``; ``previous``: last year's folders."""
    paths = [str(p) for p in find_files(inputs)]
    if not paths:
        raise ReviewError("没有找到报告文件（.rdproj、.json、.docx、.txt）")
    previous_index = index_previous(previous, None, workers) if previous is not None else None
    return _run(_review_chunk, paths, (previous_index,), progress, workers)


def missing_previous(rows: list[dict]) -> list[dict]:
    """Readable rows for which no report of the previous year was found."""
    return [r for r in rows if not r["unreadable"] and not r["previous"]]


def exit_code(rows: list[dict]) -> int:
    """0: all fine; 1: some report has errors; 2: some file could not be read."""
    if any(r["unreadable"] for r in rows):
        return 2
    return 1 if any(r["errors"] for r in rows) else 0
