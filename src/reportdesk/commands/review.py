"""`reportdesk review FOLDER_OR_FILES... [--previous FOLDER] [--html OUT] [--csv OUT]`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from .console import fail, say

NAMES = ("review",)


def add_parsers(subparsers) -> None:
    p = subparsers.add_parser("review", help="批量审阅：检查文件夹中的全部报告")
    p.add_argument("inputs", nargs="+", metavar="FOLDER_OR_FILE", help="报告文件或文件夹（包括子文件夹）")
    p.add_argument(
        "--previous", metavar="FOLDER", action="append", help="上一年度报告所在文件夹，用于核对结转与延续数字"
    )
    p.add_argument("--html", metavar="OUT", help="把审阅结果写成一个网页（.html），可排序、筛选，无需联网")
    p.add_argument("--csv", metavar="OUT", help="把审阅结果写成表格（.csv），Excel 和 WPS 可直接打开")
    p.add_argument("--expect", metavar="AGENCIES_TXT", help="应报机关名单（每行一个），按年度列出未报送的机关")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--quiet", "-q", action="store_true", help="只列出每份报告，不逐条列出问题")
    p.add_argument("--jobs", "-j", type=int, default=2, metavar="N", help="同时使用的进程数（默认 2）")
    p.set_defaults(func=cmd_review)


class _Progress:
    """`已检查 k/n 份` on stderr: rewritten in place on a terminal, a few lines otherwise."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.tty = sys.stderr.isatty()
        self.last = 0.0
        self.step = -1

    def __call__(self, done: int, total: int) -> None:
        if self.tty:
            now = time.monotonic()
            if done == total or now - self.last > 0.1:
                self.last = now
                sys.stderr.write(f"\r{self.what} {done}/{total} 份" + ("\n" if done == total else ""))
                sys.stderr.flush()
            return
        step = done * 4 // max(total, 1)
        if step != self.step:
            self.step = step
            say(f"{self.what} {done}/{total} 份", sys.stderr)


def cmd_review(args: argparse.Namespace) -> int:
    from ..model.project import ProjectError  # lazy: this module is loaded by every command; saves ~80 ms
    from ..review import batch, table
    from ..review.aggregate import AggregateError, read_expected
    from ..review.coverage import notes
    from ..review.html_page import write_html
    from ..review.rows import exit_code

    for out in (args.html, args.csv):
        if out and Path(out).is_dir():
            return fail(f"“{out}”是文件夹，请给出文件名")
    try:
        expected = read_expected(args.expect) if args.expect else None
    except AggregateError as exc:
        return fail(str(exc))
    found: list[str] = []  # what the folder search left out
    try:
        if args.previous:
            for folder in args.previous:
                if not Path(folder).exists():
                    return fail(f"找不到上年报告文件夹“{folder}”")
        rows = batch.review_paths(
            args.inputs,
            previous=args.previous,
            progress=_Progress("已检查"),
            workers=max(1, args.jobs),
            exclude=[args.expect] if args.expect else (),
            notes=found,
        )
    except batch.ReviewError as exc:
        return fail(str(exc))
    base = Path(args.inputs[0]) if len(args.inputs) == 1 and Path(args.inputs[0]).is_dir() else None
    lines = found + notes(rows, expected)
    try:
        if args.html:
            write_html(rows, args.html, base, lines)
        if args.csv:
            table.write_csv(rows, args.csv, base)
    except ProjectError as exc:
        return fail(str(exc))
    if args.json:
        say(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=1))
        return exit_code(rows)
    for row in rows:
        say(table.console_line(row, base))
        if row.readable and not args.quiet:
            for line in table.finding_lines(row):
                say(f"  {line}")
    say(table.summary_line(rows))
    for line in lines:
        say(line)
    if args.previous:
        missing = batch.missing_previous(rows)
        if missing:
            say(
                f"{len(missing)} 份报告未找到上一年度的报告：{'、'.join(r.agency for r in missing[:20])}"
                + ("……" if len(missing) > 20 else "")
            )
    for label, out in (("网页", args.html), ("表格", args.csv)):
        if out:
            say(f"已写出{label} {out}")
    return exit_code(rows)
