#!/usr/bin/env bash
# The whole test run from a fresh clone: set-up, lint, types, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
. .venv/bin/activate
ruff check .
ruff format --check .
mypy
python -m pytest -q "$@"
