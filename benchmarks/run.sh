#!/usr/bin/env bash
# Runs the JMH suite and writes reports/bench/jmh.md and reports/bench/nplm-window.png.
#   benchmarks/run.sh              standard: NPLM at N_R = 2·10⁴ only (about 10 min on 2 idle cores)
#   benchmarks/run.sh --quick      2 warm-up + 2 measured iterations, N_D 2·10³ and 2·10⁴ (about 6 min)
#   benchmarks/run.sh --full       every @Param, N_R = 10⁵ too (about 40 min: prepare at
#                                  N_R = 10⁵, M = 1000 alone is minutes per trial)
#   benchmarks/run.sh [mode] EventCodec -prof gc   only benchmarks matching a regex, extra JMH options
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mode="standard"
case "${1:-}" in
  --quick) mode="quick"; shift ;;
  --full) mode="full"; shift ;;
esac
filter="${1:-io.trigmon.benchmarks}"
shift || true
args="$filter $*"
case "$mode" in
  quick) args="$args -wi 2 -i 2 -p nD=2000,20000 -p nR=20000" ;;
  standard) args="$args -p nR=20000" ;;
esac
load="$(cut -d' ' -f1-3 /proc/loadavg)"
note="Settings: $mode (JMH args: \`${args% }\`). Load average (1, 5, 15 min) when the run started: $load on $(nproc) cores — the machine is shared, so absolute numbers are pessimistic and noisy."
cd "$here"
./mvnw -B -q -Pbench -pl benchmarks -am package -DskipTests \
  -Djmh.args="$args" -Djmh.note="$note"
