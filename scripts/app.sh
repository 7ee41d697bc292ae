#!/usr/bin/env bash
# The main job from a fresh clone: install, load the demo corpus into the
# embedded store, open the explorer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
sourcetrace demo
exec sourcetrace app "$@"
