"""Large texts a tester feeds the text reader (issue #12 item 3): ~3.6 MB of 36,000 lines, in the
three shapes that once made reading quadratic or slow. Shared by the test and bench/bench_reading.py."""

from __future__ import annotations

from pathlib import Path

LINES = 36_000


def big_texts(seed: str) -> dict[str, str]:
    """name -> text, each about 3.5 MB (under the 4 MB cap, so it is read, not refused by size)."""
    lines = seed.splitlines()
    repeated = (lines * (LINES // len(lines) + 1))[:LINES]
    head, tail = seed.split("一、总体情况", 1)
    prose = [f"第{i}行政府信息公开工作持续推进各项任务有序落实并取得积极成效相关情况如下" for i in range(30_000)]
    return {
        "36,000 lines (a report repeated)": "\n".join(repeated),
        "36,000 lines joined on one line": " ".join(repeated),
        "one paragraph of 30,000 broken lines": head + "一、总体情况\n" + "\n".join(prose) + "\n" + tail,
    }


def write_big_texts(seed: Path, folder: Path) -> dict[str, Path]:
    out = {}
    for i, (name, text) in enumerate(big_texts(seed.read_text("utf-8")).items()):
        path = folder / f"big-{i}.txt"
        path.write_text(text, "utf-8")
        out[name] = path
    return out
