#!/usr/bin/env bash
# The nightly job's logic, the same on CI and on a laptop.
#
#   benchmarks/nightly.sh bench   [--runner LABEL] [--profile NAME] [--results DIR] [--jdk LABEL=JAVA ...]
#                                 [--jdk-args LABEL=OPTIONS ...] [--python PYTHON ...]
#       run a profile (default: nightly), with this machine's `java` or, given --jdk, on every JDK
#       configuration in one run with their pieces interleaved in time (so a difference between JDKs
#       is not a difference between the stretches of the night they ran in); one result set per
#       configuration under DIR/<runner>/jdk<label>/; each --python adds the profile's cpython groups on
#       that interpreter to the same run, under DIR/<runner>/cpython<version>[t]/ (compared with last
#       night and the history below as a JDK's set is; the diff across JDKs reads the jdk<label> sets)
#   benchmarks/nightly.sh compare [--results DIR] [--previous DIR] [--summary FILE] [--min-effect P]
#       per runner: the lowest JDK against each other JDK of the same run (what a new JDK changed), and, where DIR
#       and PREVIOUS both hold a runner/JDK, last night against tonight with --fail-on-regression;
#       Markdown goes to FILE (default: stdout). Exit 1 on a significant regression, 2 on bad input.
#       The band is 5% (or $CPABENCH_MIN_EFFECT), not compare's 2%: on a shared 2-vCPU VM, five
#       A/A pairs of the nightly (one jar) gave 72-76 of 77 rows ~ at 5% (75 and 76 as the nightly is now)
#       but 40-65 at 2% (hand-off rows whose fork means spread up to 16%, and whole runs 2-6% apart
#       on an idle guest); a job must not go red on a machine's noise. For the same reason, rows a
#       run marked too noisy on its machine (forks until precise at its cap, in its .env.json) are
#       listed apart by compare, with their spread, and never make the night fail or flagged.
#   benchmarks/nightly.sh compare ... --history DIR [--night YYYY-MM-DD] [--baseline-nights K]
#                                     [--retention-days D]
#       also against the past: per runner/JDK, tonight against the pooled forks of the last K (5)
#       good nights in DIR/<runner>/<night>/jdk<major>/, with --fail-on-regression; then tonight
#       (default: today, UTC) is kept there, with a FLAGGED file if that comparison found a
#       regression, and nights more than D (90) days before tonight are deleted. A flagged night is
#       not pooled until it is accepted (below); an accepted night is the new normal, so no night
#       before it is pooled again: a regression someone accepted stops failing the following nights.
#   benchmarks/nightly.sh calibrate [--runner LABEL] [--results DIR] [--out FILE]
#       this machine's noise floor: the noise profile as one interleaved A/A run on $JAVA (default: java)
#       under two labels (jdkN-a, jdkN-b in DIR/LABEL/), then noise-floor on the two, written as JSON to
#       FILE (default DIR/LABEL/noise-floor.json): per row the smallest change this machine sees and the
#       forks ±2% and ±5% need; run --dry-run --noise-floor FILE estimates forks until precise from it.
#   benchmarks/nightly.sh accept  --history DIR --runner LABEL --night YYYY-MM-DD [--jdk SET] --reason TEXT
#       accept a flagged night (every flagged set of it, or one: jdk17, cpython3.13t…): writes ACCEPTED beside FLAGGED.
#   benchmarks/nightly.sh push-history WORKTREE MESSAGE
#       commit everything under WORKTREE (a checkout of the results branch) and push it to origin's
#       $NIGHTLY_RESULTS_BRANCH without force: on a race with another job it rebases and retries.
#   benchmarks/nightly.sh local   [--runner LABEL] [--profile NAME] [--results DIR] [--history DIR]
#       bench on every JDK in $JDKS (space-separated java homes; default: those installed here
#       under /usr/lib/jvm, one per major), interleaved in one run, then compare across them (and
#       against the history, if given).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jar=$here/target/benchmarks.jar

die() {
  echo "nightly.sh: $*" >&2
  exit 2
}

build_if_needed() {
  if [[ ! -f $jar ]]; then
    (cd "$here" && mvn -B -ntp -q -DskipTests package)
  fi
}

# The newest result file (not an environment file) in a runner/jdk directory.
newest_result() {
  find "$1" -maxdepth 1 -name '*.json' ! -name '*.env.json' | sort | tail -n 1
}

