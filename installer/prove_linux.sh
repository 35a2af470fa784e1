#!/usr/bin/env bash
# Proof on Linux that the Windows spec works: build installer/reportdesk.spec with PyInstaller, then run the
# frozen program: check + export of the demo report to .docx and PDF (fonts embedded), import of a seed text,
# the window started offscreen and closed again; then print the bundle size and the timings.
# Usage: installer/prove_linux.sh [DIST_DIR]      (default: dist/ — the bundle is DIST_DIR/ReportDesk)
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
DIST="${1:-dist}"
WORK="${WORK_DIR:-build}"
start=$(date +%s)

echo "== freeze (PyInstaller, installer/reportdesk.spec)"
python3 installer/build.py --skip-tests --dist "$DIST" --work "$WORK"
export REPORTDESK_FROZEN_DIST="$(cd "$DIST" && pwd)/ReportDesk"
echo "   built in $(( $(date +%s) - start )) s"

echo "== frozen program: layout, version, libraries, check, export, import, window"
python3 -m pytest -p no:cacheprovider -q -rs -m slow tests/installer/test_frozen.py

echo "== frozen program: size and timings"
python3 bench/bench_frozen.py
echo "== proof done in $(( $(date +%s) - start )) s"
