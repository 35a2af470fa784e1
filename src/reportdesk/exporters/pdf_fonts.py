"""Fonts for the PDF: the official ones where the machine has them, else the free shipped ones.

Every character is drawn in a font that has it: the role's font first, then the fallbacks
(黑体 of the shipped set, then CJK Ext-A, then Ext B-G, then DejaVu Sans for symbols such as ≤ √ ○ ★),
so nothing comes out as a box. "Has it" means both: the cmap maps the character, and the glyph it
maps to has an outline (a font may map a character to an empty glyph, which prints nothing).
A character that no font has at all (a rare emoji) is printed as 〓, the mark Chinese typesetting uses
for a missing character, and listed in ``FontSet.missing``; invisible joiners and variation selectors
are dropped.
The shipped fonts are ``resources/fonts/*.ttf.gz`` and ``*.ttf.xz`` (see tools/convert_fonts.py); they
are unpacked once into the user's cache folder.
"""

from __future__ import annotations

import gzip
import io
import lzma
import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from .. import paths
from ..model.project import ProjectError, atomic_write
from . import layout

# Font files of the official faces as Windows and agencies name them, best first.
OFFICIAL_FILES = {
    layout.TITLE: ("方正小标宋简体.ttf", "FZXBSJW.TTF", "FZXBSJW--GB1-0.ttf", "方正小标宋_GBK.ttf", "FZXBSK.TTF"),
    layout.BODY: ("仿宋_GB2312.ttf", "FS_GB2312.ttf", "SIMFANG.TTF"),
    layout.HEADING1: ("SIMHEI.TTF",),
    layout.HEADING2: ("楷体_GB2312.ttf", "KAITI_GB2312.TTF", "SIMKAI.TTF"),
    layout.TABLE: ("SIMSUN.TTC", "SIMSUN.TTF"),
}
SHIPPED = {layout.TITLE: "title", layout.BODY: "fang", layout.HEADING1: "hei", layout.HEADING2: "kai",
           layout.TABLE: "song"}
# The shipped 宋/仿宋/楷 faces carry typewriter-like or sans digits and Latin letters; in these roles
# (when the role's font is a shipped one) they come from a serif face instead, as SimSun/SimFang's own
# proportional serif digits would. The title face (Noto Serif SC Bold) has matching ones of its own.
LATIN_ROLES = (layout.BODY, layout.HEADING2, layout.TABLE)
LATIN = "latin"
# Where a character the role's font lacks is looked for: a Ming (宋) face first for the serif
# roles, so a rare character in a 宋/仿宋/楷 line keeps a similar look; 黑 for the 黑体 role.
SERIF_FALLBACKS = ("ming", "extb", "hei", "exta", "sym")
FALLBACKS = {layout.HEADING1: ("exta", "ming", "extb", "sym")}
MISSING_MARK = "〓"  # GB 2312's geta mark: what Chinese typesetting prints for a character it has no type for
# Characters with no glyph of their own: controls (a font may still map them, to a "control picture"
# box), soft hyphen, zero-width spaces and joiners, direction marks, variation selectors (emoji ️),
# BOM, interlinear annotation marks, tags.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f"
                        "\ufeff\ufe00-\ufe0f\ufff9-\ufffb\U000e0000-\U000e0fff]")
FONT_DIRS_ENV = "REPORTDESK_FONT_DIRS"  # extra folders to look for the official fonts in


_make_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname, subset):
    """reportlab's ToUnicode CMap, with characters beyond the BMP (𬭚) as UTF-16 surrogate pairs.

    reportlab writes them as 5 hex digits, so copying or searching 𬭚 in a viewer gave ⲵ.
    """
    text = _make_cmap(fontname, subset)
    for v in subset:
        if v > 0xFFFF:
            pair = chr(v).encode("utf-16-be").hex().upper()
            text = text.replace(f"> <{v:04X}>", f"> <{pair}>")
    return text


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


class FontError(Exception):
    """A font file that cannot be used; str() is Chinese."""


