"""ReportDesk opens no network connection: start-up, editing, checking, export, import and the batch review,
with sockets that fail.

Python sockets are replaced by ones that record and refuse every connection; on Linux the process's own
file descriptors are also compared with the kernel's TCP/UDP tables, which catches sockets opened by Qt's
C++ code too.
"""

from __future__ import annotations

import copy
import importlib
import re
import shutil
import socket
import sys
from pathlib import Path

import pytest

from reportdesk.checks import check_report
from reportdesk.formats import PART3, CellRef
from reportdesk.model.project import load_project, save_project
from reportdesk.paths import demo_report_path

ROOT = Path(__file__).resolve().parents[1]


class NetworkUsedError(OSError):
    pass


def _inet_socket_inodes() -> set[str]:
    inodes = set()
    for table in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6"):
        try:
            lines = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        except OSError:
            continue
        inodes |= {line.split()[9] for line in lines if len(line.split()) > 9}
    return inodes


def _own_inet_sockets() -> list[str]:
    fds = Path("/proc/self/fd")
    if not fds.is_dir():
        return []
    mine = []
    for fd in fds.iterdir():
        try:
            target = str(fd.readlink())
        except OSError:
            continue
        if target.startswith("socket:["):
            mine.append(target[8:-1])
    inet = _inet_socket_inodes()
    return [i for i in mine if i in inet]


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    attempts: list[str] = []

    def refuse(what):
        def _refused(*args, **kwargs):
            attempts.append(f"{what}{args[:2]!r}")
            raise NetworkUsedError(f"网络已禁用：{what}")

        return _refused

    class OfflineSocket(socket.socket):
        def connect(self, address):
            refuse("socket.connect")(address)

        def connect_ex(self, address):
            refuse("socket.connect_ex")(address)

        def sendto(self, *args):
            refuse("socket.sendto")(*args)

    monkeypatch.setattr(socket, "socket", OfflineSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse(f"socket.{name}"))
    before = set(_own_inet_sockets())
    yield attempts
    assert attempts == [], f"network used: {attempts}"
    assert set(_own_inet_sockets()) <= before, "a TCP/UDP socket was opened (outside Python)"
    assert "PySide6.QtNetwork" not in sys.modules


def _require(module: str, name: str):
    return getattr(importlib.import_module(module), name)


def _edit(report):
    edited = copy.deepcopy(report)
    edited.values[CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")] = 41
    return edited


def _seed_or_export(tmp_path: Path, report) -> Path:
    for folder in (ROOT / "tests" / "fixtures" / "published",):
        texts = sorted(folder.glob("*.txt")) if folder.is_dir() else []
        if texts:
            return texts[0]
    export_report = _require("reportdesk.exporters", "export_report")
    target = tmp_path / "last-year.docx"
    export_report(report, docx=target)
    return target


def test_start_up_and_edit_in_the_window(qtbot, tmp_path):
    main_window = _require("reportdesk.ui.mainwindow", "MainWindow")
    window = main_window()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    project = tmp_path / "edited.rdproj"
    shutil.copy(demo_report_path(), project)
    assert window.open_report_file(str(project))
    for key in ("info", "part1", "part2", "part3", "part4", "part5", "part6", "signature"):
        window.show_section(key)
    qtbot.wait(50)
    # an edit through the window's document (what typing into a cell does), its live check, undo and redo
    ref = CellRef(PART3, "一、本年新收政府信息公开申请数量", "自然人")
    assert window.doc.type_cell(ref, "41") is None
    assert window.report.values[ref] == 41
    window.doc.recheck()
    assert window.doc.counts()[0] > 0, "the edit breaks part 三's identity; the live check sees it"
    window.undo()
    assert window.report.values[ref] != 41
    window.redo()
    window.files.autosave()  # the recovery copy
    assert window.save() and not window.files.is_modified()
    assert load_project(project).values[ref] == 41


def test_edit_and_check(tmp_path):
    report = _edit(load_project(demo_report_path()))
    save_project(report, tmp_path / "edited.rdproj")
    findings = check_report(load_project(tmp_path / "edited.rdproj"))
    assert findings, "the edit breaks part 三's identity, so the check finds it"


def test_export(tmp_path):
    export_report = _require("reportdesk.exporters", "export_report")
    report = load_project(demo_report_path())
    written = export_report(report, docx=tmp_path / "demo.docx", pdf=tmp_path / "demo.pdf")
    assert {p.suffix for p in map(Path, written)} == {".docx", ".pdf"}
    assert (tmp_path / "demo.pdf").read_bytes().startswith(b"%PDF")


def test_import(tmp_path):
    import_document = _require("reportdesk.importers", "import_document")
    source = _seed_or_export(tmp_path, load_project(demo_report_path()))
    result = import_document(source)
    assert result.report.agency
    check_report(result.report)


def test_cli_start_up_paths_stay_offline(tmp_path):
    from reportdesk.cli import main

    assert main(["check", str(demo_report_path())]) == 0
    assert main(["new", "--agency", "青禾市测试局", "--year", "2025", "-o", str(tmp_path / "new.rdproj")]) == 0


def test_the_guard_catches_connections(no_network):
    with pytest.raises(NetworkUsedError):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkUsedError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("127.0.0.1", 9))
    assert len(no_network) == 2
    no_network.clear()
    if sys.platform.startswith("linux"):
        import _socket

        raw = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)  # an unpatched socket, as C++ code would open
        try:
            raw.bind(("127.0.0.1", 0))  # in use (bound) but local: the kernel table lists it
            assert _own_inet_sockets(), "the /proc check must see a bound UDP socket"
        finally:
            raw.close()


def _review_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(demo_report_path(), folder / "demo.rdproj")
    for text in sorted((ROOT / "tests" / "fixtures" / "published").glob("*.txt"))[:2]:
        shutil.copy(text, folder / text.name)
    return folder


def test_batch_review_and_its_pages(tmp_path):
    """reportdesk.review: the batch review of a folder, and the HTML page it writes needs no network either."""
    from reportdesk.cli import main
    from reportdesk.review.batch import review_paths

    folder = _review_folder(tmp_path)
    count = len(list(folder.iterdir()))
    rows = review_paths([folder], previous=[folder], workers=1)
    assert len(rows) == count
    page, sheet = tmp_path / "review.html", tmp_path / "review.csv"
    code = main(["review", str(folder), "--html", str(page), "--csv", str(sheet), "-j", "1"])
    assert code in (0, 1)  # 1: a seed report has errors
    html = page.read_text("utf-8")
    assert "demo.rdproj" in html
    # the page loads nothing from outside: no scripts, styles, fonts or images by URL
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//|url\(\s*["']?(https?:)?//|@import""", html, re.I)
    assert sheet.read_bytes()


def test_batch_review_window(qtbot, tmp_path):
    review_window = _require("reportdesk.ui.review_view", "ReviewWindow")
    folder = _review_folder(tmp_path)
    window = review_window()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.finished, timeout=60_000):
        window.load_folder(str(folder))
    assert window.last_error == ""
    assert window.model.rowCount() == len(list(folder.iterdir()))
