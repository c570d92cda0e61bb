#!/usr/bin/env bash
# Builds two projects of a user, each depending on one slo artifact alone (slo-server, slo-report),
# after installing this repository's artifacts, runs their tests, and checks that neither pulls
# in picocli. Usage: examples/check-library-projects.sh [extra maven flags, e.g. -o]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q "$@" install -DskipTests -Dspotless.check.skip=true
for m in server report; do
  dir=examples/library-$m
  mvn -B -q "$@" -f "$dir/pom.xml" clean verify
  tree=$(mvn -B "$@" -f "$dir/pom.xml" dependency:tree 2>&1)
  if grep -q "info.picocli" <<<"$tree"; then
    echo "check-library-projects: $dir depends on picocli:" >&2
    grep "picocli" <<<"$tree" >&2
    exit 1
  fi
  echo "check-library-projects: $dir built and tested; no picocli in its dependency tree"
done
