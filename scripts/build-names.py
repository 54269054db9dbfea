#!/usr/bin/env python3
"""Builds crates/akhbar-text/data/names.txt: proper names the light stemmer leaves whole.

usage: build-names.py SHARED_DIR > crates/akhbar-text/data/names.txt
Sources: country names from the shared gazetteer (pycountry), and single tokens that ANERcorp's
training portion labels as the first token of a person or place in at least 80% of at least 3
occurrences. Names
are written folded and without the article (the stemmer sees words without their ال); a token
that is a clitic plus another listed name (`ولبنان`) is left out. Hand-added names live in the
HAND list below."""
import collections, os, sys
sys.path.insert(0, os.path.join(sys.argv[1] if len(sys.argv) > 1 else '../shared', 'eval'))
from arabic import fold  # noqa: E402

shared = sys.argv[1] if len(sys.argv) > 1 else '../shared'
EXTRA = str.maketrans({'گ': 'ك', 'ڪ': 'ك', 'ۀ': 'ه', 'ھ': 'ه', 'ە': 'ه'})


def key(s):
    return fold(s.translate(EXTRA))


def bare(k):
    return k[2:] if k.startswith('ال') and len(k) > 4 else k


NOT_NAMES = set('ولايات متحده اوسط شرق غرب شمال جنوب عربيه جمهوريه مملكه دوله مدينه خليج'.split())

HAND = """
بغداد بيروت دمشق عمان القاهره الرياض جده مكه المدينه الدوحه ابوظبي دبي الشارقه المنامه الكويت مسقط صنعاء عدن
تعز الحديده مارب طرابلس بنغازي تونس الجزائر وهران الرباط الدار البيضاء نواكشوط الخرطوم مقديشو جيبوتي القدس غزه
رام الله نابلس الخليل جنين اربيل الموصل البصره كركوك النجف كربلاء الفلوجه الرمادي تكريت بعقوبه السليمانيه حلب حمص
حماه اللاذقيه طرطوس ادلب الرقه دير الزور درعا القامشلي صيدا صور طهران انقره اسطنبول موسكو واشنطن نيويورك لندن باريس
برلين روما مدريد بروكسل جنيف فيينا بكين طوكيو نيودلهي كابول اسلام اباد الظهران الطائف تبوك ابها جازان نجران حائل
القصيم بريده الاحساء القطيف الجبيل ينبع الخبر الدمام
فيصل فادي وادي كمال بلال وليد وائل فهد فارس كريم بشار بسام وسام وئام باسم بكر لؤي لطيفه لمياء كوثر فاطمه
محمد احمد علي حسن حسين عمار عمر عثمان خالد سعود سلمان عبدالله عبدالعزيز عبدالرحمن ابراهيم يوسف عيسي موسي يحيي
مصطفي مرتضي مهدي هادي ناجي سامي رامي شادي زياد نبيه نبيل جميل جمال كمال اسماعيل نصرالله الحكيم الصدر المالكي
العبادي الكاظمي السوداني الحريري عون بري ميقاتي الاسد ترامب بايدن اوباما بوتين ماكرون ميركل اردوغان روحاني خامنئي
نتنياهو عباس هنيه السيسي مبارك مرسي القذافي حفتر البشير بوتفليقه تبون قيس سعيد بن كيران
ايران العراق سوريا لبنان الاردن مصر اليمن ليبيا تونس المغرب الجزائر السودان فلسطين اسرائيل تركيا روسيا الصين اليابان
امريكا اميركا فرنسا المانيا بريطانيا ايطاليا اسبانيا كندا الهند باكستان افغانستان قطر البحرين الامارات الكويت عمان
السعوديه الصومال موريتانيا جيبوتي اثيوبيا اريتريا كوريا اوكرانيا بولندا اليونان قبرص البرازيل الارجنتين المكسيك
فنزويلا كوبا نيجيريا كينيا تنزانيا اوغندا
داعش حماس فتح حزب الله الحوثي الحوثيين طالبان القاعده النصره الناتو اوبك اليونسكو اليونيسف الفيفا
"""


def main():
    names = set()
    for line in open(os.path.join(shared, 'data/gazetteers/pycountry_iso3166_countries_ar.tsv'), encoding='utf-8'):
        cols = line.rstrip('\n').split('\t')
        if len(cols) >= 4 and cols[0] != 'alpha_2':
            k = key(cols[3])
            if ' ' not in k:
                names.add(bare(k))
    counts = collections.defaultdict(collections.Counter)
    for line in open(os.path.join(shared, 'data/ner/anercorp-train.txt'), encoding='utf-8'):
        parts = line.split()
        if len(parts) >= 2:
            # Continuation tokens (I-) are often common words of a longer name (`الأوسط` in
            # `الشرق الأوسط`): only entity-initial or single tokens count as names.
            tag = parts[-1]
            counts[key(parts[0])]['O' if tag == 'O' else tag[2:] if tag.startswith('B-') else 'I'] += 1
    for tok, c in counts.items():
        total = sum(c.values())
        named = c['PERS'] + c['LOC']
        if total >= 3 and named / total >= 0.8 and len(tok) >= 3 and ' ' not in tok and tok:
            names.add(bare(tok))
    for w in HAND.split():
        names.add(bare(key(w)))
    # Drop clitic + name (`ولبنان`, `بالعراق` → `بعراق`?) so that such tokens still segment.
    def clitic_of_name(n):
        for p in ('و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'لل', 'بال', 'وال', 'لل'):
            if n.startswith(p) and len(n) - len(p) >= 3 and bare(n[len(p):]) in names and n[len(p):] != n:
                return True
        return False
    glued = ('لل', 'وال', 'بال', 'فال', 'كال', 'ولل')
    out = sorted(n for n in names if n and n not in NOT_NAMES and not clitic_of_name(n) and not n.startswith(glued)
                 and all('\u0621' <= ch <= '\u064a' for ch in n))
    print('# Proper names the light stemmer leaves whole (folded, without the article).')
    print('# Built by scripts/build-names.py from the shared gazetteer and ANERcorp; see README.')
    for n in out:
        print(n)


main()
