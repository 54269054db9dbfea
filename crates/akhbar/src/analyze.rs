//! `akhbar analyze`: one page in, one JSON object out (the shape of CLI.md). Fields whose stage
//! is not built yet are left out, never faked.

use anyhow::{Result, bail};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The page is HTML (default: a page flattened to text).
    #[arg(long)]
    html: bool,
    /// The page's address (used for canonical URL and relative links).
    #[arg(long)]
    url: Option<String>,
    /// The time relative dates are resolved against when the page gives none (ISO 8601).
    #[arg(long)]
    reference: Option<String>,
    /// The page; `-` or nothing reads standard input.
    file: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> Result<()> {
    let text = crate::read_input(args.file.as_deref())?;
    if args.html {
        bail!(
            "HTML extraction is not built yet (issue 3): flatten the page to text, or omit --html for a text page"
        );
    }
    let _ = (&args.url, &args.reference);
    let page = akhbar_extract::flat::parse_flat(&text);
    println!("{}", serde_json::to_string_pretty(&page)?);
    Ok(())
}
