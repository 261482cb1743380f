//! The one bounded reader every command uses: files and stdin are read up
//! to the limit plus one byte, never more.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use anyhow::{bail, Context};

/// Reads at most `max_bytes + 1` bytes from `reader` and refuses input over
/// `max_bytes`; `what` names the input in the error.
pub fn read_bounded(reader: impl Read, max_bytes: usize, what: &str) -> anyhow::Result<Vec<u8>> {
    let bytes = read_prefix(reader, max_bytes, what)?;
    if bytes.len() > max_bytes {
        bail!("{what} is over the limit of {max_bytes} bytes (raise it with --max-bytes)");
    }
    Ok(bytes)
}

/// Reads at most `max_bytes + 1` bytes from `reader`: the caller decides
/// what a longer input means (a corpus read on from there, or a refusal).
pub fn read_prefix(reader: impl Read, max_bytes: usize, what: &str) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {what}"))?;
    Ok(bytes)
}

/// Reads the file `name`, or stdin for `-`, within `max_bytes`.
pub fn read_input(name: &str, max_bytes: usize) -> anyhow::Result<Vec<u8>> {
    if name == "-" {
        read_bounded(io::stdin().lock(), max_bytes, "stdin")
    } else {
        let file = File::open(Path::new(name)).with_context(|| format!("cannot open {name}"))?;
        read_bounded(file, max_bytes, name)
    }
}

/// The inputs a command reads: the ones given, else stdin when it is a pipe
/// or a file (so `lede summarize < file` works).
pub fn inputs_or_stdin(inputs: &[String]) -> anyhow::Result<Vec<String>> {
    use std::io::IsTerminal;
    if !inputs.is_empty() {
        return Ok(inputs.to_vec());
    }
    if io::stdin().is_terminal() {
        bail!("no input: give a file, URL or `-` for stdin, or pipe the input in");
    }
    Ok(vec!["-".to_owned()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_at_most_one_byte_past_the_limit() {
        let data = [b'a'; 100];
        assert_eq!(read_bounded(&data[..], 100, "x").unwrap().len(), 100);
        let err = read_bounded(&data[..], 99, "x").unwrap_err();
        assert!(err.to_string().contains("over the limit of 99 bytes"));
        let mut reader = &data[..];
        assert_eq!(read_prefix(&mut reader, 10, "x").unwrap().len(), 11);
        assert_eq!(reader.len(), 89);
    }
}
