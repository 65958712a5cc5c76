#!/usr/bin/env bash
# The full reliability suite against the built bot (tests/TajKazBot.Tests/Reliability): 10,000 generated
# hostile inputs over HTTP, 1 MB bodies, bad tokens with an app id set and the metadata unreachable,
# 32 connections for 60 s, and resident memory from 10,000 to 50,000 conversations. Prints one line of
# figures (and what broke the bar, if anything). Takes several minutes. The quick scale of the same
# suite runs with every `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/../.."

dotnet build -v q --nologo
figures="$(mktemp)"
status=0
TAJKAZBOT_RELIABILITY=full TAJKAZBOT_RELIABILITY_OUT="$figures" \
  dotnet test tests/TajKazBot.Tests --no-build --nologo --filter "FullyQualifiedName~Reliability.ReliabilityTests.Full_suite_meets_the_bar" >/dev/null || status=$?
if [ -s "$figures" ]; then
  cat "$figures"
else
  echo "the suite reported no figures (exit $status); run: TAJKAZBOT_RELIABILITY=full dotnet test tests/TajKazBot.Tests --filter Category=Reliability"
fi
rm -f "$figures"
exit "$status"
