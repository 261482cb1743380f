//! Segmentation rules for languages other than English, and the
//! language-neutral rules.
//!
//! English keeps its own, richer tables in [`super::lexicon`]. Every list
//! here is lowercase and is matched case-insensitively; all but
//! [`Rules::compounds`] hold single words without their period.

use crate::lang::Language;

use super::lexicon::Abbrev;

/// What the segmenter knows about one language.
pub(super) struct Rules {
    /// Abbreviations that never end a sentence ("Dr.", "bzw.", "Sr.").
    pub titles: &'static [&'static str],
    /// Abbreviations that end a sentence only before a typical opener
    /// ("usw.", "etc.", "Mio.").
    pub ambiguous: &'static [&'static str],
    /// Abbreviations that stay in the sentence before a number ("Nr. 5",
    /// "pág. 12", "janv. 2020").
    pub before_number: &'static [&'static str],
    /// Abbreviations written in parts ("z. B.", "EE. UU.", "p. ex."): the
    /// parts lowercased and joined by `.`, and whether one can end a
    /// sentence (then it behaves as an ambiguous abbreviation).
    pub compounds: &'static [(&'static str, bool)],
    /// Capitalised words that typically open a sentence.
    pub starters: &'static [&'static str],
    /// Verbs that open the attribution after a closed quotation.
    pub reporting: &'static [&'static str],
    /// Words that cannot end a heading: a line ending in one goes on.
    pub joining: &'static [&'static str],
    /// Month names, which follow an ordinal number ("4. November").
    pub months: &'static [&'static str],
    /// Words after which a number with a period is an ordinal ("am 4.",
    /// "der 2. Weltkrieg"); only read when [`Rules::ordinals`] is set.
    pub ordinal_before: &'static [&'static str],
    /// A number followed by a period is often an ordinal (German, the
    /// Nordic and most Central European languages).
    pub ordinals: bool,
    /// A lone lowercase letter with a period is part of an abbreviation
    /// ("z.", "d.", "u.") rather than a unit.
    pub lower_letters_abbreviate: bool,
    /// Endings of compound words that are abbreviated and stay with a
    /// following number ("Hauptstr. 12").
    pub before_number_suffixes: &'static [&'static str],
    /// Ambiguous abbreviations that close a date ("r.", "br.": "of the year",
    /// "this year"). Before a capitalised word that is no opener they end the
    /// sentence when it has [`CLAUSE_WORDS`] words or more ("... w marcu 2018 r.
    /// Motywem"), not when the date opens it ("Pod koniec stycznia br. TK ...").
    pub clause_final: &'static [&'static str],
}

/// Words before a [`Rules::clause_final`] abbreviation from which it ends a
/// clause rather than a date that opens the sentence.
pub(super) const CLAUSE_WORDS: usize = 7;

impl Rules {
    /// The abbreviation class of a single word (no inner period).
    pub fn word_class(&self, word: &str) -> Option<Abbrev> {
        if contains(self.titles, word) {
            Some(Abbrev::Title)
        } else if contains(self.ambiguous, word) {
            Some(Abbrev::Ambiguous)
        } else if contains(self.before_number, word) || self.has_before_number_suffix(word) {
            Some(Abbrev::BeforeNumber)
        } else {
            None
        }
    }

    /// The class of a compound abbreviation given as lowercase parts
    /// joined by `.`, if it is one.
    pub fn compound_class(&self, key: &str) -> Option<Abbrev> {
        self.compounds
            .iter()
            .find(|(k, _)| *k == key)
            .map(|&(_, may_end)| {
                if may_end {
                    Abbrev::Ambiguous
                } else {
                    Abbrev::Title
                }
            })
    }

    /// Whether `key` (lowercase parts joined by `.`) is a compound
    /// abbreviation or its beginning.
    pub fn compound_prefix(&self, key: &str) -> bool {
        self.compounds.iter().any(|(k, _)| {
            k.strip_prefix(key)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
        })
    }

    fn has_before_number_suffix(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.before_number_suffixes
            .iter()
            .any(|suffix| lower.len() > suffix.len() + 2 && lower.ends_with(suffix))
    }

