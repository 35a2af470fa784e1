"""The frozen bundle itself (slow): run with REPORTDESK_FROZEN_DIST=dist/ReportDesk, after installer/build.py.

    REPORTDESK_FROZEN_DIST=dist/ReportDesk python3 -m pytest -m slow tests/installer
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
import bundle_rules as rules  # noqa: E402
import frozen_run as fr  # noqa: E402

pytestmark = pytest.mark.slow

DIST = fr.dist_dir()
if DIST is None:
    pytest.skip(f"no frozen bundle: set {fr.DIST_ENV} (installer/prove_linux.sh does)", allow_module_level=True)

AGENCY = "青禾市市场监督管理局"  # the demo report's agency


def seed_text() -> Path | None:
    candidates = [os.environ.get("REPORTDESK_SEEDS"), ROOT / "tests" / "fixtures" / "published"]
    for folder in filter(None, candidates):
        texts = sorted(Path(folder).glob("*.txt"))
        if texts:
            return texts[0]
    return None


def test_bundle_layout():
    assert fr.exe(DIST, rules.EXE_NAME).is_file() and fr.exe(DIST).is_file()
    inside = fr.internal(DIST)
    assert fr.demo_project(DIST).is_file()
    assert (inside / "ui").is_dir() and (inside / "resources" / "icons" / "rdproj.ico").is_file()
    names = [p.relative_to(inside).as_posix() for p in inside.rglob("*") if not p.is_dir()]
    assert any("/platforms/" in n and "offscreen" in n for n in names)
    assert not [n for n in names if not rules.keep(n)], "files the bundle rules drop are in the bundle"
    translations = [n for n in names if n.endswith(".qm")]
    assert all(n.endswith("qtbase_zh_CN.qm") for n in translations)
    assert not [n for n in names if "/qml/" in n or n.startswith("PySide6/qml")]


def test_version_from_package_metadata():
    done = fr.run_cli(DIST, ["--version"], DIST.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"ReportDesk {rules.project_version()}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd is Linux's")
def test_every_shared_library_resolves():
    inside = fr.internal(DIST)
    env = dict(os.environ, LD_LIBRARY_PATH=f"{inside}:{inside / 'PySide6' / 'Qt' / 'lib'}")
    missing = []
    for path in inside.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True).stdout
        missing += [f"{path.name}: {line.strip()}" for line in out.splitlines() if "not found" in line]
    assert not missing


def test_check_the_demo(tmp_path):
    done = fr.run_cli(DIST, ["check", str(fr.demo_project(DIST))], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert AGENCY in done.stdout and "0 个错误" in done.stdout


def test_export_the_demo_to_docx_and_pdf_with_fonts_embedded(tmp_path):
    docx, pdf = tmp_path / "demo.docx", tmp_path / "demo.pdf"
    done = fr.run_cli(DIST, ["export", str(fr.demo_project(DIST)), "--docx", str(docx), "--pdf", str(pdf)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    with zipfile.ZipFile(docx) as z:
        assert AGENCY in z.read("word/document.xml").decode("utf-8")
    fonts = fr.pdf_font_report(pdf)
    assert [name for name, _embedded, used in fonts if used], "no text in the PDF"
    assert [name for name, embedded, used in fonts if used and not embedded] == [], fonts
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
        assert AGENCY in text.replace(" ", "").replace("\n", "")


def test_import_a_published_text(tmp_path):
    seed = seed_text()
    assert seed is not None, "tests/fixtures/published holds the published seed reports"
    out = tmp_path / "imported.rdproj"
    done = fr.run_cli(DIST, ["import", str(seed), "-o", str(out)], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert out.is_file() and "已导入" in done.stdout
    shown = fr.run_cli(DIST, ["show", str(out)], tmp_path)
    assert shown.returncode == 0 and "银川市投资促进局" in shown.stdout  # seed 000's agency, read by the frozen app


def test_window_starts_offscreen_and_closes(tmp_path):
    seconds, line, code, err = fr.start_window(DIST, ["--demo"], tmp_path)
    assert code == 0, err
    assert line, f"no window was shown; stderr: {err}"
    assert " MainWindow " in line
    assert seconds > 0


def test_window_opens_a_project_given_on_the_command_line(tmp_path):
    """What a double-click on a .rdproj does (the association passes the file as the argument)."""
    project = tmp_path / "我的报告.rdproj"
    shutil.copy(fr.demo_project(DIST), project)
    _seconds, line, code, err = fr.start_window(DIST, [str(project)], tmp_path)
    assert code == 0 and line, err
    assert " MainWindow " in line and "我的报告" in line  # the window shows the project it was given


def test_self_test_imports_every_module_and_uses_qt_pdf_and_printing(tmp_path):
    done = fr.selftest(DIST, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    line = next(x for x in done.stdout.splitlines() if x.startswith("REPORTDESK_SELFTEST "))
    fields = dict(item.split("=") for item in line.split()[1:])
    assert int(fields["modules"]) == fr.source_module_count(), "the bundle lacks modules of the source tree"
    assert fields["failed"] == "0" and int(fields["pdf_pages"]) >= 1 and fields["blank"] == "0"
    assert fields["translation"] == "1", "qtbase_zh_CN.qm is not where Qt looks for translations"
    assert fields["utf8"] == "1", "the frozen program runs in Python's UTF-8 mode"


def test_batch_review_worker_processes(tmp_path):
    """Enough reports for the batch review's process pool: its workers are the frozen program itself."""
    from reportdesk.review import batch

    folder = tmp_path / "reports"
    folder.mkdir()
    demo = fr.demo_project(DIST).read_bytes()
    count = max(getattr(batch, "POOL_MIN_FILES", 300), 1) + 5
    for i in range(count):
        (folder / f"r{i}.rdproj").write_bytes(demo)
    done = fr.run_cli(DIST, ["review", str(folder), "-q", "-j", "2"], tmp_path, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"共 {count} 份" in done.stdout
    assert "usage:" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert batch.POOL_FAILED_NOTE not in done.stdout, "the workers did not start: the review ran in one process"
