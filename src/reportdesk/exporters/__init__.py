"""Report -> .docx and PDF in the official layout (GB/T 9704).

``export_report(report, docx=..., pdf=...)`` writes either or both; a file that cannot be written
(read-only, open in Word, no space) raises ``ExportError`` with a Chinese message and the old file
is left as it was (each file is written to a temporary file and then moved into place).

The .docx breaks its tables where the PDF does: it asks the PDF's layout (``table_pieces``), made with
the same fonts; exporting both, the PDF is made once and the .docx takes its breaks.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

from ..model.project import ProjectError, atomic_write
from ..model.report import Report


class ExportError(Exception):
    """An export that could not be done; str() is a Chinese message for the clerk. ``written``: the files
    that were written all the same (``export_report`` of both, when only one of them failed)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        self.written: list[Path] = []


_KEPT = "原文件未被改动。"


def _read_only(path: Path) -> bool:
    """The target exists and is marked read-only (Windows' attribute, or no write bit elsewhere)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & stat.S_IWUSR


def _write(path: Path, data: bytes) -> None:
    if _read_only(path):  # Linux would replace it silently; Windows refuses: refuse everywhere
        raise ExportError(f"无法导出到“{path}”：该文件是只读文件。{_KEPT}"
                          "请另选文件名，或在文件属性中取消“只读”后重试。")
    try:
        atomic_write(path, data, backup=False)
    except ProjectError as exc:
        cause = exc.__cause__
        if isinstance(cause, PermissionError) and path.exists():
            # Windows: Word, WPS or a PDF reader holds the file open (sharing violation / access denied)
            raise ExportError(f"无法导出到“{path}”：该文件正被其他程序占用（可能正在 Word、WPS 或 PDF "
                              f"阅读器中打开）。{_KEPT}请先关闭该文件再导出，或另选文件名。") from exc
        raise ExportError(str(exc).replace("无法保存", "无法导出到").replace("请换一个位置保存", "请换一个位置导出")) from exc


def docx_bytes(report: Report, font_overrides: dict[str, str] | None = None,
               pieces: Callable[[], Sequence] | None = None) -> bytes:
    """The .docx; its tables break where the PDF made with ``font_overrides`` breaks them (``pieces``:
    where they break, when the caller has it)."""
    from .docx_writer import docx_bytes as build  # lazy: saves ~71 ms at start-up (python-docx)

    return build(report, pieces or (lambda: table_pieces(report, font_overrides)))


def table_pieces(report: Report, font_overrides: dict[str, str] | None = None) -> list:
    """Where the PDF breaks the tables of ``report`` (``pdf_tables.Piece``s, in order). None when its fonts
    cannot be had: the .docx then leaves the breaking to the word processor."""
    from .pdf_fonts import FontError, export_done
    from .pdf_writer import table_pieces as laid_out  # lazy, as below

    try:
        return laid_out(report, font_overrides)
    except FontError:
        return []  # the PDF says why, when it is made
    except Exception as exc:  # the .docx never depends on the PDF succeeding: its tables then stay whole
        _log_layout_failure(exc)
        return []
    finally:
        export_done()


def _log_layout_failure(exc: Exception) -> None:
    from ..diagnostics import log_exception  # lazy: only when the PDF's layout failed

    log_exception(exc, "PDF 排版（.docx 的表格分页）")


def _layout_error(exc: Exception) -> ExportError:
    """An unexpected failure of the PDF's layout as the clerk is told it (logged for support)."""
    _log_layout_failure(exc)
    error = ExportError(f"PDF 无法排版（程序内部错误：{type(exc).__name__}），未导出 PDF。"
                        "详情已写入日志（“帮助→关于”可打开日志文件夹），请发给技术支持。")
    error.__cause__ = exc
    return error


def pdf_bytes(report: Report, font_overrides: dict[str, str] | None = None) -> bytes:
    return _pdf(report, font_overrides)[0]


def _pdf(report: Report, font_overrides: dict[str, str] | None = None) -> tuple[bytes, list]:
    """The PDF and where its tables broke (``pdf_tables.Piece``s)."""
    from .pdf_fonts import FontError, export_done  # lazy: saves ~49 ms at start-up
    from .pdf_writer import pdf_and_pieces  # lazy: saves ~128 ms at start-up (the PDF writer)

    try:
        return pdf_and_pieces(report, font_overrides)
    except FontError as exc:
        raise ExportError(str(exc)) from exc
    finally:
        export_done()  # fonts unpacked for this export go to the cache now, not while it ran


