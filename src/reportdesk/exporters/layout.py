"""GB/T 9704-2012 page layout in one place: paper, margins, grid, sizes and the official font names.

Lengths are in points (1 pt = 1/72 inch) unless a name says mm.
"""

from __future__ import annotations

MM = 72 / 25.4

PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297  # A4 portrait
TOP_MM, BOTTOM_MM, LEFT_MM, RIGHT_MM = 37, 35, 28, 26  # 天头, bottom, 订口, right: 版心 156 × 225 mm
TEXT_WIDTH_MM = PAGE_WIDTH_MM - LEFT_MM - RIGHT_MM  # 156
TEXT_HEIGHT_MM = PAGE_HEIGHT_MM - TOP_MM - BOTTOM_MM  # 225
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
PAGE_NUMBER_GAP_MM = 7  # page number: 7 mm below the 版心

PAGE_WIDTH, PAGE_HEIGHT = PAGE_WIDTH_MM * MM, PAGE_HEIGHT_MM * MM
TOP, BOTTOM, LEFT, RIGHT = TOP_MM * MM, BOTTOM_MM * MM, LEFT_MM * MM, RIGHT_MM * MM
TEXT_WIDTH, TEXT_HEIGHT = TEXT_WIDTH_MM * MM, TEXT_HEIGHT_MM * MM
LINE_PITCH = TEXT_HEIGHT / LINES_PER_PAGE  # 28.99 pt
# The same in whole twips for Word, rounded down so that 22 lines always fit 225 mm (579.8 -> 579, as
# GB/T 9704 templates have it; 580 would need 225.04 mm and push the 22nd line onto the next page).
LINE_PITCH_TWIPS = int(LINE_PITCH * 20)
CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE  # 15.79 pt

# 字号 in points
SIZE_2HAO = 22.0  # title
SIZE_3HAO = 16.0  # body and headings
SIZE_4HAO = 14.0  # page numbers
SIZE_5HAO = 10.5  # tables
SIZE_XIAO5 = 9.0  # wide tables (part 四)

TITLE_SIZE, BODY_SIZE, PAGE_NUMBER_SIZE = SIZE_2HAO, SIZE_3HAO, SIZE_4HAO
TITLE_CHARS_PER_LINE = int(TEXT_WIDTH // TITLE_SIZE)  # 20
INDENT_CHARS = 2  # first-line indent of every body paragraph and heading
TABLE_LINE = 1.25  # table text leading, as a multiple of the size
TABLE_PADDING = 2.0

# Roles of text: the keys of ``font_overrides`` and of OFFICIAL_FONTS.
TITLE, BODY, HEADING1, HEADING2, TABLE = "title", "body", "heading1", "heading2", "table"
ROLES = (TITLE, BODY, HEADING1, HEADING2, TABLE)
PAGE_NUMBER = TABLE  # 半角宋体

# The names Word and WPS look for on an agency machine.
OFFICIAL_FONTS = {
    TITLE: "方正小标宋简体",
    BODY: "仿宋_GB2312",
    HEADING1: "黑体",
    HEADING2: "楷体_GB2312",
    TABLE: "宋体",
}
ROLE_NAMES = {TITLE: "标题", BODY: "正文", HEADING1: "一级标题", HEADING2: "二级标题", TABLE: "表格"}


def mm(value: float) -> float:
    return value * MM
