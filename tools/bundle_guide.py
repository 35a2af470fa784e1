"""Copy docs/user-guide.md and the images it shows into resources/help/, where the program finds them.

    python tools/bundle_guide.py [--check]

The window's 帮助→填写说明 (F1) renders this copy, so the frozen program has the guide offline.
tests/ui/test_help.py fails while the copy differs from docs/.
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
TARGET = ROOT / "resources" / "help"
IMAGE = re.compile(r"!\[[^\]]*\]\((images/[^)\s]+)\)")


def wanted() -> dict[Path, Path]:
    """source -> copy, for the guide and each image it refers to."""
    guide = DOCS / "user-guide.md"
    out = {guide: TARGET / "user-guide.md"}
    for rel in IMAGE.findall(guide.read_text(encoding="utf-8")):
        out[DOCS / rel] = TARGET / rel
    return out


def stale() -> list[str]:
    out = []
    for src, dst in wanted().items():
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            out.append(str(dst.relative_to(ROOT)))
    keep = set(wanted().values())
    out += [str(p.relative_to(ROOT)) for p in TARGET.rglob("*") if p.is_file() and p not in keep]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="report a stale copy, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        bad = stale()
        print("stale: " + ", ".join(bad) if bad else "guide copy up to date")
        return 1 if bad else 0
    if TARGET.exists():
        shutil.rmtree(TARGET)
    for src, dst in wanted().items():
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
    print(f"copied {len(wanted())} files to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
