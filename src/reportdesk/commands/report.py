"""The commands on one report: new, check, show, import, export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .console import fail, say

NAMES = ("new", "check", "show", "import", "export")


def add_parsers(sub) -> None:
    p = sub.add_parser("new", help="新建报告项目", description="新建一份报告项目（.rdproj），表格填 0，正文留空。")
    p.add_argument("--agency", help="机关名称")
    p.add_argument("--year", type=int, help="报告年度")
    p.add_argument(
        "--kind",
        choices=("department", "government"),
        default="department",
        help="department：政府部门（1月31日前公布）；government：本级人民政府（3月31日前公布）",
    )
    p.add_argument("--from", dest="source", metavar="LAST", help="从上年的项目或已发布的报告开始")
    p.add_argument("-o", "--output", required=True, help="项目文件（.rdproj）")
    p.add_argument("--force", action="store_true", help="覆盖已有文件（只读文件不会被覆盖）")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("check", help="检查报告（项目、JSON、.docx 或文本）", description="检查一份或多份报告。")
    p.add_argument("files", nargs="+", metavar="FILE", help="要检查的报告文件（.rdproj、.json、.docx、.pdf、.txt）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--previous", metavar="LAST_YEAR_FILE", help="上年报告，用于核对结转与现行有效件数")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("show", help="显示报告内容", description="以文字或交换格式 JSON 显示报告。")
    p.add_argument("file", help="报告文件")
    p.add_argument("--json", action="store_true", help="输出交换格式 JSON")
    p.add_argument("--previous", metavar="LAST_YEAR_FILE", help="上年报告：列出与上年相比有变化的表格单元格")
    p.add_argument("--all", action="store_true", help="与 --previous 同用：列出两年都有的全部单元格")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser(
        "import", help="导入 JSON、.docx 或文本为项目", description="把已发布的报告或交换格式读成项目文件。"
    )
    p.add_argument("file", help="要导入的文件（.json、.docx、.pdf、.txt）")
    p.add_argument("-o", "--output", required=True, help="项目文件（.rdproj）")
    p.add_argument("--force", action="store_true", help="覆盖已有文件（只读文件不会被覆盖）")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("export", help="导出 .docx 和/或 PDF", description="按公文格式导出 .docx 和/或 PDF。")
    p.add_argument("file", help="报告文件")
    p.add_argument("--docx", metavar="OUT", help="导出的 Word 文件（.docx）")
    p.add_argument("--pdf", metavar="OUT", help="导出的 PDF 文件")
    p.add_argument(
        "--strict",
        action="store_true",
        help="报告有错误时拒绝导出（退出码 1，不写任何文件）；不加时仅提示错误并照常导出",
    )
    p.set_defaults(func=cmd_export)


# ---------------------------------------------------------------- new


def cmd_new(args: argparse.Namespace) -> int:
    from ..model.project import ProjectError, save_project  # lazy: saves ~34 ms at start-up of the other commands
    from ..model.report import new_report
    from ..model.values import YEAR_RANGE

    if args.year is not None and not YEAR_RANGE[0] <= args.year <= YEAR_RANGE[1]:
        return fail(f"年度 {args.year} 不在 {YEAR_RANGE[0]}–{YEAR_RANGE[1]} 之间")
    if args.source:
        from ..loading import LoadError, load_report  # lazy: saves ~37 ms at start-up of the other commands
        from ..model.carry import next_year_report  # lazy: saves ~25 ms at start-up

        try:
            last = load_report(args.source)
        except LoadError as exc:
            return fail(str(exc))
        report = next_year_report(last, year=args.year)
        if args.agency:
            report.agency = report.signature_agency = args.agency
    else:
        if not args.agency or not args.year:
            return fail("请用 --agency 和 --year 指定机关名称和年份，或用 --from 指定上年报告")
        report = new_report(args.agency, args.year, args.kind)
    out = Path(args.output)
    if out.exists() and not args.force:
        return fail(f"“{out}”已存在；如要覆盖请加 --force")
    try:
        save_project(report, out)
    except ProjectError as exc:
        return fail(str(exc))
    say(f"已创建 {out}：{report.title}（{report.format.notice} 格式）")
    return 0


# ---------------------------------------------------------------- check


def _check_json(row) -> dict:
    """One file's result as `check --json` prints it."""
    if not row.readable:
        return {"file": row.file, "error": row.unreadable, "errors": None, "warnings": None, "findings": []}
    return {
        "file": row.file,
        "agency": row.agency,
        "year": row.year,
        "format": row.format_id,
        "errors": row.errors,
        "warnings": row.warnings,
        "findings": [f.to_json() for f in row.findings],
    }