@dataclass(frozen=True)
class Font:
    name: str  # reportlab's registered name
    path: Path
    chars: frozenset[int] | dict  # code points with a glyph
    # Stroke width as a fraction of the size, added to every glyph: a shipped 宋体 standing in for
    # 小标宋 is drawn heavier. Bold runs add more (fonts here have no bold face).
    weight: float = 0.0
    postscript: bytes = b""
    # glyph offsets of the glyf table ('loca'): glyph g has an outline if loca[g + 1] > loca[g]
    loca: list[int] = field(default_factory=list, compare=False, repr=False)

    def has(self, ch: str) -> bool:
        """The font maps ``ch`` to a glyph that draws something (or ``ch`` is a space)."""
        glyph = self.chars.get(ord(ch))
        if not glyph:  # unmapped, or mapped to .notdef (the box)
            return False
        if ch.isspace() or not self.loca or glyph + 1 >= len(self.loca):
            return True
        return self.loca[glyph + 1] > self.loca[glyph]


_loaded: dict[tuple[str, int], Font] = {}


def _load(path: Path, face: int = 0, weight: float = 0.0, data: bytes | None = None) -> Font:
    """The font at ``path`` (or ``data``, the same file's bytes not yet on disk), parsed once a process."""
    key = (str(path), face)
    font = _loaded.get(key)
    if font is None:
        name = f"RD{len(_loaded)}-{path.stem}"
        source = str(path)
        if data is not None:
            source = io.BytesIO(data)
            source.name = str(path)
        try:
            tt = TTFont(name, source, subfontIndex=face)
        except Exception as exc:  # reportlab raises several kinds for bad or CFF-only files
            if "postscript outlines" in str(exc).lower():
                why = "它是 PostScript（CFF）轮廓的 OpenType 字体，而 PDF 只能嵌入 TrueType 轮廓的字体"
            elif "embedding" in str(exc).lower():
                why = "字体的授权不允许嵌入 PDF"
            else:
                why = "文件不是可用的 TrueType 字体（.ttf/.ttc）"
            raise FontError(f"无法使用字体文件“{path}”：{why}。请在设置中另选字体文件。") from exc
        # Two shipped fonts cut from one source (BabelStone Han) share a PostScript name; the PDF's
        # font names must differ or viewers and text extraction mix them up.
        taken = {f.postscript for f in _loaded.values()}
        if tt.face.name in taken:
            tt.face.name += b"-" + path.stem.split("-")[0].encode("ascii", "replace")
        pdfmetrics.registerFont(tt)
        font = Font(name, path, tt.face.charToGlyph, postscript=tt.face.name,
                    loca=getattr(tt.face, "glyphPos", None) or [])
        _loaded[key] = font
    if weight:
        font = Font(font.name, font.path, font.chars, weight, font.postscript, font.loca)
    return font


def font_dirs() -> list[Path]:
    dirs = [Path(d) for d in os.environ.get(FONT_DIRS_ENV, "").split(os.pathsep) if d]
    windir = os.environ.get("WINDIR") or os.environ.get("SYSTEMROOT")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return [d for d in dirs if d.is_dir()]


_listings: dict[str, tuple[int, dict[str, Path]]] = {}


def _listing(folder: Path) -> dict[str, Path]:
    """File names (lower case) of a font folder, listed again only when the folder changed: the Windows
    font folder holds hundreds of files and every export asks for five roles."""
    try:
        stamp = folder.stat().st_mtime_ns
        cached = _listings.get(str(folder))
        if cached is None or cached[0] != stamp:
            cached = _listings[str(folder)] = (stamp, {p.name.lower(): p for p in folder.iterdir()})
        return cached[1]
    except OSError:
        return {}


def find_official(role: str) -> Path | None:
    """The official font file for ``role`` on this machine, if any."""
    wanted = [n.lower() for n in OFFICIAL_FILES[role]]
    for folder in font_dirs():
        present = _listing(folder)
        for name in wanted:
            if name in present:
                return present[name]
    return None


PACKINGS = ((".ttf.gz", gzip.decompress), (".ttf.xz", lzma.decompress))


