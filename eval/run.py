#!/usr/bin/env python3
"""akhbar's evaluation harness: runs the shared dev sets through the release binary and the
shared scorers, prints every figure, and fails when a figure falls below its floor (or above
its ceiling) recorded in eval/floors.json. Floors only go up.

usage: python3 eval/run.py [--shared ../shared] [--bin target/release/akhbar] [--out DIR]
Outputs (the binary's JSON, scorer reports) go to --out (default: a fresh temporary directory),
never into ../shared, which CI mounts read-only."""
import argparse, gzip, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True


def run(cmd, **kw):
    if 'stdout' in kw:
        return subprocess.run(cmd, stderr=subprocess.PIPE, text=True, **kw)
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def analyze_lines(binary, lines):
    """Runs `akhbar text --json` over lines of text; returns, per line, its analyzed tokens."""
    text = '\n'.join(lines)
    p = run([binary, 'text', '--json', '-'], input=text)
    if p.returncode != 0:
        raise RuntimeError(f'akhbar text failed: {p.stderr.strip()}')
    tokens = json.loads(p.stdout)['tokens']
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    out = [[] for _ in lines]
    li = 0
    for t in tokens:
        while li + 1 < len(starts) and t['start'] >= starts[li + 1]:
            li += 1
        out[li].append(t)
    return out


def gate_seed(a, figures):
    """The seed page through `akhbar analyze`, scored by score_seed.py."""
    seed = os.path.join(a.shared, 'cases/seed')
    out = os.path.join(a.out, 'seed.json')
    p = run([a.bin, 'analyze', os.path.join(seed, 'page.txt')])
    with open(out, 'w', encoding='utf-8') as f:
        f.write(p.stdout if p.returncode == 0 else '')
    if p.returncode != 0:
        print(f'  akhbar analyze: not available or failed ({p.stderr.strip().splitlines()[-1] if p.stderr.strip() else p.returncode})')
    s = run([sys.executable, os.path.join(a.shared, 'eval/score_seed.py'), os.path.join(seed, 'expected.json'), out])
    last = (s.stdout.strip().splitlines() or ['passed 0 of 1'])[-1]
    failed = s.stdout.strip().splitlines()[:-1]
    stages = sorted({' '.join(l.split()[1:3]) for l in failed})
    if failed:
        print(f'    {len(failed)} checks fail, in: {", ".join(stages)}')
    parts = last.split()
    passed, total = int(parts[1]), int(parts[3])
    figures['seed.passed'] = passed
    print(f'  seed checks passed: {passed} of {total}')


def analyze_dir(a, d, ext, name, extra=()):
    """Runs every `*.ext` page of a directory through `akhbar analyze` into `name`.jsonl (one
    line per page, its id the file name without the extension); returns that file's path."""
    pred = os.path.join(a.out, f'{name}.jsonl')
    with open(pred, 'w', encoding='utf-8') as out:
        for page in sorted(os.listdir(d)):
            if not page.endswith(ext):
                continue
            p = run([a.bin, 'analyze', *extra, os.path.join(d, page)])
            rec = json.loads(p.stdout) if p.returncode == 0 and p.stdout.strip() else {'error': p.stderr.strip()}
            rec['id'] = page[:-len(ext)]
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')
    return pred


def gate_flattened(a, figures):
    """The 20 flattened aggregator pages through `akhbar analyze`, scored by score_flattened.py."""
    d = os.path.join(a.shared, 'data/pages/flattened-dev')
    pred = analyze_dir(a, d, '.txt', 'flattened')
    s = run([sys.executable, os.path.join(a.shared, 'eval/score_flattened.py'), d, pred])
    print('  ' + s.stdout.strip().replace('\n', '\n  '))
    last = s.stdout.strip().splitlines()[-1].split()
    figures['flattened.checks'] = float(last[1])
    figures['flattened.body_f1'] = float(last[3])