# The result file of the same run as $2 in directory $1 (the JDKs of one run share its name), else the newest.
same_run() {
  if [[ -f $1/$(basename "$2") ]]; then
    echo "$1/$(basename "$2")"
  else
    newest_result "$1"
  fi
}

bench() {
  local runner=${RUNNER:-$(hostname)} profile=nightly results=$here/jmh-results java_bin=${JAVA:-java} jdks=()
  while (($#)); do
    case $1 in
      --runner) runner=$2; shift 2 ;;
      --profile) profile=$2; shift 2 ;;
      --results) results=$2; shift 2 ;;
      --jdk | --jdk-args | --python) jdks+=("$1" "$2"); shift 2 ;;
      *) die "bench: unknown option '$1' (valid: --runner, --profile, --results, --jdk, --jdk-args, --python)" ;;
    esac
  done
  build_if_needed
  "$java_bin" -jar "$jar" run --profile "$profile" --runner "$runner" --results "$results" "${jdks[@]}"
}

# The machine's noise floor (issue 20): the noise profile as one interleaved A/A run (one java under two
# labels, so both sample every stretch of the run alike), then noise-floor on the two result sets.
calibrate() {
  local runner=${RUNNER:-$(hostname)} results=$here/jmh-results-calibration out="" java_bin=${JAVA:-java} java_path major
  while (($#)); do
    case $1 in
      --runner) runner=$2; shift 2 ;;
      --results) results=$2; shift 2 ;;
      --out) out=$2; shift 2 ;;
      *) die "calibrate: unknown option '$1' (valid: --runner, --results, --out)" ;;
    esac
  done
  java_path=$(command -v "$java_bin") || die "calibrate: no java '$java_bin' (set JAVA)"
  major=$("$java_path" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [[ -n $major ]] || die "calibrate: cannot tell the JDK version of $java_path"
  out=${out:-$results/$runner/noise-floor.json}
  build_if_needed
  "$java_path" -jar "$jar" run --profile noise --runner "$runner" --results "$results" \
    --jdk "$major-a=$java_path" --jdk "$major-b=$java_path"
  "$java_path" -jar "$jar" noise-floor "$results/$runner/jdk$major-a" "$results/$runner/jdk$major-b" --out "$out"
}

