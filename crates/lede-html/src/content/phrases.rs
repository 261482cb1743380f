//! Phrases that give a block of text away as furniture: labels, calls to action, cookie
//! notices, date lines, bylines, and headings that announce related stories.

/// Short lines that are page furniture wherever they appear, and lists of bare URLs.
pub(super) fn is_furniture_text(text: &str) -> bool {
    if is_url_list(text) {
        return true;
    }
    /// Labels, calls to action and notices that start a short block of furniture, in the
    /// languages news pages are most often written in.
    const PREFIXES: &[&str] = &[
        "- anzeige",
        "advertisement",
        "all rights reserved",
        "anzeige",
        "aufrufe",
        "aktualisiert am",
        "categories:",
        "category:",
        "category :",
        "click here",
        "continue reading",
        "copyright",
        "did you find this",
        "drucken",
        "erstellt am",
        "filed under",
        "follow us",
        "ist dieser beitrag hilfreich",
        "kategorie:",
        "kategorien:",
        "last modified",
        "last updated",
        "mit freunden teilen",
        "opublikowano",
        "posted in",
        "posted on",
        "posted:",
        "post views",
        "print recipe",
        "published on",
        "published:",
        "publicidad",
        "publicité",
        "quelle:",
        "quellenangaben",
        "read more",
        "related:",
        "release date",
        "rezept drucken",
        "schlagworte:",
        "share this",
        "sign up",
        "story continues below",
        "subscribe",
        "tags:",
        "this entry was posted",
        "titelbild",
        "beitragsbild",
        "updated:",
        "veröffentlicht am",
        "war der artikel nützlich",
        "was this article helpful",
        "werbung",
        "*werbung",
        "©",
    ];
    /// Calls to action that give a short block away wherever they appear in it.
    const MARKERS: &[&str] = &[
        "follow her on",
        "follow him on",
        "follow us on",
        "newsletter",
        "sign up for",
        "subscribe to",
    ];
    /// Cookie notices, which run longer.
    const COOKIE_MARKERS: &[&str] = &[
        "accept cookies",
        "cookie policy",
        "cookie settings",
        "cookie-einstellungen",
        "cookie-richtlinie",
        "korzystamy z cookies",
        "nutzen cookies",
        "use cookies",
        "uses cookies",
        "utilisons des cookies",
        "utilizamos cookies",
        "verwenden cookies",
        "verwendet cookies",
        "was sind cookies",
    ];
    let chars = text.chars().count();
    if chars > 300 {
        return false;
    }
    let lower = text.trim().to_lowercase();
    let cookie_notice = COOKIE_MARKERS.iter().any(|m| lower.contains(m));
    if cookie_notice || is_php_message(&lower) {
        return true;
    }
    if chars > 160 {
        return false;
    }
    (chars <= 80
        && (PREFIXES.iter().any(|p| lower.starts_with(p))
            || is_byline(&lower)
            || (announces_related(text) && !lower.ends_with(['.', '!', '?']))))
        || MARKERS.iter().any(|m| lower.contains(m))
        || is_gallery_counter(&lower)
        || is_date_line(&lower)
}

/// A PHP error message the server printed into the page: "Warning: Use of undefined
/// constant X - assumed 'X' (...) in /home/site/functions.php on line 45".
fn is_php_message(lower: &str) -> bool {
    const LEVELS: &[&str] = &[
        "deprecated:",
        "fatal error:",
        "notice:",
        "parse error:",
        "strict standards:",
        "warning:",
    ];
    let Some((head, line)) = lower.rsplit_once(" on line ") else {
        return false;
    };
    LEVELS.iter().any(|l| lower.starts_with(l))
        && head.contains(".php")
        && !line.is_empty()
        && line.bytes().all(|b| b.is_ascii_digit())
}