def unprintable(report: Report, font_overrides: dict[str, str] | None = None) -> str:
    """The characters of ``report`` that no font has, in order; the PDF prints each as 〓."""
    from .document import blocks_of  # lazy: saves ~4 ms; the rest ~128 ms, as above
    from .pdf_fonts import FontError, FontSet
    from .pdf_writer import printable

    fonts = FontSet(font_overrides)
    try:
        for block in blocks_of(report):
            printable(block, fonts)
    except FontError as exc:
        raise ExportError(str(exc)) from exc
    return "".join(sorted(fonts.missing))


def unprintable_message(chars: str) -> str:
    return (f"以下字符在所有可用字体中都没有，PDF 中已印为“〓”：{' '.join(chars)}。"
            "请改写这些字符，或在“导出字体”设置中指定含有它们的字体文件。")


def unknown_message(report: Report) -> str:
    """What the exported tables leave blank because reading could not take it in ("" when nothing):
    unknown is not zero, so it is not printed as 0 either, and the clerk is told."""
    if not report.unreadable:
        return ""
    cells = list(report.unreadable)
    shown = "；".join(ref.describe() for ref in cells[:5]) + ("等" if len(cells) > 5 else "")
    return (f"表格中有 {len(cells)} 个单元格的数字未知（导入时未能读取），导出的文件中这些格为空白：{shown}。"
            "请按原文核对并填写后再导出。")


def write_docx(report: Report, path: str | os.PathLike[str], font_overrides: dict[str, str] | None = None) -> Path:
    path = Path(path)
    _write(path, docx_bytes(report, font_overrides))
    return path


def write_pdf(report: Report, path: str | os.PathLike[str], font_overrides: dict[str, str] | None = None) -> Path:
    path = Path(path)
    _write(path, pdf_bytes(report, font_overrides))
    return path


def export_report(
    report: Report,
    docx: str | os.PathLike[str] | None = None,
    pdf: str | os.PathLike[str] | None = None,
    font_overrides: dict[str, str] | None = None,
) -> list[Path]:
    """Write the .docx and/or the PDF; the paths written, in that order."""
    written: list[Path] = []
    if not (pdf and docx):
        if docx:
            written.append(write_docx(report, docx, font_overrides))
        if pdf:
            written.append(write_pdf(report, pdf, font_overrides))
        return written
    # Both: on the first export after installing, the fonts unpack while the .docx is made; for its tables
    # it needs the PDF's breaks last, and the PDF is made then (once: the .docx takes them from it).
    from .pdf_fonts import prefetch_roles  # lazy: saves ~49 ms at start-up

    prefetch_roles(font_overrides)
    made: dict[str, bytes | ExportError] = {}

    def pieces() -> list:
        try:
            made["pdf"], laid_out = _pdf(report, font_overrides)
        except ExportError as exc:
            made["pdf"] = exc  # the .docx is still written (its tables whole), as when the PDF came second
            return []
        except Exception as exc:  # a failure of the PDF's layout: the .docx is still written, the PDF not
            made["pdf"] = _layout_error(exc)
            return []
        return laid_out

    # Each file is attempted whatever happens to the other; the first failure is raised, saying what was written.
    failure: ExportError | None = None
    data = docx_bytes(report, font_overrides, pieces)
    try:
        _write(Path(docx), data)
        written.append(Path(docx))
    except ExportError as exc:
        failure = exc
    try:
        pdf_data = made.get("pdf") or pdf_bytes(report, font_overrides)
        if isinstance(pdf_data, ExportError):
            raise pdf_data
        _write(Path(pdf), pdf_data)
        written.append(Path(pdf))
    except ExportError as exc:
        failure = failure or exc
    if failure is not None:
        failure.written = written
        raise failure
    return written


__all__ = ["ExportError", "docx_bytes", "export_report", "pdf_bytes", "table_pieces", "unprintable",
           "unprintable_message", "write_docx", "write_pdf"]
