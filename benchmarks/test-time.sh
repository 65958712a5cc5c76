#!/usr/bin/env bash
# Wall time of the README's test command on clean clones of two commits, alternated ROUNDS times on the same machine
# (a single run says little: the same commit's time varies by a few seconds from run to run and more from day to day).
# Each run: clone the repository's committed history, check out the commit, copy ../shared beside it, `dotnet test`.
# Prints each run with its test summary, then the total time of each commit and their ratio.
# usage: benchmarks/test-time.sh [before=f155f98] [after=HEAD] [rounds=3]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
before=$(git -C "$root" rev-parse --short "${1:-f155f98}")
after=$(git -C "$root" rev-parse --short "${2:-HEAD}")
rounds=${3:-3}
declare -A total=([$before]=0 [$after]=0)
for round in $(seq "$rounds"); do
  for commit in "$before" "$after"; do
    work=$(mktemp -d)
    git clone -q "$root" "$work/repo"
    git -C "$work/repo" checkout -q "$commit"
    cp -r "$root/../shared" "$work/shared"
    start=$(date +%s.%N)
    (cd "$work/repo" && dotnet test > "$work/out.txt" 2>&1) && status=0 || status=$?
    took=$(echo "$(date +%s.%N) - $start" | bc)
    summary=$(grep -E '^(Passed|Failed)!' "$work/out.txt" | sed -E 's/, Duration.*- / /' | tr '\n' ' ')
    printf '%s round %s: %.1f s, exit %s, %s\n' "$commit" "$round" "$took" "$status" "$summary"
    total[$commit]=$(echo "${total[$commit]} + $took" | bc)
    rm -rf "$work"
  done
done
printf '%s: %.1f s in all, %s: %.1f s in all, ratio %.3f\n' "$before" "${total[$before]}" "$after" "${total[$after]}" \
  "$(echo "${total[$after]} / ${total[$before]}" | bc -l)"
