"""Report -> .docx and PDF in the official layout (GB/T 9704)."""
