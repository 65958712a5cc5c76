#!/usr/bin/env bash
# End-to-end load test: the built bot (hybrid with the default encoders, hybrid with MiniLM measuring beside arctic
# ranking, and lexical-only) against a bare echo bot on the same Bot Framework packages and the encoders alone, alternated ROUNDS times, each run wrk -c CONNECTIONS for SECONDS seconds with
# never-repeating questions (load.lua). Prints each run, then the medians and the ratios. Non-2xx replies and
# socket errors are counted and printed: a run with errors measured errors, not answers.
# usage: benchmarks/load.sh [rounds=3] [seconds=8] [connections=16]   (environment: WARMUP=30 seconds before each run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-3}; seconds=${2:-8}; connections=${3:-16}
port=5390
command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null
cd "$root"
dotnet build -v q -c Release src/TajKazBot >/dev/null
dotnet build -v q -c Release benchmarks/EchoBot >/dev/null
dotnet build -v q -c Release benchmarks/TajKazBot.Benchmarks >/dev/null
dotnet src/TajKazBot/bin/Release/net10.0/TajKazBot.dll index >/dev/null
Retrieval__Encoders=MiniLMAndArctic dotnet src/TajKazBot/bin/Release/net10.0/TajKazBot.dll index >/dev/null
results=$(mktemp)

# run NAME COMMAND...: starts a server, waits for /healthz, loads it, records requests/s, p50, p99 and errors.
run() {
  local name=$1; shift
  "$@" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done
  # A warm-up that is not measured: encoder sessions, and the JIT, which recompiles hot methods for a while under
  # load (perf: 15 % of a float-encoder hybrid bot's CPU in the JIT in the 8 s after a 3 s warm-up; with the 8-bit
  # encoder still 11.6 % in the 7 s after a 10 s warm-up, none after 30 s). It asks texts 0.. and the measured run
  # texts 32,768.. of load.lua's sequence: at the hybrid bot's rate no question is asked twice.
  wrk -t 2 -c "$connections" -d "${WARMUP:-30}s" --timeout 10s -s "$root/benchmarks/load.lua" "http://127.0.0.1:$port" -- 0 >/dev/null
  local out
  out=$(wrk -t 2 -c "$connections" -d "${seconds}s" --timeout 10s --latency -s "$root/benchmarks/load.lua" "http://127.0.0.1:$port" -- 32768)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local rps p50 p99 non2xx socket
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  socket=$(awk -F'[ ,]+' '/Socket errors/ {print $5 + $7 + $9 + $11}' <<<"$out"); socket=${socket:-0}
  printf '%-10s %9s req/s  p50 %8s  p99 %8s  non-2xx %s  socket errors %s\n' "$name" "$rps" "$p50" "$p99" "$non2xx" "$socket"
  echo "$name $rps $non2xx $socket" >>"$results"
}

for ((r = 1; r <= rounds; r++)); do
  echo "round $r"
  run echo dotnet benchmarks/EchoBot/bin/Release/net10.0/EchoBot.dll
  run lexical env Retrieval__Semantic=false dotnet src/TajKazBot/bin/Release/net10.0/TajKazBot.dll
  run hybrid dotnet src/TajKazBot/bin/Release/net10.0/TajKazBot.dll
  run hybrid-two env Retrieval__Encoders=MiniLMAndArctic dotnet src/TajKazBot/bin/Release/net10.0/TajKazBot.dll
  dotnet benchmarks/TajKazBot.Benchmarks/bin/Release/net10.0/TajKazBot.Benchmarks.dll throughput "$seconds" | sed 's/^/encoders   /' | tee -a "$results.enc"
done

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
echo_rps=$(awk '$1 == "echo" {print $2}' "$results" | median)
lexical_rps=$(awk '$1 == "lexical" {print $2}' "$results" | median)
hybrid_rps=$(awk '$1 == "hybrid" {print $2}' "$results" | median)
two_rps=$(awk '$1 == "hybrid-two" {print $2}' "$results" | median)
minilm=$(awk '$2 == "minilm_questions_per_second" {print $3}' "$results.enc" | median)
arctic=$(awk '$2 == "arctic_questions_per_second" {print $3}' "$results.enc" | median)
arctic_float=$(awk '$2 == "arctic_float_questions_per_second" {print $3}' "$results.enc" | median)
both=$(awk '$2 == "both_encoders_questions_per_second" {print $3}' "$results.enc" | median)
errors=$(awk '{s += $3 + $4} END {print s + 0}' "$results")
echo
echo "medians of $rounds rounds, $connections connections, ${seconds} s each:"
echo "  echo bot $echo_rps req/s, lexical bot $lexical_rps req/s, hybrid bot (default encoders) $hybrid_rps req/s, hybrid bot (MiniLM and arctic) $two_rps req/s"
echo "  MiniLM alone $minilm questions/s, arctic alone (8-bit, the default) $arctic questions/s (float: $arctic_float), MiniLM then arctic alone $both questions/s (one session per core)"
awk -v l="$lexical_rps" -v e="$echo_rps" -v h="$hybrid_rps" -v t="$two_rps" -v m="$minilm" -v a="$arctic" -v b="$both" 'BEGIN {
  printf "  lexical / echo = %.2f\n", l / e
  printf "  hybrid (default) / MiniLM alone = %.2f   / arctic alone = %.2f   / both encoders alone = %.2f\n", h / m, h / a, h / b
  printf "  hybrid (MiniLM and arctic) / MiniLM alone = %.2f   / arctic alone = %.2f   / both encoders alone = %.2f\n", t / m, t / a, t / b }'
echo "  non-2xx replies and socket errors over all runs: $errors"
rm -f "$results" "$results.enc"
