"""Resources shipped with ReportDesk: the demo report, fonts, icons. Found via reportdesk.paths."""
