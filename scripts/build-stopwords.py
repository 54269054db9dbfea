#!/usr/bin/env python3
"""Builds crates/akhbar-text/data/stopwords.txt.

usage: build-stopwords.py SHARED_DIR > crates/akhbar-text/data/stopwords.txt
The list is the shared mohataher list, folded and cleaned (entries with stray characters
dropped), plus the CORPUS words below: frequent yet topic-free words picked by hand from the
`stop-candidates.tsv` that `akhbar lexicon` computes over the shared corpora (document share and
spread over the ANT categories), keeping function-like words (reporting verbs, discourse and
time fillers, vague quantifiers) and leaving out spread but meaningful nouns (رئيس, لجنة)."""
import os, sys
shared = sys.argv[1] if len(sys.argv) > 1 else '../shared'
sys.path.insert(0, os.path.join(shared, 'eval'))
from arabic import fold  # noqa: E402

CORPUS = """
وذلك فيما عبر الامر بما داخل بشان يتم جانب وسط اضافه مشيرا واشار بانه رغم العديد الكثير بدايه وبعد
بالاضافه سيكون قايلا وكذلك لمده يذكر وتابع انهم منهم يعد امر وتم لكل مدي بينها سواء موخرا بذلك
مضيفا يقول ليست بكل سبق ياتي خلالها وحتي لقد تعد يبدو يتعلق بهذه ذكرت خصوصا لكنها لهذه وجاء وعدم
يزال اننا سيتم تماما وهم جانبه واشارت يوجد وياتي اوضح وهذه ورغم بدون ذاته وانه يعتبر تمت جاءت اشاره
لدينا رسميا مجددا لاي سابقا ايضا حاليا وفق وفقا حسب بحسب اضاف واضاف قال وقال اكد واكد اوضح واوضح
لافتا مؤكدا موكدا موضحا مبينا منوها وبين وقالت اضافت واضافت اكدت واكدت اشارت اوضحت وتابعت مضيفه
تابع وشدد شدد ولفت لفت وبينت بينما حيث كما لكن لذلك وبالتالي بالتالي خاصه خصوصا عموما غالبا احيانا
نحو قرابه زهاء حوالي تقريبا فقط كافه جميع بعض معظم اغلب عده عدد مختلف مختلفه العديد الكثير المزيد
اليوم امس غدا الان حاليا مؤخرا موخرا سابقا لاحقا الماضي الماضيه المقبل المقبله القادم القادمه الجاري
الحالي الحاليه الاسبوع الشهر العام السنه الاول الاولي الثاني الثانيه الاخير الاخيره
السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه صباح مساء ظهر فجر ليل ليله يوم ايام
بشكل بصوره بطريقه نظرا بالنسبه بخصوص بصدد ازاء تجاه ضمن اطار خلال عبر لدي لدى
"""


def clean(w):
    k = fold(w)
    return k if k and all('\u0621' <= c <= '\u064a' for c in k) else None


words = set()
for line in open(os.path.join(shared, 'data/stopwords/mohataher_arabic_stop_words_list.txt'), encoding='utf-8'):
    k = clean(line.strip())
    if k and len(k) >= 2:
        words.add(k)
for w in CORPUS.split():
    k = clean(w)
    if k:
        words.add(k)
print('# Arabic stop words, folded. Built by scripts/build-stopwords.py (see README).')
for w in sorted(words):
    print(w)
