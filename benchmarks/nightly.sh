#!/usr/bin/env bash
# The nightly job's logic, the same on CI and on a laptop.
#
#   benchmarks/nightly.sh bench   [--runner LABEL] [--profile NAME] [--results DIR] [--jdk LABEL=JAVA ...]
#                                 [--jdk-args LABEL=OPTIONS ...]
#       run a profile (default: nightly), with this machine's `java` or, given --jdk, on every JDK
#       configuration in one run with their pieces interleaved in time (so a difference between JDKs
#       is not a difference between the stretches of the night they ran in); one result set per
#       configuration under DIR/<runner>/jdk<label>/
#   benchmarks/nightly.sh compare [--results DIR] [--previous DIR] [--summary FILE] [--min-effect P]
#       per runner: the lowest JDK against each other JDK of the same run (what a new JDK changed), and, where DIR
#       and PREVIOUS both hold a runner/JDK, last night against tonight with --fail-on-regression;
#       Markdown goes to FILE (default: stdout). Exit 1 on a significant regression, 2 on bad input.
#       The band is 5% (or $CPABENCH_MIN_EFFECT), not compare's 2%: on a shared 2-vCPU VM, five
#       A/A pairs of the nightly (one jar) gave 72-76 of 77 rows ~ at 5% (75 and 76 as the nightly is now)
#       but 40-65 at 2% (hand-off rows whose fork means spread up to 16%, and whole runs 2-6% apart
#       on an idle guest); a job must not go red on a machine's noise.
#   benchmarks/nightly.sh local   [--runner LABEL] [--profile NAME] [--results DIR]
#       bench on every JDK in $JDKS (space-separated java homes; default: those installed here
#       under /usr/lib/jvm, one per major), interleaved in one run, then compare across them.
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
      --jdk | --jdk-args) jdks+=("$1" "$2"); shift 2 ;;
      *) die "bench: unknown option '$1' (valid: --runner, --profile, --results, --jdk, --jdk-args)" ;;
    esac
  done
  build_if_needed
  "$java_bin" -jar "$jar" run --profile "$profile" --runner "$runner" --results "$results" "${jdks[@]}"
}

compare() {
  local results=$here/jmh-results previous="" summary=/dev/stdout status=0 min_effect=${CPABENCH_MIN_EFFECT:-5%}
  while (($#)); do
    case $1 in
      --results) results=$2; shift 2 ;;
      --previous) previous=$2; shift 2 ;;
      --summary) summary=$2; shift 2 ;;
      --min-effect) min_effect=$2; shift 2 ;;
      *) die "compare: unknown option '$1' (valid: --results, --previous, --summary, --min-effect)" ;;
    esac
  done
  [[ -d $results ]] || die "no results directory '$results'"
  build_if_needed
  local runner_dir runner jdk_dirs base other old new rc
  {
    echo "# cpabench nightly"
    for runner_dir in "$results"/*/; do
      runner=$(basename "$runner_dir")
      mapfile -t jdk_dirs < <(find "$runner_dir" -mindepth 1 -maxdepth 1 -type d -name 'jdk*' | sort -V)
      ((${#jdk_dirs[@]})) || continue
      echo
      echo "## $runner"
      base=${jdk_dirs[0]}
      for other in "${jdk_dirs[@]:1}"; do
        echo
        echo "### $(basename "$base") → $(basename "$other")"
        java -jar "$jar" compare "$(newest_result "$base")" "$(same_run "$other" "$(newest_result "$base")")" --format md --min-effect "$min_effect" || true
      done
      [[ -n $previous ]] || continue
      for other in "${jdk_dirs[@]}"; do
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
    done
  } >>"$summary"
  return "$status"
}

local_run() {
  local homes=${JDKS:-} home major args=("$@") seen=" "
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
  compare
}

cmd=${1:-}
(($#)) && shift
case $cmd in
  bench) bench "$@" ;;
  compare) compare "$@" ;;
  local) local_run "$@" ;;
  *) die "usage: nightly.sh bench|compare|local [options] (see the comment at the top)" ;;
esac