compare() {
  local results=$here/jmh-results previous="" summary=/dev/stdout status=0 min_effect=${CPABENCH_MIN_EFFECT:-5%}
  local history="" night k=5 retention=90
  night=$(date -u +%F)
  while (($#)); do
    case $1 in
      --results) results=$2; shift 2 ;;
      --previous) previous=$2; shift 2 ;;
      --summary) summary=$2; shift 2 ;;
      --min-effect) min_effect=$2; shift 2 ;;
      --history) history=$2; shift 2 ;;
      --night) night=$2; shift 2 ;;
      --baseline-nights) k=$2; shift 2 ;;
      --retention-days) retention=$2; shift 2 ;;
      *) die "compare: unknown option '$1' (valid: --results, --previous, --summary, --min-effect, --history, --night, --baseline-nights, --retention-days)" ;;
    esac
  done
  [[ -d $results ]] || die "no results directory '$results'"
  valid_night "$night" || die "bad --night '$night': expected a date YYYY-MM-DD"
  [[ $k =~ ^[1-9][0-9]*$ ]] || die "bad --baseline-nights '$k': expected a whole number ≥ 1"
  [[ $retention =~ ^[1-9][0-9]*$ ]] || die "bad --retention-days '$retention': expected a whole number ≥ 1"
  build_if_needed
  local runner_dir runner jdk_dirs py_dirs sets base other old new rc
  {
    echo "# cpabench nightly"
    for runner_dir in "$results"/*/; do
      runner=$(basename "$runner_dir")
      mapfile -t jdk_dirs < <(find "$runner_dir" -mindepth 1 -maxdepth 1 -type d -name 'jdk*' | sort -V)
      mapfile -t py_dirs < <(find "$runner_dir" -mindepth 1 -maxdepth 1 -type d -name 'cpython*' | sort -V)
      sets=("${jdk_dirs[@]}" "${py_dirs[@]}")
      ((${#sets[@]})) || continue
      echo
      echo "## $runner"
      base=${jdk_dirs[0]:-}
      for other in "${jdk_dirs[@]:1}"; do
        echo
        echo "### $(basename "$base") → $(basename "$other")"
        java -jar "$jar" compare "$(newest_result "$base")" "$(same_run "$other" "$(newest_result "$base")")" --format md --min-effect "$min_effect" || true
      done
      for other in "${sets[@]}"; do
        [[ -n $previous ]] || break
        old=$previous/$runner/$(basename "$other")
        [[ -d $old ]] || continue
        new=$(newest_result "$other")
        echo
        echo "### $(basename "$other"): last night → tonight"
        rc=0
        java -jar "$jar" compare "$(newest_result "$old")" "$new" --format md --min-effect "$min_effect" --fail-on-regression || rc=$?
        if ((rc == 1)); then
          echo
          echo "**Significant regression on $runner $(basename "$other").**"
          status=1
        elif ((rc != 0)); then
          status=$rc
        fi
      done
      for other in "${sets[@]}"; do
        [[ -n $history ]] || break
        rc=0
        against_history "$history" "$runner" "$other" "$night" "$k" "$min_effect" || rc=$?
        ((rc == 0 || status == 1)) || status=$rc
      done
    done
  } >>"$summary"
  [[ -z $history ]] || prune_history "$history" "$night" "$retention"
  return "$status"
}

valid_night() {
  [[ $1 =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] && [[ $(date -u -d "$1" +%F 2>/dev/null) == "$1" ]]
}

# The nights whose forks make runner/jdk's baseline for NIGHT, newest first: at most K good ones
# before it (not flagged, or flagged and accepted), stopping at the newest accepted night, which is
# the new normal (a night before it measured the level someone decided to leave behind).
baseline_nights() {
  local history=$1 runner=$2 jdk=$3 night=$4 k=$5 n dir count=0
  [[ -d $history/$runner ]] || return 0
  while read -r n; do
    dir=$history/$runner/$n/$jdk
    [[ $n < $night && -n $(newest_result "$dir" 2>/dev/null) ]] || continue
    if [[ -e $dir/ACCEPTED ]]; then
      echo "$n"
      return 0
    fi
    [[ -e $dir/FLAGGED ]] && continue
    echo "$n"
    ((++count < k)) || return 0
  done < <(find "$history/$runner" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -r)
}

# Tonight's newest result of runner/jdk against the pooled baseline nights (Markdown to stdout), then
# tonight kept in the history, flagged when the comparison found a regression. Returns compare's code.
against_history() {
  local history=$1 runner=$2 tonight=$3 night=$4 k=$5 min_effect=$6 jdk new pool n f rc=0 dest
  local -a nights
  jdk=$(basename "$tonight")
  new=$(newest_result "$tonight")
  [[ -n $new ]] || return 0
  mapfile -t nights < <(baseline_nights "$history" "$runner" "$jdk" "$night" "$k")
  echo
  if ((${#nights[@]} == 0)); then
    echo "### $jdk: no good night before $night in the history yet, nothing to compare against"
  else
    echo "### $jdk: the last ${#nights[@]} good night(s) (${nights[*]}) pooled → $night"
    # compare pools every run in a directory: one directory of links to the nights' runs
    pool=$(mktemp -d)
    for n in "${nights[@]}"; do
      for f in "$history/$runner/$n/$jdk"/*.json; do
        ln -s "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$pool/$n-$(basename "$f")"
      done
    done
    java -jar "$jar" compare "$pool" "$new" --format md --min-effect "$min_effect" --fail-on-regression || rc=$?
    rm -rf "$pool"
  fi
  dest=$history/$runner/$night/$jdk
  rm -rf "$dest"
  mkdir -p "$dest"
  cp "$new" "$dest/"
  [[ ! -f ${new%.json}.env.json ]] || cp "${new%.json}.env.json" "$dest/"
  if ((rc == 1)); then
    echo
    echo "**Significant regression on $runner $jdk against the last ${#nights[@]} good night(s).** Tonight is kept"
    echo "flagged and stays out of later baselines until accepted: \`nightly.sh accept --history $history --runner $runner --night $night --jdk $jdk --reason …\`."
    printf 'regression against the pooled nights %s\n' "${nights[*]}" >"$dest/FLAGGED"
  fi
  return "$rc"
}

# Deletes every runner's nights more than DAYS days before NIGHT.
prune_history() {
  local history=$1 night=$2 days=$3 oldest d
  oldest=$(date -u -d "$night - $days days" +%F)
  for d in "$history"/*/*/; do
    [[ -d $d ]] || continue
    d=${d%/}
    if valid_night "$(basename "$d")" && [[ $(basename "$d") < $oldest ]]; then
      rm -rf "$d"
    fi
  done
}

