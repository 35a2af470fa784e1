"""The command line: the same engine as the window, in a scriptable form.

``reportdesk`` with no command (or with a file, or ``--demo``) starts the window.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import json
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

from . import APP_TITLE, __version__

COMMANDS = ("new", "check", "show", "import", "export")
# Modules that add a command of their own: each has add_parser(subparsers) -> None.
EXTRA_COMMAND_MODULES: tuple[str, ...] = ("reportdesk.review.cli_review", "reportdesk.review.cli_aggregate")


def _print(text: str = "", file=None) -> None:
    stream = file or sys.stdout
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:  # a console that is not UTF-8 (old Windows code pages)
        stream.buffer.write((text + "\n").encode(stream.encoding or "utf-8", "replace"))


def _fail(message: str, code: int = 2) -> int:
    _print(f"错误：{message}", sys.stderr)
    return code


# ---------------------------------------------------------------- new


def cmd_new(args: argparse.Namespace) -> int:
    from .model.project import ProjectError, save_project  # lazy: saves ~34 ms at start-up of the other commands
    from .model.report import new_report
    from .model.values import YEAR_RANGE

    if args.year is not None and not YEAR_RANGE[0] <= args.year <= YEAR_RANGE[1]:
        return _fail(f"年度 {args.year} 不在 {YEAR_RANGE[0]}–{YEAR_RANGE[1]} 之间")
    if args.source:
        from .loading import LoadError, load_report  # lazy: saves ~37 ms at start-up of the other commands
        from .model.carry import next_year_report  # lazy: saves ~25 ms at start-up

        try:
            last = load_report(args.source)
        except LoadError as exc:
            return _fail(str(exc))
        report = next_year_report(last, year=args.year)
        if args.agency:
            report.agency = report.signature_agency = args.agency
    else:
        if not args.agency or not args.year:
            return _fail("请用 --agency 和 --year 指定机关名称和年份，或用 --from 指定上年报告")
        report = new_report(args.agency, args.year, args.kind)
    out = Path(args.output)
    if out.exists() and not args.force:
        return _fail(f"“{out}”已存在；如要覆盖请加 --force")
    try:
        save_project(report, out)
    except ProjectError as exc:
        return _fail(str(exc))
    _print(f"已创建 {out}：{report.title}（{report.format.notice} 格式）")
    return 0


# ---------------------------------------------------------------- check


def _check_file(path: str, previous) -> tuple[dict, int]:
    """The file's result as `check --json` prints it, and its exit code; computed as `review` does."""
    from .review.filecheck import review_file  # lazy: saves ~88 ms at start-up of the other commands

    row = review_file(path, previous=previous, contain=False)
    if not row.readable:
        return {"file": path, "error": row.unreadable, "errors": None, "warnings": None, "findings": []}, 2
    result = {
        "file": path,
        "agency": row.agency,
        "year": row.year,
        "format": row.format_id,
        "errors": row.errors,
        "warnings": row.warnings,
        "findings": [f.to_json() for f in row.findings],
    }
    return result, 1 if row.errors else 0


def cmd_check(args: argparse.Namespace) -> int:
    from .loading import LoadError, load_report  # lazy: saves ~37 ms at start-up of the other commands

    previous = None
    if args.previous:
        try:
            previous = load_report(args.previous)
        except LoadError as exc:
            return _fail(f"上年报告：{exc}")
    results, code = [], 0
    for path in args.files:
        result, rc = _check_file(path, previous)
        results.append(result)
        code = max(code, rc)
    if args.json:
        _print(json.dumps(results, ensure_ascii=False, indent=1))
        return code
    severity_names = {"error": "错误", "warning": "警告", "info": "提示", "read": "读取说明"}
    for r in results:
        if r.get("error"):
            _print(f"{r['file']}：无法读取 — {r['error']}")
            continue
        head = f"{r['file']}：{r['agency']} {r['year']}年（{r['format']} 格式）"
        _print(f"{head}— {r['errors']} 个错误 · {r['warnings']} 个警告")
        for f in r["findings"]:
            _print(f"  [{severity_names[f['severity']]}] {f['rule']} @ {f['where']['text']}：{f['message']}")
    return code


# ---------------------------------------------------------------- show / import