/// A block that is only a date or time: "October 12, 2017", "05. Februar 2020, 19:49",
/// "2019-11-18", "3:59 PM", "2 months ago".
fn is_date_line(lower: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "january",
        "januar",
        "janvier",
        "enero",
        "janeiro",
        "gennaio",
        "feb",
        "february",
        "februar",
        "février",
        "febrero",
        "fevereiro",
        "febbraio",
        "mar",
        "march",
        "märz",
        "mars",
        "marzo",
        "março",
        "apr",
        "april",
        "avril",
        "abril",
        "aprile",
        "may",
        "mai",
        "mayo",
        "maio",
        "maggio",
        "jun",
        "june",
        "juni",
        "juin",
        "junio",
        "junho",
        "giugno",
        "jul",
        "july",
        "juli",
        "juillet",
        "julio",
        "julho",
        "luglio",
        "aug",
        "august",
        "août",
        "agosto",
        "sep",
        "sept",
        "september",
        "septembre",
        "septiembre",
        "setembro",
        "settembre",
        "oct",
        "october",
        "oktober",
        "octobre",
        "octubre",
        "outubro",
        "ottobre",
        "nov",
        "november",
        "novembre",
        "noviembre",
        "novembro",
        "dec",
        "december",
        "dezember",
        "décembre",
        "diciembre",
        "dezembro",
        "dicembre",
    ];
    const FILLERS: &[&str] = &[
        "am", "pm", "at", "um", "uhr", "de", "del", "le", "el", "on", "|", "-", "–", "·", "/",
        "et", "gmt", "utc", "est", "edt", "pst", "cet", "cest", "bst",
    ];
    const WEEKDAYS: &[&str] = &[
        "mon",
        "monday",
        "montag",
        "lundi",
        "lunes",
        "tue",
        "tues",
        "tuesday",
        "dienstag",
        "mardi",
        "martes",
        "wed",
        "wednesday",
        "mittwoch",
        "mercredi",
        "miércoles",
        "thu",
        "thurs",
        "thursday",
        "donnerstag",
        "jeudi",
        "jueves",
        "fri",
        "friday",
        "freitag",
        "vendredi",
        "viernes",
        "sat",
        "saturday",
        "samstag",
        "samedi",
        "sábado",
        "sun",
        "sunday",
        "sonntag",
        "dimanche",
        "domingo",
    ];
    const AGO_UNITS: &[&str] = &[
        "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "day", "days",
        "week", "weeks", "month", "months", "year", "years",
    ];
    if lower.len() > 48 {
        return false;
    }
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let [n, unit, "ago"] = words.as_slice() {
        return n.chars().all(|c| c.is_ascii_digit()) && AGO_UNITS.contains(unit);
    }
    let mut numbers = 0;
    let mut dated = false;
    for word in &words {
        let bare = word.trim_end_matches('.');
        if bare.chars().all(|c| c.is_ascii_digit()) && !bare.is_empty() && bare.len() <= 4 {
            numbers += 1;
        } else if bare
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ':'))
            && bare.chars().filter(|c| c.is_ascii_digit()).count() >= 3
        {
            // 2019-11-18, 18.11.2019, 11/18/19, 19:49
            dated = true;
        } else if MONTHS.contains(&bare) {
            dated = true;
        } else if !WEEKDAYS.contains(&bare) && !FILLERS.contains(&bare) {
            return false;
        }
    }
    dated
        && (numbers > 0
            || words
                .iter()
                .any(|w| w.contains(|c: char| c.is_ascii_digit())))
}

/// Headings that introduce links to other stories: "Related", "More from CNN", "You may
/// also like", and their usual forms in other languages.
pub(super) fn announces_related(heading: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "related",
        "more from",
        "more stories",
        "more news",
        "more on this",
        "read more",
        "read next",
        "also read",
        "read also",
        "recommended for",
        "recommended stories",
        "recommended articles",
        "recommended reading",
        "recommended videos",
        "recommended posts",
        "recommended news",
        "you may also like",
        "you might also like",
        "you may like",
        "you might like",
        "most read",
        "most popular",
        "popular stories",
        "trending",
        "top stories",
        "latest news",
        "leia também",
        "veja também",
        "você pode gostar",
        "você também pode gostar",
        "lea también",
        "te puede interesar",
        "también te puede interesar",
        "noticias relacionadas",
        "lire aussi",
        "à lire aussi",
        "a lire aussi",
        "sur le même sujet",
        "das könnte sie auch interessieren",
        "mehr zum thema",
        "lesen sie auch",
        "auch interessant",
        "weitere artikel",
        "leggi anche",
        "potrebbe interessarti",
        "articoli correlati",
        "читайте также",
        "похожие",
        "schon gelesen",
        "zobacz także",
        "zobacz też",
        "czytaj też",
        "czytaj także",
        "das könnte dich auch interessieren",
        "ähnliche beiträge",
        "zum weiterlesen",
        "weiterlesen",
        "weitere beiträge",
        "explore further",
        "see also",
        "siehe auch",
        "voir aussi",
        "ver también",
        "vea también",
        "leia mais",
        "mehr zu ",
    ];
    let chars = heading.chars().count();
    if chars > 60 {
        return false;
    }
    let lower = heading.trim().to_lowercase();
    let words = lower.split_whitespace().count();
    // "Recommended" alone announces stories; "Recommended courses:" introduces the
    // article's own list.
    PREFIXES.iter().any(|p| lower.starts_with(p))
        || lower.trim_end_matches(':') == "recommended"
        || (words <= 4
            && (lower.starts_with("more ") || lower.starts_with("mehr "))
            && !lower.ends_with(['.', '?', '!'])
            && names_a_source(heading))
}