def _packed(name: str):
    """(packed file, its unpacker, the unpacked file in the cache) of shipped font ``name``."""
    for suffix, unpack in PACKINGS:
        packed = paths.resource("fonts", f"{name}{suffix}")
        if packed.exists():
            return packed, unpack, paths.cache_dir() / "fonts" / f"{name}-{packed.stat().st_size}.ttf"
    raise FontError(f"缺少随软件提供的字体“{name}.ttf”，请重新安装 ReportDesk。")


def _unpack_to(target: Path, data: bytes, packed_name: str) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, data, backup=False)
    except (OSError, ProjectError) as exc:  # a full disk or a locked cache folder
        raise FontError(f"无法把字体“{packed_name}”解压到“{target.parent}”：{exc}。请检查磁盘空间后重试。") from exc


def shipped_path(name: str) -> Path:
    """The unpacked shipped font ``name`` (unpacked into the cache on first use).

    The role fonts are packed with gzip (unpacked in a few tens of milliseconds); the large fallbacks,
    rarely needed, with xz.
    """
    plain = paths.resource("fonts", f"{name}.ttf")
    if plain.exists():
        return plain
    packed, unpack, target = _packed(name)
    if not target.exists():
        _unpack_to(target, unpack(packed.read_bytes()), packed.name)
    return target


class _Unpacking:
    """One shipped font being unpacked on a thread (zlib and lzma let other threads run meanwhile), then
    written to the cache. ``data`` is ready when ``ready`` is set; the cache is written after that."""

    def __init__(self, packed: Path, unpack, target: Path) -> None:
        self.packed, self.unpack, self.target = packed, unpack, target
        self.data: bytes | None = None
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, name=f"unpack-{target.stem}")
        self.thread.start()
        _threads.append(self.thread)

    def _run(self) -> None:
        try:
            self.data = self.unpack(self.packed.read_bytes())
        except Exception:  # unpacked again, with its error, on the caller's thread
            self.data = None
        finally:
            self.ready.set()
        # The cache is written once the export is done (or after WRITE_AFTER seconds): the export
        # that needs the font does not share the processor with the writing.
        _export_done.wait(WRITE_AFTER)
        if self.data is not None:
            try:
                _unpack_to(self.target, self.data, self.packed.name)
            except FontError:
                pass  # used from memory this time; tried again next time


WRITE_AFTER = 2.0  # seconds a cache write waits for the export to end
_export_done = threading.Event()
_unpacking: dict[str, _Unpacking] = {}  # started, not yet taken by shipped_font
_threads: list[threading.Thread] = []


def prefetch(names) -> None:
    """Start unpacking the shipped fonts ``names`` that are not in the cache yet, side by side, while the
    caller does other work (the .docx, the blocks of the PDF)."""
    for name in names:
        if name in _unpacking or paths.resource("fonts", f"{name}.ttf").exists():
            continue
        try:
            packed, unpack, target = _packed(name)
        except FontError:
            continue  # said when the font is asked for
        if not target.exists():
            _unpacking[name] = _Unpacking(packed, unpack, target)


def prefetch_roles(overrides: dict[str, str] | None = None) -> None:
    """Prefetch the shipped fonts an export will use (roles without a chosen or an official font)."""
    overrides = overrides or {}
    names = {SHIPPED[r] for r in layout.ROLES if not overrides.get(r) and find_official(r) is None}
    prefetch(sorted(names | ({LATIN} if names else set())))


def shipped_font(name: str) -> tuple[Path, bytes | None]:
    """Shipped font ``name`` as (path, None) once it is in the cache; before that (the first export
    after installing) as (path to be, its bytes unpacked in memory), the cache being written in the
    background: the export does not wait for the disk, and a cache that cannot be written costs only
    the unpacking again next time."""
    plain = paths.resource("fonts", f"{name}.ttf")
    if plain.exists():
        return plain, None
    job = _unpacking.pop(name, None)  # taken: the process keeps the parsed font, not these bytes
    if job is None:
        target = _packed(name)[2]
        if target.exists():
            return target, None
        prefetch([name])
        job = _unpacking.pop(name)
    job.ready.wait()
    if job.data is None:  # the unpacking failed: again here, to say why
        return shipped_path(name), None
    return job.target, job.data


