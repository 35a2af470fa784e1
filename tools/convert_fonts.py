"""Build the free fonts shipped in ``resources/fonts/`` (repeatable; run on Debian).

    apt-get install fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-microhei \
        fonts-wqy-zenhei fonts-babelstone-han fonts-dejavu-core fonts-noto-cjk fonts-noto-cjk-extra
    (or apt-get download fonts-noto-cjk fonts-noto-cjk-extra && dpkg-deb -x each into <dir>, then
     --noto <dir>/usr/share/fonts/opentype/noto)
    apt-get download texlive-lang-chinese && dpkg-deb -x texlive-lang-chinese_*.deb /tmp/tl
    python3 tools/convert_fonts.py --fandol /tmp/tl/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol

What it does, for each role (see FONTS below):
- reads the source font (a .ttf, one face of a .ttc, or a CFF-based .otf);
- converts CFF (cubic) outlines to TrueType ``glyf`` (quadratic) ones: reportlab embeds TrueType only;
- subsets it to the code points it is shipped for, without hinting or bitmaps (they only add size);
- writes ``<name>.ttf.gz`` for the role fonts (see GZIP) and ``<name>.ttf.xz`` (LZMA: smaller, slower to
  unpack) for the large fallbacks; ``exporters.pdf_fonts`` unpacks each once into the user's cache
  folder; and copies the font's licence next to it.

Budget: everything in resources/fonts/ must stay under 25 MB (the Windows bundle is capped at 150 MB).
"""

from __future__ import annotations

import argparse
import gzip
import lzma
import shutil
import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "resources" / "fonts"

BASIC = [(0x20, 0x7E), (0xA0, 0x24F), (0x2000, 0x206F), (0x2100, 0x218F), (0x2460, 0x24FF),
         (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3200, 0x33FF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF)]
