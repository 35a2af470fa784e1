"""ReportDesk: writes, checks, exports and prints the 政府信息公开工作年度报告."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reportdesk")
except PackageNotFoundError:  # a source checkout that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "ReportDesk"
APP_TITLE = "政府信息公开工作年度报告编制工具"
