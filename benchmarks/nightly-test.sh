#!/usr/bin/env bash
# Tests nightly.sh's history (compare --history, accept) on fabricated nights: one ScalingBenchmark row,
# 5 forks a night, at a level the test sets. Needs target/benchmarks.jar (nightly.sh builds it if
# missing). Checks pooling of the last K good nights, the flagged-night rule with acceptance,
# retention, and bad input. Prints one line per check; exits 1 on the first failure.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
nightly=$here/benchmarks/nightly.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
history=$tmp/history
summary=$tmp/summary.md

fail() {
  echo "nightly-test: FAIL: $*" >&2
  if [[ -f $summary ]]; then
    sed 's/^/  | /' "$summary" >&2
  fi
  exit 1
}

ok() {
  echo "nightly-test: ok: $*"
}

# A result file of NIGHT for runner ci16 / SET (jdk17 unless given) whose fork means are LEVEL ±1% (three
# iterations a fork); with NOISY set, its environment file says the run's forks until precise found the row
# too noisy. A cpython* set holds the CPython harness's benchmark name, as run --python writes it.
fake_results() {
  local night=$1 level=$2 noisy=${3:-} set=${4:-jdk17} bench=io.cpabench.bench.ScalingBenchmark.run dir f rows=""
  [[ $set != cpython* ]] || bench=cpython.ScalingBenchmark.run
  dir=$tmp/results-$night/ci16/$set
  mkdir -p "$dir"
  for f in 0.99 1.01 1.00 0.995 1.005; do
    rows+=$(awk -v m="$level" -v f="$f" 'BEGIN { x = m * f; printf "[%.4f,%.4f,%.4f],", x * 0.995, x, x * 1.005 }')
  done
  cat >"$dir/${night}T01-00-00Z.json" <<EOF
[{"jmhVersion":"1.37","benchmark":"$bench","mode":"thrpt","threads":1,"forks":5,
  "params":{"workload":"CPU","model":"FORK_JOIN","workers":"2"},
  "primaryMetric":{"score":$level,"scoreError":1.0,"scoreUnit":"ops/s","rawData":[${rows%,}]},"secondaryMetrics":{}}]
EOF
  if [[ -n $noisy ]]; then
    cat >"$dir/${night}T01-00-00Z.env.json" <<EOF
{"forksUntilPrecise":[{"benchmark":"$bench","mode":"thrpt","threads":1,
  "params":{"workload":"CPU","model":"FORK_JOIN","workers":"2"},"forks":30,"spread":0.2,"halfWidth":0.075,
  "precision":0.02,"maxForks":30,"outcome":"TOO_NOISY"}]}
EOF
  fi
  echo "$tmp/results-$night"
}

# Runs the nightly comparison of NIGHT at LEVEL against the history; sets $rc. NOISY=1 marks the row too
# noisy; SET=cpython3.13 makes the night's one result set an interpreter's instead of jdk17.
night() {
  local night=$1 level=$2 results
  shift 2
  results=$(fake_results "$night" "$level" "${NOISY:-}" "${SET:-jdk17}")
  rm -f "$summary"
  rc=0
  bash "$nightly" compare --results "$results" --history "$history" --night "$night" --summary "$summary" "$@" \
    >"$tmp/out" 2>"$tmp/err" || rc=$?
}

expect_rc() {
  [[ $rc == "$1" ]] || fail "$2: exit $rc, expected $1 ($(cat "$tmp/err"))"
}

expect_summary() {
  grep -qF -- "$1" "$summary" || fail "$2: summary lacks '$1'"
}

night 2026-01-01 1000
expect_rc 0 "first night"
expect_summary "no good night before 2026-01-01 in the history yet" "first night"
[[ -f $history/ci16/2026-01-01/jdk17/2026-01-01T01-00-00Z.json ]] || fail "first night not kept in the history"
ok "the first night has nothing to compare against and is kept as ci16/2026-01-01/jdk17"

for d in 02 03 04 05 06; do
  night "2026-01-$d" 1000
  expect_rc 0 "steady night 2026-01-$d"
done
night 2026-01-07 1000 --baseline-nights 3
expect_rc 0 "pooled night"
expect_summary "the last 3 good night(s) (2026-01-06 2026-01-05 2026-01-04) pooled → 2026-01-07" "pooled night"
# the old side holds the forks of the three nights: 3 × 5
expect_summary "(15) | 1,000.0 ± 9.8 (5) |" "pooled night"
ok "the baseline pools the forks of the last K good nights (K=3: 15 forks)"