def gate_extract(a, figures):
    """HTML pages through `akhbar analyze --html`: the 60 generated pages (score_extract.py,
    per template) and the two real pages (newspaper3k's body F1; trafilatura's with/without)."""
    d = os.path.join(a.shared, 'data/pages/generated-dev')
    pred = analyze_dir(a, d, '.html', 'extract', ('--html',))
    s = run([sys.executable, os.path.join(a.shared, 'eval/score_extract.py'), d, pred])
    print('  ' + s.stdout.strip().replace('\n', '\n  '))
    lines = s.stdout.strip().splitlines()
    per = lines[0].split(':', 1)[1].split()
    figures['extract.min_template_f1'] = min(float(per[i + 1]) for i in range(0, len(per), 2))
    last = lines[-1].split()
    figures['extract.f1'] = float(last[last.index('F1') + 1])
    figures['extract.title_acc'] = float(last[last.index('title_acc') + 1])
    sys.path.insert(0, os.path.join(a.shared, 'eval'))
    from score_extract import prf
    from arabic import fold
    n3k = os.path.join(a.shared, 'data/pages/newspaper3k_arabic')
    p = run([a.bin, 'analyze', '--html', os.path.join(n3k, 'arabic_article.html')])
    body = json.loads(p.stdout).get('body', '') if p.returncode == 0 else ''
    gold = open(os.path.join(n3k, 'arabic_expected_text.txt'), encoding='utf-8').read()
    figures['extract.newspaper3k_f1'] = round(prf(gold, body)[2], 3)
    tra = os.path.join(a.shared, 'data/pages/trafilatura_eval_arabic')
    entry = list(json.load(open(os.path.join(tra, 'evaldata_assabah_entry.json'), encoding='utf-8')).values())[0]
    p = run([a.bin, 'analyze', '--html', os.path.join(tra, entry['file'])])
    body = fold(json.loads(p.stdout).get('body', '') if p.returncode == 0 else '')
    ok = sum(fold(w) in body for w in entry['with']) + sum(fold(w) not in body for w in entry['without'])
    figures['extract.trafilatura_checks'] = ok
    print(f"  newspaper3k page body F1 {figures['extract.newspaper3k_f1']}; trafilatura page checks {ok} of {len(entry['with']) + len(entry['without'])}")


def gate_ner(a, figures):
    """The entity tagger on the last 10% of ANERcorp's training file (held out when the model
    is trained: `akhbar train-ner` trains on the first 90%), scored by score_ner.py."""
    lines = open(os.path.join(a.shared, 'data/ner/anercorp-train.txt'), encoding='utf-8').read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    cut = int(len(lines) * 0.9 + 0.5)
    gold = os.path.join(a.out, 'ner-dev.txt')
    with open(gold, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines[cut:]) + '\n')
    pred = os.path.join(a.out, 'ner-pred.txt')
    p = run([a.bin, 'ner', gold])
    with open(pred, 'w', encoding='utf-8') as f:
        f.write(p.stdout)
    s = run([sys.executable, os.path.join(a.shared, 'eval/score_ner.py'), gold, pred])
    print('  ' + s.stdout.strip().replace('\n', '\n  '))
    for line in s.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] in ('ALL', 'PER', 'LOC', 'ORG', 'MISC'):
            figures[f'ner.{parts[0].lower()}_f1'] = float(parts[parts.index('F1') + 1])


def gate_dates(a, figures):
    """The 200 dated sentences through `akhbar dates`, scored by score_dates.py."""
    gold = os.path.join(a.shared, 'data/dates/dev.jsonl')
    pred = os.path.join(a.out, 'dates.jsonl')
    p = run([a.bin, 'dates', '--input', gold])
    with open(pred, 'w', encoding='utf-8') as f:
        f.write(p.stdout)
    s = run([sys.executable, os.path.join(a.shared, 'eval/score_dates.py'), gold, pred])
    print('  ' + s.stdout.strip())
    parts = s.stdout.split()
    figures['dates.f1'] = float(parts[parts.index('F1') + 1])


def process_and_score(a, name, articles, scorer, gold):
    """Runs a dev set through `akhbar process`, scores it with a shared scorer, prints the
    scorer's line and returns its words."""
    pred = os.path.join(a.out, f'{name}.jsonl')
    p = run([a.bin, 'process', '--input', os.path.join(a.shared, articles), '--output', pred])
    if p.returncode != 0:
        print('  akhbar process failed: ' + p.stderr.strip())
    s = run([sys.executable, os.path.join(a.shared, 'eval', scorer), os.path.join(a.shared, gold), pred])
    print('  ' + s.stdout.strip())
    return s.stdout.split()


