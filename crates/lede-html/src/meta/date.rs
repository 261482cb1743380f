//! Publication dates: ISO 8601 normalisation and the date in an article's URL.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, SecondsFormat};

/// Rewrites a date to ISO 8601 when it parses; otherwise returns it trimmed.
pub fn normalize_date(raw: &str) -> String {
    parse(raw).unwrap_or_else(|| raw.trim().to_string())
}

/// `raw` as ISO 8601 (with its offset when it has one), or `None` when no known format fits.
pub(super) fn parse(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(raw) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(raw) {
        return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M:%S%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %:z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(raw, format) {
            return Some(dt.to_rfc3339_opts(SecondsFormat::Secs, true));
        }
    }
    for format in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%m/%d/%Y %H:%M:%S",
        "%d/%m/%Y %H:%M:%S",
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(raw, format) {
            return Some(dt.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    // A date with a trailing zone name or other words: keep the leading ISO date.
    let head = raw.get(..10).unwrap_or(raw);
    for format in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y.%m.%d",
        "%B %d, %Y",
        "%b %d, %Y",
        "%b. %d, %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%B %d %Y",
        "%Y%m%d",
        "%d.%m.%Y",
        "%A, %B %d, %Y",
        "%m/%d/%Y",
        "%d/%m/%Y",
    ] {
        for text in [raw, head] {
            if let Ok(d) = NaiveDate::parse_from_str(text, format) {
                return plausible(d).then(|| d.format("%Y-%m-%d").to_string());
            }
        }
    }
    None
}

/// Whether a date could be a web page's publication date.
fn plausible(date: NaiveDate) -> bool {
    (1990..=2100).contains(&date.year())
}

/// The date an article URL carries in its path (`/2025/09/04/`, `/2025-09-04-slug`,
/// `/20250904/`), as `YYYY-MM-DD`.
pub(super) fn from_url(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    let path = &path[..path.find(['?', '#']).unwrap_or(path.len())];
    let digits: Vec<&str> = path
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .collect();
    for window in digits.windows(3) {
        if let [y, m, d] = window {
            if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) {
                let date =
                    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
                if let Some(date) = date.filter(|d| plausible(*d)) {
                    if path.contains(&format!("{y}/{m}/{d}"))
                        || path.contains(&format!("{y}-{m}-{d}"))
                    {
                        return Some(date.format("%Y-%m-%d").to_string());
                    }
                }
            }
        }
    }
    digits.iter().filter(|s| s.len() == 8).find_map(|s| {
        let date = NaiveDate::parse_from_str(s, "%Y%m%d").ok()?;
        plausible(date).then(|| date.format("%Y-%m-%d").to_string())
    })
}

/// English month names and their three-letter forms.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date written in running text ("Published August 7, 2023", "7 Aug 2023 | 5 min",
/// "Updated: 2025-09-13"), as `YYYY-MM-DD`.
pub(super) fn in_text(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    for at in 0..bytes.len().saturating_sub(9) {
        let chunk = &bytes[at..at + 10];
        let iso = chunk.iter().enumerate().all(|(k, b)| match k {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
        let bounded = at == 0 || !bytes[at - 1].is_ascii_digit();
        if iso && bounded {
            if let Ok(d) = NaiveDate::parse_from_str(&text[at..at + 10], "%Y-%m-%d") {
                return plausible(d).then(|| d.format("%Y-%m-%d").to_string());
            }
        }
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || ",.|/·".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let w = w.to_lowercase();
        (w.len() >= 3)
            .then(|| {
                MONTHS
                    .iter()
                    .position(|m| m.starts_with(&w) && (w.len() == 3 || w.len() >= 4))
            })
            .flatten()
            .map(|m| m as u32 + 1)
    };
    let day = |w: &str| {
        let w = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        w.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
    };
    let year = |w: &str| (w.len() == 4).then(|| w.parse::<i32>().ok()).flatten();
    for k in 0..words.len() {
        let Some(m) = month(words[k]) else { continue };
        let ymd = match (
            words.get(k + 1),
            words.get(k + 2),
            k.checked_sub(1).map(|j| words[j]),
        ) {
            (Some(d), Some(y), _) if day(d).is_some() && year(y).is_some() => (year(y), m, day(d)),
            (Some(y), _, Some(d)) if day(d).is_some() && year(y).is_some() => (year(y), m, day(d)),
            _ => continue,
        };
        if let (Some(y), m, Some(d)) = ymd {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d).filter(|d| plausible(*d)) {
                return Some(date.format("%Y-%m-%d").to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_become_iso_8601() {
        assert_eq!(
            normalize_date("2019-11-19T08:03:00.000Z"),
            "2019-11-19T08:03:00Z"
        );
        assert_eq!(
            normalize_date("Tue, 19 Nov 2019 08:03:00 +0100"),
            "2019-11-19T08:03:00+01:00"
        );
        assert_eq!(
            normalize_date("2019-11-19T08:03:00+0000"),
            "2019-11-19T08:03:00Z"
        );
        assert_eq!(
            normalize_date("2019-11-19 08:03:00.123+02:00"),
            "2019-11-19T08:03:00+02:00"
        );
        assert_eq!(normalize_date("November 19, 2019"), "2019-11-19");
        assert_eq!(normalize_date("19.11.2019"), "2019-11-19");
        assert_eq!(normalize_date("2019-11-19 EST"), "2019-11-19");
        assert_eq!(normalize_date("2019-11-19"), "2019-11-19");
        assert_eq!(normalize_date(" last Tuesday "), "last Tuesday");
    }

    #[test]
    fn running_text_carries_dates() {
        for (text, want) in [
            ("Published August 7, 2023", Some("2023-08-07")),
            ("Published on Jul 18, 2025 by Ann", Some("2025-07-18")),
            ("7 Aug. 2023 | 5 min read", Some("2023-08-07")),
            ("Updated: 2025-09-13", Some("2025-09-13")),
            ("May 2023", None),
            ("Marching on 12 2024", None),
            ("Order 1234-56-789", None),
        ] {
            assert_eq!(in_text(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn urls_carry_dates() {
        for (url, want) in [
            ("https://a.test/2025/09/04/top-trends", Some("2025-09-04")),
            ("https://a.test/news/2025-9-4-storm", Some("2025-09-04")),
            ("https://a.test/story/20250904/x", Some("2025-09-04")),
            ("https://a.test/2025/13/40/x", None),
            ("https://a.test/p/123456789", None),
            ("https://2025.test/10/12/x", None),
            ("https://a.test/x?d=2025/09/04", None),
        ] {
            assert_eq!(from_url(url).as_deref(), want, "{url}");
        }
    }
}
