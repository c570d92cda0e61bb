#!/usr/bin/env bash
# Fuzzes the Jazzer fuzz targets (@FuzzTest methods) for longer than the regression pass of
# `mvn verify`. Usage:
#   benchmarks/fuzz.sh DURATION [TARGET...]
# DURATION: 30s, 10m, 1h (per target). TARGET: Class#method or Class (every @FuzzTest method in it),
# e.g. SpecParserFuzzTest#yamlSpec; default: every @FuzzTest method of every module.
# Each crash is written into the target's committed corpus,
#   <module>/src/test/resources/<package>/<Class>Inputs/<method>/crash-<sha1>
# so that `mvn verify` replays it from then on: fix the cause, commit the file. The corpus the
# fuzzer grows is kept in <module>/target/fuzz-corpus/ (not committed). Exit 1 when any target
# found a crash, a timeout (over 10 s for one input) or an out-of-memory (heap 1 GB).
# Env: FUZZ_JAVA_OPTS (default -Xmx1g), FUZZ_FORK (default unset: in process).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 1 ]] || usage
duration="$1"; shift
if [[ "$duration" =~ ^([0-9]+)(s|m|h)$ ]]; then
  n="${BASH_REMATCH[1]}"
  case "${BASH_REMATCH[2]}" in s) seconds=$n ;; m) seconds=$((n * 60)) ;; h) seconds=$((n * 3600)) ;; esac
else
  echo "fuzz.sh: $duration is not a duration; use 30s, 10m or 1h" >&2; exit 2
fi

# Every fuzz target as module|class|method.
all_targets() {
  grep -rl --include='*.java' '@FuzzTest' ./*/src/test/java 2>/dev/null | while read -r f; do
    module="${f#./}"; module="${module%%/*}"
    cls="$(sed -n 's/^package \(.*\);/\1/p' "$f").$(basename "$f" .java)"
    grep -A2 '@FuzzTest' "$f" | sed -n 's/^ *\(public \)\{0,1\}void \([A-Za-z0-9_]*\)(.*/\2/p' |
      while read -r m; do echo "$module|$cls|$m"; done
  done
}

selected=()
mapfile -t known < <(all_targets)
if [[ $# -eq 0 ]]; then
  selected=("${known[@]}")
else
  for want in "$@"; do
    hit=0
    for t in "${known[@]}"; do
      IFS='|' read -r _ cls m <<<"$t"
      short="${cls##*.}"
      if [[ "$want" == "$short#$m" || "$want" == "$cls#$m" || "$want" == "$short" || "$want" == "$cls" ]]; then
        selected+=("$t"); hit=1
      fi
    done
    [[ $hit -eq 1 ]] || { echo "fuzz.sh: no fuzz target $want; known:" >&2; printf '  %s\n' "${known[@]}" >&2; exit 2; }
  done
fi

found=0
declare -A built
for t in "${selected[@]}"; do
  IFS='|' read -r module cls method <<<"$t"
  if [[ -z "${built[$module]:-}" ]]; then
    echo "fuzz.sh: building $module tests..." >&2
    mvn -B -q -o -pl "$module" -am test-compile -Dspotless.check.skip=true >&2
    mvn -B -q -o -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$PWD/$module/target/fuzz-classpath.txt" >&2
    built[$module]=1
  fi
  cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/fuzz-classpath.txt")"
  inputs="$module/src/test/resources/$(echo "${cls%.*}" | tr . /)/${cls##*.}Inputs/$method"
  corpus="$module/target/fuzz-corpus/${cls##*.}/$method"
  mkdir -p "$inputs" "$corpus"
  echo "fuzz.sh: $cls#$method for $duration (corpus $corpus, seeds and crashes $inputs)" >&2
  set +e
  # shellcheck disable=SC2086
  java ${FUZZ_JAVA_OPTS:--Xmx1g} -cp "$cp" com.code_intelligence.jazzer.Jazzer \
    --target_class="$cls" --target_method="$method" \
    '--instrumentation_includes=dev.slo.**:com.fasterxml.jackson.**:org.yaml.snakeyaml.**' \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$inputs/" ${FUZZ_FORK:+-fork=$FUZZ_FORK} \
    "$corpus" "$inputs" 2>&1 | grep -v '^INFO: Instrumented'
  rc=${PIPESTATUS[0]}
  set -e
  if [[ $rc -ne 0 ]]; then
    echo "fuzz.sh: $cls#$method: finding (exit $rc); the input is in $inputs" >&2
    found=1
  else
    echo "fuzz.sh: $cls#$method: no finding in $duration" >&2
  fi
done
exit $found
