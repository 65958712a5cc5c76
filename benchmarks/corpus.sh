#!/usr/bin/env bash
# Benchmark corpora of real prose: the reST sources of Debian's python3.11-doc (about 500 documents,
# 1.4 million words) with the article among them, in four sizes: 1 (the article alone), 10, 100 and all.
# usage: benchmarks/corpus.sh [out-folder]   (default /tmp/tajkazbot-bench) -> out/corpus-{1,10,100,all}
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-/tmp/tajkazbot-bench}
sources=/usr/share/doc/python3.11/html/_sources
if [ ! -d "$sources" ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3.11-doc) >/dev/null
fi
mapfile -t docs < <(cd "$sources" && find . -name '*.rst.txt' | sort)
for size in 1 10 100 all; do
  dir="$out/corpus-$size"
  rm -rf "$dir"
  mkdir -p "$dir"
  cp "$root/corpus/tajikistan-kazakhstan-relations.txt" "$dir/"
  others=$([ "$size" = all ] && echo "${#docs[@]}" || echo $((size - 1)))
  for ((i = 0; i < others; i++)); do
    # Evenly spread over the manual (not the first folder only): every part of it is in every size.
    doc="${docs[$((i * ${#docs[@]} / others))]}"
    mkdir -p "$dir/python/$(dirname "$doc")"
    cp "$sources/$doc" "$dir/python/$doc"
  done
  echo "$dir: $(find "$dir" -type f | wc -l) documents, $(cat $(find "$dir" -type f) | wc -w) words"
done