def cmd_show(args: argparse.Namespace) -> int:
    from .loading import LoadError, load_report  # lazy: saves ~37 ms at start-up of the other commands
    from .model.interchange import to_interchange  # lazy: saves ~26 ms at start-up

    try:
        report = load_report(args.file)
    except LoadError as exc:
        return _fail(str(exc))
    if args.previous:
        from .model.comparison_text import comparison_lines

        try:
            last = load_report(args.previous)
        except LoadError as exc:
            return _fail(str(exc))
        try:
            lines = comparison_lines(report, last, every=args.all)
        except ValueError as exc:
            return _fail(str(exc))
        for line in lines:
            _print(line)
        return 0
    if args.json:
        _print(json.dumps(to_interchange(report), ensure_ascii=False, indent=1, default=str))
        return 0
    from .model.text import report_as_text  # lazy: saves ~25 ms at start-up

    _print(report_as_text(report))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .checks import check_report  # lazy: saves ~52 ms at start-up of the other commands
    from .loading import IMPORT_SUFFIXES, LoadError, load_report
    from .model.project import ProjectError, save_project  # lazy: saves ~34 ms at start-up of the other commands

    out = Path(args.output)
    if out.exists() and not args.force:
        return _fail(f"“{out}”已存在；如要覆盖请加 --force")
    recognised: list[str] = []
    problems: list[str] = []
    try:
        if Path(args.file).suffix.lower() in IMPORT_SUFFIXES:
            from .importers import import_document  # lazy: saves ~35 ms at start-up

            result = import_document(args.file)
            report, recognised, problems = result.report, result.recognised, result.problems
        else:
            report = load_report(args.file)
    except LoadError as exc:
        return _fail(str(exc))
    findings = check_report(report)
    try:
        save_project(report, out)
    except ProjectError as exc:
        return _fail(str(exc))
    _print(f"已导入 {args.file} → {out}：{report.agency} {report.year}年（{report.format_id} 格式）")
    if recognised:
        _print("识别：")
        for line in recognised:
            _print(f"  ✓ {line}")
    if problems:
        _print("未识别或有问题：")
        for line in problems:
            _print(f"  ✗ {line}")
    if findings:
        _print("检查：")
    for f in findings:
        _print(f"  [{f.severity.label}] {f.rule} @ {f.place.describe()}：{f.message}")
    return 0


# ---------------------------------------------------------------- export


def cmd_export(args: argparse.Namespace) -> int:
    from .checks import check_report  # lazy: saves ~52 ms at start-up of the other commands
    from .checks.findings import Severity
    from .exporters import ExportError, export_report  # lazy: saves ~25 ms at start-up (the writers load later)
    from .loading import LoadError, load_report  # lazy: saves ~37 ms at start-up of the other commands

    if not args.docx and not args.pdf:
        return _fail("请用 --docx 和/或 --pdf 指定输出文件")
    try:
        report = load_report(args.file)
    except LoadError as exc:
        return _fail(str(exc))
    errors = [f for f in check_report(report) if f.severity is Severity.ERROR]
    if errors and getattr(args, "strict", False):  # scripted pipelines: refuse, write nothing
        _print(f"该报告有 {len(errors)} 个错误，未导出任何文件（--strict）：", sys.stderr)
        for f in errors:
            _print(f"  {f.place.describe()}：{f.message}", sys.stderr)
        return 1
    if errors:
        _print(f"注意：该报告有 {len(errors)} 个错误，仍将导出：", sys.stderr)
        for f in errors:
            _print(f"  {f.place.describe()}：{f.message}", sys.stderr)
    written, failed = [], None
    for target in ({"docx": args.docx}, {"pdf": args.pdf}):
        if not any(target.values()):
            continue
        try:
            written += export_report(report, **target)
        except ExportError as exc:
            failed = failed or str(exc)
    for path in written:
        _print(f"已导出 {path}")
    if failed:
        if written:
            _print("其余文件未导出：", sys.stderr)
        return _fail(failed)
    from .exporters import unknown_message

    if unknown_message(report):
        _print(f"注意：{unknown_message(report)}", sys.stderr)
    if args.pdf:
        from .exporters import unprintable, unprintable_message

        missing = unprintable(report)
        if missing:
            _print(f"注意：{unprintable_message(missing)}", sys.stderr)
    return 0


# ---------------------------------------------------------------- parser


class ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's help with Chinese headings ("用法：" instead of "usage:")."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "用法：")


_ARGPARSE_ERRORS = (  # argparse's own messages, which it only has in English
    (re.compile(r"the following arguments are required: (.*)"), "缺少必需的参数：{0}"),
    (re.compile(r"unrecognized arguments: (.*)"), "无法识别的参数：{0}"),
    (re.compile(r"argument (\S+): invalid int value: (.*)"), "参数 {0} 应为整数，而不是 {1}"),
    (re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)"), "参数 {0} 不能是 {1}，可选：{2}"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 后面需要一个值"),
    (re.compile(r"argument (\S+): ignored explicit argument (.*)"), "参数 {0} 不需要值（{1}）"),
    (re.compile(r"ambiguous option: (\S+) could match (.*)"), "选项 {0} 有歧义，可能是：{1}"),
)


