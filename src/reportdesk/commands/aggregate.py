"""`reportdesk aggregate FILES... -o SUMMARY.rdproj [--expect agencies.txt]`."""

from __future__ import annotations

import argparse
from pathlib import Path

from .console import fail, say

NAMES = ("aggregate",)


def add_parsers(subparsers) -> None:
    p = subparsers.add_parser("aggregate", help="汇总：把同一年度、同一格式的多份报告的表二、表三、表四相加")
    p.add_argument("inputs", nargs="+", metavar="FILE_OR_FOLDER", help="各部门的报告文件或文件夹")
    p.add_argument("-o", "--output", required=True, help="汇总结果（.rdproj 项目文件，可继续编辑、检查、导出）")
    p.add_argument("--expect", metavar="AGENCIES_TXT", help="应报机关名单（每行一个），列出未报送的机关")
    p.add_argument("--agency", default="", help="汇总报告的机关名称，如“某县人民政府”")
    p.add_argument(
        "--kind",
        choices=("government", "department"),
        default="government",
        help="government：本级人民政府（默认）；department：政府部门",
    )
    p.add_argument("--force", action="store_true", help="覆盖已有文件")
    p.set_defaults(func=cmd_aggregate)


def cmd_aggregate(args: argparse.Namespace) -> int:
    from ..model.project import ProjectError, save_project  # lazy: this module is loaded by every command; saves ~80 ms
    from ..review.aggregate import AggregateError, aggregate_files, read_expected
    from ..review.batch import ReviewError, find_files

    out = Path(args.output)
    if out.suffix.lower() != ".rdproj":
        return fail(f"汇总结果应保存为项目文件（.rdproj），而不是“{out.name}”")
    if out.exists() and not args.force:
        return fail(f"“{out}”已存在；如要覆盖请加 --force")
    try:
        expected = read_expected(args.expect) if args.expect else None
        found: list[str] = []
        files = [p for p in find_files(args.inputs, found) if p.resolve() != out.resolve()]
        if not files:
            return fail("没有找到报告文件（.rdproj、.json、.docx、.pdf、.html、.txt）")
        for line in found:
            say(line)
        summary = aggregate_files(files, agency=args.agency, kind=args.kind, expected=expected)
    except (AggregateError, ReviewError) as exc:
        return fail(str(exc))
    report = summary.report
    try:
        save_project(report, out)
    except ProjectError as exc:
        return fail(str(exc))
    say(f"已汇总 {len(summary.sources)} 份 {report.year} 年度报告（{report.format_id} 年格式）→ {out}")
    if not args.agency:
        say("提示：未指定机关名称（--agency），请在项目中填写标题、机关名称和落款。")
    if summary.blank_cells:
        say(f"注意：来源报告中有 {summary.blank_cells} 个空白单元格，按 0 计入。请用 reportdesk review 核对。")
    if summary.unknown:
        names = summary.unknown_sources
        say(
            f"注意：{len(names)} 份来源报告有未能读取的数字，汇总结果中 {len(summary.unknown)} 个单元格为未知（？），"
            f"未按 0 计入：{'、'.join(names[:10])}{'等' if len(names) > 10 else ''}。请按原文补全后重新汇总。"
        )
    if expected is not None:
        if summary.missing:
            say(f"名单中有 {len(summary.missing)} 个机关未报送：")
            for name in summary.missing:
                say(f"  {name}")
        else:
            say(f"名单中的 {len(expected)} 个机关均已报送。")
        if summary.unexpected:
            say(f"以下 {len(summary.unexpected)} 个机关不在名单中，但已计入汇总：{'、'.join(summary.unexpected)}")
    return 1 if summary.missing else 0
