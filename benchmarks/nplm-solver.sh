#!/usr/bin/env bash
# One kernel NPLM window test (τ and Δ fits with the shipped δ̂ model and the 2.5 % normalisation
# nuisance), before and after a solver change, measured alternately on the same machine state.
#
#   benchmarks/nplm-solver.sh BASE_COMMIT [ROUNDS] [WINDOWS]
#
# Builds the models module of BASE_COMMIT (from `git archive`, in a temporary directory: nothing is
# installed) and of this checkout, then runs io.trigmon.benchmarks.NplmWindowTiming with each build
# in turn, ROUNDS times (default 2), at the pipeline-benchmark size (N_R = 2·10⁴, N_D = 10⁴) and at
# the issue-3 size (N_R = 10⁵, N_D = 2·10⁴), WINDOWS windows each (default 6 and 3). Prints a
# Markdown table: mean thread CPU seconds per test single-threaded, mean wall and process CPU
# seconds on the common pool, the before/after ratios, and the largest differences of t, τ, Δ and
# ν̂ between the builds. Raw lines go to target/nplm-solver/raw.tsv.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${1:?usage: benchmarks/nplm-solver.sh BASE_COMMIT [ROUNDS] [WINDOWS]}"
rounds="${2:-2}"
windows="${3:-}"
out="$here/benchmarks/target/nplm-solver"
mkdir -p "$out"
cd "$here"

echo "building this checkout and $base ..." >&2
./mvnw -B -q -Pbench package -DskipTests -Dexec.skip=true -pl benchmarks -am
./mvnw -B -q dependency:build-classpath -pl models -Dmdep.outputFile="$out/deps.txt" >/dev/null
cp models/target/trigmon-models-*-SNAPSHOT.jar "$out/after-models.jar"
cp benchmarks/target/trigmon-benchmarks-*-SNAPSHOT.jar "$out/benchmarks.jar"
src="$(mktemp -d)"
trap 'rm -rf "$src"' EXIT
git archive "$base" | tar -x -C "$src"
(cd "$src" && ./mvnw -B -q package -DskipTests -pl models -am)
cp "$src"/models/target/trigmon-models-*-SNAPSHOT.jar "$out/before-models.jar"

deps="$(cat "$out/deps.txt")"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
: >"$out/raw.tsv"
for size in "20000 10000 ${windows:-6}" "100000 20000 ${windows:-3}"; do
  for round in $(seq "$rounds"); do
    for label in before after; do
      echo "N_R N_D windows = $size, round $round, $label" >&2
      java -cp "$out/$label-models.jar:$out/benchmarks.jar:$deps" \
        io.trigmon.benchmarks.NplmWindowTiming $size models/default/nuisance "$label" 2>/dev/null |
        awk -v size="${size%% *}" '/^# /{print "#\t" size "\t" $0; next} !/^label/{print size "\t" $0}' \
          >>"$out/raw.tsv"
    done
  done
done

echo "Load average (1, 5, 15 min) at the start: $load on $(nproc) cores; base $base, $rounds rounds."
awk -F'\t' '
  $1 == "#" { if (!(($2) in header)) header[$2] = $3; next }
  {
    key = $1 SUBSEP $3; n[key SUBSEP $2]++
    wall[key SUBSEP $2] += $5; cpu[key SUBSEP $2] += $6
    sizes[$1] = 1
    r = $1 SUBSEP $4
    if ($2 == "before") { t0[r] = $7; tau0[r] = $8; d0[r] = $9; nu0[r] = $10 " " $11 }
    else { t1[r] = $7; tau1[r] = $8; d1[r] = $9; nu1[r] = $10 " " $11 }
  }
  function abs(x) { return x < 0 ? -x : x }
  function nudiff(a, b,   na, nb, i, m, x, y) {
    gsub(/[{}a-z_]+=|[{},]/, " ", a); gsub(/[{}a-z_]+=|[{},]/, " ", b)
    na = split(a, x, " "); nb = split(b, y, " "); m = 0
    for (i = 1; i <= na && i <= nb; i++) if (abs(x[i] - y[i]) > m) m = abs(x[i] - y[i])
    return m
  }
  END {
    print ""
    print "| N_R, N_D | M, rank | CPU s/test, 1 thread: before → after (ratio) | pool wall s/test: before → after (ratio) | pool process CPU s/test: before → after (ratio) | max abs diff t / τ / Δ / ν̂ |"
    print "| --- | --- | --- | --- | --- | --- |"
    for (s in sizes) {
      mt = 0; mtau = 0; md = 0; mnu = 0
      for (r in t0) {
        split(r, p, SUBSEP); if (p[1] != s || !(r in t1)) continue
        if (abs(t0[r] - t1[r]) > mt) mt = abs(t0[r] - t1[r])
        if (abs(tau0[r] - tau1[r]) > mtau) mtau = abs(tau0[r] - tau1[r])
        if (abs(d0[r] - d1[r]) > md) md = abs(d0[r] - d1[r])
        x = nudiff(nu0[r], nu1[r]); if (x > mnu) mnu = x
      }
      h = header[s]; match(h, /N_D=[0-9]+/); nd = substr(h, RSTART + 4, RLENGTH - 4)
      match(h, /M=[0-9]+/); m = substr(h, RSTART + 2, RLENGTH - 2)
      match(h, /rank=[0-9]+/); rk = substr(h, RSTART + 5, RLENGTH - 5)
      one = s SUBSEP "1-thread"; pool = s SUBSEP "pool"
      c0 = cpu[one SUBSEP "before"] / n[one SUBSEP "before"]; c1 = cpu[one SUBSEP "after"] / n[one SUBSEP "after"]
      w0 = wall[pool SUBSEP "before"] / n[pool SUBSEP "before"]; w1 = wall[pool SUBSEP "after"] / n[pool SUBSEP "after"]
      p0 = cpu[pool SUBSEP "before"] / n[pool SUBSEP "before"]; p1 = cpu[pool SUBSEP "after"] / n[pool SUBSEP "after"]
      printf "| %d, %d | %d, %d | %.3f → %.3f (%.1f×) | %.3f → %.3f (%.1f×) | %.3f → %.3f (%.1f×) | %.1e / %.1e / %.1e / %.1e |\n", \
        s, nd, m, rk, c0, c1, c0 / c1, w0, w1, w0 / w1, p0, p1, p0 / p1, mt, mtau, md, mnu
    }
  }' "$out/raw.tsv"
