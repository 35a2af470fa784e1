"""Text as copied out of a PDF, a web page or Word, made comparable with the official labels.

Labels are compared by a *key*: full/half width folded (NFKC), spaces, punctuation and quotes
dropped, so `(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)` and the official
`（二）部分公开（区分处理的，只计这一情形，不计其他情形）` have the same key.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model.values import normalise as normalise_number

_NON_WORD = re.compile(r"[\W_]+")
_LEADING_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+|\d+)(?=\D)")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:万元|元)?")
_ANGLE_URL = re.compile(r"<((?:https?://|www\.)[^<>\s]+)>")
_JUNK = re.compile(r"^[-—–_=:|.·…\s]+$")
_ODD_SPACE = re.compile("[\u3000\xa0\u2002\u2003\u200b\ufeff]")
_SPACES = str.maketrans({"\u3000": " ", "\xa0": " ", "\u2002": " ", "\u2003": " ", "\u200b": "", "\ufeff": ""})


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """The comparison key of a label: width folded, spaces and punctuation dropped."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=4096)
def bare_key(text: str) -> str:
    """The key without its leading numbering (`（三）`, `1.`, `一、`)."""
    return _LEADING_NUMBER.sub("", key(text), count=1)


def is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def plain_spaces(text: str) -> str:
    """Odd spaces (ideographic, no-break, zero-width) made plain, in one pass over a whole text."""
    return text.translate(_SPACES) if _ODD_SPACE.search(text) else text


def drop_url_brackets(line: str) -> str:
    return _ANGLE_URL.sub(r"\1", line) if "<" in line else line


def clean_line(line: str) -> str:
    """A line with odd spaces made plain and `<http://…>` brackets dropped."""
    line = plain_spaces(line)
    return (_ANGLE_URL.sub(r"\1", line) if "<" in line else line).rstrip()


def clean_row(line: str) -> str:
    """A tab-separated row cleaned as ``clean_line``, its trailing tabs kept: they are blank cells."""
    line = plain_spaces(line)
    return (_ANGLE_URL.sub(r"\1", line) if "<" in line else line).rstrip(" \r\n")


def count_angle_urls(text: str) -> int:
    return len(_ANGLE_URL.findall(text))


def is_number(token: str) -> bool:
    return bool(_NUMBER.fullmatch(normalise_number(token)))


def is_junk(token: str) -> bool:
    """Separator debris such as `---` left by a conversion tool."""
    return bool(_JUNK.match(token))


def has_cjk(token: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in token)


def squeeze(text: str) -> str:
    """All whitespace removed: for titles, agency names and dates spaced out by a PDF."""
    return re.sub(r"\s+", "", text)
