"""The prose's own arithmetic: itemised counts against their total (PROSE-SUM) and shares against the
figures they are a share of (PROSE-PERCENT). Both compare the text with itself, never with a table.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .findings import Finding, Place, Severity
from .prose_reading import DATE, blank_dates, quote, sentences

PROSE_PARTS = ("一", "五", "六")
_UNITS = "条|件|个|篇|次|份|项|家|人次|场|期"
# 共（计）…72条 followed by 其中/包括/分别为/： and the items
_TOTAL = re.compile(rf"(?:共|总计|合计|累计|总数)[^，,。；;：:]{{0,30}}?(\d+)\s*({_UNITS})(?![\d余多])")
_INTRO = re.compile(
    r"^[^，,。；;：:]{0,20}?(?:[，,]\s*)?(?:其中|包括|分别为|分别是|具体为)\s*[：:，,]?\s*|^\s*[：:]\s*"
)
_ITEM = re.compile(rf"([^，,、；;。：:0-9]{{1,30}}?)(\d+)\s*({_UNITS})(?![\d余多])")
_NESTED = re.compile(r"其中|包括|含")
_PAREN = re.compile(r"[（(][^）)]*[）)]")
_APPROX = re.compile(r"\d+\s*(?:余|多)")


def _plain(text: str) -> str:
    return DATE.sub("", _PAREN.sub("", text))


def itemised_sums(text: str) -> list[tuple[int, str, list[tuple[str, int]], str]]:
    """(total, unit, [(item words, count)], the words quoted) for each 共N…其中 a、b… in ``text``."""
    out = []
    parts = sentences(text)
    for i, sentence in enumerate(parts):
        plain = _plain(sentence)
        for m in _TOTAL.finditer(plain):
            total, unit = int(m.group(1)), m.group(2)
            rest = plain[m.end() :]
            quoted = sentence
            if re.match(r"\s*[。]?\s*$", rest) and i + 1 < len(parts) and re.match(r"\s*其中", parts[i + 1]):
                rest = _plain(parts[i + 1])  # 共72条。其中：… continues in the next sentence
                quoted = sentence + parts[i + 1]
            lead = _INTRO.match(rest)
            if not lead:
                continue  # no 其中/包括/： : the figures that follow are not its parts
            items: list[tuple[str, int]] = []
            pos = lead.end()
            while True:
                im = _ITEM.match(rest, pos)
                if not im or im.group(3) != unit or _NESTED.search(im.group(1)):
                    break
                items.append((im.group(1).strip(" ，,、以及和"), int(im.group(2))))
                pos = im.end()
                nxt = rest[pos : pos + 1]
                if nxt not in ("，", ",", "、"):
                    break
                pos += 1
            if len(items) < 2 or _APPROX.search(quoted):
                continue
            out.append((total, unit, items, quoted))
    return out


def prose_sums(report) -> list[Finding]:
    out = []
    for part in PROSE_PARTS:
        for index, para in enumerate(report.parts[part]):
            for total, unit, items, sentence in itemised_sums(para.text):
                added = sum(n for _, n in items)
                exhaustive = any(re.search(r"其他|其余|其它", w) for w, _ in items)
                if added == total or (added < total and not exhaustive):
                    continue  # a shorter list may name only some of the parts
                listed = " + ".join(str(n) for _, n in items)
                out.append(
                    Finding(
                        Severity.WARNING,
                        "PROSE-SUM",
                        f"第{part}部分第{index + 1}段写总数 {total}{unit}，其中所列各项 {listed} = {added}{unit}，"
                        f"与总数相差 {abs(added - total)}：“{quote(sentence)}”。请核对总数或各项。",
                        Place(part, paragraph=index),
                        inputs=f"{sentence}",
                    )
                )
    return out


# ---------------------------------------------------------------- percentages

_SHARE = re.compile(
    rf"(\d+)\s*(?:{_UNITS})?\s*(?:[，,]?\s*占(?:比)?(?:总数的|全部的)?\s*|[（(]\s*)(\d+(?:\.\d+)?)\s*[%％]"
)
_FIGURE = re.compile(rf"(\d+)\s*(?:{_UNITS})(?![\d余多%％])")


def _agrees(part: int, base: int, printed: Decimal) -> bool:
    """The printed share, with the report's own precision, is the rounded or the truncated value."""
    if base == 0:
        return False
    exact = Decimal(part) * 100 / Decimal(base)
    places = -printed.as_tuple().exponent if printed.as_tuple().exponent < 0 else 0
    unit = Decimal(1).scaleb(-places)
    rounded = exact.quantize(unit, rounding="ROUND_HALF_UP")
    truncated = exact.quantize(unit, rounding="ROUND_DOWN")
    return printed in (rounded, truncated)


def prose_percentages(report) -> list[Finding]:
    out = []
    for part in PROSE_PARTS:
        for index, para in enumerate(report.parts[part]):
            plain = blank_dates(para.text)
            for m in _SHARE.finditer(plain):
                count, printed = int(m.group(1)), Decimal(m.group(2))
                # the figures written before the share are what it may be a share of (共受理859件,
                # 答复805件…): the share is wrong only when none of them gives it. A base equal to the
                # figure is the whole (收到申请28件…信函申请28件，占100%).
                bases = [int(b.group(1)) for b in _FIGURE.finditer(plain, 0, m.start()) if int(b.group(1)) >= count]
                if not bases or any(_agrees(count, b, printed) for b in bases):
                    continue
                sentence = next((s for s in sentences(para.text) if m.group(0) in s), m.group(0))
                shown = "、".join(
                    f"{count} ÷ {b} = {(Decimal(count) * 100 / Decimal(b)).quantize(Decimal('0.01'))}%"
                    for b in bases[-2:]
                )
                out.append(
                    Finding(
                        Severity.WARNING,
                        "PROSE-PERCENT",
                        f"第{part}部分第{index + 1}段写 {count} 占 {m.group(2)}%，而前文的数字都得不出这个比例"
                        f"（{shown}）：“{quote(sentence)}”。请核对百分比或所依据的数字。",
                        Place(part, paragraph=index),
                        inputs=f"{sentence}|{bases}",
                    )
                )
    return out
