#!/usr/bin/env bash
# The IPC benchmark: PodSuite.Ipc's MessageQueue (C#) against the same msgsnd/msgrcv loop in C, each between two
# processes, 128-byte messages, alternating over several rounds. Prints the table and records it in bench/RESULTS.md.
# usage: bench/ipc/run.sh [ROUNDS] [MESSAGES]
set -euo pipefail
cd "$(dirname "$0")/../.."

rounds=${1:-5}
count=${2:-1000000}
size=128
warmup=$((count / 20))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gcc -O2 -o "$work/msgq" bench/ipc/msgq.c
dotnet build -c Release -v quiet -nologo bench/ipc/IpcBench/IpcBench.csproj >/dev/null
csharp=(dotnet bench/ipc/IpcBench/bin/Release/net10.0/IpcBench.dll)
c=("$work/msgq")

# One run: the receiver first (it also creates the queue), then the sender; prints the receiver's line.
pair() {
  local key=$((RANDOM * 32768 + RANDOM + 1)) out="$work/out"
  "$@" recv "$key" "$count" "$size" "$warmup" >"$out" &
  local receiver=$!
  sleep 0.5
  "$@" send "$key" "$count" "$size" "$warmup"
  wait "$receiver"
  cat "$out"
}
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }

rows=""
ratios=()
for round in $(seq 1 "$rounds"); do
  if ((round % 2)); then cline=$(pair "${c[@]}"); sline=$(pair "${csharp[@]}")
  else sline=$(pair "${csharp[@]}"); cline=$(pair "${c[@]}"); fi
  ratio=$(awk -v s="$(field rate "$sline")" -v c="$(field rate "$cline")" 'BEGIN { printf "%.2f", s / c }')
  ratios+=("$ratio")
  rows+="| $round | $(field rate "$cline") | $(field p50_us "$cline") / $(field p99_us "$cline") | $(field rate "$sline") | $(field p50_us "$sline") / $(field p99_us "$sline") | ${ratio}x |"$'\n'
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')

section=$(cat <<MD
## IPC: System V message queue, C# against C

\`bench/ipc/run.sh $rounds $count\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), .NET $(dotnet --version), $(gcc --version | head -1).
$count messages of $size bytes per run from one process to another (the first $warmup are warm-up, not measured);
the rounds alternate which side runs first. Latency is send-to-receive on the monotonic clock, in microseconds,
measured under full load (the queue holds about 128 such messages).

| round | C msgs/s | C p50 / p99 µs | C# msgs/s | C# p50 / p99 µs | C# / C |
|---|---|---|---|---|---|
${rows}
Median ratio C# / C: **${median}x** (target: 0.9x or better).
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py ipc
