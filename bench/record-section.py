#!/usr/bin/env python3
"""Puts a benchmark's section into bench/RESULTS.md, read from stdin: the text between <!-- NAME:begin --> and
<!-- NAME:end -->. The run it replaces is not lost: it moves, whole, to the top of the section's earlier runs (between
<!-- NAME-earlier:begin --> and <!-- NAME-earlier:end -->, right after the section), so a reader sees how the figures
move between machines and days. Writes through a temporary file and a rename.
usage: ... | bench/record-section.py NAME"""
import os, re, sys, tempfile

name = sys.argv[1]
new = sys.stdin.read().strip()
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n\nEach section names the command that produced it.\n"

def region(key):
    return re.compile(rf"<!-- {re.escape(key)}:begin -->\n?(.*?)\n?<!-- {re.escape(key)}:end -->", re.S)

current, earlier = region(name), region(f"{name}-earlier")
old = current.search(text)
old_earlier = earlier.search(text)
entries = old_earlier.group(1).strip() if old_earlier else ""
if old:
    # The old run, its heading demoted under "Earlier runs", ahead of the runs before it.
    demoted = re.sub(r"^## ", "#### ", old.group(1).strip(), count=1, flags=re.M)
    entries = demoted + ("\n\n" + entries if entries else "")
block = f"<!-- {name}:begin -->\n{new}\n<!-- {name}:end -->"
if entries:
    block += f"\n\n<!-- {name}-earlier:begin -->\n### Earlier runs of this benchmark\n\n" + \
        re.sub(r"^### Earlier runs of this benchmark\n\n", "", entries, flags=re.M) + f"\n<!-- {name}-earlier:end -->"
if old_earlier:
    text = earlier.sub("", text).replace("\n\n\n\n", "\n\n")
text = current.sub(lambda _: block, text) if old else text.rstrip("\n") + "\n\n" + block + "\n"
fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path))
with os.fdopen(fd, "w") as f:
    f.write(text)
os.replace(temporary, path)