night 2026-01-08 800
expect_rc 1 "regressed night"
expect_summary "**Significant regression on ci16 jdk17 against the last 5 good night(s).**" "regressed night"
[[ -f $history/ci16/2026-01-08/jdk17/FLAGGED ]] || fail "the regressed night is not flagged"
ok "a night 20% slower than the pooled 5 fails (exit 1) and is kept flagged"

night 2026-01-09 1000
expect_rc 0 "night after a flagged one"
expect_summary "(2026-01-07 2026-01-06 2026-01-05 2026-01-04 2026-01-03) pooled → 2026-01-09" "night after a flagged one"
[[ ! -f $history/ci16/2026-01-09/jdk17/FLAGGED ]] || fail "a good night was flagged"
ok "a flagged night stays out of the next baseline"

night 2026-01-10 800
expect_rc 1 "second regression"
rc=0
bash "$nightly" accept --history "$history" --runner ci16 --night 2026-01-10 --reason "JDK update, slower on purpose" \
  >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_rc 0 "accept"
grep -q "JDK update, slower on purpose" "$history/ci16/2026-01-10/jdk17/ACCEPTED" || fail "ACCEPTED does not keep the reason"
night 2026-01-11 800
expect_rc 0 "night after an accepted one"
expect_summary "the last 1 good night(s) (2026-01-10) pooled → 2026-01-11" "night after an accepted one"
ok "an accepted night is the new normal: the nights before it leave the baseline, the same level passes"

night 2026-01-12 800 --retention-days 5
expect_rc 0 "retention"
mapfile -t kept < <(find "$history/ci16" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort)
[[ ${kept[*]} == "2026-01-07 2026-01-08 2026-01-09 2026-01-10 2026-01-11 2026-01-12" ]] \
  || fail "retention of 5 days on 2026-01-12 kept: ${kept[*]}"
ok "retention deletes the nights more than 5 days before tonight"

NOISY=1 night 2026-01-13 600
expect_rc 0 "too noisy night"
expect_summary "too noisy on this machine, not judged" "too noisy night"
expect_summary "new: spread 20% after 30 forks" "too noisy night"
[[ ! -f $history/ci16/2026-01-13/jdk17/FLAGGED ]] || fail "a night whose only slower row was too noisy was flagged"
[[ -f $history/ci16/2026-01-13/jdk17/2026-01-13T01-00-00Z.env.json ]] || fail "the too-noisy mark is not kept in the history"
ok "a row the run found too noisy on its machine is reported apart, with its spread, and does not fail the night"

SET=cpython3.13 night 2026-01-14 1000
expect_rc 0 "first CPython night"
[[ -f $history/ci16/2026-01-14/cpython3.13/2026-01-14T01-00-00Z.json ]] || fail "the CPython set is not kept in the history"
SET=cpython3.13 night 2026-01-15 800
expect_rc 1 "regressed CPython night"
expect_summary "the last 1 good night(s) (2026-01-14) pooled → 2026-01-15" "regressed CPython night"
expect_summary "**Significant regression on ci16 cpython3.13 against the last 1 good night(s).**" "regressed CPython night"
[[ -f $history/ci16/2026-01-15/cpython3.13/FLAGGED ]] || fail "the regressed CPython night is not flagged"
rc=0
bash "$nightly" accept --history "$history" --runner ci16 --night 2026-01-15 --jdk cpython3.13 --reason "new CPython" \
  >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_rc 0 "accept a CPython night"
[[ -f $history/ci16/2026-01-15/cpython3.13/ACCEPTED ]] || fail "the CPython night was not accepted"
ok "an interpreter's set is judged against its own past nights, flagged and accepted as a JDK's is"

night 2026-13-01 1000
expect_rc 2 "bad night"
if [[ $(wc -l <"$tmp/err") != 1 ]] || ! grep -q "bad --night '2026-13-01'" "$tmp/err"; then
  fail "bad --night: $(cat "$tmp/err")"
fi
rc=0
bash "$nightly" accept --history "$history" --runner ci16 --night 2026-01-09 --reason x >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_rc 2 "accepting a good night"
grep -q "nothing flagged" "$tmp/err" || fail "accepting a good night: $(cat "$tmp/err")"
rc=0
bash "$nightly" calibrate --runs 3 >"$tmp/out" 2>"$tmp/err" || rc=$?
expect_rc 2 "calibrate with an unknown option"
if [[ $(wc -l <"$tmp/err") != 1 ]] || ! grep -q "calibrate: unknown option '--runs'" "$tmp/err"; then
  fail "calibrate --runs: $(cat "$tmp/err")"
fi
ok "bad input exits 2 with one line"
