#!/usr/bin/env bash
# The IPC benchmark: PodSuite.Ipc's MessageQueue (C#) against the same msgsnd/msgrcv loop in C, each between two
# processes, 128-byte messages, alternating over several rounds. Prints the table and records it in bench/RESULTS.md.
# The C# side is published as Native AOT, as the pod's ipcdemo is. On two or more cores the receiver runs on CPU 0 and
# the sender on CPU 1, for both languages: left to the scheduler, where the pair lands varies from run to run, and
# with it the result.
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
dotnet publish -c Release -v quiet -nologo -o "$work/cs" bench/ipc/IpcBench/IpcBench.csproj >/dev/null
csharp=("$work/cs/IpcBench")
c=("$work/msgq")
load=$(cut -d' ' -f1 /proc/loadavg)
# IPC_BENCH_CPUS="RECEIVER SENDER" pins them elsewhere; "none" leaves them to the scheduler.
read -r recv_cpu send_cpu <<<"${IPC_BENCH_CPUS:-$( (($(nproc) >= 2)) && echo "0 1" || echo none)}"
if [[ $recv_cpu == none ]]; then pin_recv=() pin_send=() pinning="not pinned"
else pin_recv=(taskset -c "$recv_cpu") pin_send=(taskset -c "$send_cpu") pinning="receiver on CPU $recv_cpu, sender on CPU $send_cpu"; fi

# One run: the receiver first (it also creates the queue), then the sender; prints the receiver's line.
pair() {
  local key=$((RANDOM * 32768 + RANDOM + 1)) out="$work/out"
  "${pin_recv[@]}" "$@" recv "$key" "$count" "$size" "$warmup" >"$out" &
  local receiver=$!
  sleep 0.5
  "${pin_send[@]}" "$@" send "$key" "$count" "$size" "$warmup"
  wait "$receiver"
  cat "$out"
}
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }

rows=""
ratios=()
p50_ratios=()
for round in $(seq 1 "$rounds"); do
  if ((round % 2)); then cline=$(pair "${c[@]}"); sline=$(pair "${csharp[@]}")
  else sline=$(pair "${csharp[@]}"); cline=$(pair "${c[@]}"); fi
  ratio=$(awk -v s="$(field rate "$sline")" -v c="$(field rate "$cline")" 'BEGIN { printf "%.2f", s / c }')
  p50_ratio=$(awk -v s="$(field p50_us "$sline")" -v c="$(field p50_us "$cline")" 'BEGIN { printf "%.2f", s / c }')
  ratios+=("$ratio")
  p50_ratios+=("$p50_ratio")
  rows+="| $round | $(field rate "$cline") | $(field p50_us "$cline") / $(field p99_us "$cline") | $(field rate "$sline") | $(field p50_us "$sline") / $(field p99_us "$sline") | ${ratio}x | ${p50_ratio}x |"$'\n'
done

section=$(cat <<MD
## IPC: System V message queue, C# against C

\`bench/ipc/run.sh $rounds $count\` on $(date -u +%Y-%m-%d). Machine: $(bench/machine.sh); load average $load at the start.
.NET $(dotnet --version) (the C# side published as Native AOT), $(gcc --version | head -1) -O2; $pinning.
$count messages of $size bytes per run from one process to another (the first $warmup are warm-up, not measured);
the rounds alternate which side runs first. Latency is send-to-receive on the monotonic clock, in microseconds,
measured under full load (the queue holds about $(( $(cat /proc/sys/kernel/msgmnb) / size )) such messages).

| round | C msgs/s | C p50 / p99 µs | C# msgs/s | C# p50 / p99 µs | C# / C msgs/s | C# / C p50 |
|---|---|---|---|---|---|---|
${rows}
Throughput C# / C across the rounds: **$(bench/spread.sh "${ratios[@]}")** (target: median 0.95x or better).
p50 latency C# / C: $(bench/spread.sh "${p50_ratios[@]}") (target: median within 2x).
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py ipc
