//! Table-driven tests of akhbar's Arabic analysis: input → keys / segments / stems / tokens /
//! cleaned text / sentences. Every row is realistic news Arabic written for these tests; each
//! table goes through one `check` helper, so the API is called in one place.

use akhbar_text::{Analyzer, TokenKind, clean, fold, fold_word, split_sentences, tokenize};

/// Runs `f` on each input and reports every row that differs, with its expected and actual value.
fn check(table: &str, rows: &[(&str, &str)], f: impl Fn(&str) -> String) {
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(input, expected)| {
            let got = f(input);
            (got != *expected).then(|| format!("  {input:?}: expected {expected:?}, got {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{table}: {} of {} rows failed\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

#[test]
fn folding_keys() {
    check(
        "fold_word",
        &[
            // Alef forms.
            ("أحمد", "احمد"),
            ("إبراهيم", "ابراهيم"),
            ("آلاف", "الاف"),
            ("ٱلرحمن", "الرحمن"),
            ("الأردن", "الاردن"),
            ("الإمارات", "الامارات"),
            // Alef maqsura and Persian/Urdu yeh.
            ("مستشفى", "مستشفي"),
            ("بین", "بين"),
            ("علی", "علي"),
            ("الکویت", "الكويت"),
            ("مصطفى", "مصطفي"),
            // Teh marbuta and Urdu heh/teh.
            ("الحكومة", "الحكومه"),
            ("مدرسۃ", "مدرسه"),
            ("شہر", "شهر"),
            ("وزارة", "وزاره"),
            // Hamza on waw and yeh.
            ("مسؤول", "مسوول"),
            ("رئيس", "رييس"),
            ("شؤون", "شوون"),
            // Diacritics, shadda, sukun, tanwin, superscript alef, Quranic marks.
            ("مُحَمَّد", "محمد"),
            ("دورٌ", "دور"),
            ("جنوداً", "جنودا"),
            ("الرَّحْمٰن", "الرحمن"),
            ("هٰذا", "هذا"),
            ("ٱلْكِتَٰبُ", "الكتب"),
            ("قُرْآنٌ", "قران"),
            ("العِلْمۖ", "العلم"),
            // Tatweel.
            ("الحكـــومة", "الحكومه"),
            ("بـ", "ب"),
            ("هـ", "ه"),
            // Digits in three scripts.
            ("٢٠٢٤", "2024"),
            ("۱۴۰۲", "1402"),
            ("2024", "2024"),
            // Zero-width and bidi controls inside a word.
            ("بغ\u{200C}داد", "بغداد"),
            ("\u{200F}العراق", "العراق"),
            // Decomposed hamza (alef + combining hamza above).
            ("ا\u{0654}حمد", "احمد"),
            // Presentation forms and the lam-alef ligature.
            ("ﻻ", "لا"),
            ("ﺑﻐﺪﺍﺩ", "بغداد"),
            // Latin: lower-cased, accents kept.
            ("Reuters", "reuters"),
            ("AFP", "afp"),
            ("Élysée", "élysée"),
            ("Ｃ", "c"),
        ],
        fold_word,
    );
}

#[test]
fn folding_texts() {
    check(
        "fold",
        &[
            ("قال الوزير، إن الحكومة ستعمل؛ فهل تنجح؟", "قال الوزير ان الحكومه ستعمل فهل تنجح"),
            ("ارتفع المؤشر ٣٫٥٪ اليوم", "ارتفع الموشر 3.5 اليوم"),
            ("«الصحة»: لا إصابات جديدة!", "الصحه لا اصابات جديده"),
            ("#جائزة_نوبل للسلام", "جايزه نوبل للسلام"),
            ("   مسافات   كثيرة\n\nوسطور ", "مسافات كثيره وسطور"),
            ("٢٬٥٠٠ جندي", "2500 جندي"),
        ],
        fold,
    );
}

fn segments(word: &str) -> String {
    let analyzer = Analyzer::embedded();
    let tokens = analyzer.analyze(word);
    tokens
        .iter()
        .map(|a| a.segments.iter().map(|s| s.text).collect::<Vec<_>>().join("+"))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn clitic_segmentation() {
    check(
        "segments",
        &[
            // The article alone and with prepositions and conjunctions.
            ("الحكومة", "ال+حكومة"),
            ("والحكومة", "و+ال+حكومة"),
            ("بالعراق", "ب+ال+عراق"),
            ("فالقرار", "ف+ال+قرار"),
            ("كالعادة", "ك+ال+عادة"),
            ("للتحالف", "ل+ل+تحالف"),
            ("وللتحالف", "و+ل+ل+تحالف"),
            ("وبالتالي", "و+ب+ال+تالي"),
            ("فبالإضافة", "ف+ب+ال+إضافة"),
            ("والأمم", "و+ال+أمم"),
            ("للحكومة", "ل+ل+حكومة"),
            ("لليمن", "ل+ل+يمن"),
            ("بالأمس", "ب+ال+أمس"),
            // One-letter proclitics.
            ("وقال", "و+قال"),
            ("وأضاف", "و+أضاف"),
            ("فقد", "ف+قد"),
            ("بشكل", "ب+شكل"),
            ("لتنظيم", "ل+تنظيم"),
            ("ووزير", "و+وزير"),
            ("وبحسب", "و+ب+حسب"),
            ("ولذلك", "و+ل+ذلك"),
            ("وهو", "و+هو"),
            ("بأن", "ب+أن"),
            ("لمحاربة", "ل+محاربة"),
            ("وسيادته", "و+سيادته"),
            ("ويحفظ", "و+يحفظ"),
            ("وتجفيف", "و+تجفيف"),
            // Places and names after a clitic.
            ("ولبنان", "و+لبنان"),
            ("بلبنان", "ب+لبنان"),
            ("للبنان", "ل+لبنان"),
            ("وبغداد", "و+بغداد"),
            ("وبيروت", "و+بيروت"),
            ("وفلسطين", "و+فلسطين"),
            ("وواشنطن", "و+واشنطن"),
            // Words that only look prefixed.
            ("بغداد", "بغداد"),
            ("بيروت", "بيروت"),
            ("لبنان", "لبنان"),
            ("فلسطين", "فلسطين"),
            ("كامل", "كامل"),
            ("الله", "الله"),
            ("وزير", "وزير"),
            ("وزارة", "وزارة"),
            ("وكالة", "وكالة"),
            ("ولاية", "ولاية"),
            ("بيان", "بيان"),
            ("لجنة", "لجنة"),
            ("كانت", "كانت"),
            ("وكان", "و+كان"),
            ("فيصل", "فيصل"),
            ("واحد", "واحد"),
            ("فرنسا", "فرنسا"),
            ("كبير", "كبير"),
            ("فريق", "فريق"),
            // The length guard.
            ("وقت", "وقت"),
            ("بين", "بين"),
            ("بعد", "بعد"),
            ("فوق", "فوق"),
            ("لها", "لها"),
            // Alef with hamza is never the article.
            ("ألمانيا", "ألمانيا"),
            ("آلاف", "آلاف"),
            ("إلى", "إلى"),
            ("الذي", "الذي"),
            ("التي", "التي"),
            // Diacritics stay inside their segment.
            ("وَالْحُكُومَةُ", "وَ+الْ+حُكُومَةُ"),
            ("بِالعِرَاقِ", "بِ+ال+عِرَاقِ"),
            // A clitic written apart.
            ("بـ", "بـ"),
        ],
        segments,
    );
}

fn stem(word: &str) -> String {
    Analyzer::embedded().analyze(word).iter().map(|a| a.stem.clone()).collect::<Vec<_>>().join(" ")
}

#[test]
fn light_stems() {
    check(
        "stems",
        &[
            ("الحكومة", "حكوم"),
            ("الحكومات", "حكوم"),
            ("حكومتها", "حكوم"),
            ("والحكومة", "حكوم"),
            ("للتحالف", "تحالف"),
            ("والتحالفات", "تحالف"),
            ("المعلمون", "معلم"),
            ("المعلمين", "معلم"),
            ("العراقية", "عراق"),
            ("العراقي", "عراق"),
            ("الإيرانيين", "ايران"),
            ("إيران", "ايران"),
            ("الإيرانية", "ايران"),
            ("لبنان", "لبنان"),
            ("السودان", "سودان"),
            ("اليابان", "يابان"),
            ("الوزير", "وزير"),
            ("وزير", "وزير"),
            ("الكتاب", "كتاب"),
            ("كتاب", "كتاب"),
            ("بدمج", "دمج"),
            ("دمج", "دمج"),
            ("سياستها", "سياس"),
            ("السياسة", "سياس"),
            ("عمان", "عمان"),
            ("بيت", "بيت"),
            ("المدارس", "مدارس"),
            ("الانتخابات", "انتخاب"),
        ],
        stem,
    );
}

fn tokens(text: &str) -> String {
    tokenize(text)
        .iter()
        .map(|t| format!("{}:{}", t.kind.name(), t.text))
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn tokenizer() {
    check(
        "tokens",
        &[
            ("قال الوزير، إن", "word:قال | word:الوزير | punct:، | word:إن"),
            ("هل انتهى؟", "word:هل | word:انتهى | punct:؟"),
            ("بنسبة ٣٫٥٪", "word:بنسبة | number:٣٫٥ | punct:٪"),
            ("نحو 2,500 جندي", "word:نحو | number:2,500 | word:جندي"),
            ("نحو ٢٬٥٠٠ جندي", "word:نحو | number:٢٬٥٠٠ | word:جندي"),
            ("عام ۱۴۰۲", "word:عام | number:۱۴۰۲"),
            ("بـ 3 صواريخ", "word:بـ | number:3 | word:صواريخ"),
            (
                "زوروا https://example.com/news?id=5.",
                "word:زوروا | url:https://example.com/news?id=5 | punct:.",
            ),
            (
                "https://t.co/AbC#روج_نيوز",
                "url:https://t.co/AbC | hashtag:#روج_نيوز | word:روج | word:نيوز",
            ),
            (
                "الرابط www.akhbar.test/ar، ثم",
                "word:الرابط | url:www.akhbar.test/ar | punct:، | word:ثم",
            ),
            ("pic.twitter.com/xYz12", "url:pic.twitter.com/xYz12"),
            (
                "راسلونا info@akhbar.news اليوم",
                "word:راسلونا | email:info@akhbar.news | word:اليوم",
            ),
            (
                "— وكالة (@wakala_news) أمس",
                "punct:— | word:وكالة | punct:( | mention:@wakala_news | punct:) | word:أمس",
            ),
            ("#جائزة_نوبل", "hashtag:#جائزة_نوبل | word:جائزة | word:نوبل"),
            ("#COP28 في دبي", "hashtag:#COP28 | latin:COP28 | word:في | word:دبي"),
            ("مبروك 🎉🎉", "word:مبروك | emoji:🎉 | emoji:🎉"),
            ("العلم 🇸🇦", "word:العلم | emoji:🇸🇦"),
            ("عائلة 👨‍👩‍👧", "word:عائلة | emoji:👨‍👩‍👧"),
            ("«الصحة»", "punct:« | word:الصحة | punct:»"),
            ("انتهى...", "word:انتهى | punct:..."),
            ("وكالة Reuters", "word:وكالة | latin:Reuters"),
            ("al-Qaeda", "latin:al-Qaeda"),
            ("COVID-19", "latin:COVID | punct:- | number:19"),
            ("الحكـــومة", "word:الحكـــومة"),
            ("بغ\u{200C}داد", "word:بغ\u{200C}داد"),
            ("عامي2023و2024", "word:عامي | number:2023 | word:و | number:2024"),
            ("مُحَمَّدٌ", "word:مُحَمَّدٌ"),
        ],
        tokens,
    );
}

#[test]
fn token_keys_of_numbers_and_handles() {
    let keys = |s: &str| tokenize(s).iter().map(|t| t.key.clone()).collect::<Vec<_>>().join(" ");
    check(
        "keys",
        &[
            ("٢٬٥٠٠", "2500"),
            ("3٫5", "3.5"),
            ("1,5", "1,5"),
            ("عام 2ِ019", "عام 2019"),
            ("٢َ٠٢٤", "2024"),
            ("@RojNews", "@rojnews"),
            ("#جائزة_نوبل", "#جايزه_نوبل جايزه نوبل"),
            ("؟ ، ؛", "? , ;"),
        ],
        keys,
    );
}

#[test]
fn cleaning() {
    check(
        "clean",
        &[
            ("\u{FEFF}بغداد اليوم", "بغداد اليوم"),
            ("بغداد\u{200B} اليوم", "بغداد اليوم"),
            ("\u{202B}العراق\u{202C}", "العراق"),
            ("\u{2067}المصدر\u{2069}", "المصدر"),
            ("عمان\u{00A0}الأردن", "عمان الأردن"),
            ("قال   الوزير", "قال الوزير"),
            ("سطر أول  \r\nسطر ثان", "سطر أول\nسطر ثان"),
            ("فقرة\n\n\n\nفقرة", "فقرة\n\nفقرة"),
            ("  مسافة في البداية والنهاية \t", "مسافة في البداية والنهاية"),
            ("مُحَمَّدٌ يقرأ", "مُحَمَّدٌ يقرأ"),
            ("الحكـــومة", "الحكـــومة"),
            ("ا\u{0654}حمد", "أحمد"),
            ("عائلة 👨\u{200D}👩\u{200D}👧", "عائلة 👨\u{200D}👩\u{200D}👧"),
            ("بين\u{2009}قوسين", "بين قوسين"),
        ],
        clean,
    );
}

fn sentences(text: &str) -> String {
    split_sentences(text)
        .iter()
        .map(|s| &text[s.byte_start..s.byte_end])
        .collect::<Vec<_>>()
        .join(" || ")
}

#[test]
fn sentence_splitting() {
    check(
        "sentences",
        &[
            ("وصل الوفد. وبدأت المحادثات.", "وصل الوفد. || وبدأت المحادثات."),
            ("هل تنجح الهدنة؟ لا أحد يعرف!", "هل تنجح الهدنة؟ || لا أحد يعرف!"),
            ("قال: «لن نتراجع. سنمضي قدماً». ثم غادر.", "قال: «لن نتراجع. سنمضي قدماً». || ثم غادر."),
            ("وقال: \"سنرد بقوة.\" ثم انسحب الوفد.", "وقال: \"سنرد بقوة.\" || ثم انسحب الوفد."),
            ("التقى د. أحمد الوزير. ثم غادر.", "التقى د. أحمد الوزير. || ثم غادر."),
            ("عنوانه ص.ب. 1234 في الرياض. شكراً.", "عنوانه ص.ب. 1234 في الرياض. || شكراً."),
            (
                "ارتفع بنسبة 3.5 في المئة. وانخفض الدولار.",
                "ارتفع بنسبة 3.5 في المئة. || وانخفض الدولار.",
            ),
            ("زار الرئيس U.S. Army أمس. وعاد.", "زار الرئيس U.S. Army أمس. || وعاد."),
            ("العنوان\nالفقرة الأولى", "العنوان || الفقرة الأولى"),
            (
                "أبرز القرارات:\n1. خفض الضرائب\n2. دعم الشباب",
                "أبرز القرارات: || 1. خفض الضرائب || 2. دعم الشباب",
            ),
            ("• البند الأول\n• البند الثاني", "• البند الأول || • البند الثاني"),
            ("توفي عام 1445 هـ. ودفن في مكة.", "توفي عام 1445 هـ. || ودفن في مكة."),
            ("الموقع akhbar.test.news مفتوح. تفضلوا.", "الموقع akhbar.test.news مفتوح. || تفضلوا."),
            ("انتظروا... ثم حدث ما حدث.", "انتظروا... || ثم حدث ما حدث."),
            ("لماذا؟! سأل الصحفي.", "لماذا؟! || سأل الصحفي."),
            ("", ""),
        ],
        sentences,
    );
}

#[test]
fn stop_words_and_phrases() {
    let analyzer = Analyzer::embedded();
    let flags = |text: &str| {
        analyzer
            .analyze(text)
            .iter()
            .filter(|a| a.token.kind == TokenKind::Word)
            .map(|a| match (a.stop, a.stop_phrase) {
                (_, Some(n)) => format!("P{n}"),
                (true, None) => "S".to_string(),
                (false, None) => "-".to_string(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    check(
        "stop flags",
        &[
            ("تدعم الحكومة الحوار بشكل كامل", "- - - P2 -"),
            ("وبشكل ثنائي مع الأطراف", "P2 - S -"),
            ("في وقت سابق من اليوم", "P3 - - S S"),
            ("وفي هذا السياق أكد الوزير", "P3 S - S -"),
            ("على الأقل عشرة قتلى", "P2 - S -"),
            ("دعا كافة وسائل الإعلام", "- S P2 -"),
            ("التحالف الدولي في العراق", "- - S -"),
        ],
        flags,
    );
    let lex = analyzer.lexicon();
    for phrase in ["بشكل كامل", "في وقت سابق", "على الأقل", "وفي هذا السياق", "وبشكل كامل"]
    {
        assert!(lex.is_stop_phrase(phrase), "{phrase} should be a stop phrase");
    }
    for phrase in ["التحالف الدولي", "الحكومة العراقية", "عمار الحكيم"]
    {
        assert!(!lex.is_stop_phrase(phrase), "{phrase} is no stop phrase");
    }
}
