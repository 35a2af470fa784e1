"""Unpacking the shipped fonts: whole files or a clear message, never a half-written font."""

import pytest

from reportdesk import paths
from reportdesk.exporters.pdf_fonts import FontError, shipped_path


def test_a_font_is_unpacked_once_and_whole():
    first = shipped_path("sym")
    assert first.parent == paths.cache_dir() / "fonts" and first.read_bytes()[:4] in (b"\0\1\0\0", b"true")
    assert shipped_path("sym") == first
    assert not list(first.parent.glob("*.tmp")) and not list(first.parent.glob(".*.tmp"))


def test_a_cache_that_cannot_be_written_gives_a_clear_message():
    (paths.cache_dir() / "fonts").write_text("not a folder")  # as a locked or broken cache would behave
    with pytest.raises(FontError, match=r"无法把字体“sym\.ttf\.xz”解压到"):
        shipped_path("sym")


def test_the_first_export_uses_the_font_from_memory_while_the_cache_is_written():
    from reportdesk.exporters.pdf_fonts import shipped_font, wait_for_cache

    path, data = shipped_font("latin")
    if data is None:  # another test unpacked it already in this session's cache
        path.unlink()
        path, data = shipped_font("latin")
    assert data[:4] == b"\0\1\0\0"
    wait_for_cache()
    assert path.read_bytes() == data
    assert shipped_font("latin") == (path, None)  # next time: from the cache, nothing unpacked
