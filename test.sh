#!/usr/bin/env bash
# Runs every Waypoint test: unit and property tests, integration tests on SQLite and on PostgreSQL, and
# browser tests in Chromium. Installs the PostgreSQL server and Chromium from Debian's packages when they
# are missing and this runs as root; otherwise says what to install.
#
# Set WAYPOINT_TEST_POSTGRES to a connection string to use your own PostgreSQL server instead of a
# throwaway one started by the tests.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
if [[ -z ${WAYPOINT_TEST_POSTGRES:-} ]] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]} > 0)); then
  if [[ $(id -u) == 0 ]]; then
    echo "test.sh: installing ${missing[*]} from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: please install these Debian packages first: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET 10 SDK is needed (https://dotnet.microsoft.com/download)" >&2; exit 1; }

dotnet build Waypoint.slnx --nologo -v quiet -clp:ErrorsOnly

log=$(mktemp)
status=0
# One test project at a time: the browser tests' server then does not compete for the two cores with the
# integration tests' servers and databases.
dotnet test Waypoint.slnx --no-build --nologo -m:1 2>&1 | tee "$log" || status=$?

# One closing line for any reader of the log: the totals over every test project.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [[ $status == 0 && $passed == 0 ]]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
