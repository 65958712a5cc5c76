#!/usr/bin/env bash
# Draws docs/scaling.png from the figures benchmarks/scaling.sh measured (docs/benchmarks/scaling*.tsv), with gnuplot.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v gnuplot >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gnuplot-nox) >/dev/null
hybrid="$root/docs/benchmarks/scaling.tsv"
lexical="$root/docs/benchmarks/scaling-lexical.tsv"
[ -f "$lexical" ] || lexical=/dev/null
gnuplot <<GNUPLOT
set terminal pngcairo size 1200,800 font "DejaVu Sans,10"
set output "$root/docs/scaling.png"
set datafile separator "\t"
set key top left
set logscale x
set xlabel "documents in the corpus"
set grid
set multiplot layout 2,2 title "TajKazBot against corpus size (2-core machine, prebuilt index)"
set title "index build time (the index verb)"
set ylabel "seconds"
set logscale y
plot "$hybrid" using 1:3 skip 1 with linespoints title "hybrid", "$lexical" using 1:3 skip 1 with linespoints title "lexical only"
set title "start-up from the prebuilt index (process start to /healthz 200)"
unset logscale y
plot "$hybrid" using 1:4 skip 1 with linespoints title "hybrid", "$lexical" using 1:4 skip 1 with linespoints title "lexical only"
set title "query latency over HTTP, one at a time"
set ylabel "milliseconds"
plot "$hybrid" using 1:5 skip 1 with linespoints title "hybrid p50", "$hybrid" using 1:6 skip 1 with linespoints title "hybrid p99", \
     "$lexical" using 1:5 skip 1 with linespoints title "lexical p50", "$lexical" using 1:6 skip 1 with linespoints title "lexical p99"
set title "resident memory after the queries"
set ylabel "MB"
plot "$hybrid" using 1:7 skip 1 with linespoints title "hybrid", "$lexical" using 1:7 skip 1 with linespoints title "lexical only"
unset multiplot
GNUPLOT
echo "wrote $root/docs/scaling.png"
