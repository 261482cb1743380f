//! Where batch URLs and files come from: URL lists, RSS/Atom feeds,
//! sitemaps (and sitemap indexes), and directories of article files.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use anyhow::Context;
use quick_xml::events::Event;
use quick_xml::Reader;

/// Most URLs taken from one feed or sitemap (the sitemap protocol's own cap).
pub const MAX_URLS_PER_DOCUMENT: usize = 50_000;

/// File name extensions a directory walk picks up.
pub const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "html", "htm", "story"];

/// The URLs of a URL list: one per line; blank lines and `#` comments skipped.
pub fn url_list(reader: impl BufRead) -> impl Iterator<Item = std::io::Result<String>> {
    reader.lines().filter_map(|line| match line {
        Ok(line) => {
            let url = line.trim();
            (!url.is_empty() && !url.starts_with('#')).then(|| Ok(url.to_owned()))
        }
        Err(e) => Some(Err(e)),
    })
}

/// The article files under `dir`, recursively, in sorted order.
pub fn article_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.with_context(|| format!("cannot list {}", dir.display()))?;
        let is_article = entry.path().extension().is_some_and(|ext| {
            let ext = ext.to_string_lossy().to_ascii_lowercase();
            ARTICLE_EXTENSIONS.contains(&ext.as_str())
        });
        if entry.file_type().is_file() && is_article {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// The links found in a feed or sitemap.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Links {
    /// Page URLs: RSS `<item><link>`, Atom `<entry><link href>` (alternate
    /// links only), sitemap `<url><loc>`.
    pub pages: Vec<String>,
    /// Further sitemaps, from a sitemap index's `<sitemap><loc>`.
    pub sitemaps: Vec<String>,
}

/// Reads the links of an RSS or Atom feed, a sitemap or a sitemap index,
/// at most [`MAX_URLS_PER_DOCUMENT`] of them.
pub fn links(xml: &str) -> anyhow::Result<Links> {
    let mut reader = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut links = Links::default();
    let full = |links: &Links| links.pages.len() + links.sitemaps.len() >= MAX_URLS_PER_DOCUMENT;
    loop {
        let event = reader.read_event().with_context(|| {
            format!(
                "not a valid feed or sitemap (at byte {})",
                reader.buffer_position()
            )
        })?;
        match event {
            Event::Start(tag) => {
                let name = local_name(tag.local_name().as_ref());
                if name == "link" && parent(&path) == Some("entry") {
                    atom_link(&tag, &mut links)?;
                }
                path.push(name);
                text.clear();
            }
            Event::Empty(tag) => {
                let name = local_name(tag.local_name().as_ref());
                if name == "link" && path.last().map(String::as_str) == Some("entry") {
                    atom_link(&tag, &mut links)?;
                }
            }
            Event::Text(t) => text.push_str(&t.decode()?),
            Event::CData(t) => text.push_str(&t.decode()?),
            Event::GeneralRef(r) => match r.resolve_char_ref()? {
                Some(c) => text.push(c),
                None => {
                    let name = r.decode()?;
                    let resolved = quick_xml::escape::resolve_xml_entity(&name)
                        .with_context(|| format!("unknown entity &{name};"))?;
                    text.push_str(resolved);
                }
            },
            Event::End(_) => {
                let name = path.pop().unwrap_or_default();
                let url = text.trim();
                match (name.as_str(), path.last().map(String::as_str)) {
                    ("link", Some("item")) | ("loc", Some("url")) if !url.is_empty() => {
                        links.pages.push(url.to_owned());
                    }
                    ("loc", Some("sitemap")) if !url.is_empty() => {
                        links.sitemaps.push(url.to_owned());
                    }
                    _ => {}
                }
                text.clear();
            }
            Event::Eof => break,
            _ => {}
        }
        if full(&links) {
            break;
        }
    }
    Ok(links)
}

fn local_name(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_ascii_lowercase()
}

fn parent(path: &[String]) -> Option<&str> {
    path.last().map(String::as_str)
}

/// An Atom `<link>`: its `href` when `rel` is absent or `alternate`.
fn atom_link(tag: &quick_xml::events::BytesStart<'_>, links: &mut Links) -> anyhow::Result<()> {
    let mut href = None;
    let mut alternate = true;
    for attr in tag.attributes() {
        let attr = attr?;
        match attr.key.local_name().as_ref() {
            b"href" => href = Some(attr.unescape_value()?.trim().to_owned()),
            b"rel" => alternate = attr.unescape_value()?.trim() == "alternate",
            _ => {}
        }
    }
    if let (Some(href), true) = (href, alternate) {
        if !href.is_empty() {
            links.pages.push(href);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_atom_and_sitemaps() {
        let rss = r#"<?xml version="1.0"?><rss><channel><link>http://127.0.0.1/</link>
            <item><title>A</title><link> http://127.0.0.1/a?x=1&amp;y=2 </link></item>
            <item><link><![CDATA[http://127.0.0.1/b]]></link></item></channel></rss>"#;
        assert_eq!(
            links(rss).unwrap().pages,
            ["http://127.0.0.1/a?x=1&y=2", "http://127.0.0.1/b"]
        );
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><link href="http://127.0.0.1/"/>
            <entry><link rel="self" href="http://127.0.0.1/self"/><link href="http://127.0.0.1/c"/></entry>
            <entry><link rel="alternate" href="http://127.0.0.1/d"></link></entry></feed>"#;
        assert_eq!(
            links(atom).unwrap().pages,
            ["http://127.0.0.1/c", "http://127.0.0.1/d"]
        );
        let sitemap =
            r#"<urlset><url><loc>http://127.0.0.1/e</loc><lastmod>2024</lastmod></url></urlset>"#;
        assert_eq!(links(sitemap).unwrap().pages, ["http://127.0.0.1/e"]);
        let index =
            r#"<sitemapindex><sitemap><loc>http://127.0.0.1/s.xml</loc></sitemap></sitemapindex>"#;
        let found = links(index).unwrap();
        assert_eq!(
            (found.pages.len(), found.sitemaps),
            (0, vec!["http://127.0.0.1/s.xml".to_owned()])
        );
        assert!(links("<rss><item><link>x</lnk></item></rss>").is_err());
    }

    #[test]
    fn url_lists_skip_blanks_and_comments() {
        let list = "# mine\nhttp://127.0.0.1/a\n\n  http://127.0.0.1/b  \n";
        let urls: Vec<String> = url_list(list.as_bytes()).map(Result::unwrap).collect();
        assert_eq!(urls, ["http://127.0.0.1/a", "http://127.0.0.1/b"]);
    }
}
