#!/usr/bin/env bash
# Prints the Debian mirror apt uses on this machine for bookworm's main archive (a company's mirror too), for
# debootstrap: from Debian 12's deb822 sources (sources.list.d/*.sources), else from a one-line sources.list; else
# deb.debian.org. PODSUITE_APT_ETC names another /etc/apt (for the tests).
# usage: eng/pods/debian-mirror.sh [SUITE]
set -euo pipefail
etc=${PODSUITE_APT_ETC:-/etc/apt}
suite=${1:-bookworm}
mirror=""
shopt -s nullglob
sources=("$etc"/sources.list.d/*.sources)
if [ ${#sources[@]} -gt 0 ]; then
  # One stanza a record: a 'deb' type, the suite among its Suites, and its first URI.
  mirror=$(awk -v RS= -v suite="$suite" '
    {
      types = ""; suites = ""; uri = ""; enabled = 1
      n = split($0, lines, "\n")
      for (i = 1; i <= n; i++) {
        if (lines[i] ~ /^Types:/) types = " " substr(lines[i], 7) " "
        else if (lines[i] ~ /^Suites:/) suites = " " substr(lines[i], 8) " "
        else if (lines[i] ~ /^URIs:/) { split(substr(lines[i], 6), u, " "); uri = u[1] }
        else if (lines[i] ~ /^Enabled:[ \t]*no/) enabled = 0
      }
      gsub(/\t/, " ", types); gsub(/\t/, " ", suites)
      if (enabled && types ~ / deb / && suites ~ (" " suite " ") && uri != "") { print uri; exit }
    }' "${sources[@]}")
fi
if [ -z "$mirror" ] && [ -f "$etc/sources.list" ]; then
  mirror=$(sed -E 's/\[[^]]*\]//' "$etc/sources.list" | awk -v suite="$suite" '$1 == "deb" && $3 == suite { print $2; exit }')
fi
echo "${mirror:-http://deb.debian.org/debian}"
