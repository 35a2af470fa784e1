"""Work around a PySide6 6.12.0 reference-count bug in Python overrides of QVariant-returning virtuals.

Measured (tests/ui/test_qtfix.py): when C++ calls a Python override of ``QAbstractItemModel.data``
or ``headerData`` and the override returns ``None``, shiboken drops one reference to ``None`` too
many. ``bool``, ``int`` and ``str`` returns, and every ``setData``/``flags`` return, are unaffected.
On Python 3.11 ``None`` is not immortal, so after a few hundred repaints of empty cells the
interpreter aborts with "Fatal Python error: deallocating None". We cannot move off 6.12.0
(PySide6-Pdf exists only for it), and returning some other "empty" object would hand views a
non-invalid QVariant (a wrong font or colour for roles we do not serve).

So every model override returns through :func:`nothing`, which gives back the reference the
binding is about to steal. The size of the debt is measured once at import, so a fixed PySide6
makes this a plain ``return None``.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QAbstractTableModel, QIdentityProxyModel, QModelIndex, Qt

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None


def _measure_debt() -> int:
    """References to None lost per ``None`` returned from a C++-called ``data`` override (0 or 1)."""
    if sys.version_info >= (3, 12):
        return 0  # None is immortal: its count cannot reach zero
    source = _Probe()
    proxy = QIdentityProxyModel()
    proxy.setSourceModel(source)
    index = proxy.index(0, 0)
    calls = 64
    # A few extra references so the probe itself cannot bring None near zero.
    keep = [None] * (calls * 2)
    before = sys.getrefcount(None)
    for _ in range(calls):
        proxy.data(index, Qt.ItemDataRole.DisplayRole)
    lost = before - sys.getrefcount(None)
    del keep
    return max(0, round(lost / calls))


DEBT = _measure_debt()


def nothing() -> None:
    """``None`` for a Qt model override to return: "no data for this role"."""
    for _ in range(DEBT):
        _incref(None)
    return None