/// Whether the word after the first is capitalised, as in "More Washington Examiner" or
/// "More From The Web" (unlike the headline "More rain expected").
fn names_a_source(heading: &str) -> bool {
    heading
        .split_whitespace()
        .nth(1)
        .and_then(|w| w.chars().next())
        .is_some_and(char::is_uppercase)
}

/// "By Jane Smith", "by Lighthouse IP / 2016.12.01": a byline, unlike the sentence
/// "By noon, the streets were flooded."
fn is_byline(lower: &str) -> bool {
    lower.starts_with("by ") && !lower.ends_with(['.', '!', '?', '"', '”', ':'])
}

/// Text made mostly of bare URLs (image sources, tracking data leaked into the page).
fn is_url_list(text: &str) -> bool {
    let mut urls = 0;
    let mut url_chars = 0;
    for token in text.split_whitespace() {
        if token.starts_with("http://") || token.starts_with("https://") {
            urls += 1;
            url_chars += token.len();
        }
    }
    urls >= 2 && 2 * url_chars > text.len()
}

/// "Image 1 of 5", "photo 3 of 12": slideshow position labels.
fn is_gallery_counter(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    matches!(
        words.as_slice(),
        [kind, n, "of", m] if ["image", "photo", "picture", "slide", "foto", "bild"].contains(kind)
            && number(n) && number(m)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_text_in_several_languages() {
        for text in [
            "We use cookies to give you the best experience. By continuing you agree.",
            "Diese Website verwendet Cookies, um Ihnen ein besseres Erlebnis zu bieten.",
            "Quelle: Deutscher Jagdverband (DJV)",
            "Category : Press Releases",
            "Zobacz także",
            "À lire aussi",
            "Das könnte Dich auch interessieren:",
            "Mehr zu Klima und Konsum",
            "This entry was posted in News.",
            "Image 3 of 12",
            "October 12, 2017",
            "05. Februar 2020, 19:49",
            "Tuesday 2019-11-18 3:59 PM",
            "2 months ago",
            "Warning: Use of undefined constant PP_MULTIPLE_AUTHORS_VERSION - assumed \
             'PP_MULTIPLE_AUTHORS_VERSION' (this will throw an Error in a future version of \
             PHP) in /home/site/public_html/wp-content/themes/gdg/functions.php on line 45",
            "Deprecated: Function create_function() is deprecated in /var/www/index.php on line 7",
        ] {
            assert!(is_furniture_text(text), "{text}");
        }
    }

    #[test]
    fn prose_is_not_furniture() {
        for text in [
            "She baked three trays of chocolate chip cookies for the school fair.",
            "More than 100 people were evacuated from the building on Tuesday.",
            "Read the full report, the minister said, before judging the plan.",
            "Recommended daily intake is 2,000 calories.",
            "Trending upward, the index closed at a record.",
            "By noon, the streets were flooded.",
            "May 2019 was wet.",
            "March on.",
            "Warning: the index.php page of the council went down on line 3 of the timetable.",
        ] {
            assert!(!is_furniture_text(text), "{text}");
        }
    }

    #[test]
    fn related_announcements() {
        assert!(announces_related("Related stories"));
        assert!(announces_related("More Washington Examiner"));
        assert!(announces_related("Você pode gostar..."));
        assert!(!announces_related("More rain expected"));
        assert!(!announces_related("Relatives of the victims speak out"));
        assert!(announces_related("Recommended"));
        assert!(announces_related("Recommended for you"));
        assert!(announces_related("Recommended reading:"));
        assert!(!announces_related("Recommended courses:"));
    }
}
