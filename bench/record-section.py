#!/usr/bin/env python3
"""Puts a benchmark's section into bench/RESULTS.md, replacing its previous run: the text between
<!-- NAME:begin --> and <!-- NAME:end -->, read from stdin. Writes through a temporary file and a rename.
usage: ... | bench/record-section.py NAME"""
import os, re, sys, tempfile

name = sys.argv[1]
section = f"<!-- {name}:begin -->\n{sys.stdin.read().strip()}\n<!-- {name}:end -->"
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")
text = open(path).read() if os.path.exists(path) else "# Benchmark results\n\nEach section names the command that produced it. Ratios are from one run.\n"
pattern = re.compile(rf"<!-- {re.escape(name)}:begin -->.*?<!-- {re.escape(name)}:end -->", re.S)
text = pattern.sub(lambda _: section, text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section + "\n"
fd, temporary = tempfile.mkstemp(dir=os.path.dirname(path))
with os.fdopen(fd, "w") as f:
    f.write(text)
os.replace(temporary, path)
