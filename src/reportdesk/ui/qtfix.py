"""Survive a PySide6 6.12.0 reference-count bug that otherwise aborts the process within minutes.

What we measured on Python 3.11 (tests/ui/test_qtfix.py and the probes below):

- every call of a *void* Qt method from Python (``timer.setInterval(5)``, ``obj.setObjectName(..)``,
  ``view.setCurrentIndex(..)``) and every C++-emitted signal delivered to a Python slot drops one
  reference to ``None`` that it never took;
- every ``SignalInstance.emit()`` returns ``True`` without a reference of its own, so each emit
  drops one reference to ``True``;
- a Python override of ``QAbstractItemModel.data``/``headerData`` that returns ``None`` when C++
  calls it drops one more reference to ``None``.

On Python 3.11 ``None`` and ``True`` are ordinary objects: once their count reaches zero the
interpreter stops with "Fatal Python error: deallocating None" (after ~700 cell edits in the
editor). Returning some other object does not help, because the void calls and emits leak too, and
we cannot leave 6.12.0 (PySide6-Pdf exists only for it).

So, once at start-up, and only when the leak is measured, we give ``None``, ``True`` and ``False``
a reserve of 2**40 references. Those objects are never freed anyway, so the reserve costs nothing;
at a million leaked references a second it lasts twelve days. Python 3.12+ makes them immortal,
and a fixed PySide6 measures no leak: in both cases nothing is changed.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

RESERVE = 2**40
PROBE_CALLS = 32


class _Probe(QObject):
    ping = Signal()


def measure_leaks() -> tuple[float, float]:
    """References to (None, True) lost per void call and per emit, respectively."""
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
    none_lost = (before - sys.getrefcount(None)) / PROBE_CALLS
    before = sys.getrefcount(True)
    for _ in range(PROBE_CALLS):
        probe.ping.emit()
    true_lost = (before - sys.getrefcount(True)) / PROBE_CALLS
    return none_lost, true_lost


def _add_reserve(obj: object) -> None:
    # CPython's object header starts with ob_refcnt (Py_ssize_t); raising it is what Py_IncRef does.
    ctypes.c_ssize_t.from_address(id(obj)).value += RESERVE


def install() -> bool:
    """Give the singletons their reserve if this PySide6 leaks references to them. Idempotent."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if sys.getrefcount(None) > RESERVE // 2:
        return True  # already installed
    none_lost, true_lost = measure_leaks()
    if none_lost < 0.5 and true_lost < 0.5:
        return False
    for singleton in (None, True, False):
        _add_reserve(singleton)
    return True


INSTALLED = install()
