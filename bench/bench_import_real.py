"""Import of the real published reports (tests/fixtures/real), in every form they are found in (issue #11 item 7).

For each report and form: the median time of ``import_document`` (goal < 0.3 s each), then the accuracy
table of the corpus test (cells right / wrong / unreadable per form, then titles right / empty / wrong).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT), str(Path(__file__).resolve().parent)]

from tests.importers.test_real_corpus import (  # noqa: E402
    ORIGINALS,
    REAL,
    Score,
    expected_cells,
    print_table,
    score,
    truth_of,
)
from timing import median_seconds, report  # noqa: E402

from reportdesk.importers import import_document  # noqa: E402
from reportdesk.loading import LoadError  # noqa: E402

sys.path.insert(0, str(REAL))
from derive import derive  # noqa: E402

REPEAT = 5


def _import(path: Path):
    try:
        return import_document(path).report
    except LoadError:
        return None


def main() -> None:
    print(f"import of real reports, per form (issue #11; median of {REPEAT})")
    table: dict[tuple[str, str], Score] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fixture, original in ORIGINALS.items():
            truth = truth_of(REAL / fixture)
            expected = expected_cells(truth)
            for form, path in derive(original, Path(tmp) / fixture).items():
                seconds = median_seconds(lambda p=path: _import(p), REPEAT)
                report(f"{fixture} {form}", seconds, goal=0.3)
                imported = _import(path)
                if imported is None:
                    table[(fixture, form)] = Score(
                        unreadable=sum(v != "?" for v in expected.values()), error="LoadError"
                    )
                else:
                    table[(fixture, form)] = score(imported, expected)
                    table[(fixture, form)].title_read = imported.title
                table[(fixture, form)].title_want = truth["title"]
    print_table(table)


if __name__ == "__main__":
    main()
