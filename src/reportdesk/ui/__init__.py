"""Qt widgets and models of the editor. Nothing outside ui/ imports from here."""
