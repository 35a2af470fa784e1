"""Review many reports at once: batch check, aggregation, year over year (issue #7)."""
