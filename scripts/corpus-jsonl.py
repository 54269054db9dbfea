#!/usr/bin/env python3
"""Streams the shared news corpora as JSON Lines for `akhbar lexicon`.

usage: corpus-jsonl.py SHARED_DIR > corpus.jsonl
Each line: {"id", "outlet", "category", "title", "text"}. SaudiNewsNet has no category; its
records get category "" (the lexicon tool measures topic spread over the categorised part)."""
import gzip, json, os, sys, zipfile

shared = sys.argv[1] if len(sys.argv) > 1 else '../shared'
news = os.path.join(shared, 'data', 'news')
out = sys.stdout
snn = os.path.join(news, 'saudinewsnet')
for name in sorted(os.listdir(snn)):
    if not name.endswith('.zip'):
        continue
    with zipfile.ZipFile(os.path.join(snn, name)) as z:
        for member in z.namelist():
            for i, a in enumerate(json.loads(z.read(member))):
                rec = {'id': f'snn-{name}-{i}', 'outlet': a.get('source', ''), 'category': '',
                       'title': a.get('title') or '', 'text': a.get('content') or ''}
                out.write(json.dumps(rec, ensure_ascii=False) + '\n')
with gzip.open(os.path.join(news, 'ant-2018.jsonl.gz'), 'rt', encoding='utf-8') as f:
    for line in f:
        a = json.loads(line)
        rec = {'id': a.get('id'), 'outlet': a.get('outlet', ''), 'category': a.get('category') or '',
               'title': a.get('title') or '', 'text': a.get('text') or ''}
        out.write(json.dumps(rec, ensure_ascii=False) + '\n')
