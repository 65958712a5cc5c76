#!/usr/bin/env bash
# Start-up, index build time, query latency, memory and dev-set recall against corpus size (1, 10, 100 and
# all documents of benchmarks/corpus.sh), written to docs/benchmarks/scaling.tsv and drawn as docs/scaling.png.
# usage: benchmarks/scaling.sh [sizes...]   (default: 1 10 100 all; environment: BENCH=/tmp/tajkazbot-bench,
#        SEMANTIC=true|false). An index already built by an earlier run (with its build time recorded) is reused.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bench=${BENCH:-/tmp/tajkazbot-bench}
semantic=${SEMANTIC:-true}
sizes=("${@:-1 10 100 all}"); read -r -a sizes <<<"${sizes[*]}"
port=5480
dll="$root/src/TajKazBot/bin/Release/net10.0/TajKazBot.dll"
cd "$root"
[ -d "$bench/corpus-all" ] || benchmarks/corpus.sh "$bench"
dotnet build -v q -c Release src/TajKazBot >/dev/null
table="$root/docs/benchmarks/scaling$([ "$semantic" = true ] || echo -lexical).tsv"
mkdir -p "$(dirname "$table")"
[ -f "$table" ] || printf 'documents\tpassages\tbuild_s\tstart_s\tquery_p50_ms\tquery_p99_ms\trss_mb\trecall_at_3\tfirst_answer_s\n' >"$table"

for size in "${sizes[@]}"; do
  corpus="$bench/corpus-$size"; index="$bench/index-$size$([ "$semantic" = true ] || echo -lexical)"
  export Corpus__Path="$corpus" Retrieval__IndexPath="$index" Retrieval__Semantic="$semantic"
  if [ ! -f "$index/build.seconds" ]; then
    rm -rf "$index"
    start=$(date +%s.%N)
    dotnet "$dll" index
    echo "$(date +%s.%N) - $start" | bc >"$index/build.seconds"
  fi
  # Process start to the first /healthz 200, three times; the median.
  starts=()
  for _ in 1 2 3; do
    start=$(date +%s.%N)
    dotnet "$dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.01; done
    starts+=("$(echo "$(date +%s.%N) - $start" | bc)")
    [ ${#starts[@]} -eq 3 ] || { kill "$pid"; wait "$pid" 2>/dev/null || true; }
  done
  start_s=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
  # 120 questions one after another (the first 20 warm up and are not counted in p50/p99; the very first, asked just
  # after /healthz, is recorded alone: it waits for whatever a process does on first need), none repeated.
  times=$(mktemp)
  questions=("Where is Kazakhstan's embassy in Tajikistan" "What does Tajikistan export to Kazakhstan" "How did the civil war end"
    "How do the two countries share water and energy" "What happened after the Soviet Union collapsed" "How do I read a JSON file"
    "What is a decorator" "How does the garbage collector work" "Who won the FIFA World Cup" "Which agreements govern their trade")
  openings=("" "Please tell me: " "I wonder, " "Quick question: " "Tell me, " "Now, " "Could you say " "Do you know: " "So, " "Briefly, " "And " "Then, ")
  for ((i = 0; i < 120; i++)); do
    text="${openings[$((i / 10))]}${questions[$((i % 10))]}?"
    body=$(printf '{"type":"message","id":"s%d","serviceUrl":"http://127.0.0.1:9/","channelId":"emulator","from":{"id":"u%d"},"recipient":{"id":"bot"},"conversation":{"id":"scaling-%d"},"text":"%s","deliveryMode":"expectReplies"}' "$i" "$i" "$i" "${text//\"/}")
    t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/api/messages")
    [ "${t%% *}" = 200 ] || echo "reply ${t%% *} to question $i" >&2
    [ "$i" -ne 0 ] || first="${t#* }"
    [ "$i" -lt 20 ] || echo "${t#* }" >>"$times"
  done
  p50=$(sort -n "$times" | awk '{a[NR] = $1} END {printf "%.1f", a[int(NR * 0.50)] * 1000}')
  p99=$(sort -n "$times" | awk '{a[NR] = $1} END {printf "%.1f", a[int(NR * 0.99)] * 1000}')
  rss=$(awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$times"
  recall=$(dotnet "$dll" eval "$root/../shared/eval/questions.dev.jsonl" --json 2>/dev/null | python3 -c "import json, sys; print(json.load(sys.stdin)['recall_at_3'])")
  passages=$(dotnet "$dll" index 2>/dev/null | awk '{print $4}')
  documents=$(find "$corpus" -type f | wc -l)
  printf '%s\t%s\t%.1f\t%.2f\t%s\t%s\t%s\t%s\t%.2f\n' "$documents" "$passages" "$(cat "$index/build.seconds")" "$start_s" "$p50" "$p99" "$rss" "$recall" "$first" | tee -a "$table"
done
unset Corpus__Path Retrieval__IndexPath Retrieval__Semantic
benchmarks/plot.sh
