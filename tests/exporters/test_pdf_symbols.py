"""Symbols of Chinese official prose (①, ℃, ≤, ‰, ㎡ …) print as themselves, never as a box."""

from __future__ import annotations

import copy
import shutil
import subprocess

import pdfplumber
import pytest

from reportdesk.exporters import layout
from reportdesk.loading import load_report
from reportdesk.model.prose import Paragraph
from reportdesk.paths import demo_report_path

SYMBOLS = "①②③℃×÷≤≥‰№㎡¥“”‘’——……·√※○●□■△★→§°±∶"
NOWHERE = "\U0001F9FF"  # an emoji no shipped font has (nazar amulet)


def test_every_symbol_has_a_drawn_glyph_in_every_role():
    from reportdesk.exporters.pdf_fonts import FontSet

    fonts = FontSet()
    for role in (layout.BODY, layout.TITLE, layout.HEADING1, layout.HEADING2, layout.TABLE):
        for ch in SYMBOLS:
            font = fonts.for_char(role, ch)
            assert font.has(ch), (role, ch)
            glyph = font.chars[ord(ch)]
            assert font.loca[glyph + 1] > font.loca[glyph], (role, ch)  # an outline, not an empty glyph
        assert fonts.visible(role, SYMBOLS) == SYMBOLS


def test_a_character_no_font_has_prints_as_the_missing_mark():
    from reportdesk.exporters.pdf_fonts import MISSING_MARK, FontSet

    fonts = FontSet()
    assert fonts.visible(layout.BODY, f"好{NOWHERE}事") == f"好{MISSING_MARK}事"
    assert fonts.missing == {NOWHERE}
    assert fonts.visible(layout.BODY, "赞😀\ufe0f\u200d") == "赞😀"  # invisibles dropped, not boxed


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm not installed")
def test_symbols_render_with_ink_and_all_differ(tmp_path):
    """Rendered: each symbol has ink, and no two look alike (missing glyphs would all be the same box)."""
    from PIL import Image

    from reportdesk.exporters import write_pdf

    report = copy.deepcopy(load_report(demo_report_path()))
    report.parts["一"] = [Paragraph.from_markup(SYMBOLS + NOWHERE)] + report.parts["一"]
    write_pdf(report, tmp_path / "s.pdf")
    with pdfplumber.open(tmp_path / "s.pdf") as pdf:
        chars = [c for c in pdf.pages[0].chars if c["size"] == pytest.approx(16, abs=0.1)]
    text = "".join(c["text"] for c in chars)
    assert SYMBOLS + "〓" in text
    start = text.index(SYMBOLS)
    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-png", str(tmp_path / "s.pdf"),
                    str(tmp_path / "p")], check=True)
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    scale = 150 / 72
    seen: dict[bytes, str] = {}
    for c in chars[start:start + len(SYMBOLS)]:
        box = tuple(round(v * scale) for v in (c["x0"], c["top"], c["x1"], c["bottom"]))
        crop = image.crop(box).point(lambda v: 255 if v > 128 else 0)
        ink = crop.histogram()[0]
        assert ink > 0, c["text"]
        key = crop.resize((12, 16)).tobytes()
        if c["text"] not in "—…":  # the two halves of —— and …… are alike by nature
            assert key not in seen or seen[key] == c["text"], (c["text"], seen.get(key))
            seen[key] = c["text"]


def test_run_in_heading_sets_only_the_heading_in_kai(tmp_path):
    """（一）加强学习，提高认识。认真学习……: 楷体 up to the 。, then 正文 仿宋, in both documents."""
    import docx

    from reportdesk.exporters import export_report
    from reportdesk.exporters.pdf_fonts import FontSet

    report = copy.deepcopy(load_report(demo_report_path()))
    head, rest = "（一）加强学习，提高认识。", "认真学习贯彻《条例》，引导全体干部牢固树立以公开为常态、不公开为例外的意识。"
    report.parts["一"] = [Paragraph.from_markup(head + rest)] + report.parts["一"]
    docx_out, pdf_out = export_report(report, docx=tmp_path / "r.docx", pdf=tmp_path / "r.pdf")
    fonts = FontSet()
    kai = fonts.role(layout.HEADING2).postscript.decode()
    fang = fonts.role(layout.BODY).postscript.decode()
    with pdfplumber.open(pdf_out) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["size"] == pytest.approx(16, abs=0.1)]
    text = "".join(c["text"] for c in chars)
    start = text.index(head)
    used = [c["fontname"].split("+")[-1] for c in chars[start:start + len(head) + len(rest)]]
    assert set(used[:len(head)]) == {kai}
    assert set(used[len(head):]) == {fang}
    para = next(p for p in docx.Document(docx_out).paragraphs if p.text == head + rest)
    assert para.style.name == "Normal"
    assert [r.font.name for r in para.runs] == [layout.OFFICIAL_FONTS[layout.HEADING2], None]


def test_line_breaks_in_pasted_text_become_paragraphs_not_boxes(tmp_path):
    """An opening copied from a published PDF keeps its line breaks; they have no glyph to print."""
    import docx

    from reportdesk.exporters import export_report

    report = copy.deepcopy(load_report(demo_report_path()))
    report.opening = "全文包括总体情况等。\n本报告中所列数据的统计期限自1月1日起。\r\n\n如有疑问，请与本局联系。"
    report.parts["一"][0].runs[0].text = "甲\n乙" + report.parts["一"][0].runs[0].text
    docx_out, pdf_out = export_report(report, docx=tmp_path / "r.docx", pdf=tmp_path / "r.pdf")
    texts = [p.text for p in docx.Document(docx_out).paragraphs]
    assert "全文包括总体情况等。" in texts and "如有疑问，请与本局联系。" in texts and "甲" in texts
    assert not any("\n" in t for t in texts[1:])  # (the title's two lines are one paragraph)
    with pdfplumber.open(pdf_out) as pdf:
        page = pdf.pages[0].extract_text() + pdf.pages[1].extract_text()
    assert "\n" + "本报告中所列数据" in page and "\n如有疑问" in page
    assert not any(ord(c["text"][0]) < 32 for p in pdfplumber.open(pdf_out).pages for c in p.chars)


def test_cli_names_the_characters_printed_as_the_missing_mark(tmp_path, capsys):
    from reportdesk.cli import main
    from reportdesk.model.project import save_project

    report = copy.deepcopy(load_report(demo_report_path()))
    report.parts["一"] = [Paragraph.from_markup(f"符号①℃≤√{NOWHERE}。")] + report.parts["一"]
    save_project(report, tmp_path / "r.rdproj")
    assert main(["export", str(tmp_path / "r.rdproj"), "--pdf", str(tmp_path / "r.pdf")]) == 0
    err = capsys.readouterr().err
    assert "〓" in err and NOWHERE in err and "√" not in err.split("〓")[-1]


def test_controls_and_format_characters_never_reach_the_page():
    """A font may map a control character to a visible "control picture" box (FandolFang maps U+000A)."""
    from reportdesk.exporters.pdf_fonts import FontSet

    fonts = FontSet()
    text = "甲\n乙\r丙\x85丁\u00ad戊\u200e己\u202a庚\u2028辛"
    assert fonts.visible(layout.BODY, text) == "甲乙丙丁戊己庚辛"
    assert fonts.visible(layout.BODY, "\ue000") == "〓"  # private use: no shipped font has it
