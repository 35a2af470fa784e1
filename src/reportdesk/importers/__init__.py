"""Published report (.docx or text) -> report, plus what was not understood."""
