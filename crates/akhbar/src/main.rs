//! The akhbar command line: glue between the pure stages and the user.

mod analyze;
mod clusters;
mod dates;
mod demo;
mod ingest;
mod lexicon;
mod ner;
mod pipeline;
mod process;
mod spool;
mod text;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// akhbar (أخبار): an Arabic news engine.
#[derive(Debug, Parser)]
#[command(name = "akhbar", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run akhbar's main job on its bundled demo material and print a report.
    Demo {
        /// Keep the demo store in this directory (default: a fresh temporary directory).
        #[arg(long)]
        store: Option<PathBuf>,
    },
    /// Read one news page (flattened text, or HTML with --html) into an article and its sections.
    Analyze(analyze::Args),
    /// Find and resolve the date expressions of texts (JSON Lines `{"id", "text", "reference"}`).
    Dates {
        /// JSON Lines input; `-` or nothing reads standard input.
        #[arg(long)]
        input: Option<PathBuf>,
    },
    /// Process a batch of articles (JSON Lines) into what akhbar derives from them.
    Process(process::Args),
    /// Keyphrases of documents (JSON Lines `{"id", "text"}` → `{"id", "keyphrases"}`).
    Keyphrases {
        /// JSON Lines input; `-` or nothing reads standard input.
        #[arg(long)]
        input: Option<PathBuf>,
        /// How many keyphrases per document.
        #[arg(long, default_value_t = 10)]
        top: usize,
    },
    /// Run a batch of articles through the pipeline into a store and its search index.
    Ingest(ingest::IngestArgs),
    /// Search a store (JSON out: `{"id", "hits": [{"id", "title", "score", "snippet"}]}`).
    Search(ingest::SearchArgs),
    /// Rebuild a store's search index from the store.
    Reindex(ingest::ReindexArgs),
    /// Similarity of article pairs (JSON Lines `{"id", "a": {"title", "text"}, "b": {…}}`).
    Similarity {
        /// JSON Lines input; `-` or nothing reads standard input.
        #[arg(long)]
        input: Option<PathBuf>,
    },
    /// Label CoNLL tokens with entity types (BIO over PER, ORG, LOC, MISC).
    Ner {
        /// CoNLL input (first column the token); `-` or nothing reads standard input.
        file: Option<PathBuf>,
        /// A model written by `akhbar train-ner` to use instead of the built-in one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Train the entity tagger (averaged perceptron) and report dev F1 per type.
    TrainNer(ner::TrainArgs),
    /// Show akhbar's analysis of a text, token by token: key, segments, stem, flags.
    Text {
        /// Print JSON (one object with sentences and tokens) instead of a table.
        #[arg(long)]
        json: bool,
        /// The text to analyze; `-` or nothing reads standard input.
        file: Option<PathBuf>,
    },
    /// Count background word frequencies and stop-list candidates over a corpus.
    Lexicon(lexicon::Args),
    /// Learn word classes from a corpus (features of the entity tagger).
    Clusters(clusters::Args),
}

fn main() -> Result<()> {
    match run(Cli::parse()) {
        // Output piped into `head` and the like: the reader has what it wanted.
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            Ok(())
        }
        other => other,
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Demo { store } => demo::run(store.as_deref()),
        Command::Analyze(args) => analyze::run(&args),
        Command::Dates { input } => dates::run(input.as_deref()),
        Command::Text { json, file } => text::run(file.as_deref(), json),
        Command::Lexicon(args) => lexicon::run(&args),
        Command::Clusters(args) => clusters::run(&args),
        Command::Ner { file, model } => ner::ner(file.as_deref(), model.as_deref()),
        Command::Process(args) => process::run(&args),
        Command::Ingest(args) => ingest::ingest(&args),
        Command::Search(args) => ingest::search(&args),
        Command::Reindex(args) => ingest::reindex(&args),
        Command::Similarity { input } => process::similarity(input.as_deref()),
        Command::Keyphrases { input, top } => process::keyphrases(input.as_deref(), top),
        Command::TrainNer(args) => ner::train_ner(&args),
    }
}

/// Opens a line-oriented input: a file, or standard input for `-` or no path.
pub(crate) fn open_lines(path: Option<&std::path::Path>) -> Result<Box<dyn std::io::BufRead>> {
    use anyhow::Context;
    Ok(match path {
        Some(p) if p.as_os_str() != "-" => Box::new(std::io::BufReader::new(
            std::fs::File::open(p).with_context(|| format!("cannot open {}", p.display()))?,
        )),
        _ => Box::new(std::io::stdin().lock()),
    })
}

/// Maps a JSON Lines batch record by record: `f` gets each record with its `"text"` and line
/// number and returns the output object (`"id"` is added); a line that is not JSON or has no
/// text gets an `"error"` line of its own and the batch goes on.
pub(crate) fn map_json_lines(
    input: Option<&std::path::Path>,
    f: impl Fn(&serde_json::Value, &str, usize) -> Result<serde_json::Value, String>,
) -> Result<()> {
    use serde_json::{Value, json};
    use std::io::{BufRead, Write};
    let reader = open_lines(input)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<Value>(&line) {
            Err(e) => json!({"id": null, "error": format!("line {}: not JSON: {e}", n + 1)}),
            Ok(rec) => {
                let id = rec.get("id").cloned().unwrap_or(Value::Null);
                let outcome = match rec.get("text").and_then(Value::as_str) {
                    Some(text) => f(&rec, text, n + 1),
                    None if rec.get("a").is_some() => f(&rec, "", n + 1),
                    None => Err("no \"text\" field".to_string()),
                };
                match outcome {
                    Ok(mut v) => {
                        v["id"] = id;
                        v
                    }
                    Err(e) => json!({"id": id, "error": format!("line {}: {e}", n + 1)}),
                }
            }
        };
        writeln!(out, "{result}")?;
    }
    out.flush()?;
    Ok(())
}

/// Reads a whole input as bytes: a file, or standard input for `-` or no path.
pub(crate) fn read_bytes(path: Option<&std::path::Path>) -> Result<Vec<u8>> {
    use anyhow::Context;
    use std::io::Read;
    match path {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))
        }
        _ => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).context("cannot read standard input")?;
            Ok(buf)
        }
    }
}

/// Text from bytes that should be UTF-8: a stray invalid byte must not lose the rest.
pub(crate) fn lossy_utf8(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("warning: input is not valid UTF-8; invalid bytes were replaced with U+FFFD");
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

/// Reads a whole input as text: a file, or standard input for `-` or no path.
pub(crate) fn read_input(path: Option<&std::path::Path>) -> Result<String> {
    Ok(lossy_utf8(read_bytes(path)?))
}

/// A progress bar on standard error, drawn only when it is a terminal.
pub(crate) fn progress_bar(len: usize, what: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(len as u64);
    let template = format!(
        "{{elapsed_precise}} [{{bar:40}}] {{pos}}/{{len}} {what} ({{per_sec}}, {{eta}} left)"
    );
    bar.set_style(
        indicatif::ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar
}
