"""The command line: the same engine as the window, in a scriptable form.

``reportdesk`` with no command (or with a file, or ``--demo``) starts the window.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

from . import APP_TITLE, __version__
from .commands import aggregate, report, review
from .commands.console import fail, say

# The modules that add commands, in the order -h lists them; each has NAMES and add_parsers(subparsers).
COMMAND_MODULES = (report, review, aggregate)
COMMANDS: tuple[str, ...] = tuple(name for module in COMMAND_MODULES for name in module.NAMES)


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
        say(f"错误：{message}（用 {self.prog} -h 查看说明）", sys.stderr)
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
    for module in COMMAND_MODULES:
        module.add_parsers(sub)
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
        say("已中断", sys.stderr)
        return 130
    except BrokenPipeError:  # `reportdesk check … | head`: the reader left; end quietly
        _silence_stdout()
        return EXIT_OK
    except Exception as exc:
        from .diagnostics import log_exception, log_file  # lazy: saves ~22 ms at start-up

        log_exception(exc, "命令行 " + (argv[0] if argv else ""))
        return fail(
            f"程序内部错误（{type(exc).__name__}），未能完成。详情已写入日志“{log_file()}”，"
            "请把该文件发给技术支持。您的文件未被改动。",
            EXIT_INTERNAL,
        )


def _run(argv: list[str]) -> int:
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version")):
        if argv and _looks_like_command(argv[0]):
            close = difflib.get_close_matches(argv[0], COMMANDS, n=1, cutoff=0.6)
            hint = f"是否要用 {close[0]}？" if close else "可用的命令：" + "、".join(COMMANDS) + "。"
            return fail(f"未知命令 {argv[0]}，{hint}（用 reportdesk -h 查看说明）", EXIT_UNREADABLE)
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


if __name__ == "__main__":
    sys.exit(main())
