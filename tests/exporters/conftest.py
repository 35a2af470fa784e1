"""Exports made once per session (fonts are unpacked once), read back by the tests."""

from __future__ import annotations

import copy
import shutil
import subprocess
from pathlib import Path

import pytest

from reportdesk.loading import load_report
from reportdesk.model.prose import Paragraph
from reportdesk.paths import demo_report_path

OFFICE = shutil.which("libreoffice") or shutil.which("soffice")


def export_and_render(reports: dict, out: Path) -> Path:
    """Export each report (name -> Report) as ``out/NAME.docx`` and ``out/NAME.pdf``, and render every .docx
    with LibreOffice (one run for all) into the folder returned, as ``NAME.pdf``."""
    from reportdesk.exporters import export_report

    for name, report in reports.items():
        export_report(report, docx=out / f"{name}.docx", pdf=out / f"{name}.pdf")
    lo = out / "lo"
    subprocess.run([OFFICE, "--headless", f"-env:UserInstallation=file://{out}/profile", "--convert-to", "pdf",
                    "--outdir", str(lo), *(str(out / f"{n}.docx") for n in reports)],
                   check=True, capture_output=True, timeout=600)
    return lo


RARE_AGENCY = "堃𬭚市市场监督管理局"


def long_report():
    """The demo with a part 一 of several pages and an agency name with rare characters."""
    report = load_report(demo_report_path())
    report = copy.deepcopy(report)
    report.agency = report.signature_agency = RARE_AGENCY
    report.title = f"{RARE_AGENCY}2025年政府信息公开工作年度报告"
    extra = []
    for i in range(1, 9):
        extra.append(Paragraph.from_markup(f"（{'一二三四五六七八'[i - 1]}）第{i}项重点工作"))
        extra.append(Paragraph.from_markup(
            f"**第{i}方面。**全年围绕“放管服”改革，公开行政许可信息{1000 + i}条、行政处罚信息{300 + i}条，"
            "同步在www.qinghe.gov.cn发布解读材料，回应社会关切，做到应公开尽公开；对公众关注的食品安全、"
            "特种设备、价格监管等领域信息，实行清单化管理，按月更新，按季度通报（详见附件）。" * 2
        ))
    report.parts["一"] = report.parts["一"] + extra
    return report


# Extra one-line paragraphs in part 一 that move part 三 down so that the PDF breaks it inside a group:
# (name, lines, the group label the break cuts). The tests check that it still does.
CUTS = (("cut三", 19, "（三）不予公开"), ("cut五", 13, "（五）不予处理"))


def with_lines(lines: int):
    """The demo with ``lines`` one-line paragraphs more at the end of part 一."""
    report = copy.deepcopy(load_report(demo_report_path()))
    report.parts["一"] = report.parts["一"] + [Paragraph.from_markup("全年公开信息" + "一" * 20)] * lines
    return report


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> dict[str, Path]:
    from reportdesk.exporters import export_report

    out = tmp_path_factory.mktemp("exported")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("REPORTDESK_HOME", str(tmp_path_factory.mktemp("export-home")))
        demo = load_report(demo_report_path())
        export_report(demo, docx=out / "demo.docx", pdf=out / "demo.pdf")
        export_report(long_report(), docx=out / "long.docx", pdf=out / "long.pdf")
    return {
        "demo_docx": out / "demo.docx",
        "demo_pdf": out / "demo.pdf",
        "long_docx": out / "long.docx",
        "long_pdf": out / "long.pdf",
    }
