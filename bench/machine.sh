#!/usr/bin/env bash
# The machine a benchmark ran on, in one line: cores, CPU, hypervisor, kernel, memory.
cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)
hypervisor=$(lscpu | sed -n 's/^Hypervisor vendor: *//p')
memory=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
echo "$(nproc) cores, ${cpu:-unknown CPU}${hypervisor:+ (virtual, $hypervisor)}, kernel $(uname -r), $memory"
