"""The .docx opens without a repair prompt (elements in schema order, tables whole, fields as Word
writes them) and gives every number back when imported again, also after LibreOffice re-saves it."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reportdesk.exporters import write_docx
from reportdesk.importers import import_document
from reportdesk.loading import load_report
from reportdesk.paths import demo_report_path

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "published").glob("*.txt"))
# Child order of the properties Word is strict about (ECMA-376 Part 1, §17); a child out of order
# is what makes Word say the file is damaged and offer to repair it.
ORDER = {
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
           "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
           "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook",
    "sectPr": "footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType "
              "cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings",
}


def schema_problems(path: Path) -> list[str]:
    problems = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not (name.startswith("word/") and name.endswith(".xml")):
                continue
            root = etree.fromstring(z.read(name))
            for tag, order in ORDER.items():
                seq = order.split()
                for el in root.iter(W + tag):
                    kids = [etree.QName(k).localname for k in el if isinstance(k.tag, str)]
                    kids = ["footerReference" if k == "headerReference" else k for k in kids]
                    pos = [seq.index(k) if k in seq else -1 for k in kids]
                    if -1 in pos or pos != sorted(pos):
                        problems.append(f"{name} {tag}: {kids}")
            for tbl in root.iter(W + "tbl"):
                cols = len(tbl.find(W + "tblGrid"))
                for tr in tbl.findall(W + "tr"):
                    span = 0
                    for tc in tr.findall(W + "tc"):
                        gs = tc.find(f"{W}tcPr/{W}gridSpan")
                        span += int(gs.get(W + "val")) if gs is not None else 1
                        if tc[-1].tag != W + "p":
                            problems.append(f"{name}: a cell that does not end with a paragraph")
                    if span != cols:
                        problems.append(f"{name}: a row of {span} columns in a grid of {cols}")
            for r in root.iter(W + "r"):
                if len(r.findall(W + "fldChar")) + len(r.findall(W + "instrText")) > 1:
                    problems.append(f"{name}: a field's parts in one run")
    return problems


def _numbers(report) -> dict:
    return {ref: str(v) for ref, v in report.values.items()}


def test_demo_and_long_docx_follow_the_schema(exported):
    for key in ("demo_docx", "long_docx"):
        assert schema_problems(exported[key]) == [], key


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_seed_docx_is_clean_and_reimports_every_number(seed, tmp_path):
    report = import_document(seed).report
    out = write_docx(report, tmp_path / "seed.docx")
    assert schema_problems(out) == []
    again = import_document(out).report
    assert again.format_id == report.format_id
    assert _numbers(again) == _numbers(report)
    for part, paragraphs in report.parts.items():
        assert [p.text for p in again.parts.get(part, [])] == [p.text for p in paragraphs], part


@pytest.mark.skipif(not (shutil.which("libreoffice") or shutil.which("soffice")), reason="LibreOffice not installed")
def test_libreoffice_resaves_our_docx_and_every_number_comes_back(exported, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo"),
                    str(exported["demo_docx"])], check=True, capture_output=True, timeout=180)
    resaved = tmp_path / "lo" / "demo.docx"
    assert resaved.stat().st_size > 0
    demo = load_report(demo_report_path())
    again = import_document(resaved).report
    assert _numbers(again) == _numbers(demo)
    assert again.title == demo.title and again.date == demo.date


def test_document_properties_are_the_reports_and_nothing_of_the_template_is_left(exported):
    import datetime as dt

    import docx

    report = load_report(demo_report_path())
    d = docx.Document(exported["demo_docx"])
    core = d.core_properties
    assert core.title == report.title and core.author == report.signature_agency
    assert core.language == "zh-CN" and core.comments == "" and core.revision == 1
    now = dt.datetime.now(dt.UTC)
    for when in (core.created, core.modified):
        when = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
        assert abs((now - when).total_seconds()) < 24 * 3600  # made today, not in 2013
    with zipfile.ZipFile(exported["demo_docx"]) as z:
        names = z.namelist()
        everything = "".join(z.read(n).decode("utf-8", "replace") for n in names if n.endswith((".xml", ".rels")))
        styles = z.read("word/styles.xml").decode("utf-8")
        fonts = z.read("word/fontTable.xml").decode("utf-8")
    assert not any(n.startswith(("customXml", "docProps/thumbnail")) or "stylesWithEffects" in n for n in names)
    for leftover in ("python-docx", "2013-12-23", "ja-JP", 'script="Jpan"', "ＭＳ 明朝", "Macintosh"):
        assert leftover not in everything, leftover
    # every style inherits Chinese, no CJK-Latin autospace and widow control from the document defaults
    defaults = etree.fromstring(styles.encode("utf-8")).find(f"{W}docDefaults")
    ppr = defaults.find(f"{W}pPrDefault/{W}pPr")
    assert ppr.find(f"{W}autoSpaceDE").get(f"{W}val") == "0" and ppr.find(f"{W}autoSpaceDN").get(f"{W}val") == "0"
    assert defaults.find(f"{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}eastAsia") == "zh-CN"
    root = etree.fromstring(styles.encode("utf-8"))
    for style in root.iter(f"{W}style"):  # and no style of ours switches it back on
        for tag in ("autoSpaceDE", "autoSpaceDN"):
            el = style.find(f"{W}pPr/{W}{tag}")
            assert el is None or el.get(f"{W}val") in ("0", "false"), style.get(f"{W}styleId")
    # the font table offers alternates for the _GB2312 fonts
    table = etree.fromstring(fonts.encode("utf-8"))
    alternates = {f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val")
                  for f in table.iter(f"{W}font") if f.find(f"{W}altName") is not None}
    assert alternates["仿宋_GB2312"] == "仿宋" and alternates["楷体_GB2312"] == "楷体"
