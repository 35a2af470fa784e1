"""The first look at a file to import: readable, not empty, not far larger than any annual report."""

from __future__ import annotations

from pathlib import Path

from ..loading import LoadError


def checked_size(path: Path, limit: int) -> int:
    """The file's size in bytes, or a ``LoadError`` that says in Chinese why it will not be imported."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(f"无法读取“{path}”：{exc.strerror or exc}") from exc
    if size == 0:
        raise LoadError(f"无法导入“{path.name}”：文件是空的")
    if size > limit:
        raise LoadError(f"无法导入“{path.name}”：文件过大（{size // 1024 // 1024} MB），不像年度报告")
    return size