def export_done() -> None:
    """An export has its fonts: the unpacked ones may be written to the cache now."""
    _export_done.set()


def wait_for_cache() -> None:
    """Wait until the fonts being written to the cache are there (tests, benchmarks)."""
    export_done()
    while _threads:
        _threads.pop().join()


class FontSet:
    """The fonts of one export: one per role, and the fallback chain, loaded as needed."""

    def __init__(self, overrides: dict[str, str] | None = None) -> None:
        self.overrides = {k: v for k, v in (overrides or {}).items() if v}
        prefetch_roles(self.overrides)  # the role fonts unpack side by side while the story is built
        self._roles: dict[str, Font] = {}
        self._shipped: set[str] = set()  # roles set in a shipped font (not an official or chosen one)
        self._fallbacks: dict[str, Font] = {}
        self._by_char: dict[tuple[str, str], Font] = {}
        self._widths: dict[tuple[str, str, float], float] = {}
        self.missing: set[str] = set()  # characters no font has, printed as MISSING_MARK

    def role(self, role: str) -> Font:
        font = self._roles.get(role)
        if font is None:
            font = self._roles[role] = self._choose(role)
        return font

    def _choose(self, role: str) -> Font:
        override = self.overrides.get(role)
        if override:
            path = Path(override)
            if not path.is_file():
                raise FontError(f"设置中为{layout.ROLE_NAMES[role]}指定的字体文件“{path}”不存在。")
            return _load(path)
        official = find_official(role)
        if official is not None:
            try:
                return _load(official)
            except FontError:
                pass  # an unusable official font: the shipped one still gives a correct PDF
        self._shipped.add(role)
        path, data = shipped_font(SHIPPED[role])
        return _load(path, data=data)

    def fallback(self, name: str) -> Font:
        font = self._fallbacks.get(name)
        if font is None:
            path, data = shipped_font(name)
            font = self._fallbacks[name] = _load(path, data=data)
        return font

    def for_char(self, role: str, ch: str) -> Font:
        """The font that draws ``ch`` in ``role``: the role's own if it has the glyph."""
        key = (role, ch)
        found = self._by_char.get(key)
        if found is not None:
            return found
        font = self.role(role)
        if "!" <= ch <= "\xff" and role in self._shipped and role in LATIN_ROLES:
            latin = self.fallback(LATIN)
            if latin.has(ch):
                self._by_char[key] = latin
                return latin
        found = font
        if not (font.has(ch) or ch in "\n\t"):
            for name in FALLBACKS.get(role, SERIF_FALLBACKS):
                candidate = self.fallback(name)
                if candidate.has(ch):
                    found = candidate
                    break
        self._by_char[key] = found
        return found

    def visible(self, role: str, text: str) -> str:
        """``text`` as it can be printed in ``role``: 〓 for a character no font has, no invisibles."""
        if _INVISIBLE.search(text):
            text = _INVISIBLE.sub("", text)
        if all(self.role(role).has(ch) for ch in text):
            return text
        out = []
        for ch in text:
            if ch in "\n\t" or self.for_char(role, ch).has(ch):
                out.append(ch)
            else:
                self.missing.add(ch)
                out.append(MISSING_MARK)
        return "".join(out)

    def split(self, role: str, text: str) -> list[tuple[Font, str]]:
        """``text`` in pieces, each drawn in one font."""
        out: list[tuple[Font, str]] = []
        for ch in text:
            font = self.for_char(role, ch)
            if out and out[-1][0] is font:
                out[-1] = (font, out[-1][1] + ch)
            else:
                out.append((font, ch))
        return out

    def width(self, font: Font, text: str, size: float) -> float:
        key = (font.name, text, size)
        found = self._widths.get(key)
        if found is None:
            found = self._widths[key] = pdfmetrics.stringWidth(text, font.name, size)
        return found
