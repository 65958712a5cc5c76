#!/usr/bin/env bash
# Process start to the first /healthz 200 (and resident memory then) of the built bot, side by side: hybrid and
# lexical-only from the prebuilt index, and hybrid building its index in memory at start (no prebuilt index).
# usage: benchmarks/startup.sh [runs=5]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
port=5470
cd "$root"
dotnet build -v q -c Release src/TajKazBot >/dev/null
dll=src/TajKazBot/bin/Release/net10.0/TajKazBot.dll
dotnet "$dll" index >/dev/null
Retrieval__Semantic=false dotnet "$dll" index >/dev/null

# once NAME ENV...: one start, printed as "seconds MB".
once() {
  local start pid
  start=$(date +%s.%N)
  env "$@" dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.01; done
  echo "$(echo "$(date +%s.%N) - $start" | bc) $(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

results=$(mktemp)
for ((r = 1; r <= runs; r++)); do
  echo "hybrid-prebuilt $(once Retrieval__Semantic=true)"
  echo "lexical-prebuilt $(once Retrieval__Semantic=false)"
  echo "hybrid-in-memory $(once Retrieval__IndexPath=)"
done | tee "$results"
for kind in hybrid-prebuilt lexical-prebuilt hybrid-in-memory; do
  starts=$(awk -v k="$kind" '$1 == k {print $2}' "$results" | sort -n)
  rss=$(awk -v k="$kind" '$1 == k {print $3}' "$results" | sort -n)
  n=$(wc -l <<<"$starts")
  printf '%-17s start median %s s (min %s, max %s), RSS median %s MB\n' "$kind" \
    "$(sed -n "$(((n + 1) / 2))p" <<<"$starts")" "$(head -1 <<<"$starts")" "$(tail -1 <<<"$starts")" "$(sed -n "$(((n + 1) / 2))p" <<<"$rss")"
done
rm -f "$results"
