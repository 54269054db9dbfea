#!/usr/bin/env python3
"""Prints N Arabic word tokens sampled at random from the shared news corpora (one per
article, fixed seed), for the hand inspection of segmentation and stemming in BENCHMARKS.md:
    python3 scripts/sample-tokens.py ../shared 300 | cargo run --release -q -- text -"""
import json, os, random, subprocess, sys

shared = sys.argv[1] if len(sys.argv) > 1 else '../shared'
n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
here = os.path.dirname(os.path.abspath(__file__))
lines = subprocess.run([sys.executable, os.path.join(here, 'corpus-jsonl.py'), shared],
                       capture_output=True, text=True, check=True).stdout.split('\n')[:-1]
random.seed(20261129)
words = []
for line in random.sample(lines, n):
    toks = [w.strip('.,،؛:؟!()«»"\'') for w in json.loads(line)['text'].split()]
    toks = [w for w in toks if w and all('\u0621' <= c <= '\u064a' or c in 'ًٌٍَُِّْـ' for c in w)]
    if toks:
        words.append(random.choice(toks))
print('\n'.join(words))
