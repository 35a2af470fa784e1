"""Check many report files at once, on both cores when there are enough of them.

Each file gives one ``ReviewRow`` (review/rows.py): picklable, so worker processes send it back,
and every output -- terminal, HTML, CSV, the window -- reads the same thing.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from ..loading import LoadError
from ..model.carry import carried_cells
from .figures import agency_key
from .filecheck import PreviousIndex, load_any, review_file
from .folder import FOLDER_SUFFIXES, ReviewError, find_files
from .rows import ReviewRow

# A frozen (PyInstaller) build may only start worker processes when its entry point has called
# multiprocessing.freeze_support(); installer/reportdesk_main.py sets this variable once it has (an
# environment variable, so that start-up need not import this module for every command).
POOL_READY_ENV = "REPORTDESK_POOL_READY"
POOL_MIN_FILES = 300  # below this, starting two workers (~0.15 s) costs more than it saves
WORKERS = 2
POOL_FAILED_NOTE = "说明：并行检查的工作进程未能启动，已改为逐份检查（结果相同，用时较长）。"
CHUNK = 25

Progress = Callable[[int, int], None]


def _identify(path: str) -> tuple[tuple[str, int], tuple[str, str, dict, dict, dict]] | None:
    """A previous-year file as an index entry, or None when it cannot be read."""
    try:
        report = load_any(path)
    except LoadError:
        return None
    cells = carried_cells(report.format)
    values = {ref: report.values.get(ref) for ref in cells}
    unknown = {ref: report.unreadable[ref] for ref in cells if ref in report.unreadable}
    return (agency_key(report.agency), report.year), (path, report.format_id, values, unknown, report.parts)


def _review_chunk(paths: list[str], previous_index) -> list[ReviewRow]:
    return [review_file(p, previous_index) for p in paths]


def _identify_chunk(paths: list[str]) -> list:
    return [_identify(p) for p in paths]


def _can_use_pool(n: int, workers: int) -> bool:
    if workers < 2 or n < POOL_MIN_FILES or (os.cpu_count() or 1) < 2:
        return False
    return not getattr(sys, "frozen", False) or os.environ.get(POOL_READY_ENV) == "1"


@contextmanager
def _pool(n: int, workers: int):
    """Worker processes when they pay off, else None (run in this process)."""
    if not _can_use_pool(n, workers):
        yield None
        return
    if getattr(sys, "frozen", False):
        # The workers are the bundle's program (installer/reportdesk_main.py runs them): they must not try to
        # find a __main__ script relative to this folder (what PyInstaller's multiprocessing hook sets).
        multiprocessing.process.ORIGINAL_DIR = None
    # spawn: safe beside Qt's threads, and the same on Linux as on Windows
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield pool


def _run(pool, fn, paths: Sequence[str], args: tuple, progress: Progress | None) -> list:
    """``fn(chunk, *args)`` over chunks of ``paths``, results in order, in ``pool`` when there is one."""
    total = len(paths)
    size = CHUNK if pool is None else max(10, min(CHUNK * 4, -(-total // (WORKERS * 8))))
    chunks = [list(paths[i : i + size]) for i in range(0, total, size)]
    out: list = []
    if progress:
        progress(0, total)
    results = (
        (f.result() for f in [pool.submit(fn, c, *args) for c in chunks]) if pool else (fn(c, *args) for c in chunks)
    )
    for result in results:
        out.extend(result)
        if progress:
            progress(len(out), total)
    return out


def _index(entries) -> PreviousIndex:
    index: PreviousIndex = {}
    for item in entries:
        if item is not None:
            index.setdefault(*item)
    return index


def review_paths(
    inputs: Iterable[str | os.PathLike[str]],
    previous: Iterable[str | os.PathLike[str]] | None = None,
    progress: Progress | None = None,
    workers: int = WORKERS,
    exclude: Iterable[str | os.PathLike[str]] = (),
    notes: list[str] | None = None,
) -> list[ReviewRow]:
    """A review row for every report file under ``inputs``; ``previous``: last year's folders;
    ``exclude``: files that are not reports (the list of expected agencies kept beside them);
    ``notes`` receives what the folder search left out (files that are not reports, the same
    report in a second form)."""
    paths = [str(p) for p in find_files(inputs, notes, exclude)]
    if not paths:
        raise ReviewError(f"没有找到报告文件（{'、'.join(sorted(FOLDER_SUFFIXES))}）")
    last = [str(p) for p in find_files(previous)] if previous is not None else None

    def work(pool) -> list[ReviewRow]:
        index = _index(_run(pool, _identify_chunk, last, (), None)) if last is not None else None
        return _run(pool, _review_chunk, paths, (index,), progress)

    try:
        with _pool(len(paths) + len(last or ()), workers) as pool:
            return work(pool)
    except (BrokenProcessPool, OSError):  # workers could not start (locked-down PC): do it all here
        if notes is not None:
            notes.append(POOL_FAILED_NOTE)
        return work(None)


def missing_previous(rows: list[ReviewRow]) -> list[ReviewRow]:
    """Readable rows for which no report of the previous year was found."""
    return [r for r in rows if r.readable and not r.previous]
