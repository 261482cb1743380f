//! Publication dates: ISO 8601 normalisation, dates written in metadata values and text,
//! and the date in an article's URL.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, SecondsFormat};

/// A metadata value as a date: in a known format ([`parse`]), as Unix seconds, or as a date
/// written inside it ("on Friday January 12, 2024 @11:40AM", "Thu, 09/25/2025 - 11:38").
/// `month_first` reads "03-09-2026" as March 9 rather than 3 September.
pub(super) fn read(raw: &str, month_first: bool) -> Option<String> {
    let raw = raw.trim().trim_matches('"');
    parse(raw)
        .or_else(|| unix_seconds(raw))
        .or_else(|| in_text(raw))
        .or_else(|| numeric_in_text(raw, month_first))
}

/// Whether pages in `language` (a BCP 47 tag) write numeric dates month first: English,
/// except where British usage holds.
pub(super) fn month_first(language: &str) -> bool {
    let mut parts = language.split('-');
    parts.next().is_some_and(|l| l.eq_ignore_ascii_case("en"))
        && !parts.next().is_some_and(|region| {
            ["GB", "UK", "AU", "NZ", "IE", "IN", "ZA"]
                .iter()
                .any(|r| r.eq_ignore_ascii_case(region))
        })
}

/// Years a web page's publication date can fall in.
const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

/// Whether `text` holds a plausible year (four digits in [`YEARS`], alone).
pub(super) fn names_a_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && d.parse().is_ok_and(|y: i32| YEARS.contains(&y)))
}

/// Ten digits and nothing else: seconds since 1970, as a UTC timestamp.
fn unix_seconds(raw: &str) -> Option<String> {
    if raw.len() != 10 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let dt = DateTime::from_timestamp(raw.parse().ok()?, 0)?;
    plausible(dt.date_naive()).then(|| dt.to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// A numeric date inside `text` ("25.01.2022", "09/25/2025", "01-11-2023"), as
/// `YYYY-MM-DD`. Day and month are told apart by a number above 12; otherwise a dot reads
/// day first, and a slash or a dash month first when `month_first`, else day first.
fn numeric_in_text(text: &str, month_first: bool) -> Option<String> {
    let bytes = text.as_bytes();
    let number = |at: usize, max: usize| {
        let len = bytes[at..]
            .iter()
            .take(max + 1)
            .take_while(|b| b.is_ascii_digit())
            .count();
        (1..=max).contains(&len).then_some(len)
    };
    for at in 0..bytes.len() {
        if !bytes[at].is_ascii_digit() || (at > 0 && bytes[at - 1].is_ascii_digit()) {
            continue;
        }
        let Some(a) = number(at, 2) else { continue };
        let sep = bytes.get(at + a).copied();
        let Some(sep) = sep.filter(|s| matches!(s, b'.' | b'/' | b'-')) else {
            continue;
        };
        let Some(b) = number(at + a + 1, 2) else {
            continue;
        };
        let second = at + a + 1 + b;
        if bytes.get(second) != Some(&sep) || number(second + 1, 4) != Some(4) {
            continue;
        }
        let first: u32 = text[at..at + a].parse().ok()?;
        let middle: u32 = text[at + a + 1..second].parse().ok()?;
        let year: i32 = text[second + 1..second + 5].parse().ok()?;
        let (month, day) = match (first > 12, middle > 12) {
            (true, _) => (middle, first),
            (_, true) => (first, middle),
            _ if month_first && sep != b'.' => (first, middle),
            _ => (middle, first),
        };
        if let Some(date) = NaiveDate::from_ymd_opt(year, month, day).filter(|d| plausible(*d)) {
            return Some(date.format("%Y-%m-%d").to_string());
        }
    }
    None
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
        "%a %b %d %H:%M:%S %Y",
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
    YEARS.contains(&date.year())
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
            (Some(d), _, Some(y)) if day(d).is_some() && year(y).is_some() => (year(y), m, day(d)),
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
            read("2019-11-19T08:03:00.000Z", false).as_deref(),
            Some("2019-11-19T08:03:00Z")
        );
        assert_eq!(
            read("Tue, 19 Nov 2019 08:03:00 +0100", false).as_deref(),
            Some("2019-11-19T08:03:00+01:00")
        );
        assert_eq!(
            read("2019-11-19T08:03:00+0000", false).as_deref(),
            Some("2019-11-19T08:03:00Z")
        );
        assert_eq!(
            read("2019-11-19 08:03:00.123+02:00", false).as_deref(),
            Some("2019-11-19T08:03:00+02:00")
        );
        assert_eq!(
            read("November 19, 2019", false).as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(read("19.11.2019", false).as_deref(), Some("2019-11-19"));
        assert_eq!(read("2019-11-19 EST", false).as_deref(), Some("2019-11-19"));
        assert_eq!(read("2019-11-19", false).as_deref(), Some("2019-11-19"));
        assert_eq!(read(" last Tuesday ", false), None);
    }

    #[test]
    fn running_text_carries_dates() {
        for (text, want) in [
            ("Published August 7, 2023", Some("2023-08-07")),
            ("Published on Jul 18, 2025 by Ann", Some("2025-07-18")),
            ("7 Aug. 2023 | 5 min read", Some("2023-08-07")),
            ("Updated: 2025-09-13", Some("2025-09-13")),
            ("2023 Jan 7", Some("2023-01-07")),
            ("Dec 19th 2025", Some("2025-12-19")),
            ("May 2023", None),
            ("Marching on 12 2024", None),
            ("Order 1234-56-789", None),
        ] {
            assert_eq!(in_text(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn metadata_values_read_as_dates() {
        for (raw, want) in [
            ("on Friday January 12, 2024 @11:40AM", Some("2024-01-12")),
            ("Thu, 09/25/2025 - 11:38", Some("2025-09-25")),
            ("25/09/2025", Some("2025-09-25")),
            ("Di., 25.01.2022 - 14:45", Some("2022-01-25")),
            ("01-11-2023 10:29", Some("2023-11-01")),
            ("\"2025-12-17T13:22:47Z\"", Some("2025-12-17T13:22:47Z")),
            ("Fri Feb 18 10:27:24 2022", Some("2022-02-18T10:27:24")),
            ("1651035600", Some("2022-04-27T05:00:00Z")),
            ("PT15M", None),
            ("Mo-Su 08:00-20:00", None),
            ("2020", None),
        ] {
            assert_eq!(read(raw, false).as_deref(), want, "{raw}");
        }
        assert_eq!(read("03-09-2026", true).as_deref(), Some("2026-03-09"));
        assert_eq!(read("03-09-2026", false).as_deref(), Some("2026-09-03"));
        assert_eq!(read("03.09.2026", true).as_deref(), Some("2026-09-03"));
        assert!(month_first("en") && month_first("en-US") && !month_first("en-GB"));
        assert!(!month_first("de-AT"));
        assert!(names_a_year("2020"));
        assert!(!names_a_year("Mo-Su 08:00-20:00"));
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