def gate_tags(a, figures):
    """Tags of the 40 tags dev articles through `akhbar process`, scored by score_tags.py."""
    parts = process_and_score(a, 'tags', 'data/tags/dev-articles.jsonl', 'score_tags.py', 'data/tags/dev-gold.jsonl')
    figures['tags.p_at_5'] = float(parts[parts.index('P@5') + 1])
    figures['tags.junk_rate'] = float(parts[parts.index('junk_rate') + 1])


def gate_akec(a, figures):
    """Keyphrase mode on AKEC's 100 documents: precision@10 against the crowd lists (folded
    match, a leading ال ignored)."""
    sys.path.insert(0, os.path.join(a.shared, 'eval'))
    from arabic import fold

    def key(t):
        return ' '.join(w[2:] if w.startswith('ال') and len(w) > 4 else w for w in fold(t).split())
    base = os.path.join(a.shared, 'data/keyphrases/akec-train')
    docs = os.path.join(a.out, 'akec.jsonl')
    with open(docs, 'w', encoding='utf-8') as f:
        for name in sorted(os.listdir(os.path.join(base, 'documents'))):
            text = open(os.path.join(base, 'documents', name), encoding='utf-8', errors='replace').read()
            f.write(json.dumps({'id': name[:-4], 'text': text}, ensure_ascii=False) + '\n')
    gold = {}
    for line in open(os.path.join(base, 'keyphrases-pure.txt'), encoding='utf-8'):
        if ':' in line:
            i, k = line.split(':', 1)
            gold[i.strip()] = {key(x) for x in k.strip().split(',') if x.strip()}
    p = run([a.bin, 'keyphrases', '--input', docs, '--top', '10'])
    ps = []
    for line in p.stdout.splitlines():
        d = json.loads(line)
        g = gold.get(d.get('id'))
        if g:
            ps.append(sum(key(x) in g for x in (d.get('keyphrases') or [])[:10]) / 10)
    figures['akec.p_at_10'] = round(sum(ps) / max(len(ps), 1), 3)
    print(f"  AKEC precision@10 {figures['akec.p_at_10']} over {len(ps)} documents (YAKE, measured once: 0.121)")


def gate_dedup(a, figures):
    """Copies among 3,585 Saudi press articles and their wire copies plus 80 edited copies,
    through `akhbar process` (duplicate_of), scored by score_dedup.py."""
    parts = process_and_score(a, 'dedup', 'data/dedup/dev-articles.jsonl', 'score_dedup.py', 'data/dedup/dev-gold.json')
    figures['dedup.f1'] = float(parts[parts.index('F1') + 1])


def gate_stories(a, figures):
    """The 202 story dev articles (5 outlets, two days) through `akhbar process` (story),
    scored by score_stories.py (B-cubed)."""
    parts = process_and_score(a, 'stories', 'data/stories/dev-articles.jsonl', 'score_stories.py', 'data/stories/dev-gold.tsv')
    figures['stories.bcubed_f1'] = float(parts[parts.index('bcubed_f1') + 1])
    # Story titles: a story of three or more articles should be named by an article of the
    # event most of its articles tell (weighted by the story's size).
    gold = {}
    for line in open(os.path.join(a.shared, 'data/stories/dev-gold.tsv'), encoding='utf-8'):
        if line.strip():
            parts = line.rstrip('\n').split('\t')
            gold[parts[0]] = parts[1]
    stories = {}
    for line in open(os.path.join(a.out, 'stories.jsonl'), encoding='utf-8'):
        r = json.loads(line)
        if r.get('story') and str(r.get('id')) in gold:
            stories.setdefault(r['story'], []).append(r)
    named = total = 0
    for rows in stories.values():
        if len(rows) < 3:
            continue
        events = [gold[str(r['id'])] for r in rows]
        most = max(events.count(e) for e in events)
        source = [r for r in rows if r.get('title') == rows[0].get('story_title')]
        total += len(rows)
        named += len(rows) * bool(source and events.count(gold[str(source[0]['id'])]) == most)
    figures['stories.title_from_majority'] = round(named / max(total, 1), 3)
    print(f"  story titles from the story's majority event: {figures['stories.title_from_majority']} "
          f"(article-weighted, stories of 3+; the first article's title: 0.364)")


