#!/usr/bin/env bash
# A long property run over the YAML loaders and the Markdown → DOCX path: mutated copies of the
# shipped questionnaires, law files and rendered Markdown, checked for crashes, unexplained
# rejections and malformed DOCX parts. usage: scripts/fuzz.sh [ITERATIONS]  (default 20000)
# Prints how many inputs were tried; a crash fails the run.
set -euo pipefail
cd "$(dirname "$0")/.."
iterations=${1:-20000}
swift build --build-tests >&2
PIA_FUZZ_ITERATIONS=$iterations swift test --skip-build --filter YAMLFuzzTests 2>&1 \
  | grep -E "fuzz:|✘|Test run with"
