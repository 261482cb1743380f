//! Prints rouge-score tokens of each stdin line, space-separated (one output
//! line per input line); `--no-stemmer` turns stemming off. Used by
//! scripts/rouge/check_stemmer.py to compare with NLTK on large word lists.

use std::io::{BufRead, BufWriter, Write};

fn main() -> std::io::Result<()> {
    let stemmer = !std::env::args().any(|a| a == "--no-stemmer");
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in std::io::stdin().lock().lines() {
        writeln!(out, "{}", lede_rouge::tokenize(&line?, stemmer).join(" "))?;
    }
    out.flush()
}