    pub fn is_starter(&self, word: &str) -> bool {
        contains(self.starters, word)
    }

    pub fn is_reporting_verb(&self, word: &str) -> bool {
        contains(self.reporting, word)
    }

    pub fn is_joining_word(&self, word: &str) -> bool {
        contains(self.joining, word)
    }

    pub fn is_month(&self, word: &str) -> bool {
        contains(self.months, word)
    }

    pub fn is_ordinal_before(&self, word: &str) -> bool {
        contains(self.ordinal_before, word)
    }

    pub fn is_clause_final(&self, word: &str) -> bool {
        contains(self.clause_final, word)
    }
}

/// Whether `list` holds `word`, compared case-insensitively.
fn contains(list: &[&str], word: &str) -> bool {
    !word.is_empty()
        && list.iter().any(|w| {
            w.len() <= word.len() * 2 && word.chars().flat_map(char::to_lowercase).eq(w.chars())
        })
}

/// The rules for `lang`; `None` (and English, which is handled by the
/// English tables) gets the language-neutral rules.
pub(super) fn rules(lang: Option<Language>) -> &'static Rules {
    use Language as L;
    match lang {
        Some(L::German) => &GERMAN,
        Some(L::French) => &FRENCH,
        Some(L::Spanish) => &SPANISH,
        Some(L::Catalan) => &CATALAN,
        Some(L::Italian) => &ITALIAN,
        Some(L::Portuguese) => &PORTUGUESE,
        Some(L::Dutch) => &DUTCH,
        Some(L::Polish) => &POLISH,
        Some(L::Russian) => &RUSSIAN,
        Some(L::Ukrainian) => &UKRAINIAN,
        Some(L::Turkish) => &TURKISH,
        Some(L::Swedish) => &SWEDISH,
        Some(L::Danish) => &DANISH,
        Some(L::Norwegian) => &NORWEGIAN,
        Some(L::Finnish) => &FINNISH,
        Some(L::Romanian) => &ROMANIAN,
        Some(L::Hungarian) => &HUNGARIAN,
        Some(L::Czech) => &CZECH,
        Some(L::Greek) => &GREEK,
        Some(L::Indonesian) => &INDONESIAN,
        Some(L::English | L::Arabic | L::Chinese | L::Japanese | L::Korean) | None => &NEUTRAL,
    }
}

