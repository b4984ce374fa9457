#!/usr/bin/env bash
# Runs libFuzzer targets one after another at nice 19, each for FUZZ_SECONDS (default 660) on
# its corpus build/fuzz/corpus/<name> (scripts/fuzz_seeds.py writes the seeds), logging to
# build/fuzz/logs/<name>.log. Usage: scripts/fuzz_run.sh blake2f modexp ...
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${PARAEVM_FUZZ_DIR:-build/fuzz}
seconds=${FUZZ_SECONDS:-660}
mkdir -p "$build/logs"
for name in "$@"; do
  mkdir -p "$build/corpus/$name" "$build/artifacts/$name"
  echo "$(date -u +%FT%TZ) start $name" >> "$build/logs/campaign.log"
  nice -n 19 "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=25 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$name/" "$build/corpus/$name" \
    > "$build/logs/$name.log" 2>&1
  echo "$(date -u +%FT%TZ) end $name rc=$?" >> "$build/logs/campaign.log"
done
