//! Language tags in BCP 47 form.

/// `raw` (an `<html lang>`, `Content-Language` or `og:locale` value) as a BCP 47 tag:
/// `_` becomes `-`, the primary subtag is lower case, a script title case, a region upper
/// case (`en_gb` gives `en-GB`, `zh-hant-tw` gives `zh-Hant-TW`). Of a list (`en, fr`) the
/// first is taken; subtags after an invalid one are dropped. `None` when the primary subtag
/// is not 2 or 3 letters.
pub(super) fn normalize(raw: &str) -> Option<String> {
    let first = raw.split([',', ';']).next()?.trim().replace('_', "-");
    let mut parts = first.split('-');
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary.to_ascii_lowercase();
    for part in parts {
        let valid =
            (1..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric());
        if !valid {
            break;
        }
        let alpha = part.bytes().all(|b| b.is_ascii_alphabetic());
        let digits = part.bytes().all(|b| b.is_ascii_digit());
        tag.push('-');
        if part.len() == 4 && alpha {
            tag.push_str(&part[..1].to_ascii_uppercase());
            tag.push_str(&part[1..].to_ascii_lowercase());
        } else if (part.len() == 2 && alpha) || (part.len() == 3 && digits) {
            tag.push_str(&part.to_ascii_uppercase());
        } else {
            tag.push_str(&part.to_ascii_lowercase());
        }
    }
    Some(tag)
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn tags_take_bcp_47_case() {
        for (raw, want) in [
            ("de", Some("de")),
            ("DE", Some("de")),
            ("de-DE", Some("de-DE")),
            ("de-de", Some("de-DE")),
            ("en_GB", Some("en-GB")),
            (" en-us ", Some("en-US")),
            ("zh-hant-tw", Some("zh-Hant-TW")),
            ("es-419", Some("es-419")),
            ("en-US, fr", Some("en-US")),
            ("en-", Some("en")),
            ("x", None),
            ("123", None),
            ("", None),
            ("english", None),
        ] {
            assert_eq!(normalize(raw).as_deref(), want, "{raw}");
        }
    }
}