def cmd_check(args: argparse.Namespace) -> int:
    from ..loading import LoadError, load_report  # lazy: saves ~37 ms at start-up of the other commands
    from ..review.filecheck import review_file  # lazy: saves ~88 ms at start-up of the other commands
    from ..review.rows import exit_code
    from ..review.table import finding_line

    previous = None
    if args.previous:
        try:
            previous = load_report(args.previous)
        except LoadError as exc:
            return fail(f"上年报告：{exc}")
    rows = [review_file(path, previous=previous, contain=False) for path in args.files]  # as `review` does
    code = exit_code(rows)
    if args.json:
        say(json.dumps([_check_json(r) for r in rows], ensure_ascii=False, indent=1))
        return code
    for r in rows:
        if not r.readable:
            say(f"{r.file}：无法读取 — {r.unreadable}")
            continue
        say(f"{r.file}：{r.agency} {r.year}年（{r.format_id} 格式）— {r.errors} 个错误 · {r.warnings} 个警告")
        for f in r.findings:
            say(f"  {finding_line(f)}")
    return code


# ---------------------------------------------------------------- show / import


def cmd_show(args: argparse.Namespace) -> int:
    from ..loading import LoadError, load_report  # lazy: saves ~37 ms at start-up of the other commands
    from ..model.interchange import to_interchange  # lazy: saves ~26 ms at start-up

    try:
        report = load_report(args.file)
    except LoadError as exc:
        return fail(str(exc))
    if args.previous:
        from ..model.comparison_text import comparison_lines

        try:
            last = load_report(args.previous)
        except LoadError as exc:
            return fail(str(exc))
        try:
            lines = comparison_lines(report, last, every=args.all)
        except ValueError as exc:
            return fail(str(exc))
        for line in lines:
            say(line)
        return 0
    if args.json:
        say(json.dumps(to_interchange(report), ensure_ascii=False, indent=1, default=str))
        return 0
    from ..model.text import report_as_text  # lazy: saves ~25 ms at start-up

    say(report_as_text(report))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..checks import check_report  # lazy: saves ~52 ms at start-up of the other commands
    from ..loading import IMPORT_SUFFIXES, LoadError, load_report
    from ..model.project import ProjectError, save_project  # lazy: saves ~34 ms at start-up of the other commands

    out = Path(args.output)
    if out.exists() and not args.force:
        return fail(f"“{out}”已存在；如要覆盖请加 --force")
    recognised: list[str] = []
    problems: list[str] = []
    try:
        if Path(args.file).suffix.lower() in IMPORT_SUFFIXES:
            from ..importers import import_document  # lazy: saves ~35 ms at start-up

            result = import_document(args.file)
            report, recognised, problems = result.report, result.recognised, result.problems
        else:
            report = load_report(args.file)
    except LoadError as exc:
        return fail(str(exc))
    findings = check_report(report)
    try:
        save_project(report, out)
    except ProjectError as exc:
        return fail(str(exc))
    say(f"已导入 {args.file} → {out}：{report.agency} {report.year}年（{report.format_id} 格式）")
    if recognised:
        say("识别：")
        for line in recognised:
            say(f"  ✓ {line}")
    if problems:
        say("未识别或有问题：")
        for line in problems:
            say(f"  ✗ {line}")
    if findings:
        say("检查：")
    for f in findings:
        say(f"  [{f.severity.label}] {f.rule} @ {f.place.describe()}：{f.message}")
    return 0


# ---------------------------------------------------------------- export


def cmd_export(args: argparse.Namespace) -> int:
    from ..checks import check_report  # lazy: saves ~52 ms at start-up of the other commands
    from ..checks.findings import Severity
    from ..exporters import ExportError, export_report  # lazy: saves ~25 ms at start-up (the writers load later)
    from ..loading import LoadError, load_report  # lazy: saves ~37 ms at start-up of the other commands

    if not args.docx and not args.pdf:
        return fail("请用 --docx 和/或 --pdf 指定输出文件")
    try:
        report = load_report(args.file)
    except LoadError as exc:
        return fail(str(exc))
    errors = [f for f in check_report(report) if f.severity is Severity.ERROR]
    if errors and getattr(args, "strict", False):  # scripted pipelines: refuse, write nothing
        say(f"该报告有 {len(errors)} 个错误，未导出任何文件（--strict）：", sys.stderr)
        for f in errors:
            say(f"  {f.place.describe()}：{f.message}", sys.stderr)
        return 1
    if errors:
        say(f"注意：该报告有 {len(errors)} 个错误，仍将导出：", sys.stderr)
        for f in errors:
            say(f"  {f.place.describe()}：{f.message}", sys.stderr)
    failed = None
    try:  # both in one call: the .docx takes its table breaks from the PDF made for it
        written = export_report(report, docx=args.docx, pdf=args.pdf)
    except ExportError as exc:
        written, failed = exc.written, str(exc)
    for path in written:
        say(f"已导出 {path}")
    if failed:
        if written:
            say("其余文件未导出：", sys.stderr)
        return fail(failed)
    from ..exporters import unknown_message

    if unknown_message(report):
        say(f"注意：{unknown_message(report)}", sys.stderr)
    if args.pdf:
        from ..exporters import unprintable, unprintable_message

        missing = unprintable(report)
        if missing:
            say(f"注意：{unprintable_message(missing)}", sys.stderr)
    return 0
