"""Hostile-file benchmark (issue #12): each bomb imported in a fresh process, time and peak memory.

Every file within the caps must be imported or refused in under 5 s and under 500 MB. The bombs
are generated here (tests/hostile/bombs.py); each run is a new `reportdesk import` process so the
peak resident size (ru_maxrss of the child) is that import's alone.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.hostile import bombs  # noqa: E402

CASES = {
    "document.xml: 39 MB of empty paragraphs (issue)": lambda: bombs.empty_paragraphs(39),
    "styles.xml: 150 MB (issue)": lambda: bombs.huge_styles(150),
    "document.xml: 19 MB of empty paragraphs (in size cap)": lambda: bombs.empty_paragraphs(19),
    "styles.xml: 10 MB (in size cap)": lambda: bombs.huge_styles(10),
}


def run_once(path: Path, out: Path) -> tuple[float, float]:
    code = f"import sys; sys.path.insert(0, {str(ROOT / 'src')!r}); from reportdesk.cli import main; main(sys.argv[1:])"
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run([sys.executable, "-c", code, "import", str(path), "-o", str(out), "--force"],
                   capture_output=True, timeout=300)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far, KB
    return seconds, max(peak, before) / 1024


def main() -> None:
    print("hostile files (issue #12): goal < 5 s and < 500 MB each")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in CASES.items():
            path = bombs.write(Path(tmp) / "bomb.docx", make())
            runs = [run_once(path, Path(tmp) / "out.rdproj") for _ in range(3)]
            seconds = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            verdict = "ok" if seconds < 5 and peak < 500 else "MISSED"
            print(f"  {name:<56} median {seconds:6.2f} s  peak ≤ {peak:5.0f} MB  {verdict}", flush=True)


if __name__ == "__main__":
    main()