class ChineseParser(argparse.ArgumentParser):
    """Headings, the -h text and the usage errors in Chinese."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        for pattern, chinese in _ARGPARSE_ERRORS:
            m = pattern.fullmatch(message)
            if m:
                message = chinese.format(*m.groups())
                break
        self.print_usage(sys.stderr)
        _print(f"错误：{message}（用 {self.prog} -h 查看说明）", sys.stderr)
        sys.exit(EXIT_UNREADABLE)


EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE, EXIT_INTERNAL = 0, 1, 2, 3
_EXIT_CODES = (
    "退出码：\n"
    "  0  没有发现错误\n"
    "  1  {errors}\n"
    "  2  有文件无法读取，或命令用法有误\n"
    "  3  程序内部错误（详情已写入日志，见“帮助→关于”）"
)
_COMMAND_EXITS = {
    "check": "报告中有错误（警告不影响退出码）",
    "review": "有报告存在错误",
    "aggregate": "应报机关中有未报送的（见 --expect）",
}
_WINDOW = """\
不带命令时打开窗口：
  reportdesk [文件]         打开报告（.rdproj、.json、.docx、.pdf、.txt）
  reportdesk --demo         打开内置示例报告
  reportdesk --portable     设置与恢复文件保存在程序旁边（便携版）

每个命令的说明：reportdesk 命令 -h"""


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(prog="reportdesk", description=f"ReportDesk — {APP_TITLE}", epilog=_WINDOW)
    parser.add_argument("--version", action="version", version=f"ReportDesk {__version__}", help="显示版本号并退出")
    parser.add_argument("--demo", action="store_true", help="打开窗口并载入内置示例报告")
    parser.add_argument("--portable", action="store_true", help="打开窗口；设置与恢复文件保存在程序旁边")
    sub = parser.add_subparsers(dest="command", metavar="命令", title="可用的命令", parser_class=ChineseParser)

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

    p = sub.add_parser("import", help="导入 JSON、.docx 或文本为项目", description="把已发布的报告或交换格式读成项目文件。")
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

    for name in EXTRA_COMMAND_MODULES:
        importlib.import_module(name).add_parser(sub)
    for name, errors in _COMMAND_EXITS.items():
        if name in sub.choices:
            sub.choices[name].epilog = _EXIT_CODES.format(errors=errors)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; any failure ends with a Chinese message and an exit code, never a traceback."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(argv)
    except KeyboardInterrupt:
        _print("已中断", sys.stderr)
        return 130
    except BrokenPipeError:  # `reportdesk check … | head`: the reader left; end quietly
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:
        from .diagnostics import log_exception, log_file  # lazy: saves ~22 ms at start-up

        log_exception(exc, "命令行 " + (argv[0] if argv else ""))
        return _fail(
            f"程序内部错误（{type(exc).__name__}），未能完成。详情已写入日志“{log_file()}”，"
            "请把该文件发给技术支持。您的文件未被改动。",
            EXIT_INTERNAL,
        )


def _run(argv: list[str]) -> int:
    commands = COMMANDS + tuple(_extra_names())
    if not argv or (argv[0] not in commands and argv[0] not in ("-h", "--help", "--version")):
        if argv and _looks_like_command(argv[0]):
            close = difflib.get_close_matches(argv[0], commands, n=1, cutoff=0.6)
            hint = f"是否要用 {close[0]}？" if close else "可用的命令：" + "、".join(commands) + "。"
            return _fail(f"未知命令 {argv[0]}，{hint}（用 reportdesk -h 查看说明）", EXIT_UNREADABLE)
        from .app import main as app_main  # lazy: the window (Qt) only when no command is given

        return app_main(argv)
    args = build_parser().parse_args(argv)
    return args.func(args)


def _looks_like_command(word: str) -> bool:
    """A bare word that is no file: ``chek`` is a mistyped command, ``报告.docx`` a file to open."""
    if word.startswith("-") or Path(word).suffix or "/" in word or "\\" in word:
        return False
    return not Path(word).exists()


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at nothing so the flush at exit does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _extra_names() -> list[str]:
    return [getattr(importlib.import_module(m), "COMMAND", "") for m in EXTRA_COMMAND_MODULES]


if __name__ == "__main__":
    sys.exit(main())
