#!/usr/bin/env bash
# The spread of ratios across a benchmark's rounds, as the scripts print it: "median 0.97x (min 0.84x, max 1.20x)".
# usage: bench/spread.sh RATIO...
printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 }
  END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
        printf "median %.2fx (min %.2fx, max %.2fx, %d rounds)", m, a[1], a[NR], NR }'