/// Language-neutral: no word lists at all. Initials and dotted
/// abbreviations never end a sentence (there is no opener list to tell),
/// everything else follows punctuation and case.
pub(super) static NEUTRAL: Rules = Rules {
    titles: &[],
    ambiguous: &[],
    before_number: &[],
    compounds: &[],
    starters: &[],
    reporting: &[],
    joining: &[],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static GERMAN: Rules = Rules {
    titles: &[
        "abg", "abs", "allg", "bd", "bspw", "bzgl", "bzw", "ca", "dipl", "dr", "dres", "entspr",
        "evtl", "exkl", "fa", "frl", "geb", "gem", "ggf", "hl", "hr", "hrn", "hrsg", "inkl", "ing",
        "insb", "jur", "lt", "mag", "med", "nr", "phil", "prof", "rer", "sog", "st", "std", "str",
        "tel", "usf", "verh", "vgl", "zzgl",
    ],
    ambiguous: &[
        "abb", "chr", "co", "dt", "engl", "franz", "gest", "jh", "jhd", "jr", "mio", "mrd", "sen",
        "tab", "tsd",
    ],
    before_number: &[
        "apr", "art", "aug", "dez", "feb", "jan", "jul", "jun", "kap", "mär", "nov", "okt", "s",
        "sep", "sept", "ziff",
    ],
    compounds: &[
        ("a.d", true),
        ("d.h", false),
        ("d.i", false),
        ("e.v", true),
        ("i.a", false),
        ("i.d.r", false),
        ("i.r", true),
        ("n.chr", true),
        ("o.ä", true),
        ("s.o", true),
        ("s.u", true),
        ("u.a", true),
        ("u.ä", true),
        ("u.a.m", true),
        ("u.u", false),
        ("u.v.m", true),
        ("v.a", false),
        ("v.chr", true),
        ("z.b", false),
        ("z.t", false),
        ("z.z", false),
        ("z.zt", false),
    ],
    starters: &[
        "aber",
        "allerdings",
        "als",
        "am",
        "andere",
        "auch",
        "auf",
        "aus",
        "außerdem",
        "bei",
        "bereits",
        "bis",
        "da",
        "damit",
        "danach",
        "dann",
        "das",
        "dass",
        "dabei",
        "dafür",
        "dagegen",
        "daher",
        "darauf",
        "deshalb",
        "dem",
        "den",
        "denn",
        "der",
        "des",
        "die",
        "dies",
        "diese",
        "dieser",
        "dieses",
        "doch",
        "dort",
        "du",
        "ein",
        "eine",
        "einer",
        "er",
        "es",
        "für",
        "heute",
        "ich",
        "ihr",
        "ihre",
        "im",
        "in",
        "inzwischen",
        "ja",
        "jetzt",
        "man",
        "mit",
        "nach",
        "nein",
        "nicht",
        "noch",
        "nun",
        "nur",
        "ob",
        "obwohl",
        "seit",
        "sein",
        "seine",
        "sie",
        "so",
        "trotzdem",
        "um",
        "und",
        "unter",
        "vor",
        "während",
        "was",
        "weil",
        "wenn",
        "wer",
        "wie",
        "wir",
        "wo",
        "zudem",
        "zum",
        "zur",
    ],
    reporting: &[
        "betont",
        "betonte",
        "erklärt",
        "erklärte",
        "fragt",
        "fragte",
        "meint",
        "meinte",
        "sagt",
        "sagte",
        "schreibt",
        "schrieb",
        "so",
    ],
    joining: &[
        "am", "an", "auf", "aus", "bei", "das", "dem", "den", "der", "des", "die", "ein", "eine",
        "für", "im", "in", "mit", "oder", "und", "von", "vom", "zu", "zum", "zur",
    ],
    months: &[
        "april",
        "august",
        "dezember",
        "feber",
        "februar",
        "januar",
        "juli",
        "juni",
        "jänner",
        "mai",
        "märz",
        "november",
        "oktober",
        "september",
        "jan",
        "feb",
        "mär",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "okt",
        "nov",
        "dez",
    ],
    ordinal_before: &[
        "ab", "am", "bis", "beim", "dem", "den", "der", "des", "die", "das", "diesem", "ein",
        "eine", "einem", "einen", "einer", "eines", "im", "jedem", "jeder", "seit", "seinem",
        "seiner", "sein", "seine", "ihr", "ihre", "ihrem", "ihrer", "vom", "zum", "zur", "und",
        "oder", "bzw", "bis", "von", "vor", "nach", "zwischen", "wie", "als", "ihren", "seinen",
    ],
    ordinals: true,
    lower_letters_abbreviate: true,
    before_number_suffixes: &["str"],
    clause_final: &[],
};

static FRENCH: Rules = Rules {
    titles: &[
        "av", "bd", "boul", "cf", "dr", "env", "gal", "me", "mgr", "mlle", "mlles", "mm", "mme",
        "mmes", "pr", "r", "st", "ste", "vve", "m",
    ],
    ambiguous: &["cie", "coll", "hab", "jr", "max", "min", "sr", "éd"],
    before_number: &[
        "art", "avr", "chap", "déc", "fig", "févr", "janv", "juil", "n", "no", "nov", "oct", "p",
        "pp", "sept", "vol",
    ],
    compounds: &[
        ("apr.j.-c", true),
        ("av.j.-c", true),
        ("c.-à-d", false),
        ("j.-c", true),
        ("n.d.l.r", true),
        ("p.ex", false),
        ("s.a", true),
        ("s.v.p", true),
    ],
    starters: &[
        "à",
        "alors",
        "après",
        "au",
        "aujourd'hui",
        "aussi",
        "avec",
        "ce",
        "ceci",
        "cela",
        "celui",
        "cependant",
        "ces",
        "cet",
        "cette",
        "c'est",
        "dans",
        "de",
        "depuis",
        "des",
        "donc",
        "du",
        "elle",
        "elles",
        "en",
        "enfin",
        "ensuite",
        "et",
        "il",
        "ils",
        "je",
        "la",
        "le",
        "les",
        "leur",
        "lors",
        "mais",
        "nous",
        "on",
        "or",
        "ou",
        "par",
        "parmi",
        "pour",
        "pourtant",
        "puis",
        "quand",
        "selon",
        "si",
        "son",
        "sa",
        "ses",
        "sur",
        "tous",
        "tout",
        "un",
        "une",
        "vous",
    ],
    reporting: &[
        "a-t-il", "a-t-elle", "déclare", "dit", "explique", "lance", "précise",
    ],
    joining: &[
        "à", "au", "aux", "avec", "dans", "de", "des", "du", "en", "et", "la", "le", "les", "ou",
        "par", "pour", "sur", "un", "une",
    ],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static SPANISH: Rules = Rules {
    titles: &[
        "arq", "avda", "av", "cnel", "d", "da", "dña", "dr", "dra", "excma", "excmo", "gral",
        "ilma", "ilmo", "ing", "lic", "mons", "pdte", "prof", "sr", "sra", "sras", "sres", "srta",
        "sto", "sta", "tte", "aprox",
    ],
    ambiguous: &["cía", "ltda", "uds", "ud", "vds", "vd"],
    before_number: &[
        "abr", "ago", "art", "cap", "dic", "ene", "feb", "jul", "jun", "mar", "may", "núm", "nov",
        "oct", "pág", "págs", "sept", "sep", "vol", "n",
    ],
    compounds: &[
        ("a.c", true),
        ("d.c", true),
        ("ee.uu", true),
        ("p.ej", false),
        ("rr.hh", true),
        ("s.a", true),
        ("s.l", true),
        ("ss.mm", true),
        ("jj.oo", true),
    ],
    starters: &[
        "a", "además", "ahora", "al", "allí", "ante", "antes", "aquí", "así", "aunque", "ayer",
        "cada", "como", "con", "cuando", "de", "del", "desde", "después", "durante", "el", "él",
        "ella", "ellos", "en", "entonces", "entre", "es", "esa", "ese", "eso", "esta", "este",
        "esto", "estos", "estas", "hoy", "la", "las", "le", "lo", "los", "luego", "mientras",
        "nadie", "no", "nosotros", "nunca", "otro", "otra", "para", "pero", "por", "según", "se",
        "si", "sin", "sobre", "su", "sus", "también", "todo", "todos", "tras", "un", "una", "y",
        "ya", "yo",
    ],
    reporting: &[
        "afirmó", "añadió", "aseguró", "declaró", "dijo", "explicó", "indicó", "señaló",
    ],
    joining: &[
        "a", "al", "con", "de", "del", "el", "en", "la", "las", "los", "o", "para", "por", "un",
        "una", "y",
    ],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static CATALAN: Rules = Rules {
    titles: &["av", "dr", "dra", "sr", "sra", "srta", "aprox"],
    ambiguous: &[],
    before_number: &["núm", "pàg", "art", "n"],
    compounds: &[("p.ex", false), ("s.a", true), ("ee.uu", true)],
    starters: &[
        "a", "això", "aquest", "aquesta", "amb", "de", "el", "ell", "ella", "els", "en", "i", "la",
        "les", "per", "però", "un", "una",
    ],
    reporting: &["va", "diu"],
    joining: &[
        "a", "amb", "de", "del", "el", "els", "i", "la", "les", "per",
    ],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static ITALIAN: Rules = Rules {
    titles: &[
        "arch", "avv", "dott", "dr", "egr", "gen", "geom", "ing", "mons", "on", "prof", "rag",
        "sig", "sigg", "sig.ra", "spett", "s", "ss", "dott.ssa", "prof.ssa",
    ],
    ambiguous: &["jr", "spa"],
    before_number: &["art", "n", "nr", "pag", "pp", "vol", "cap"],
    compounds: &[
        ("a.c", true),
        ("d.c", true),
        ("p.es", false),
        ("s.p.a", true),
        ("s.r.l", true),
    ],
    starters: &[
        "a", "al", "anche", "che", "con", "così", "da", "dal", "dopo", "e", "è", "ed", "gli", "i",
        "il", "in", "io", "la", "le", "lei", "lo", "lui", "ma", "mentre", "nel", "nella", "noi",
        "non", "per", "però", "poi", "quando", "questa", "questo", "se", "secondo", "si", "su",
        "un", "una", "uno",
    ],
    reporting: &["ha", "dice", "spiega", "aggiunge"],
    joining: &[
        "a", "al", "con", "da", "del", "della", "di", "e", "il", "in", "la", "per", "un",
    ],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static PORTUGUESE: Rules = Rules {
    titles: &[
        "av", "dr", "dra", "drs", "eng", "exma", "exmo", "ilma", "ilmo", "prof", "profa", "sr",
        "sra", "srs", "srta", "sto", "sta", "d",
    ],
    ambiguous: &["cia", "ltda", "jr"],
    before_number: &["art", "n", "nº", "pág", "págs", "vol", "cap"],
    compounds: &[("a.c", true), ("d.c", true), ("s.a", true), ("ee.uu", true)],
    starters: &[
        "a", "ainda", "ao", "apesar", "as", "com", "como", "da", "de", "depois", "do", "e", "é",
        "ela", "ele", "eles", "em", "entre", "essa", "esse", "esta", "este", "eu", "isso", "já",
        "mas", "na", "no", "nos", "o", "os", "para", "pelo", "por", "quando", "se", "segundo",
        "sem", "também", "um", "uma",
    ],
    reporting: &["afirmou", "disse", "explicou", "declarou"],
    joining: &[
        "a", "com", "da", "de", "do", "e", "em", "na", "no", "o", "para", "por", "um",
    ],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static DUTCH: Rules = Rules {
    titles: &[
        "bijv", "ca", "dhr", "dr", "drs", "ing", "ir", "mevr", "mgr", "mr", "prof", "st", "mw",
    ],
    ambiguous: &["enz", "etc", "jl", "mln", "mld", "resp"],
    before_number: &["blz", "art", "nr", "no"],
    compounds: &[
        ("a.s", true),
        ("d.w.z", false),
        ("e.d", true),
        ("i.p.v", false),
        ("m.b.t", false),
        ("o.a", true),
        ("t.o.v", false),
        ("z.g.a", true),
    ],
    starters: &[
        "de", "dat", "daar", "dan", "deze", "die", "dit", "een", "en", "er", "het", "hij", "hun",
        "ik", "in", "maar", "na", "nu", "om", "ook", "op", "toch", "volgens", "voor", "wat", "we",
        "wij", "ze", "zij",
    ],
    reporting: &["zegt", "zei", "aldus"],
    joining: &[
        "de", "een", "en", "het", "in", "met", "of", "op", "van", "voor",
    ],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static POLISH: Rules = Rules {
    titles: &[
        "dr", "gen", "hab", "im", "inż", "ks", "mgr", "np", "ok", "płk", "prof", "św", "tzw", "ul",
        "al", "pl", "gm", "woj", "pow", "zob", "por", "wg", "ang", "ros", "niem", "fot", "red",
        "d",
    ],
    ambiguous: &[
        "itd", "itp", "mln", "mld", "r", "br", "tys", "zł", "godz", "proc",
    ],
    before_number: &["art", "nr", "pkt", "s", "ust", "tel"],
    compounds: &[
        ("m.in", false),
        ("p.n.e", true),
        ("n.e", true),
        ("tj", false),
    ],
    starters: &[
        "a", "ale", "ci", "co", "do", "gdy", "i", "jak", "jednak", "jego", "jej", "jest", "już",
        "kiedy", "na", "nie", "o", "on", "ona", "oni", "po", "od", "przez", "to", "ta", "ten",
        "te", "w", "we", "z", "za", "że",
    ],
    reporting: &["powiedział", "powiedziała", "dodał", "dodała"],
    joining: &["i", "na", "o", "od", "po", "w", "z", "do", "oraz"],
    months: &[],
    ordinal_before: &["w", "we", "na", "od", "do", "po"],
    ordinals: true,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &["r", "br"],
};

static RUSSIAN: Rules = Rules {
    titles: &["им", "проф", "ул", "пр", "д", "акад", "ген", "см", "стр"],
    ambiguous: &[
        "г", "гг", "млн", "млрд", "тыс", "руб", "долл", "коп", "др", "пр", "в", "вв",
    ],
    before_number: &["т", "№", "с", "ст"],
    compounds: &[
        ("т.д", true),
        ("т.е", false),
        ("т.к", false),
        ("т.п", true),
        ("т.н", false),
        ("н.э", true),
        ("до.н.э", true),
    ],
    starters: &[
        "а",
        "в",
        "во",
        "все",
        "вот",
        "для",
        "до",
        "её",
        "его",
        "если",
        "же",
        "за",
        "и",
        "из",
        "как",
        "когда",
        "на",
        "но",
        "он",
        "она",
        "они",
        "оно",
        "по",
        "после",
        "при",
        "с",
        "так",
        "также",
        "там",
        "то",
        "тогда",
        "это",
        "этот",
        "эта",
        "я",
        "мы",
        "вы",
    ],
    reporting: &[
        "сказал",
        "сказала",
        "заявил",
        "заявила",
        "отметил",
        "отметила",
    ],
    joining: &["в", "и", "на", "с", "по", "для", "из", "о"],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: true,
    before_number_suffixes: &[],
    clause_final: &[],
};

static UKRAINIAN: Rules = Rules {
    titles: &["ім", "проф", "вул", "див", "акад", "ген"],
    ambiguous: &["р", "рр", "млн", "млрд", "тис", "грн", "ст"],
    before_number: &["№", "с", "т"],
    compounds: &[("т.д", true), ("т.п", true), ("т.б", true), ("н.е", true)],
    starters: &[
        "а", "але", "в", "він", "вона", "вони", "до", "з", "і", "й", "на", "не", "по", "та", "це",
        "цей", "ця", "як", "у", "ми", "я",
    ],
    reporting: &["сказав", "сказала", "заявив", "заявила"],
    joining: &["в", "і", "й", "на", "з", "та", "у", "для"],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: true,
    before_number_suffixes: &[],
    clause_final: &[],
};

static TURKISH: Rules = Rules {
    titles: &[
        "av", "alb", "cad", "doç", "dr", "gen", "mah", "müh", "org", "prof", "sn", "sok", "yrd",
        "bkz", "yy",
    ],
    ambiguous: &["vb", "vs", "vd", "ltd", "şti"],
    before_number: &["no", "s"],
    compounds: &[("a.ş", true), ("m.ö", true), ("m.s", true)],
    starters: &[
        "ama", "ancak", "bir", "bu", "bunun", "da", "de", "daha", "en", "her", "ise", "o", "ve",
        "şu", "şimdi", "çünkü", "biz", "ben", "onlar", "türkiye",
    ],
    reporting: &["dedi", "diye"],
    joining: &["ve", "ile", "veya", "bir"],
    months: &[
        "ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim",
        "kasım", "aralık",
    ],
    ordinal_before: &[],
    ordinals: true,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

/// Shared by Danish and Norwegian, which abbreviate alike.
const DANO_NORWEGIAN_TITLES: &[&str] = &[
    "ca", "dr", "evt", "hhv", "ifm", "jf", "jfr", "kl", "mht", "nr", "pga", "prof", "st", "tlf",
    "bl",
];
const DANO_NORWEGIAN_AMBIGUOUS: &[&str] = &["mill", "mia", "kr", "mv", "osv", "dvs", "etc", "mrd"];
const DANO_NORWEGIAN_COMPOUNDS: &[(&str, bool)] = &[
    ("bl.a", false),
    ("f.eks", false),
    ("m.fl", true),
    ("m.m", true),
    ("o.l", true),
    ("t.o.m", false),
    ("f.kr", true),
    ("e.kr", true),
    ("d.v.s", false),
    ("m.v", true),
];

static DANISH: Rules = Rules {
    titles: DANO_NORWEGIAN_TITLES,
    ambiguous: DANO_NORWEGIAN_AMBIGUOUS,
    before_number: &["s", "nr"],
    compounds: DANO_NORWEGIAN_COMPOUNDS,
    starters: &[
        "de", "den", "der", "det", "derfor", "dog", "en", "et", "han", "hun", "i", "jeg", "men",
        "når", "nu", "og", "på", "så", "vi", "efter", "med",
    ],
    reporting: &["siger", "sagde", "skriver"],
    joining: &["af", "de", "den", "det", "en", "et", "i", "og", "på", "til"],
    months: &[],
    ordinal_before: &[],
    ordinals: true,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static NORWEGIAN: Rules = Rules {
    titles: DANO_NORWEGIAN_TITLES,
    ambiguous: DANO_NORWEGIAN_AMBIGUOUS,
    before_number: &["s", "nr"],
    compounds: DANO_NORWEGIAN_COMPOUNDS,
    starters: &[
        "de", "den", "der", "det", "derfor", "en", "et", "han", "hun", "i", "jeg", "men", "når",
        "nå", "og", "på", "så", "vi", "etter", "med",
    ],
    reporting: &["sier", "sa", "skriver"],
    joining: &["av", "de", "den", "det", "en", "et", "i", "og", "på", "til"],
    months: &[],
    ordinal_before: &[],
    ordinals: true,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static SWEDISH: Rules = Rules {
    titles: &[
        "ca", "dr", "fr", "jfr", "kl", "nr", "prof", "resp", "st", "tel", "bl", "dvs",
    ],
    ambiguous: &["etc", "kr", "milj", "mdr", "osv"],
    before_number: &["s", "nr"],
    compounds: &[
        ("bl.a", false),
        ("d.v.s", false),
        ("f.d", false),
        ("fr.o.m", false),
        ("m.fl", true),
        ("m.m", true),
        ("o.s.v", true),
        ("s.k", false),
        ("t.ex", false),
        ("t.o.m", false),
    ],
    starters: &[
        "de", "den", "det", "där", "efter", "en", "ett", "han", "hon", "i", "jag", "men", "med",
        "när", "nu", "och", "på", "så", "vi",
    ],
    reporting: &["säger", "sa", "skriver"],
    joining: &[
        "av", "de", "den", "det", "en", "ett", "i", "och", "på", "till",
    ],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static FINNISH: Rules = Rules {
    titles: &[
        "esim", "ks", "n", "ns", "prof", "tri", "klo", "mm", "ts", "ym",
    ],
    ambiguous: &["jne", "milj", "mrd", "yms", "ry", "oy", "oyj"],
    before_number: &["s", "nro"],
    compounds: &[("e.kr", true), ("j.kr", true)],
    starters: &[
        "hän", "he", "ja", "jos", "kun", "me", "mutta", "myös", "ne", "nyt", "se", "sen", "tämä",
        "tässä", "vaikka",
    ],
    reporting: &["sanoo", "sanoi", "kertoo", "kertoi"],
    joining: &["ja", "tai", "sekä"],
    months: &[],
    ordinal_before: &[],
    ordinals: true,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static ROMANIAN: Rules = Rules {
    titles: &[
        "dl", "dna", "dnei", "dlui", "dr", "ing", "prof", "str", "bd", "jud", "mun", "sf",
    ],
    ambiguous: &["etc", "mil", "mld"],
    before_number: &["nr", "art", "p", "pag"],
    compounds: &[
        ("ș.a", true),
        ("ș.a.m.d", true),
        ("î.e.n", true),
        ("d.hr", true),
    ],
    starters: &[
        "acesta", "aceasta", "ca", "care", "cu", "de", "dar", "el", "ea", "ei", "în", "iar", "la",
        "pe", "și", "un", "o", "după",
    ],
    reporting: &["a", "spus"],
    joining: &["a", "al", "cu", "de", "din", "în", "la", "pe", "și"],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static HUNGARIAN: Rules = Rules {
    titles: &[
        "dr", "id", "ifj", "kb", "pl", "ún", "u", "krt", "özv", "prof", "ill",
    ],
    ambiguous: &["stb", "kft", "zrt", "bt", "nyrt", "mrd", "millió"],
    before_number: &[
        "jan", "febr", "márc", "ápr", "máj", "jún", "júl", "aug", "szept", "okt", "nov", "dec",
        "sz", "évf",
    ],
    compounds: &[("i.e", true), ("i.sz", true)],
    starters: &[
        "a", "az", "de", "ez", "ezt", "egy", "és", "hogy", "ha", "is", "mert", "már", "most",
        "nem", "ő", "ők", "azonban",
    ],
    reporting: &["mondta", "közölte"],
    joining: &["a", "az", "és", "egy", "vagy"],
    months: &[],
    ordinal_before: &[],
    ordinals: true,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static CZECH: Rules = Rules {
    titles: &[
        "bc", "doc", "dr", "ing", "judr", "mgr", "mudr", "např", "nám", "phdr", "ppor", "pplk",
        "prof", "rndr", "tzv", "ul", "gen", "plk", "resp", "popř", "příp", "mj",
    ],
    ambiguous: &["apod", "atd", "mil", "mld", "tis", "kč", "r", "s.r.o"],
    before_number: &["č", "čís", "s", "str", "odst"],
    compounds: &[
        ("a.s", true),
        ("s.r.o", true),
        ("n.l", true),
        ("př.n.l", true),
        ("tj", false),
    ],
    starters: &[
        "a", "ale", "ať", "do", "i", "jak", "je", "jeho", "její", "když", "na", "ne", "o", "on",
        "ona", "oni", "po", "podle", "pro", "proto", "s", "se", "tak", "také", "to", "ten", "ta",
        "v", "ve", "z", "za", "že",
    ],
    reporting: &["řekl", "řekla", "uvedl", "uvedla"],
    joining: &["a", "i", "na", "o", "s", "v", "ve", "z", "do"],
    months: &[],
    ordinal_before: &["v", "ve", "na", "od", "do", "po", "za"],
    ordinals: true,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};

static GREEK: Rules = Rules {
    titles: &["κ", "κα", "δρ", "καθ", "αγ", "οδ"],
    ambiguous: &["κλπ", "εκατ", "δισ", "χιλ", "δηλ"],
    before_number: &["αρ", "σελ"],
    compounds: &[
        ("π.χ", false),
        ("μ.χ", true),
        ("π.χ.", false),
        ("κ.λπ", true),
        ("κ.ά", true),
    ],
    starters: &[
        "ο",
        "η",
        "το",
        "οι",
        "τα",
        "και",
        "αλλά",
        "αυτό",
        "αυτή",
        "αυτός",
        "στο",
        "στη",
        "στην",
        "σε",
        "με",
        "για",
        "ένα",
        "μια",
    ],
    reporting: &["είπε", "δήλωσε"],
    joining: &["και", "του", "της", "των", "το", "η", "ο", "σε"],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: true,
    before_number_suffixes: &[],
    clause_final: &[],
};

static INDONESIAN: Rules = Rules {
    titles: &[
        "dr", "drs", "h", "hj", "ir", "jl", "no", "prof", "sdr", "yth", "kh",
    ],
    ambiguous: &["dll", "dsb", "dst", "tbk", "rp"],
    before_number: &["no", "hal"],
    compounds: &[("s.h", true), ("s.e", true), ("m.si", true), ("s.pd", true)],
    starters: &[
        "akan",
        "dalam",
        "dan",
        "dari",
        "di",
        "dia",
        "ia",
        "ini",
        "itu",
        "kami",
        "kita",
        "menurut",
        "mereka",
        "namun",
        "pada",
        "saat",
        "sementara",
        "selain",
        "untuk",
        "yang",
    ],
    reporting: &["kata", "ujar", "ucap", "jelas"],
    joining: &["dan", "di", "dari", "ke", "yang", "untuk", "atau"],
    months: &[],
    ordinal_before: &[],
    ordinals: false,
    lower_letters_abbreviate: false,
    before_number_suffixes: &[],
    clause_final: &[],
};