def gate_stop_lists(a, figures):
    """Stop words and phrases against the tags dev set: the editors' listed junk phrases akhbar
    already recognises as topic-free, and the editors' gold tags it would wrongly stop."""
    gold = [json.loads(l) for l in open(os.path.join(a.shared, 'data/tags/dev-gold.jsonl'), encoding='utf-8')]
    junk = [j for g in gold for j in g['junk']]
    tags = [t for g in gold for t in g['tags']]

    def flagged(toks):
        """A phrase akhbar would never offer as a tag: it starts a stop phrase, or every word of
        it is a stop word, or it has no words at all (a hashtag, a handle, punctuation)."""
        words = [t for t in toks if t['kind'] in ('word', 'latin', 'number') and 'in_hashtag' not in t['flags']]
        return not words or 'stop_phrase' in words[0]['flags'] or all('stop' in w['flags'] for w in words)

    jt = analyze_lines(a.bin, junk)
    tt = analyze_lines(a.bin, tags)
    jf = sum(flagged(t) for t in jt) / len(junk)
    stopped = [tags[i] for i, t in enumerate(tt) if flagged(t)]
    figures['text.junk_flagged'] = round(jf, 3)
    figures['text.gold_tags_stopped'] = len(stopped)
    print(f'  editor junk phrases recognised as stop words/phrases: {jf:.3f} ({len(junk)} phrases)')
    print(f'  editor gold tags wrongly stopped: {len(stopped)} of {len(tags)} {stopped[:5]}')


def gate_query_match(a, figures):
    """Known-item queries (clitic, hamza, Persian-letter, diacritic and digit variants) against
    their target titles: the share of query words whose akhbar stem occurs among the title's
    stems, beside the same figure for raw whitespace tokens (the baseline, same run)."""
    queries = [json.loads(l) for l in open(os.path.join(a.shared, 'data/search/dev-queries.jsonl'), encoding='utf-8')]
    want = {q['target'] for q in queries}
    titles = {}
    with gzip.open(os.path.join(a.shared, 'data/news/ant-2018.jsonl.gz'), 'rt', encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            if d.get('id') in want:
                titles[d['id']] = d.get('title') or ''
    qs = [q for q in queries if q['target'] in titles]
    qt = analyze_lines(a.bin, [q['q'].replace('\n', ' ') for q in qs])
    tt = analyze_lines(a.bin, [titles[q['target']].replace('\n', ' ') for q in qs])
    hit = raw_hit = n = 0
    for q, qtok, ttok in zip(qs, qt, tt):
        stems = {t['stem'] for t in ttok}
        raw = set(titles[q['target']].split())
        for t in qtok:
            if t['kind'] not in ('word', 'latin', 'number'):
                continue
            n += 1
            hit += t['stem'] in stems
        raw_hit += sum(w in raw for w in q['q'].split())
    rate = hit / max(n, 1)
    raw_rate = raw_hit / max(sum(len(q['q'].split()) for q in qs), 1)
    figures['text.query_word_match'] = round(rate, 3)
    print(f'  query words whose stem is in the target title: {rate:.3f} (raw tokens: {raw_rate:.3f}; {len(qs)} queries)')


def gate_search(a, figures):
    """Known-item search: the whole ANT 2018 corpus (31,040 articles) through `akhbar ingest`
    into a fresh store, then the 300 dev queries through `akhbar search --input`, scored by
    score_search.py (recall@10, MRR@10). Ingest time and store size are printed beside."""
    import time
    store = os.path.join(a.out, 'search-store')
    corpus = os.path.join(a.shared, 'data/news/ant-2018.jsonl.gz')
    t = time.time()
    p = run([a.bin, 'ingest', '--store', store, corpus])
    took = time.time() - t
    if p.returncode != 0:
        print(f'  akhbar ingest failed: {p.stderr.strip()[-300:]}')
        return
    report = json.loads(p.stdout)['report']
    size = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(store) for f in fs)
    print(f'  ingest: {report["added"]} articles added, {report["unchanged"]} unchanged, {report["updated"]} updated, '
          f'{report["errors"]} errors in {took:.0f} s ({report["added"] / max(took, 1e-9):.0f} articles/s); store {size / 1e6:.0f} MB')
    queries = os.path.join(a.shared, 'data/search/dev-queries.jsonl')
    pred = os.path.join(a.out, 'search.jsonl')
    with open(pred, 'w', encoding='utf-8') as f:
        p = run([a.bin, 'search', '--store', store, '--limit', '10', '--input', queries], stdout=f)
    if p.returncode != 0:
        print(f'  akhbar search failed: {p.stderr.strip()[-300:]}')
        return
    s = run([sys.executable, os.path.join(a.shared, 'eval/score_search.py'), queries, pred])
    print('  ' + s.stdout.strip())
    parts = s.stdout.split()
    figures['search.recall_at_10'] = float(parts[parts.index('recall@10') + 1])
    figures['search.mrr_at_10'] = float(parts[parts.index('mrr@10') + 1])


