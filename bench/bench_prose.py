"""Prose benchmark (issue #13): PROSE-NUMBER's reader on the hand-labelled real sentences.

Prints precision and recall of the claims the reader takes from each sentence against the hand labels
(tests/fixtures/sentences/labelled.jsonl), for the whole set and for the held-out part (labelled after
the reader was written), and the median time of all checks on the five seed reports.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(Path(__file__).resolve().parent)]

from timing import median_seconds, report  # noqa: E402

from reportdesk.checks import check_report  # noqa: E402
from reportdesk.checks.prose_reading import claims_in_sentence  # noqa: E402
from reportdesk.loading import load_report  # noqa: E402

LABELLED = ROOT / "tests" / "fixtures" / "sentences" / "labelled.jsonl"


def score(rows: list[dict]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for row in rows:
        want = {(q, n) for q, n in row["label"]}
        got = {
            (c.quantity, c.number)
            for c in claims_in_sentence(row["sentence"], row.get("agency", ""), row.get("context", ""))
        }
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
    return tp, fp, fn


def line(name: str, rows: list[dict]) -> None:
    tp, fp, fn = score(rows)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    labelled = sum(1 for r in rows if r["label"])
    print(
        f"  {name:<26} {len(rows):4d} sentences ({labelled:3d} counting a table figure)  "
        f"precision {precision:6.1%}  recall {recall:6.1%}  (right {tp}, wrong {fp}, missed {fn})"
    )


def main() -> None:
    rows = [json.loads(s) for s in LABELLED.read_text("utf-8").splitlines() if s.strip()]
    print("prose (issue #13): what PROSE-NUMBER reads in real sentences, against hand labels")
    line("all", rows)
    line("development", [r for r in rows if not r.get("held_out")])
    line("held out", [r for r in rows if r.get("held_out")])
    seeds = [load_report(p) for p in sorted((ROOT / "tests" / "fixtures" / "published").glob("*.txt"))]
    report("all checks on the 5 seed reports", median_seconds(lambda: [check_report(r) for r in seeds], 20))


if __name__ == "__main__":
    main()
