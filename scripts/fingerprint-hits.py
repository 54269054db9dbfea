#!/usr/bin/env python3
"""Checks the before-stop hook's fingerprint hits against the real corpora.

usage: python3 scripts/fingerprint-hits.py SHARED_DIR FILE...
The hook keeps CRC32s of 8-word windows of the shared corpora; a tracked file "matches" when one
of its windows has a known CRC32. This script takes every such window of the given files and
looks for the same eight words in the corpora themselves: a copied passage is found there, a
CRC32 collision (word/count tables, code) is not. Prints how many flagged windows really occur."""
import array, os, sys, zlib

shared = sys.argv[1]
hook = os.path.join(shared, 'hooks', 'fingerprint.py')
ns = {}
exec(open(hook).read().split("if sys.argv[1] == 'build':")[0], ns)
words, corpus_texts = ns['words'], ns['corpus_texts']
known = array.array('I')
known.frombytes(open(os.path.join(shared, 'hooks', 'corpus.fp'), 'rb').read())
known = set(known)
wanted = {}
for f in sys.argv[2:]:
    w = words(open(f, encoding='utf-8').read())
    for i in range(len(w) - 7):
        s = ' '.join(w[i:i + 8])
        h = zlib.crc32(s.encode())
        if h % 8 == 0 and h in known:
            wanted.setdefault(h, set()).add((f, s))
print('flagged windows:', sum(len(v) for v in wanted.values()))
texts = list(corpus_texts(os.path.join(shared, 'data')))
texts.append(open(os.path.join(shared, 'cases', 'seed', 'page.txt'), encoding='utf-8').read())
found = set()
for t in texts:
    w = words(t)
    for i in range(len(w) - 7):
        s = ' '.join(w[i:i + 8])
        h = zlib.crc32(s.encode())
        for f, x in wanted.get(h, ()):
            if x == s:
                found.add((f, x))
print('of them present in the corpora or the seed page:', len(found))
for f, x in sorted(found):
    print(f'  {f}: {x}')
