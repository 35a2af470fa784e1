"""ReportDesk: writes, checks, exports and prints the 政府信息公开工作年度报告."""

# The one place the version is written: pyproject.toml reads it (setuptools' dynamic version), and so
# does the installer. A literal, not importlib.metadata, which costs 16–20 ms on every command.
__version__ = "0.1.0"

APP_NAME = "ReportDesk"
APP_TITLE = "政府信息公开工作年度报告编制工具"
