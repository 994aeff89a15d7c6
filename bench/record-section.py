#!/usr/bin/env python3
"""Puts a benchmark's section into bench/RESULTS.md, read from stdin: the text between <!-- NAME:begin --> and
<!-- NAME:end -->. The run it replaces is not lost: it moves, whole, to the top of the section's earlier runs (between
<!-- NAME-earlier:begin --> and <!-- NAME-earlier:end -->, right after the section), so a reader sees how the figures
move between machines and days. Writes through a temporary file and a rename.
usage: ... | bench/record-section.py NAME"""
import os, re, sys, tempfile

HEADING = "### Earlier runs of this benchmark\n\n"
name = sys.argv[1]
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
# The section and, if any, its earlier runs right after it.
pattern = re.compile(
    rf"<!-- {name}:begin -->\n(?P<run>.*?)\n<!-- {name}:end -->"
    rf"(?:\n\n<!-- {name}-earlier:begin -->\n{HEADING}(?P<earlier>.*?)\n<!-- {name}-earlier:end -->)?", re.S)
old = pattern.search(text)
earlier = [e for e in (
    re.sub(r"^## ", "#### ", old["run"].strip(), count=1) if old else "",   # the replaced run, under its new heading
    (old["earlier"] or "").strip() if old else "") if e]
block = f"<!-- {name}:begin -->\n{sys.stdin.read().strip()}\n<!-- {name}:end -->"
if earlier:
    block += f"\n\n<!-- {name}-earlier:begin -->\n{HEADING}" + "\n\n".join(earlier) + f"\n<!-- {name}-earlier:end -->"
text = text[:old.start()] + block + text[old.end():] if old else text.rstrip("\n") + "\n\n" + block + "\n"
fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path))
with os.fdopen(fd, "w") as f:
    f.write(text)
os.replace(temporary, path)
