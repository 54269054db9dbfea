#!/usr/bin/env python3
"""Folds scripts/stop-phrases.src.txt into crates/akhbar-text/data/stop_phrases.txt.

usage: build-stop-phrases.py SHARED_DIR < scripts/stop-phrases.src.txt > crates/akhbar-text/data/stop_phrases.txt
Each word is folded alone (a `*` stays a wildcard); duplicates are dropped, order is sorted."""
import os, sys
shared = sys.argv[1] if len(sys.argv) > 1 else '../shared'
sys.path.insert(0, os.path.join(shared, 'eval'))
from arabic import fold  # noqa: E402

seen = set()
print('# Stop phrases, folded; `*` is any one word. Built by scripts/build-stop-phrases.py from')
print('# scripts/stop-phrases.src.txt (see README).')
for line in sys.stdin:
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    words = [w if w == '*' else fold(w.replace('ـ', '')) for w in line.split()]
    words = [w for w in words if w]
    if len(words) >= 2 and ' '.join(words) not in seen:
        seen.add(' '.join(words))
for p in sorted(seen):
    print(p)
