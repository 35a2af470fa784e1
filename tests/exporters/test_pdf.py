"""The PDF read back: paper, margins from text positions, every paragraph, fonts, rare characters."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from reportdesk.exporters import document, layout, linebreak
from reportdesk.loading import load_report
from reportdesk.paths import demo_report_path

from .conftest import RARE_AGENCY, long_report

MM = layout.MM


def _lines(page) -> list[str]:
    rows: dict[int, list] = {}
    for ch in page.chars:
        rows.setdefault(round(ch["top"]), []).append(ch)
    return ["".join(c["text"] for c in sorted(r, key=lambda c: c["x0"])) for _, r in sorted(rows.items())]


def _right_edge(path, first: int, last: int) -> float:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext not installed")
    out = subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), "-bbox", str(path), "-"],
                         check=True, capture_output=True).stdout.decode("utf-8", "replace")
    return max(float(x) for x in re.findall(r'xMax="([\d.]+)"', out))


def _squash(text: str) -> str:
    return re.sub(r"—\d+—", "", "".join(text.split()))


def test_a4_and_margins_from_text_positions(exported):
    with pdfplumber.open(exported["long_pdf"]) as pdf:
        assert len(pdf.pages) >= 6
        for page in pdf.pages:
            assert abs(page.width - 595.28) < 0.5 and abs(page.height - 841.89) < 0.5
        body = [c for p in pdf.pages[1:3] for c in p.chars if c["size"] == pytest.approx(16, abs=0.1)]
        left = min(c["x0"] for c in body)
        top = min(c["top"] for c in body)
        assert left == pytest.approx(28 * MM, abs=1.0)  # 订口 28 mm
        # justified to 26 mm from the right (poppler's word boxes: pdfminer misplaces text after a
        # font change within a string drawn with character spacing)
        assert _right_edge(exported["long_pdf"], 2, 3) == pytest.approx(595.28 - 26 * MM, abs=1.0)
        assert 37 * MM <= top <= 37 * MM + 8  # 天头 37 mm, first line centred in its grid line
        # 22 lines a page: a full page of prose has 22 baselines on the 28.99 pt pitch
        counts = {}
        for n, page in enumerate(pdf.pages[1:4], 1):
            # baselines (a digit from the serif Latin face has its own top)
            tops = sorted({round(c["matrix"][5], 1) for c in page.chars if c["size"] == pytest.approx(16, abs=0.1)})
            counts[n] = len(tops)
            if len(tops) == 22:
                page2 = page
                assert tops[-1] - tops[0] == pytest.approx(21 * layout.LINE_PITCH, abs=0.5)
        assert max(counts.values()) == 22, counts
        # 28 characters on a line of plain Chinese text
        counts = [len(line) for line in _lines(page2) if line.isascii() is False and len(line) >= 27]
        assert 28 in counts


def test_every_paragraph_is_there(exported):
    report = load_report(demo_report_path())
    with pdfplumber.open(exported["demo_pdf"]) as pdf:
        text = _squash("".join(p.extract_text() or "" for p in pdf.pages))
    for para in document.all_text(report):
        assert _squash(para) in text, para[:30]
    lines = [_squash(line) for line in text_lines(exported["demo_pdf"])]
    for part in ("二", "三", "四"):
        block = document.table_block(report, part)
        for r in range(block.header_rows, block.rows):
            numbers = "".join(c.text for c in sorted(block.cells, key=lambda c: c.col) if c.row == r and not c.header)
            if numbers:
                assert any(line.endswith(numbers) or numbers in line for line in lines), (part, r, numbers)


def text_lines(path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [line for p in pdf.pages for line in (p.extract_text() or "").splitlines()]


def test_page_numbers_odd_right_even_left(exported):
    with pdfplumber.open(exported["demo_pdf"]) as pdf:
        for n, page in enumerate(pdf.pages, 1):
            number = [c for c in page.chars if c["size"] == pytest.approx(14, abs=0.1)]
            assert "".join(c["text"] for c in number).replace(" ", "") == f"—{n}—"
            x0, x1 = min(c["x0"] for c in number), max(c["x1"] for c in number)
            if n % 2:
                assert x1 == pytest.approx(595.28 - 26 * MM - 14, abs=1.5)
            else:
                assert x0 == pytest.approx(28 * MM + 14, abs=1.5)
            top = min(c["top"] for c in number)
            assert top == pytest.approx(841.89 - 35 * MM + 7 * MM, abs=3)


def test_fonts_are_embedded(exported):
    reader = PdfReader(exported["long_pdf"])
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert len(fonts) >= 4
    used = {c["fontname"].split("+")[-1] for p in pdfplumber.open(exported["long_pdf"]).pages for c in p.chars}
    assert not used & {"Helvetica", "Times-Roman", "Courier"}
    for name, font in fonts.items():
        descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), name


def test_rare_name_characters_have_real_glyphs(exported, tmp_path):
    from reportdesk.exporters.pdf_fonts import FontSet

    fonts = FontSet()
    for ch in RARE_AGENCY + "㐀䶵𠀀𪜀":
        assert fonts.for_char(layout.BODY, ch).has(ch), ch
    with pdfplumber.open(exported["long_pdf"]) as pdf:
        text = pdf.pages[0].extract_text()
    assert "堃" in text and "𬭚" in text
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm not installed")
    # The title's first two characters, rendered: real strokes, not an empty box outline.
    with pdfplumber.open(exported["long_pdf"]) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"] in "堃𬭚" and c["size"] > 20]
    assert {c["text"] for c in chars} == {"堃", "𬭚"}
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(exported["long_pdf"]),
                    str(tmp_path / "p")], check=True)
    from PIL import Image

    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    scale = 150 / 72
    for c in chars:
        box = tuple(round(v * scale) for v in (c["x0"], c["top"], c["x1"], c["bottom"]))
        glyph = image.crop(box)
        ink = sum(1 for v in glyph.tobytes() if v < 128) / (glyph.width * glyph.height)
        assert 0.08 < ink < 0.7, (c["text"], ink)


def test_no_line_begins_or_ends_wrongly(exported):
    with pdfplumber.open(exported["long_pdf"]) as pdf:
        for page in pdf.pages:
            body = [c for c in page.chars if c["size"] == pytest.approx(16, abs=0.1)]
            rows: dict[int, list] = {}
            for ch in body:
                rows.setdefault(round(ch["top"]), []).append(ch)
            lines = ["".join(c["text"] for c in sorted(r, key=lambda c: c["x0"])) for _, r in sorted(rows.items())]
            assert linebreak.check_lines(lines) == []
            for line in lines:
                assert not line.startswith(("qinghe", "gov", "35")), line


def test_long_tables_repeat_their_headers(exported):
    with pdfplumber.open(exported["long_pdf"]) as pdf:
        pages = [p.extract_text() or "" for p in pdf.pages]
    header = "本列数据的勾稽关系为"
    on = [i for i, t in enumerate(pages) if header in _squash(t)]
    part3 = [i for i, t in enumerate(pages) if "本年新收政府信息公开申请数量" in _squash(t)
             or "（七）总计" in _squash(t)]
    assert len(on) >= 2, "part 三 should break across pages and repeat its header rows"
    assert set(part3) <= set(on)


def test_linebreak_keeps_words_and_punctuation():
    text = "网站（www.qinghe.gov.cn）“政府信息公开”专栏查阅，共12.35万元。"
    widths = [1.0 if ord(c) > 255 else 0.5 for c in text]
    for width in range(12, 24):
        lines = [text[a:b] for a, b in linebreak.fill(text, widths, width, width)]
        assert "".join(lines) == text
        assert linebreak.check_lines(lines) == []
        assert any("12.35" in line for line in lines)


def test_a_font_override_is_used(tmp_path):
    from reportdesk.exporters import ExportError, write_pdf
    from reportdesk.exporters.pdf_fonts import shipped_path

    report = long_report()
    kai = shipped_path("kai")
    write_pdf(report, tmp_path / "o.pdf", font_overrides={"body": str(kai)})
    fonts = {f["fontname"] for p in pdfplumber.open(tmp_path / "o.pdf").pages[:2] for f in p.chars}
    assert any("Kai" in f for f in fonts)
    with pytest.raises(ExportError, match="不存在"):
        write_pdf(report, tmp_path / "p.pdf", font_overrides={"body": str(tmp_path / "none.ttf")})


def test_signature_is_placed_per_the_standard(exported):
    ch = layout.CHAR_PITCH
    with pdfplumber.open(exported["demo_pdf"]) as pdf:
        page = pdf.pages[-1]
        rows: dict[int, list] = {}
        for c in page.chars:
            if c["size"] == pytest.approx(16, abs=0.1):
                rows.setdefault(round(c["top"]), []).append(c)
        lines = [sorted(r, key=lambda c: c["x0"]) for _, r in sorted(rows.items())]
        name = next(r for r in lines if "".join(c["text"] for c in r) == "青禾市市场监督管理局")
        date = next(r for r in lines if "".join(c["text"] for c in r) == "2026年1月20日")
    right_of_text = 28 * MM + layout.TEXT_WIDTH
    assert name[-1]["x0"] + ch == pytest.approx(right_of_text - 2 * ch, abs=1.0)  # 右空二字
    assert date[0]["x0"] == pytest.approx(name[0]["x0"] + 2 * ch, abs=0.5)  # 首字右移二字
    assert date[0]["top"] - name[0]["top"] == pytest.approx(layout.LINE_PITCH, abs=0.5)


def test_every_gb18030_bmp_hanzi_has_a_glyph():
    from reportdesk.exporters.pdf_fonts import FontSet

    fonts = FontSet()
    for role in (layout.BODY, layout.HEADING1, layout.TITLE):
        missing = [
            chr(c) for c in (*range(0x4E00, 0x9FA6), *range(0x3400, 0x4DB6))
            if not fonts.for_char(role, chr(c)).has(chr(c))
        ]
        assert missing == [], (role, "".join(missing[:20]))


def test_tables_break_anywhere_on_the_page():
    """Part 一 of 0..22 short paragraphs moves the tables through every position on a page."""
    import copy

    from reportdesk.exporters import pdf_bytes
    from reportdesk.model.prose import Paragraph

    base = load_report(demo_report_path())
    for n in range(0, 23, 2):
        report = copy.deepcopy(base)
        report.parts["一"] = [Paragraph.from_markup("段落" * (7 + n % 5)) for _ in range(n)]
        assert pdf_bytes(report)[:5] == b"%PDF-"


def test_an_unusable_font_override_says_why(tmp_path):
    from reportdesk.exporters import ExportError, pdf_bytes

    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("not a font")
    with pytest.raises(ExportError, match="不是可用的 TrueType 字体"):
        pdf_bytes(load_report(demo_report_path()), {"heading2": str(not_a_font)})
    cff = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
    if Path(cff).exists():
        with pytest.raises(ExportError, match="CFF"):
            pdf_bytes(load_report(demo_report_path()), {"body": cff})
