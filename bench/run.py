"""Run every benchmark: `python bench/run.py` (each bench_*.py prints medians of repeated runs)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    wanted = sys.argv[1:]
    failed = 0
    for script in sorted(HERE.glob("bench_*.py")):
        if wanted and not any(w in script.stem for w in wanted):
            continue
        failed |= subprocess.call([sys.executable, str(script)]) != 0
    sys.exit(failed)
