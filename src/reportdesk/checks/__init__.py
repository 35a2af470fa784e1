"""ReportDesk."""
