//! `akhbar train-ner` and `akhbar ner --model` as a user runs them: a model trained on one's own
//! CoNLL data tags with that model; a file that is no model is a clear error. The sentences are
//! written for this test (fictional people, companies and towns).

use std::path::{Path, PathBuf};
use std::process::Command;

fn akhbar(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_akhbar")).args(args).output().expect("run akhbar");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn fresh_dir(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("temp dir");
    root
}

/// Sentences as `token LABEL` lines, a blank line after each.
fn conll(rows: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (text, labels) in rows {
        for (t, l) in text.split(' ').zip(labels.split(' ')) {
            out.push_str(&format!("{t} {l}\n"));
        }
        out.push('\n');
    }
    out
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn a_model_trained_on_ones_own_data_tags_with_it() {
    let root = fresh_dir("akhbar-ner-cli");
    let rows = [
        (
            "التقى زهير القناوي وفدا من شركة بريق في بلدة تلال .",
            "O B-PER I-PER O O B-ORG I-ORG O B-LOC I-LOC O",
        ),
        ("وزار زهير القناوي بلدة تلال أمس .", "O B-PER I-PER B-LOC I-LOC O O"),
        ("أعلنت شركة بريق أرباحها في تلال .", "O B-ORG I-ORG O O B-LOC O"),
        ("قال زهير القناوي إن شركة بريق ستتوسع .", "O B-PER I-PER O B-ORG I-ORG O O"),
    ];
    let train = root.join("train.txt");
    std::fs::write(&train, conll(&rows).repeat(5)).expect("write");
    let model = root.join("own.model");
    let (ok, stdout, stderr) = akhbar(&[
        "train-ner",
        "--train",
        path(&train),
        "--dev",
        path(&train),
        "--out",
        path(&model),
        "--epochs",
        "5",
        "--runs",
        "2",
    ]);
    assert!(ok, "train-ner failed: {stderr}");
    assert!(stdout.lines().any(|l| l.starts_with("ALL")), "no dev figures: {stdout}");

    let input = root.join("in.txt");
    std::fs::write(&input, "وزار\nزهير\nالقناوي\nبلدة\nتلال\nأمس\n.\n").expect("write");
    let (ok, stdout, stderr) = akhbar(&["ner", "--model", path(&model), path(&input)]);
    assert!(ok, "ner failed: {stderr}");
    let labels: Vec<&str> = stdout.lines().map(|l| l.split('\t').nth(1).unwrap_or("")).collect();
    assert_eq!(labels, ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "O", "O"]);
    // The built-in model does not know this town: the labels above are the own model's.
    let (ok, stdout, _) = akhbar(&["ner", path(&input)]);
    assert!(ok);
    assert_ne!(stdout.lines().nth(4).and_then(|l| l.split('\t').nth(1)), Some("I-LOC"));

    // Not a model: a clear error, no output.
    let (ok, stdout, stderr) = akhbar(&["ner", "--model", path(&input), path(&input)]);
    assert!(!ok);
    assert!(stdout.is_empty());
    assert!(stderr.contains("is not a model written by `akhbar train-ner`"), "{stderr}");
    let _ = std::fs::remove_dir_all(&root);
}
