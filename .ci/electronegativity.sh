#!/usr/bin/env bash
# Electronegativity reviews the Electron code; it exits 0 whatever it finds, so this script
# reads its CSV and fails on any finding above LOW, except the checks that only ask for a
# review by hand (see .ci/electronegativity-gate.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Only our own code: the main process, the preload, the page and the shared layer.
mkdir -p "$work/src"
cp -r electron renderer shared package.json "$work/src/"
rm -rf "$work/src/electron/tools"
npx -y @doyensec/electronegativity@1.10.3 -i "$work/src" -o "$work/findings.csv" -r -v false >"$work/log.txt" 2>&1 || {
  cat "$work/log.txt"; echo "electronegativity did not run"; exit 1; }
node .ci/electronegativity-gate.mjs "$work/findings.csv"
