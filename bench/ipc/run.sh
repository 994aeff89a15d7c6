#!/usr/bin/env bash
# The IPC benchmark: PodSuite.Ipc's MessageQueue (C#) against the same msgsnd/msgrcv loop in C, each between two
# processes, 128-byte messages, in mirrored order over several rounds. Prints the table and records it in bench/RESULTS.md.
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

# Each round runs four pairs in mirrored order (C, C#, C#, C, or the reverse), so a drift of the machine within the
# round weighs on both languages alike; a side's figures are the mean of its two runs.
side() { # side LINE1 LINE2: "rate p50 p99", each the mean of the two runs
  awk -v a="$1" -v b="$2" 'function f(line, key) { match(line, key "=[0-9.]+"); return substr(line, RSTART + length(key) + 1, RLENGTH - length(key) - 1) }
    BEGIN { printf "%.0f %.1f %.1f\n", (f(a, "rate") + f(b, "rate")) / 2, (f(a, "p50_us") + f(b, "p50_us")) / 2, (f(a, "p99_us") + f(b, "p99_us")) / 2 }'
}

rows=""
ratios=()
p50_ratios=()
for round in $(seq 1 "$rounds"); do
  if ((round % 2)); then c1=$(pair "${c[@]}"); s1=$(pair "${csharp[@]}"); s2=$(pair "${csharp[@]}"); c2=$(pair "${c[@]}")
  else s1=$(pair "${csharp[@]}"); c1=$(pair "${c[@]}"); c2=$(pair "${c[@]}"); s2=$(pair "${csharp[@]}"); fi
  read -r c_rate c_p50 c_p99 <<<"$(side "$c1" "$c2")"
  read -r s_rate s_p50 s_p99 <<<"$(side "$s1" "$s2")"
  ratios+=("$(awk -v s="$s_rate" -v c="$c_rate" 'BEGIN { printf "%.2f", s / c }')")
  p50_ratios+=("$(awk -v s="$s_p50" -v c="$c_p50" 'BEGIN { printf "%.2f", s / c }')")
  rows+="| $round | $c_rate | $c_p50 / $c_p99 | $s_rate | $s_p50 / $s_p99 | ${ratios[-1]}x | ${p50_ratios[-1]}x |"$'\n'
done

section=$(cat <<MD
## IPC: System V message queue, C# against C

\`bench/ipc/run.sh $rounds $count\` on $(date -u +%Y-%m-%d). Machine: $(bench/machine.sh); load average $load at the start.
.NET $(dotnet --version) (the C# side published as Native AOT), $(gcc --version | head -1) -O2; $pinning.
$count messages of $size bytes per run from one process to another (the first $warmup are warm-up, not measured);
each round runs C, C#, C#, C (or the mirror image) and shows each side's mean of two runs.
Latency is send-to-receive on the monotonic clock, in microseconds, measured under full load (the queue holds about $(( $(cat /proc/sys/kernel/msgmnb) / size )) such messages).

| round | C msgs/s | C p50 / p99 µs | C# msgs/s | C# p50 / p99 µs | C# / C msgs/s | C# / C p50 |
|---|---|---|---|---|---|---|
${rows}
Throughput C# / C across the rounds: **$(bench/spread.sh "${ratios[@]}")** (target: median 0.95x or better).
p50 latency C# / C: $(bench/spread.sh "${p50_ratios[@]}") (target: median within 2x).
MD
)
printf '%s\n' "$section"
printf '%s\n' "$section" | bench/record-section.py ipc