URO = [(0x4E00, 0x9FFF)]
EXT_A = [(0x3400, 0x4DBF), (0xF900, 0xFAFF)]
EXT_B_TO_G = [(0x20000, 0x323AF)]  # Ext B, C, D, E, F, G (and the compatibility supplement)
# BabelStone Han's glyphs in these planes beyond the budget are dropped from the end of Ext B
# first: Ext C-G hold most characters added for personal and place names (e.g. 𬭚 U+2CB5A).
EXTB_BUDGET_GLYPHS = 30000
# The title (2号 小标宋's stand-in): what a title can hold, GB 2312 (6,763 hanzi, levels 1 and 2, and its
# symbols) plus ASCII; a rarer character in an agency's name comes from the fallbacks.
def gb2312() -> list[int]:
    found = set(range(0x20, 0x7F))
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes([lead, trail]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return sorted(found)


GB2312 = [(c, c) for c in gb2312()]
# Digits and Latin letters of the 宋/仿宋/楷 roles: the shipped CJK faces carry typewriter-like or sans
# ones; a serif face's are drawn instead (see exporters.pdf_fonts.LATIN_ROLES).
LATIN = [(0x21, 0x7E), (0xA0, 0xFF), (0x2010, 0x2027), (0x2030, 0x203A)]
# Symbols the CJK fonts lack (≤ ≥ √ ∶ arrows, ○ ● □ ■ △ ★, ✓, some emoji): everything non-CJK.
SYMBOLS = [(0x20, 0x2E7F), (0xFB00, 0xFFFD), (0x1D400, 0x1D7FF), (0x1F000, 0x1FAFF)]

DEB = Path("/usr/share/fonts/truetype")
NOTO = Path("/usr/share/fonts/opentype/noto")
DOC = Path("/usr/share/doc")
# name, role, source (relative to DEB unless absolute / fandol), face, ranges, licence file
FONTS = [
    ("title", "小标宋 title: Noto Serif CJK SC Bold (weight 700)", "noto:NotoSerifCJK-Bold.ttc", 2, GB2312,
     "noto"),
    ("latin", "digits and Latin of the 宋/仿宋/楷 roles (thin, like SimFang's): Noto Serif CJK SC Light", "noto:NotoSerifCJK-Light.ttc",
     2, LATIN, "noto"),
    ("fang", "仿宋 body: FandolFang Regular", "fandol:FandolFang-Regular.otf", 0, BASIC + URO, "fandol"),
    ("song", "宋体 title/tables: AR PL SungtiL GB", "arphic-gbsn00lp/gbsn00lp.ttf", 0, BASIC + URO,
     DOC / "fonts-arphic-gbsn00lp" / "copyright"),
    ("kai", "楷体 （一） headings: AR PL KaitiM GB", "arphic-gkai00mp/gkai00mp.ttf", 0, BASIC + URO,
     DOC / "fonts-arphic-gkai00mp" / "copyright"),
    ("hei", "黑体 一、 headings, first fallback: WenQuanYi Micro Hei", "wqy/wqy-microhei.ttc", 0,
     BASIC + URO, DOC / "fonts-wqy-microhei" / "copyright"),
    ("exta", "fallback, CJK Ext-A: WenQuanYi Zen Hei", "wqy/wqy-zenhei.ttc", 0, BASIC + URO + EXT_A,
     DOC / "fonts-wqy-zenhei" / "copyright"),
    ("ming", "fallback for the 宋/仿宋/楷 roles, CJK + Ext-A: BabelStone Han", "babelstone/BabelStoneHan.ttf", 0,
     URO + EXT_A, DOC / "fonts-babelstone-han" / "copyright"),
    ("extb", "fallback, CJK Ext B-G: BabelStone Han", "babelstone/BabelStoneHan.ttf", 0, EXT_B_TO_G,
     DOC / "fonts-babelstone-han" / "copyright"),
    ("sym", "last fallback, symbols and emoji outside the CJK fonts: DejaVu Sans", "dejavu/DejaVuSans.ttf", 0,
     SYMBOLS, DOC / "fonts-dejavu-core" / "copyright"),
]


# The role fonts, which every export needs, are packed with gzip: 10% larger than xz but unpacked 6x
# faster (fang: 70 ms against 460 ms), so the first export after installing is not the slow one.
GZIP = {"title", "latin", "fang", "song", "kai", "hei"}


def to_truetype(font: TTFont) -> None:
    """Replace CFF outlines by glyf ones (in place)."""
    if "glyf" in font:
        return
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements", "maxPoints",
                 "maxContours", "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


# "exta" only carries what the first fallback ("hei", WenQuanYi Micro Hei) lacks.
EXCLUDE = {"exta": ("wqy/wqy-microhei.ttc", 0)}


def codepoints(font: TTFont, ranges: list[tuple[int, int]], limit_ext_b: bool, name: str = "") -> list[int]:
    cmap = font.getBestCmap()
    wanted = sorted(c for c in cmap if any(lo <= c <= hi for lo, hi in ranges))
    if name in EXCLUDE:
        path, face = EXCLUDE[name]
        covered = set(TTFont(DEB / path, fontNumber=face, lazy=True).getBestCmap())
        wanted = [c for c in wanted if c not in covered]
    if limit_ext_b and len(wanted) > EXTB_BUDGET_GLYPHS:
        ext_b = [c for c in wanted if c < 0x2A700]
        rest = [c for c in wanted if c >= 0x2A700]
        wanted = sorted(rest + ext_b[: max(0, EXTB_BUDGET_GLYPHS - len(rest))])
    return wanted


def build(name: str, source: Path, face: int, ranges, licence: Path) -> Path:
    font = TTFont(source, fontNumber=face, lazy=False, recalcTimestamp=False)  # same bytes every build
    options = subset.Options()
    options.hinting = False
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["EBDT", "EBLC", "EBSC", "vhea", "vmtx", "VORG", "DSIG"]
    sub = subset.Subsetter(options)
    sub.populate(unicodes=codepoints(font, ranges, name == "extb", name))
    sub.subset(font)
    to_truetype(font)  # after subsetting: converting 65,535 glyphs of a Noto CJK face takes minutes
    tmp = OUT / f"{name}.ttf"
    font.save(tmp)
    data = tmp.read_bytes()
    tmp.unlink()
    if name in GZIP:
        target = OUT / f"{name}.ttf.gz"
        target.write_bytes(gzip.compress(data, 9, mtime=0))
    else:
        target = OUT / f"{name}.ttf.xz"
        target.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    shutil.copyfile(licence, OUT / f"{name}.LICENSE.txt")
    print(f"{target.name}: {len(data) / 1e6:.1f} MB unpacked, {target.stat().st_size / 1e6:.1f} MB shipped")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fandol", type=Path, help="folder with the Fandol .otf files (needed for fang)")
    parser.add_argument("--noto", type=Path, default=NOTO,
                        help="folder with NotoSerifCJK-Bold.ttc (fonts-noto-cjk) and -Light.ttc (fonts-noto-cjk-extra)")
    parser.add_argument("--only", nargs="*", help="build only these names")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, _role, src, face, ranges, licence in FONTS:
        if args.only and name not in args.only:
            continue
        if src.startswith("fandol:") and args.fandol is None:
            parser.error("--fandol is needed to build fang")
        if src.startswith("fandol:"):
            fandol_doc = args.fandol.parents[5] / "doc" / "texlive-doc" / "fonts" / "fandol"
        if src.startswith("fandol:"):
            source = args.fandol / src.split(":", 1)[1]
            licence = OUT / "fang.LICENSE.txt.src"
            text = "FandolFang, from the Fandol fonts (CTEX): GPL version 3 with the font exception.\n\n"
            readme = fandol_doc / "README"
            if readme.exists():
                text += readme.read_text("utf-8", "replace")
            copying = fandol_doc / "COPYING.gz"
            if copying.exists():
                import gzip

                text += "\n\n" + gzip.decompress(copying.read_bytes()).decode("utf-8", "replace")
            licence.write_text(text, "utf-8")
        elif src.startswith("noto:"):
            source = args.noto / src.split(":", 1)[1]
            licence = args.noto.parents[2] / "doc" / "fonts-noto-cjk" / "copyright"  # .../share/doc
        else:
            source = DEB / src
        build(name, source, face, ranges, Path(licence))
        if src.startswith("fandol:"):
            licence.unlink()
    total = sum(p.stat().st_size for p in OUT.iterdir())
    print(f"resources/fonts total: {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
