//! Resolving the addresses a page gives (canonical link, lead image) against its own URL,
//! following RFC 3986 section 5.2 for http(s) bases.

/// Longest address kept; longer ones are data, not links.
const MAX_URL_BYTES: usize = 4096;

/// `reference` made absolute against `base` (an absolute http(s) URL, or none).
///
/// Returns `None` for empty references, non-http(s) schemes (`data:`, `javascript:`) and
/// relative references without a usable base.
pub(super) fn resolve(base: Option<&str>, reference: &str) -> Option<String> {
    let reference = reference.trim();
    if reference.is_empty()
        || reference.len() > MAX_URL_BYTES
        || reference.contains(char::is_whitespace)
    {
        return None;
    }
    if let Some(scheme) = scheme(reference) {
        return is_http(scheme).then(|| reference.to_string());
    }
    let base = Base::parse(base?)?;
    let (path, suffix) = split_suffix(reference);
    let resolved = if let Some(rest) = reference.strip_prefix("//") {
        format!("{}://{rest}", base.scheme)
    } else if path.starts_with('/') {
        format!("{}{}{suffix}", base.origin(), remove_dots(path))
    } else if path.is_empty() {
        let query = if suffix.starts_with('#') {
            base.query
        } else {
            ""
        };
        format!("{}{}{query}{suffix}", base.origin(), base.path)
    } else {
        let dir = &base.path[..base.path.rfind('/').map_or(0, |at| at + 1)];
        let dir = if dir.is_empty() { "/" } else { dir };
        format!(
            "{}{}{suffix}",
            base.origin(),
            remove_dots(&format!("{dir}{path}"))
        )
    };
    Some(resolved)
}

/// The scheme of an absolute URL (the letters before the first `:`, when that comes
/// before any `/`, `?` or `#`).
fn scheme(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#'])?;
    let scheme = &url[..end];
    (url[end..].starts_with(':')
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
    .then_some(scheme)
}

fn is_http(scheme: &str) -> bool {
    scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https")
}

/// `path?query#fragment` split into the path and the rest.
fn split_suffix(reference: &str) -> (&str, &str) {
    let at = reference.find(['?', '#']).unwrap_or(reference.len());
    reference.split_at(at)
}

/// The parts of an absolute http(s) URL a reference is resolved against.
struct Base<'a> {
    scheme: &'a str,
    authority: &'a str,
    path: &'a str,
    query: &'a str,
}

impl<'a> Base<'a> {
    fn parse(url: &'a str) -> Option<Base<'a>> {
        let url = url.trim();
        let scheme = scheme(url).filter(|s| is_http(s))?;
        let rest = url[scheme.len() + 1..].strip_prefix("//")?;
        let rest = &rest[..rest.find('#').unwrap_or(rest.len())];
        let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, rest) = rest.split_at(authority_end);
        if authority.is_empty() {
            return None;
        }
        let (path, query) = split_suffix(rest);
        Some(Base {
            scheme,
            authority,
            path: if path.is_empty() { "/" } else { path },
            query,
        })
    }

    fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.authority)
    }
}

/// `path` without `.` and `..` segments (RFC 3986 section 5.2.4); `..` stops at the root.
fn remove_dots(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (k, segment) in segments.iter().enumerate() {
        let last = k + 1 == segments.len();
        match *segment {
            "." => {
                if last {
                    out.push("");
                }
            }
            ".." => {
                out.pop();
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn references_resolve_as_rfc_3986_says() {
        let base = Some("https://news.test/a/b/c?x=1#top");
        for (reference, want) in [
            ("https://cdn.test/i.jpg", Some("https://cdn.test/i.jpg")),
            ("//cdn.test/i.jpg", Some("https://cdn.test/i.jpg")),
            ("/img/i.jpg", Some("https://news.test/img/i.jpg")),
            ("i.jpg", Some("https://news.test/a/b/i.jpg")),
            ("../i.jpg", Some("https://news.test/a/i.jpg")),
            ("../../../../i.jpg", Some("https://news.test/i.jpg")),
            ("./", Some("https://news.test/a/b/")),
            ("?y=2", Some("https://news.test/a/b/c?y=2")),
            ("#f", Some("https://news.test/a/b/c?x=1#f")),
            ("data:image/png;base64,AAAA", None),
            ("javascript:void(0)", None),
            ("", None),
        ] {
            assert_eq!(resolve(base, reference).as_deref(), want, "{reference}");
        }
        assert_eq!(
            resolve(Some("http://h.test"), "x").as_deref(),
            Some("http://h.test/x")
        );
        assert_eq!(resolve(None, "/x"), None);
        assert_eq!(resolve(Some("file:///tmp/a.html"), "/x"), None);
        assert_eq!(
            resolve(None, "HTTPS://h.test/x").as_deref(),
            Some("HTTPS://h.test/x")
        );
    }
}