GATES = [
    ('seed page (akhbar analyze)', gate_seed),
    ('flattened aggregator pages (akhbar analyze)', gate_flattened),
    ('HTML extraction (generated pages, real pages)', gate_extract),
    ('dates (dates dev set)', gate_dates),
    ('entities (ANERcorp, last 10% held out)', gate_ner),
    ('tags (tags dev set)', gate_tags),
    ('keyphrases (AKEC)', gate_akec),
    ('copies (dedup dev set)', gate_dedup),
    ('stories (stories dev set)', gate_stories),
    ('stop words and phrases (tags dev set)', gate_stop_lists),
    ('one analysis for queries and titles (search dev queries)', gate_query_match),
    ('known-item search (ANT 2018 ingested, search dev queries)', gate_search),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--shared', default=os.path.join(HERE, '../../shared'))
    ap.add_argument('--bin', default=os.path.join(HERE, '../target/release/akhbar'))
    ap.add_argument('--out', default=None)
    ap.add_argument('--only', default=None,
                    help='run only the gates whose name contains this (a partial run never passes)')
    a = ap.parse_args()
    a.out = a.out or tempfile.mkdtemp(prefix='akhbar-eval-')
    os.makedirs(a.out, exist_ok=True)
    if not os.path.isdir(a.shared):
        sys.exit(f'error: shared data not found at {a.shared}; pass --shared DIR')
    if not os.access(a.bin, os.X_OK):
        sys.exit(f'error: no akhbar binary at {a.bin}; run `cargo build --release` first')
    limits = json.load(open(os.path.join(HERE, 'floors.json'), encoding='utf-8'))
    figures = {}
    for name, gate in GATES:
        if a.only and a.only not in name:
            continue
        print(f'== {name}')
        gate(a, figures)
    print('== figures against floors and ceilings (eval/floors.json)')
    failed = []
    for key, value in sorted(figures.items()):
        floor = limits.get('floors', {}).get(key)
        ceiling = limits.get('ceilings', {}).get(key)
        ok = (floor is None or value >= floor) and (ceiling is None or value <= ceiling)
        bound = f'floor {floor}' if floor is not None else f'ceiling {ceiling}' if ceiling is not None else 'no limit'
        print(f"  {'ok  ' if ok else 'FAIL'} {key} = {value} ({bound})")
        if not ok:
            failed.append(key)
    for key in list(limits.get('floors', {})) + list(limits.get('ceilings', {})):
        if key not in figures:
            print(f'  FAIL {key}: no figure produced')
            failed.append(key)
    print(f'outputs in {a.out}')
    if a.only:
        sys.exit(f'partial run (--only {a.only}): gates not all run')
    if failed:
        sys.exit(f'evaluation gates failed: {", ".join(failed)}')
    print('evaluation gates passed')


main()
