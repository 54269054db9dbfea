"""Story figures over a corpus without story labels: story sizes and spans, and the share of
article pairs within a story that come from the same section of the source (a proxy for
purity: one event can be told in two sections, so 1.0 is not the aim).

    python3 scripts/story-purity.py CORPUS.jsonl PROCESS_OUTPUT.jsonl

CORPUS.jsonl: the records given to `akhbar process` (`id`, `category`); PROCESS_OUTPUT.jsonl:
what it printed (`id`, `story`, `published`).
"""
import collections
import gzip
import json
import sys


def lines(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8') as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def main():
    corpus, output = sys.argv[1], sys.argv[2]
    category = {r['id']: r.get('category') for r in lines(corpus)}
    members = collections.defaultdict(list)
    days = collections.defaultdict(set)
    for r in lines(output):
        if 'story' in r:
            members[r['story']].append(category.get(r['id']))
            days[r['story']].add((r.get('published') or '')[:10])
    multi = [m for m in members.values() if len(m) > 1]
    pairs = sum(len(m) * (len(m) - 1) / 2 for m in multi)
    same = sum(sum(c * (c - 1) / 2 for c in collections.Counter(m).values()) for m in multi)
    big = sorted(members, key=lambda s: -len(members[s]))[:3]
    print(json.dumps({
        'stories': len(members),
        'articles_in_multi_article_stories': sum(len(m) for m in multi),
        'articles_in_stories_of_100_plus': sum(len(m) for m in members.values() if len(m) >= 100),
        'stories_spanning_15_plus_days': sum(1 for s in members if len(days[s]) >= 15),
        'biggest': [(len(members[s]), len(days[s])) for s in big],
        'same_section_pairs': round(same / pairs, 3) if pairs else None,
    }))


main()
