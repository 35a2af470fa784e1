"""What a clerk sees: sizes and faces per role, bold that is bold, official fonts when present, and
LibreOffice's rendering of our .docx against our PDF."""

from __future__ import annotations

import shutil
import subprocess

import pdfplumber
import pytest

from reportdesk.exporters import write_pdf
from reportdesk.exporters.pdf_fonts import FONT_DIRS_ENV, shipped_path
from reportdesk.loading import load_report
from reportdesk.paths import demo_report_path


def _chars_of(page, text: str):
    """The chars of the first line that starts with ``text``."""
    chars = sorted(page.chars, key=lambda c: (round(c["top"]), c["x0"]))
    joined = "".join(c["text"] for c in chars)
    i = joined.find(text)
    assert i >= 0, text
    return chars[i : i + len(text)]


def test_sizes_and_faces_per_role(exported):
    with pdfplumber.open(exported["demo_pdf"]) as pdf:
        p1, p2 = pdf.pages[0], pdf.pages[1]
        title = _chars_of(p1, "青禾市市场监督管理局")
        assert {round(c["size"]) for c in title} == {22}
        assert all("NotoSerifCJKsc-Bold" in c["fontname"] for c in title)
        body = _chars_of(p1, "本报告根据")
        assert {round(c["size"]) for c in body} == {16} and "Fang" in body[0]["fontname"]
        text = "".join(p.extract_text() for p in pdf.pages)
        page_of = next(p for p in pdf.pages if "一、总体情况" in (p.extract_text() or ""))
        h1 = _chars_of(page_of, "一、总体情况")
        assert "Hei" in h1[0]["fontname"]
        h2 = _chars_of(p2, "（一）主动公开") if "（一）主动公开" in p2.extract_text() else None
        if h2:
            assert "Kai" in h2[0]["fontname"]
        assert "青禾市市场监督管理局" in text


def _ink(image, chars, scale):
    total = 0.0
    for c in chars:
        box = tuple(round(v * scale) for v in (c["x0"], c["top"], c["x0"] + c["size"], c["bottom"]))
        crop = image.crop(box)
        total += sum(1 for v in crop.tobytes() if v < 128) / (crop.width * crop.height)
    return total / len(chars)


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm not installed")
def test_bold_runs_come_out_bold(exported, tmp_path):
    from PIL import Image

    with pdfplumber.open(exported["demo_pdf"]) as pdf:
        index = next(i for i, p in enumerate(pdf.pages) if "一是聚焦重点领域公开" in (p.extract_text() or ""))
        page = pdf.pages[index]
        bold = _chars_of(page, "一是聚焦重点领域公开")
        plain = _chars_of(page, "全年通过市政府门户网站")
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-f", str(index + 1), "-l", str(index + 1),
                    str(exported["demo_pdf"]), str(tmp_path / "p")], check=True)
    image = Image.open(next(tmp_path.glob("p*"))).convert("L")
    assert _ink(image, bold, 150 / 72) > 1.2 * _ink(image, plain, 150 / 72)


def test_official_fonts_are_used_where_present(tmp_path, monkeypatch):
    """A font folder with 黑体 (simhei.ttf) in it: the 一、 headings use it, the rest stays shipped."""
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(shipped_path("kai"), folder / "simhei.ttf")  # any TrueType font stands in for it
    monkeypatch.setenv(FONT_DIRS_ENV, str(folder))
    out = tmp_path / "o.pdf"
    write_pdf(load_report(demo_report_path()), out)
    with pdfplumber.open(out) as pdf:
        page = next(p for p in pdf.pages if "一、总体情况" in (p.extract_text() or ""))
        h1 = _chars_of(page, "一、总体情况")
        assert "Kai" in h1[0]["fontname"]


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice")), reason="LibreOffice not installed")
def test_libreoffice_renders_our_docx_like_our_pdf(exported, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(exported["demo_docx"])],
                   check=True, capture_output=True, timeout=180)
    theirs = tmp_path / "demo.pdf"
    with pdfplumber.open(theirs) as lo, pdfplumber.open(exported["demo_pdf"]) as ours:
        assert abs(len(lo.pages) - len(ours.pages)) <= 1, (len(lo.pages), len(ours.pages))
        lo_tables = [t for p in lo.pages for t in p.find_tables()]
        our_tables = [t for p in ours.pages for t in p.find_tables()]
        # part 二, 三 and 四, in the same number of pieces give or take a page break
        assert len(lo_tables) >= 3 and abs(len(lo_tables) - len(our_tables)) <= 1
        lo_text = "".join("".join((p.extract_text() or "").split()) for p in lo.pages)
    for label in ("行政事业性收费", "（七）总计", "四、结转下年度继续办理", "纠正"):
        assert label in lo_text