accept() {
  local history="" runner="" night="" jdk="" reason="" dir found=0
  while (($#)); do
    case $1 in
      --history) history=$2; shift 2 ;;
      --runner) runner=$2; shift 2 ;;
      --night) night=$2; shift 2 ;;
      --jdk) jdk=$2; shift 2 ;;
      --reason) reason=$2; shift 2 ;;
      *) die "accept: unknown option '$1' (valid: --history, --runner, --night, --jdk, --reason)" ;;
    esac
  done
  [[ -n $history && -n $runner && -n $night && -n $reason ]] || die "accept: --history, --runner, --night and --reason are required"
  [[ -d $history/$runner/$night ]] || die "accept: no night '$night' of runner '$runner' in '$history'"
  for dir in "$history/$runner/$night"/*/; do
    dir=${dir%/}
    [[ -z $jdk || $(basename "$dir") == "$jdk" ]] || continue
    [[ -e $dir/FLAGGED ]] || continue
    printf 'accepted %s: %s\n' "$(date -u +%FT%TZ)" "$reason" >"$dir/ACCEPTED"
    echo "accepted $runner $night $(basename "$dir")"
    found=1
  done
  ((found)) || die "accept: nothing flagged in $history/$runner/$night${jdk:+/$jdk}"
}

push_history() {
  local tree=${1:-} message=${2:-} attempt
  [[ -d $tree && -n $message ]] || die "push-history: usage: push-history WORKTREE MESSAGE"
  [[ -n ${NIGHTLY_RESULTS_BRANCH:-} ]] || die "push-history: set NIGHTLY_RESULTS_BRANCH"
  git -C "$tree" config user.name "cpabench nightly"
  git -C "$tree" config user.email "cpabench-nightly@users.noreply.github.com"
  git -C "$tree" add -A .
  git -C "$tree" commit -q -m "$message" || return 0
  for attempt in 1 2 3; do
    git -C "$tree" push -q origin "HEAD:refs/heads/$NIGHTLY_RESULTS_BRANCH" && return 0
    echo "push-history: attempt $attempt lost a race; rebasing" >&2
    git -C "$tree" fetch -q origin "$NIGHTLY_RESULTS_BRANCH" && git -C "$tree" rebase -q FETCH_HEAD
  done
  die "push-history: could not push to $NIGHTLY_RESULTS_BRANCH"
}

local_run() {
  local homes=${JDKS:-} home major args=() compare_args=() seen=" "
  while (($#)); do
    case $1 in
      --history) compare_args+=(--history "$2"); shift 2 ;;
      --results) args+=("$1" "$2"); compare_args+=("$1" "$2"); shift 2 ;;
      *) args+=("$1"); shift ;;
    esac
  done
  if [[ -z $homes ]]; then
    for home in /usr/lib/jvm/*/; do
      [[ -x $home/bin/java && ! -L ${home%/} ]] && homes+=" ${home%/}"
    done
  fi
  [[ -n ${homes// /} ]] || die "no JDK found: set JDKS='/path/to/jdk17 /path/to/jdk25'"
  for home in $homes; do
    major=$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
    [[ -n $major ]] || die "cannot tell the JDK version of $home"
    [[ $seen == *" $major "* ]] && continue
    seen+="$major "
    args+=(--jdk "$major=$home/bin/java")
  done
  bench "${args[@]}"
  compare "${compare_args[@]}"
}

cmd=${1:-}
(($#)) && shift
case $cmd in
  bench) bench "$@" ;;
  compare) compare "$@" ;;
  calibrate) calibrate "$@" ;;
  accept) accept "$@" ;;
  push-history) push_history "$@" ;;
  local) local_run "$@" ;;
  *) die "usage: nightly.sh bench|compare|calibrate|accept|push-history|local [options] (see the comment at the top)" ;;
esac
