//! What the extraction examples share: reading a page file from the data sets.

use std::io::Read;
use std::path::Path;

/// The bytes of the page file at `path`, decompressed when its name ends in `.gz`.
pub fn read_page(path: impl AsRef<Path>) -> std::io::Result<Vec<u8>> {
    let path = path.as_ref();
    let raw = std::fs::read(path)?;
    if path.extension().is_none_or(|e| e != "gz") {
        return Ok(raw);
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
    Ok(out)
}

/// The `.html.gz` page files of a data set's `html/` folder `dir`, sorted by name.
#[allow(dead_code)] // Each example compiles this module on its own; not all list folders.
pub fn set_pages(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    files.retain(|p| p.to_string_lossy().ends_with(".html.gz"));
    files.sort();
    Ok(files)
}
