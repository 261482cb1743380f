//! The debris patterns cleaning looks for.
//!
//! Each check starts with a cheap literal test so that ordinary paragraphs
//! never reach a regular expression.
//!
//! Every check has a form that takes the text's language (`..._in`). For
//! English it is exactly the English check; for any other language, and
//! for language-neutral text (`None`), the English patterns apply together
//! with the furniture of the other languages: datelines such as
//! "SIMMELSDORF –" or "PARIS (AFP) -", date-only lines, bylines ("Von",
//! "Par", "Por", ...), photo credits ("Foto: dpa", "Photo : AFP") and site
//! furniture ("Lesen Sie auch", "À lire aussi", account, cookie and
//! newsletter messages). Those phrases are all kept in one table rather
//! than per language because a German page quotes French furniture as
//! often as its own, and none of them can be mistaken for article text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::lang::Language;

/// Whole paragraphs that are site furniture, matched case-insensitively
/// after trimming trailing punctuation.
const FURNITURE: &[&str] = &[
    "advertisement",
    "scroll down for video",
    "scroll down for videos",
    "scroll down for more",
    "share this article",
    "share or comment on this article",
    "share",
    "comments",
    "read more",
    "related articles",
    "video",
    "play video",
    "watch the video",
    "watch video",
    "see more",
    "getty images",
    "back to top",
];

/// Prefixes of paragraphs that are furniture whatever follows.
const FURNITURE_PREFIXES: &[&str] = &[
    "click here",
    "last updated at",
    "published:",
    "updated:",
    "follow us on",
    "sign up for",
    "read more:",
    "related:",
    "copyright ",
    "©",
];

static DAILY_MAIL_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:by\s*\.\s*[^|]{1,200}?\.\s*)?(?:published:?\s*\.?\s*[^|]{1,80}?\s*\|\s*\.?\s*)?updated:?\s*\.?\s*\d{1,2}:\d{2}\s*(?:est|gmt|bst|edt|pst|[ap]m)?,?\s*\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}\s*\.?\s*",
    )
    .expect("valid byline pattern")
});

static SHORT_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:By|BY|by)\s*\.?\s+(?:[A-Z][\w'’.-]*\s*(?:,|and|&)?\s*){1,6}(?:\s*(?:for|For)\s+(?:[A-Z][\w'’.-]*\s*){1,4})?\.?$")
        .expect("valid short byline pattern")
});

static LAST_UPDATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^last updated at \d{1,2}:\d{2}\s*(?:[ap]m)?\s+on\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}\s*\.?\s*")
        .expect("valid last-updated pattern")
});

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][\w'’.,-]*(?:\s+[A-Z][\w'’.,-]*){0,5}\s+)?\((?:CNN[A-Za-z]*(?: Student News)?|EW\.com|Mashable|Reuters|AP)\)\s*(?:--|—|–|-)?\s*")
        .expect("valid dateline pattern")
});

/// Calls to action inside running text ("Scroll down for video", "Click here to
/// watch the video").
static INLINE_FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:scroll down for (?:video|videos|more)|share this article|click here to (?:watch|see|read|view) (?:the )?(?:video|more|gallery))\b\s*[.:!]?")
        .expect("valid inline pattern")
});

/// A link's "(opens in a new window)" label, in five languages. Apart from
/// [`INLINE_FURNITURE`] so that the engine's prefilter is a scan for `(`:
/// in one alternation, the case variants of both make it a slower automaton.
static NEW_WINDOW_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*(?:opens in (?:a )?new (?:window|tab)|öffnet (?:im |in (?:einem )?)neuen (?:fenster|tab)|s'ouvre dans (?:une? )?nouv(?:el|elle) (?:onglet|fenêtre)|se abre en (?:una )?nueva (?:ventana|pestaña))\s*\)")
        .expect("valid new-window pattern")
});

static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?:(?:[Pp]hotos?|[Pp]icture|[Ii]mage|[Cc]redit)s?:\s*)?[A-Z][\w'’.-]*(?:[ /&,]+[A-Z][\w'’.-]*){0,5}\)\s*$")
        .expect("valid photo credit pattern")
});

/// Whole paragraphs that are furniture in languages other than English
/// (lowercase, trailing punctuation removed).
const FURNITURE_OTHER: &[&str] = &[
    // German
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "mehr dazu",
    "zum thema",
    "weiterlesen",
    "mehr lesen",
    "anzeige",
    "werbung",
    "artikel teilen",
    "teilen",
    "kommentare",
    "zur startseite",
    "nach oben",
    "bildergalerie",
    "video abspielen",
    "auch interessant",
    "das könnte sie auch interessieren",
    "ihr browser ist veraltet",
    "jetzt abonnieren",
    "newsletter abonnieren",
    "drucken",
    "merken",
    "schließen",
    "zum artikel",
    "zum newsticker",
    "zitiervorschlag",
    "weitere informationen",
    "empfohlener redaktioneller inhalt",
    "teilen und weiterempfehlen",
    "leserbriefe",
    "mit dpa",
    "mit afp",
    "mit agenturen",
    "wie hat ihnen dieser artikel gefallen",
    // French
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "lire la suite",
    "voir aussi",
    "à voir aussi",
    "publicité",
    "partager",
    "commentaires",
    "abonnez-vous",
    "se connecter",
    "s'abonner",
    "retour en haut",
    "en savoir plus",
    "sur le même sujet",
    "vidéo",
    "lire plus tard",
    "à découvrir",
    // Spanish and Catalan
    "lee también",
    "lea también",
    "leer más",
    "ver más",
    "publicidad",
    "compartir",
    "comentarios",
    "suscríbete",
    "te puede interesar",
    "noticias relacionadas",
    "más información",
    "contenido patrocinado",
    "llegeix també",
    // Portuguese
    "leia também",
    "leia mais",
    "veja também",
    "publicidade",
    "partilhar",
    "compartilhe",
    "comentários",
    "saiba mais",
    // Italian
    "leggi anche",
    "leggi tutto",
    "pubblicità",
    "condividi",
    "commenti",
    "potrebbe interessarti",
    "guarda anche",
    // Dutch, Nordic, Polish, Czech, Turkish, Russian
    "lees ook",
    "lees meer",
    "advertentie",
    "reacties",
    "les også",
    "læs også",
    "läs också",
    "annonse",
    "annons",
    "czytaj także",
    "czytaj też",
    "czytaj więcej",
    "reklama",
    "udostępnij",
    "komentarze",
    "čtěte také",
    "sdílet",
    "ayrıca okuyun",
    "devamını oku",
    "reklam",
    "paylaş",
    "ilginizi çekebilir",
    "читайте также",
    "реклама",
    "поделиться",
    "комментарии",
    "kort fortalt",
    "입력",
    "수정",
    "カテゴリーをフォローする",
    // share buttons left as text
    "facebook",
    "twitter",
    "twitter-x",
    "whatsapp",
    "linkedin",
    "telegram",
    "mail",
    "e-mail",
    "print",
    "copy",
    "link kopieren",
    "copier le lien",
    "copiar enlace",
];

/// Prefixes of paragraphs that are furniture in other languages, photo
/// credits included (lowercase).
const FURNITURE_OTHER_PREFIXES: &[&str] = &[
    "erstellt von ",
    "text & fotos:",
    "text und fotos:",
    "text & foto:",
    "home / ",
    "startseite / ",
    "startseite » ",
    "lesen sie auch:",
    "lesen sie mehr:",
    "mehr zum thema:",
    "weitere pressemitteilungen",
    // readers of the story, reading times
    "leído por ",
    "lesedauer",
    "lesezeit",
    "temps de lecture",
    "tiempo de lectura",
    "tempo de leitura",
    "tempo di lettura",
    "leestijd",
    "czas czytania",
    "lesen sie hier",
    "hier lesen sie",
    "à lire aussi :",
    "à lire aussi:",
    "lire aussi :",
    "lire aussi:",
    "a lire aussi",
    "lee también:",
    "lea también:",
    "leia também:",
    "leia mais:",
    "leggi anche:",
    "lees ook:",
    "les også:",
    "læs også:",
    "läs också:",
    "czytaj także:",
    "czytaj też:",
    "читайте также:",
    "foto: ",
    "fotos: ",
    "foto : ",
    "bild: ",
    "bilder: ",
    "photo : ",
    "photo: ",
    "photos : ",
    "crédit photo",
    "crédits photo",
    "crédit : ",
    "fotografía: ",
    "imagen: ",
    "quelle: ",
    "fonte: ",
    "fuente: ",
    "bildrechte: ",
    "imago images",
    "übersetzung: ",
    "redaktion: ",
    "schlussredaktion: ",
    "mitarbeit: ",
    "edition : ",
    "édition : ",
    "edición: ",
];

/// Phrases that mark a short paragraph as an account, subscription,
/// cookie, browser or newsletter message (lowercase).
const SITE_MESSAGES: &[&str] = &[
    // German
    "aktivierungslink",
    "ihr browser ist veraltet",
    "javascript aktivieren",
    "aktivieren sie javascript",
    "wir verwenden cookies",
    "diese website verwendet cookies",
    "cookie-einstellungen",
    "cookies akzeptieren",
    "newsletter abonnieren",
    "zum newsletter anmelden",
    "jetzt anmelden",
    "jetzt registrieren",
    "bereits registriert",
    "passwort vergessen",
    "loggen sie sich ein",
    "adblocker deaktivieren",
    "werbeblocker deaktivieren",
    "abonnieren sie unseren",
    "jetzt abonnieren",
    "artikel freischalten",
    "bestätigen sie ihre e-mail",
    "kein aktives abo",
    "unterstützen sie qualitätsjournalismus",
    "wenn javascript aktiviert ist",
    "javascript ist deaktiviert",
    "javascript einschalten",
    // French
    "nous utilisons des cookies",
    "ce site utilise des cookies",
    "accepter les cookies",
    "mettez à jour votre navigateur",
    "abonnez-vous",
    "inscrivez-vous à notre newsletter",
    "déjà abonné",
    "mot de passe oublié",
    "connectez-vous",
    "réservé aux abonnés",
    "créer un compte",
    "activer javascript",
    "activez javascript",
    "javascript est désactivé",
    "désactivez votre bloqueur",
    "sur un seul appareil à la fois",
    "votre abonnement n’autorise pas",
    "votre abonnement n'autorise pas",
    "accédez à tous nos contenus",
    "sie waren einige zeit inaktiv",
    "er ansvarlig for dine data",
    "соблюдать правила комментирования",
    // Spanish, Catalan, Portuguese, Italian, Dutch
    "utilizamos cookies",
    "este sitio utiliza cookies",
    "usamos cookies",
    "aceptar cookies",
    "suscríbete",
    "inicia sesión",
    "iniciar sesión",
    "olvidaste tu contraseña",
    "regístrate",
    "actualiza tu navegador",
    "habilita javascript",
    "habilitar javascript",
    "javascript está desactivado",
    "ative o javascript",
    "abilita javascript",
    "javascript inschakelen",
    "włącz javascript",
    "exclusivo para suscriptores",
    "faça login",
    "assine já",
    "utilizziamo i cookie",
    "questo sito utilizza cookie",
    "abbonati",
    "accedi per",
    "wij gebruiken cookies",
    "deze website gebruikt cookies",
    // found on the "no junk" pages (scripts/bench/languages.py junk)
    "erforderlichen cookies",
    "cookies jederzeit",
    "über das cookie symbol",
    "zum login oder",
    "account registrieren",
    "werbeblocker ausschaltet",
    "diese seite benutzt cookies",
    "erhalten wir ggf. eine provision",
    "para comentar debes",
    "si ya tenés una cuenta",
    "nuestro periodismo depende de",
    "en remplissant ce formulaire",
    "vous désabonner",
    "registrieren sie sich jetzt",
    "escucha la nota",
    "vous pouvez nous contacter",
    "o sua leitura indica",
    "quanto está bem informado",
    "a você que chegou até aqui",
    "cookies zulassen",
    "siga-nos no",
    "siga-nos nas",
    "síguenos en",
    "folgen sie uns auf",
    "suivez-nous sur",
    "seguici su",
    "volg ons op",
    "obserwuj nas na",
    "korzystamy z cookies",
    "korzystamy z plików cookie",
    // metered paywalls and sign-up prompts, the voseo forms of Latin America included
    "artículos gratis por mes",
    "artículos gratis al mes",
    "notas gratis por mes",
    "registrate para acceder",
    "registrate gratis",
    "suscribite a",
    "iniciá sesión",
    "ingresá con tu",
    "creá tu cuenta",
    "crea tu cuenta",
    "crie sua conta",
    "cadastre-se",
    "kostenlose artikel pro monat",
    "articles gratuits par mois",
    "créez votre compte",
    "articoli gratuiti al mese",
    // audio players' labels
    "escucha esta nota",
    "escuchar esta nota",
    "escucha este artículo",
    "escuchar artículo",
    "escucha la noticia",
    "écouter cet article",
    "écouter l'article",
    "écouter l’article",
    "artikel anhören",
    "artikel vorlesen",
    "beitrag anhören",
    "ouvir esta notícia",
    "ouça esta notícia",
    "ouvir matéria",
    "ascolta l'articolo",
    "ascolta questo articolo",
    "luister naar dit artikel",
    "posłuchaj artykułu",
    "слушать статью",
    // publishers presenting themselves
    "witamy na stronie",
    "witamy na naszej stronie",
    "willkommen auf unserer webseite",
    "willkommen auf unserer website",
    "willkommen auf unserer seite",
    "bienvenue sur notre site",
    "bienvenue sur le site",
    "bienvenido a nuestro sitio",
    "bienvenidos a nuestro sitio",
    "benvenuti sul sito",
    "benvenuto sul sito",
    "bem-vindo ao site",
    "bem-vindo ao nosso site",
    "welkom op de website",
    "welkom op onze website",
    // rights notices
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "todos os direitos reservados",
    "é proibida a reprodução",
    "proibida a reprodução",
    "possuem direitos autorais",
    "prohibida su reproducción",
    "queda prohibida la reproducción",
    "tutti i diritti riservati",
    "reproduction interdite",
    "все права защищены",
    "wszelkie prawa zastrzeżone",
    "alle rechten voorbehouden",
    "tüm hakları saklıdır",
];

/// Prefixes of a paragraph that names the story's sources, however long the list of
/// agencies and correspondents runs ("Mit Informationen der ARD-Korrespondentinnen ...
/// sowie der Nachrichtenagenturen AFP, AP, dpa, ... Zum Teil lassen sich die Angaben nicht
/// unabhängig überprüfen."): checked on paragraphs of up to [`SOURCE_CREDIT_MAX_BYTES`].
const SOURCE_CREDIT_PREFIXES: &[&str] = &[
    "mit informationen der ",
    "mit informationen von ",
    "mit material der ",
    "mit material von ",
    "mit agenturmaterial",
];

/// The longest paragraph read as a source credit.
const SOURCE_CREDIT_MAX_BYTES: usize = 320;

/// Openings of an account prompt that asks the reader to log in (lowercase): the
/// imperative, followed by what it gives ("Log in to comment", "Einloggen, um ...").
/// A news sentence about someone logging in opens with its subject instead.
const LOGIN_IMPERATIVES: &[&str] = &[
    "log in to ",
    "log in or ",
    "login to ",
    "login or ",
    "sign in to ",
    "sign in or ",
    "einloggen, um ",
    "einloggen und ",
    "anmelden, um ",
    "anmelden und ",
    "melden sie sich an, um ",
    "loggen sie sich ein, um ",
    "connectez-vous pour ",
    "identifiez-vous pour ",
    "inicia sesión para ",
    "inicie sesión para ",
    "iniciá sesión para ",
    "faça login para ",
    "faça o login para ",
    "inicie sessão para ",
    "accedi per ",
    "effettua il login per ",
    "log in om ",
    "inloggen om ",
    "zaloguj się, aby ",
    "zaloguj się, by ",
    "logg inn for ",
    "log ind for ",
    "logga in för ",
    "kirjaudu sisään ",
    "přihlaste se pro ",
    "přihlaste se, abyste ",
    "войдите, чтобы ",
    "авторизуйтесь, чтобы ",
];

/// A requirement addressed to the reader to log in (lowercase), anywhere in a short
/// paragraph ("Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu
/// können."): the second person or a "please" keeps reports about someone else's login
/// out.
const LOGIN_REQUIREMENTS: &[&str] = &[
    "you must be logged in",
    "you must be signed in",
    "you need to be logged in",
    "you need to be signed in",
    "you must log in",
    "you need to log in",
    "you need to sign in",
    "please log in",
    "please sign in",
    "sie müssen sich einloggen",
    "sie müssen sich anmelden",
    "sie müssen eingeloggt sein",
    "sie müssen angemeldet sein",
    "du musst dich einloggen",
    "du musst dich anmelden",
    "du musst eingeloggt sein",
    "du musst angemeldet sein",
    "bitte einloggen",
    "bitte loggen sie sich",
    "bitte melden sie sich an",
    "vous devez être connecté",
    "vous devez vous connecter",
    "veuillez vous connecter",
    "veuillez vous identifier",
    "debes iniciar sesión",
    "debe iniciar sesión",
    "tienes que iniciar sesión",
    "debes estar registrado",
    "necesitas iniciar sesión",
    "você precisa estar logado",
    "você precisa fazer login",
    "é necessário fazer login",
    "é necessário estar logado",
    "devi essere registrato",
    "devi effettuare il login",
    "devi accedere",
    "è necessario effettuare il login",
    "je moet ingelogd zijn",
    "u moet ingelogd zijn",
    "je moet inloggen",
    "u moet inloggen",
    "musisz być zalogowany",
    "musisz się zalogować",
    "du skal være logget ind",
    "du skal logge ind",
    "du må være logget inn",
    "du må logge inn",
    "du måste vara inloggad",
    "du måste logga in",
    "musíte se přihlásit",
    "musíte přihlásit",
    "musíte být přihlášen",
    "giriş yapmalısınız",
    "giriş yapmanız gerek",
    "oturum açmalısınız",
    "необходимо авторизоваться",
    "необходимо войти",
    "вы должны войти",
    "로그인이 필요합니다",
    "로그인 후 이용",
];

/// The longest paragraph read as a login prompt.
const LOGIN_PROMPT_MAX_BYTES: usize = 200;

/// Whether `lower` (a lowercased paragraph) is a prompt to log in: short, and
/// either opening with the imperative of [`LOGIN_IMPERATIVES`] or holding a
/// requirement of [`LOGIN_REQUIREMENTS`].
fn is_login_prompt(lower: &str) -> bool {
    let lower = lower.trim();
    lower.len() <= LOGIN_PROMPT_MAX_BYTES
        && (LOGIN_IMPERATIVES.iter().any(|p| lower.starts_with(p))
            || LOGIN_REQUIREMENTS.iter().any(|r| lower.contains(r)))
}

/// Words that may make up a line that is only a place, a date and a time
/// ("Managua, Nicaragua 26, Abril, 2022 7:43 p.m."), besides numbers and
/// capitalised place names (lowercase).
const DATE_WORDS: &[&str] = &[
    // months
    "januar",
    "jänner",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    // weekdays
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    // connectors and clock words
    "am",
    "um",
    "uhr",
    "den",
    "der",
    "le",
    "à",
    "h",
    "de",
    "del",
    "el",
    "a",
    "las",
    "los",
    "p.m",
    "a.m",
    "pm",
    "am",
    "hs",
    "hrs",
    "heures",
    "horas",
    "ore",
    "alle",
    "il",
    "às",
    "em",
    "stand",
    "aktualisiert",
    "postado",
    "publicada",
    "atualizada",
    "actualizada",
    "veröffentlicht",
    "publié",
    "mis",
    "jour",
    "actualizado",
    "publicado",
    "pubblicato",
    "aggiornato",
    "atualizado",
    "mise",
    "modifié",
    "updated",
    "published",
    "gmt",
    "mez",
    "mesz",
    "cet",
    "cest",
    "utc",
    "aktualizováno",
    "včera",
    "dnes",
    "heute",
    "gestern",
    "hoy",
    "ayer",
    "hier",
    "aujourd'hui",
    // English months, weekdays and connectors ("Published on 12 March 2023 at 10:15")
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "october",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "on",
    "at",
    "•",
    // Russian months (genitive, as in dates)
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

static DATELINE_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\p{Lu}{3}[\p{Lu}'’.\-]*(?:[ /]\p{Lu}[\p{Lu}'’.\-]+){0,3}(?:,\s*[\p{L}. ]{2,30}?)?(?:\s*\((?:AFP|AP|APA|ANSA|ANP|Belga|dpa|DPA|EFE|epd|KNA|Reuters|SDA|Keystone-SDA|sda|Lusa|PAP|TASS|NTB|TT|Ritzau|AA|Europa Press|dpa-AFX|AFX|kna|afp|efe|ats|ATS|SID|sid)\)\.?)?(?:\s*[–—]+\s*|\s+-+\s+|\s*\.-\s*)|\p{Lu}[\p{L}'’.\-]+(?:\s+\p{Lu}[\p{L}'’.\-]+){0,3}(?:,\s*[^()]{1,30}?)?\s*\((?:AFP|AP|APA|ANSA|ANP|Belga|dpa|DPA|EFE|epd|KNA|Reuters|SDA|Keystone-SDA|sda|Lusa|PAP|TASS|NTB|TT|Ritzau|AA|Europa Press|dpa-AFX|AFX|kna|afp|efe|ats|ATS|SID|sid)\)\s*(?:\.?\s*[–—-]+|:)?\s*)",
    )
    .expect("valid multilingual dateline pattern")
});

static BYLINE_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:Escrito|Escrita|Escrito/a|Redactado|Publicado|Publié|Écrit|Ecrit|Rédigé|Geschrieben|Scritto|Pubblicato|Geschreven|Napisał|Napisała|Yazan)\s+(?:por|par|von|da|door)|Von|VON|von|Par|PAR|par|Por|POR|por|Di|DI|Door|door|Av|av|Af|af|Autor:|Autorin:|Auteur\s?:|Autor\s?:|Texto:|Text:|Redacción:|Rédaction\s?:)\s+\p{Lu}[\p{L}'’.\-]*(?:,?\s+(?:\p{Lu}[\p{L}'’.\-]*|von|van|der|den|de|del|della|da|du|la|le|di|dos|das|y|e|et|und|og|och|and|&))*(?:\s*[,/|]\s*[\p{L} \-]{1,40})?\.?$",
    )
    .expect("valid multilingual byline pattern")
});

static PHOTO_CREDIT_OTHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:\((?:(?:[Ff]otos?|[Bb]ild(?:er|rechte)?|[Pp]hotos?|[Ii]magen|[Cc]r[ée]dits?(?: photo)?|[Qq]uelle|[Ff]uente)\s?:\s*)?[\p{Lu}©][\p{L}'’.\-]*(?:[ /&,]+[\p{Lu}][\p{L}'’.\-]*){0,5}\)|(?:[Ff]otos?|[Bb]ild(?:er|rechte)?|[Pp]hotos?|[Cc]r[ée]dits?(?: photo)?)\s?:\s*[\p{L}©][\p{L}'’.\-]*(?:[ /&,]+[\p{Lu}\p{Ll}][\p{L}'’.\-]*){0,6}|©\s*\p{Lu}[\p{L}'’.\-]*(?:[ /&,]+\p{Lu}[\p{L}'’.\-]*){0,5})\s*$")
        .expect("valid multilingual photo credit pattern")
});

/// Whether the language gets the English checks only.
fn english_only(lang: Option<Language>) -> bool {
    lang == Some(Language::English)
}

fn strip_trailing_punct(s: &str) -> &str {
    s.trim()
        .trim_end_matches(['.', ':', '!', ' ', '>', '|'])
        .trim_end()
}

/// Whether a whole paragraph is site furniture in a text of language
/// `lang`: in every language date-only lines and meta lines of dates and
/// bylines ([`is_meta_line_in`]); for languages other than English also
/// furniture phrases, account, cookie and newsletter messages (and longer
/// site notices that open with one), photo credits standing alone
/// ([`is_photo_credit_paragraph_in`]).
pub fn is_boilerplate_paragraph_in(paragraph: &str, lang: Option<Language>) -> bool {
    let english = english_only(lang);
    if paragraph.len() > if english { 160 } else { SITE_MESSAGE_MAX_BYTES } {
        return !english
            && paragraph.len() <= SITE_NOTICE_MAX_BYTES
            && opens_with_site_message(paragraph);
    }
    let lower = paragraph.trim().to_lowercase();
    let bare = strip_trailing_punct(&lower);
    let english_match = paragraph.len() <= 160
        && (FURNITURE.contains(&bare)
            || FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
            || (lower.starts_with("follow ") && lower.contains('@') && lower.len() < 100)
            || is_login_prompt(&lower)
            || is_meta_line_in(paragraph.trim(), lang));
    if english || english_match {
        return english_match;
    }
    let bare_url = !bare.contains(char::is_whitespace)
        && (bare.starts_with("https://") || bare.starts_with("http://"));
    (paragraph.len() <= 160
        && (bare_url
            || MEDIA_AVAILABILITY.is_match(paragraph.trim())
            || FURNITURE_OTHER.contains(&bare)
            || FURNITURE_OTHER_PREFIXES
                .iter()
                .any(|p| lower.starts_with(p))
            || is_photo_credit_paragraph_in(paragraph, lang)))
        || (paragraph.len() <= SOURCE_CREDIT_MAX_BYTES
            && SOURCE_CREDIT_PREFIXES.iter().any(|p| lower.starts_with(p)))
        || ends_with_photo_credit(paragraph)
        || SITE_MESSAGES
            .iter()
            .any(|m| (paragraph.len() <= 300 || m.contains(' ')) && lower.contains(m))
}

/// A video or audio player's length and availability, as German broadcasters give it
/// ("02:57 Min.. Verfügbar bis 06.05.2024.").
static MEDIA_AVAILABILITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{1,2}:\d{2}(?::\d{2})?\s*Min\.*\s*)?Verfügbar bis \d{1,2}\.\d{1,2}\.\d{2,4}\.?$",
    )
    .expect("valid media availability pattern")
});

/// The longest paragraph read as a site message: a newsletter form's three sentences of
/// consent text run to about 350 bytes. Single-word messages ("abbonati", which is also
/// "subscribers") only count in paragraphs of up to 300 bytes.
const SITE_MESSAGE_MAX_BYTES: usize = 600;

/// The longest paragraph read as a site notice when its first sentence is a site message
/// (a feature's explanation of five sentences, "O Sua Leitura indica ...", is 700 bytes).
const SITE_NOTICE_MAX_BYTES: usize = 1_200;

/// How much of a long paragraph [`opens_with_site_message`] reads.
const NOTICE_HEAD_BYTES: usize = 160;

/// Whether the first [`NOTICE_HEAD_BYTES`] of `paragraph` hold a site message of
/// several words: the paragraph is then a notice of the site, not article text.
fn opens_with_site_message(paragraph: &str) -> bool {
    let mut end = paragraph.len().min(NOTICE_HEAD_BYTES);
    while !paragraph.is_char_boundary(end) {
        end -= 1;
    }
    let head = paragraph[..end].to_lowercase();
    SITE_MESSAGES
        .iter()
        .any(|m| m.contains(' ') && head.contains(m))
}

/// A line of page metadata: a date-only line ([`is_date_line`], strict in
/// English, where names with a year are often list items such as "Windows
/// Server 2019"), or parts separated by `|` that are each a date-only line or
/// a byline, one of them dated ("Do 25.04.24 | 14:07 Uhr | Von Eva
/// Kirchner-Rätsch"); outside English a part may also be a short label
/// ([`META_LABEL_MAX_WORDS`]).
fn is_meta_line_in(line: &str, lang: Option<Language>) -> bool {
    let strict = english_only(lang);
    if line.len() > 160 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    if is_date_line(line, strict) {
        return true;
    }
    if !line.contains('|') {
        return false;
    }
    let mut dated = false;
    for part in line.split('|').map(str::trim).filter(|p| !p.is_empty()) {
        if is_date_line(part, strict) || (!strict && RELATIVE_TIME.is_match(part)) {
            dated = true;
        } else if !is_byline_paragraph_in(part, lang)
            && (strict || part.split_whitespace().count() > META_LABEL_MAX_WORDS)
        {
            return false;
        }
    }
    dated
}

/// A time relative to now as a page's metadata gives it ("Publicado hace 3 horas", "vor 2
/// Stunden", "il y a 5 minutes", "há 1 dia"), which dates a meta line outside English.
static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:publicado|actualizado|atualizado|aktualisiert|publié|mis à jour)\s+)?(?:hace\s+\d+\s+(?:minutos?|horas?|días?)|vor\s+\d+\s+(?:minuten?|stunden?|tagen?)|il y a\s+\d+\s+(?:minutes?|heures?|jours?)|há\s+\d+\s+(?:minutos?|horas?|dias?))$")
        .expect("valid relative time pattern")
});

/// The most words of a part of a dated meta line outside English that is not a date or a
/// byline: a source, a reading time or a player's label ("Quelle: dpa-afx", "Lesedauer
/// etwa 4 min.", "Text vorlesen Stop Pause Fortsetzen").
const META_LABEL_MAX_WORDS: usize = 6;

/// Whether a whole paragraph is only a photo credit ("Foto: dpa",
/// "Bild: Keystone", "Photo : AFP", "© Reuters"); never in English text,
/// where such lines are left to the English checks.
pub fn is_photo_credit_paragraph_in(paragraph: &str, lang: Option<Language>) -> bool {
    let p = paragraph.trim();
    if english_only(lang) || p.len() > 120 {
        return false;
    }
    let lower = p.to_lowercase();
    let marked = [
        "foto",
        "bild",
        "photo",
        "crédit",
        "credit",
        "©",
        "fotografía",
        "imagen",
    ]
    .iter()
    .any(|m| lower.starts_with(m));
    marked && PHOTO_CREDIT_OTHER.find(p).is_some_and(|m| m.start() == 0)
}

/// The longest paragraph read as a photo caption by its closing credit.
const CAPTION_MAX_BYTES: usize = 400;

/// Whether a short paragraph closes with a photo credit after a bar, the photographer and
/// the agency ("Mario Vargas Llosa, ... (2010). Am 13.04.2025 ist ... gestorben. | Jörg
/// Carstensen/dpa"): the paragraph is the photo's caption.
fn ends_with_photo_credit(paragraph: &str) -> bool {
    let p = paragraph.trim();
    if p.len() > CAPTION_MAX_BYTES {
        return false;
    }
    let Some((caption, credit)) = p.rsplit_once(" | ") else {
        return false;
    };
    let Some((by, agency)) = credit.trim().rsplit_once('/') else {
        return false;
    };
    let names = by.split_whitespace().count();
    !caption.trim().is_empty()
        && (1..=4).contains(&names)
        && by
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase))
        && (1..=12).contains(&agency.chars().count())
        && agency.chars().all(|c| c.is_alphanumeric() || c == '-')
}

/// A line that is only a place, a date and a time: every word is a number,
/// a time ("05:03pm", "07:46hrs"), a month, weekday or clock word, or one of at most
/// three capitalised place names or e-mail addresses (an author's line
/// "Jane Doe jane@example.net | Viernes 22 abril, 2022"), and there is a
/// time or a date. `strict` asks a year for a day number or a date word
/// beside it; otherwise a year alone dates the line ("Knaur TB, 2015").
fn is_date_line(line: &str, strict: bool) -> bool {
    if line.len() > 80 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut places = 0;
    // A time or a numeric date dates the line alone; a year, when `strict`,
    // only with a day number or a date word beside it ("Windows Server 2019").
    let mut dated = false;
    let mut year = false;
    let mut numbers = 0;
    let mut date_words = false;
    for word in line.split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '/') {
        let word =
            word.trim_matches(|c: char| matches!(c, '.' | '(' | ')' | '–' | '—' | '-' | ':'));
        if word.is_empty() {
            continue;
        }
        if word
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'h'))
        {
            numbers += 1;
            if is_year(word) {
                year = true;
            } else {
                dated |= is_year_time_or_date(word);
            }
            continue;
        }
        let lower = word.to_lowercase();
        if DATE_WORDS.contains(&lower.as_str()) {
            date_words = true;
            continue;
        }
        if ["pm", "am", "hrs", "hs", "h"]
            .iter()
            .filter_map(|suffix| lower.strip_suffix(suffix))
            .any(is_year_time_or_date)
        {
            dated = true;
            continue;
        }
        if is_email(word) && places < 3 {
            places += 1;
            continue;
        }
        if word.starts_with(char::is_uppercase) && places < 3 {
            places += 1;
            continue;
        }
        return false;
    }
    dated || (year && (!strict || date_words || numbers >= 2))
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// An e-mail address, as an author's line gives it ("jane.doe@example.net").
fn is_email(word: &str) -> bool {
    word.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.')
    })
}

/// A year ("2022"), a time ("7:43", "17.50", "10h15") or a numeric date
/// ("26.04.2022"); not a score such as "3:1".
fn is_year_time_or_date(word: &str) -> bool {
    let year = is_year(word);
    let time = word.split_once([':', 'h', '.']).is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    });
    year || time || word.matches('.').count() >= 2
}

/// Whether a whole paragraph is an author line in a text of language
/// `lang`: "By Jane Smith", and for other languages also "Von Max Muster",
/// "Par Jean Dupont", "Por María López", "Di Mario Rossi", "Door Jan de
/// Vries", "Av Kari Nordmann", "Autor: ...".
pub fn is_byline_paragraph_in(paragraph: &str, lang: Option<Language>) -> bool {
    let p = paragraph.trim();
    if p.len() >= 120 {
        return false;
    }
    if p.starts_with(['B', 'b']) && SHORT_BYLINE.is_match(p) {
        return true;
    }
    !english_only(lang) && p.split_whitespace().count() <= 12 && BYLINE_OTHER.is_match(p)
}

/// Length in bytes of a leading byline block ("By . Author . PUBLISHED: ...
/// | . UPDATED: ..." or "Last updated at ... on ..."), if any.
pub fn byline(paragraph: &str) -> Option<usize> {
    let head = &paragraph.as_bytes()[..paragraph.len().min(400)];
    let lower_head = String::from_utf8_lossy(head).to_ascii_lowercase();
    if lower_head.contains("updated") {
        if let Some(m) = DAILY_MAIL_BYLINE.find(paragraph).filter(|m| m.start() == 0) {
            return Some(m.end());
        }
        if let Some(m) = LAST_UPDATED.find(paragraph) {
            return Some(m.end());
        }
    }
    None
}

/// Length in bytes of a leading dateline in a text of language `lang`:
/// "LONDON, England (CNN) --", and for other languages also an agency
/// dateline ("PARIS (AFP) -", "Berlin (dpa) -", "MADRID, 4 nov (EFE).-")
/// or a capitalised place before a dash ("SIMMELSDORF –"); in every
/// language a first sentence that is only a place and a date ("Berlin, 29.
/// November 2022.", as press releases open).
pub fn dateline_in(paragraph: &str, lang: Option<Language>) -> Option<usize> {
    dateline_phrase_in(paragraph, lang)
        .or_else(|| leading_date_sentence(paragraph))
        .filter(|&end| end < paragraph.len())
}

/// How far [`leading_date_sentence`] looks for the end of a first sentence.
const DATE_SENTENCE_BYTES: usize = 80;

/// Length in bytes of a first sentence that is a strict date-only line ([`is_date_line`]),
/// with the space after it: the sentence ends at a period, or at a dash set off by
/// spaces, followed by a capitalised word.
fn leading_date_sentence(paragraph: &str) -> Option<usize> {
    let mut end = paragraph.len().min(DATE_SENTENCE_BYTES + 4);
    while !paragraph.is_char_boundary(end) {
        end -= 1;
    }
    let head = &paragraph[..end];
    if !head.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for (at, mark) in head.match_indices(['.', '–', '—', '-']) {
        let (sentence, rest) = if mark == "." {
            (&paragraph[..at + 1], &paragraph[at + 1..])
        } else {
            let Some(before) = paragraph[..at].strip_suffix(' ') else {
                continue;
            };
            (before, &paragraph[at + mark.len()..])
        };
        let next = rest.trim_start();
        if next.len() == rest.len() || !next.starts_with(char::is_uppercase) {
            continue;
        }
        if is_date_line(sentence.trim(), true) {
            return Some(paragraph.len() - next.len());
        }
    }
    None
}

/// [`dateline_in`] without the date sentence: the agency and place datelines.
fn dateline_phrase_in(paragraph: &str, lang: Option<Language>) -> Option<usize> {
    let head_end = paragraph
        .char_indices()
        .nth(120)
        .map_or(paragraph.len(), |(i, _)| i);
    let head = &paragraph[..head_end];
    let english = head
        .contains(')')
        .then(|| DATELINE.find(paragraph))
        .flatten()
        .map(|m| m.end());
    let found = match english {
        Some(end) => Some(end),
        None if !english_only(lang) && head.contains(['–', '—', '-', '(', ':']) => {
            DATELINE_OTHER.find(head).map(|m| m.end())
        }
        None => None,
    };
    found
}

/// Start of a byline that ends a paragraph of language `lang` after its
/// last sentence ("... wieder lebendig. Von Eva Kirchner-Rätsch"): the text
/// after one of the last three sentence ends is a byline
/// ([`is_byline_paragraph_in`]).
pub fn trailing_byline_in(paragraph: &str, lang: Option<Language>) -> Option<usize> {
    let p = paragraph.trim_end();
    let mut from = p.len().saturating_sub(120);
    while !p.is_char_boundary(from) {
        from += 1;
    }
    let tail = &p[from..];
    tail.match_indices(['.', '!', '?', '“', '”', '"', '»'])
        .rev()
        .take(3)
        .find_map(|(at, mark)| {
            let start = from + at + mark.len();
            let rest = &p[start..];
            let byline = rest.trim_start();
            let spaced = byline.len() < rest.len() && byline.starts_with(char::is_uppercase);
            let after_sentence = p[..start]
                .trim_end_matches(['"', '\'', '’', '”', '“', '»', '«', ')'])
                .ends_with(['.', '!', '?', '…']);
            (spaced && after_sentence && is_byline_paragraph_in(byline, lang))
                .then_some(p.len() - byline.len())
        })
}

/// Byte ranges of furniture phrases inside running text, a link's "(opens in a new window)"
/// label in five languages among them. (The regex
/// engine's literal prefilter makes this a fast scan when none occurs.)
pub fn inline_boilerplate(paragraph: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = INLINE_FURNITURE
        .find_iter(paragraph)
        .chain(NEW_WINDOW_LABEL.find_iter(paragraph))
        .map(|m| m.range())
        .collect();
    // The two never overlap (a call to action holds no parenthesis).
    found.sort_by_key(|r| r.start);
    found
}

/// Start of a trailing photo credit in a text of language `lang`: " (Amr
/// Nabil)", and for other languages also " Foto: dpa", " Bild: Keystone",
/// " (Photo : AFP)", " © Reuters".
pub fn trailing_photo_credit_in(paragraph: &str, lang: Option<Language>) -> Option<usize> {
    let english = if paragraph.trim_end().ends_with(')') {
        PHOTO_CREDIT.find(paragraph)
    } else {
        None
    };
    let m = match english {
        Some(m) => m,
        None if !english_only(lang) => {
            let mut tail = paragraph.len().saturating_sub(120);
            while !paragraph.is_char_boundary(tail) {
                tail += 1;
            }
            let lower_tail = paragraph[tail..].to_lowercase();
            if ![
                "foto", "bild", "photo", "crédit", "credit", "©", "(", "imagen",
            ]
            .iter()
            .any(|m| lower_tail.contains(m))
            {
                return None;
            }
            PHOTO_CREDIT_OTHER.find(paragraph)?
        }
        None => return None,
    };
    let start = m.start() + (m.as_str().len() - m.as_str().trim_start().len());
    (start > 0).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GERMAN: Option<Language> = Some(Language::German);
    const FRENCH: Option<Language> = Some(Language::French);
    const SPANISH: Option<Language> = Some(Language::Spanish);
    const ENGLISH: Option<Language> = Some(Language::English);

    /// Bullets lede chose on non-English pages of trafilatura_eval before
    /// these patterns (`scripts/bench/languages.py junk`): each is furniture.
    #[test]
    fn no_junk_bullets_found_on_pages_are_furniture() {
        for (text, lang) in [
            ("Erstellt von Fabian am Dienstag 6. Mai 2014", GERMAN),
            ("15 августа 2016, 13:43", Some(Language::Russian)),
            ("In einen existierenden Account Zum Login oder einen neuen Account Registrieren.", GERMAN),
            ("Sie können Cookies jederzeit über das Cookie Symbol () am rechten Bildschirmrand an- oder abwählen oder nachträglich Ihre Einwilligung widerrufen.", GERMAN),
            ("Home / fuSWball / FB-Rhön Hassberge / Wenn man in der Heimat verliert", GERMAN),
            ("Text & Fotos: Ivan Valetny 0 337", GERMAN),
            ("Die einfachste Art, uns zu unterstützen, ist, wenn ihr über einen der folgenden Links einkauft oder eure Werbeblocker ausschaltet.", GERMAN),
            ("Diese Seite benutzt Cookies.", GERMAN),
            ("Im Falle eines Kaufs über diese Links erhalten wir ggf. eine Provision.", GERMAN),
            ("Para comentar debes registrarte y completar los datos generales.", SPANISH),
            ("Si ya tenés una cuenta, ingresá acá.", SPANISH),
            ("Nuestro periodismo depende de vos.", SPANISH),
            ("En remplissant ce formulaire vous pourrez être inscrit à notre liste de diffusion.", FRENCH),
            ("Vous pourrez à tout moment vous désabonner en cliquant sur le lien.", FRENCH),
        ] {
            assert!(is_boilerplate_paragraph_in(text, lang), "{text}");
            assert!(is_boilerplate_paragraph_in(text, None), "{text}");
        }
        // Article text that mentions newsletters or a home stays.
        for text in [
            "Treue Blog- und Newsletterleser*innen werden die Firma bereits kennen.",
            "Home Office bleibt für viele Beschäftigte die Regel.",
        ] {
            assert!(!is_boilerplate_paragraph_in(text, GERMAN), "{text}");
        }
    }

    /// Bullets that became the summary's opening once the default model was blended with
    /// Lead on languages without a model of their own: each is furniture.
    #[test]
    fn no_junk_openings_are_furniture() {
        for (text, lang) in [
            ("28.04.2021 - 07:18 | Quelle: dpa-afx topthem... | Lesedauer etwa 4 min. | Text vorlesen Stop Pause Fortsetzen", GERMAN),
            ("Jacobo Betancur Peláez | Publicado hace 3 horas", SPANISH),
            ("Adhocracy funktioniert am besten, wenn JavaScript aktiviert ist.", GERMAN),
            ("Sie haben kein aktives AboUnterstützen Sie Qualitätsjournalismus und erhalten Sie Zugriff auf alle Inhalte.Abo abschliessen", GERMAN),
            ("Mit Informationen der ARD-Korrespondentinnen und -Korrespondenten sowie der Nachrichtenagenturen AFP, AP, dpa, edp, KNA und Reuters.", GERMAN),
            ("Tiempo de lectura: 6 min", SPANISH),
            ("Leído por Abril Mederos.", SPANISH),
            ("Weitere Pressemitteilungen von Nordex SE", GERMAN),
            ("02:57 Min.. Verfügbar bis 06.05.2024.", GERMAN),
        ] {
            assert!(is_boilerplate_paragraph_in(text, lang), "{text}");
        }
        // A sentence with a bar and a date stays, and English keeps its strict meta lines.
        for (text, lang) in [
            ("Am 4. Mai 2021 | so die Polizei | kam es in der Innenstadt zu einem schweren Unfall mit drei Verletzten.", GERMAN),
            ("May 4, 2021 | Quelle: dpa", ENGLISH),
        ] {
            assert!(!is_boilerplate_paragraph_in(text, lang), "{text}");
        }
    }

    /// Account prompts asking the reader to log in, in the languages lede reads,
    /// are furniture; news sentences about someone logging in stay.
    #[test]
    fn login_prompts_in_every_language() {
        for (text, lang) in [
            (
                "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
                GERMAN,
            ),
            ("Bitte melden Sie sich an, um zu kommentieren.", GERMAN),
            ("Einloggen, um diesen Artikel zu kommentieren", GERMAN),
            ("You must be logged in to post a comment.", ENGLISH),
            ("Log in to comment", ENGLISH),
            ("Please sign in to continue reading.", ENGLISH),
            (
                "Vous devez être connecté pour publier un commentaire.",
                FRENCH,
            ),
            ("Connectez-vous pour réagir", FRENCH),
            ("Debes iniciar sesión para comentar.", SPANISH),
            (
                "Você precisa estar logado para comentar.",
                Some(Language::Portuguese),
            ),
            (
                "Devi essere registrato per commentare.",
                Some(Language::Italian),
            ),
            (
                "Je moet ingelogd zijn om te reageren.",
                Some(Language::Dutch),
            ),
            (
                "Musisz być zalogowany, aby dodać komentarz.",
                Some(Language::Polish),
            ),
            (
                "Du må være logget inn for å kommentere.",
                Some(Language::Norwegian),
            ),
            (
                "Du skal være logget ind for at kommentere.",
                Some(Language::Danish),
            ),
            (
                "Du måste vara inloggad för att kommentera.",
                Some(Language::Swedish),
            ),
            (
                "Pro přidání komentáře se musíte přihlásit.",
                Some(Language::Czech),
            ),
            (
                "Yorum yapabilmek için giriş yapmalısınız.",
                Some(Language::Turkish),
            ),
            (
                "Чтобы оставить комментарий, необходимо авторизоваться.",
                Some(Language::Russian),
            ),
            ("댓글을 작성하려면 로그인이 필요합니다.", None),
        ] {
            assert!(is_boilerplate_paragraph_in(text, lang), "{text}");
            assert!(is_boilerplate_paragraph_in(text, None), "{text}");
        }
        for (text, lang) in [
            (
                "Der Täter konnte sich mit dem Passwort des Ministers einloggen.",
                GERMAN,
            ),
            (
                "Nutzer müssen sich künftig mit ihrem Ausweis anmelden, um das Portal zu nutzen.",
                GERMAN,
            ),
            (
                "Anmelden können sich Interessierte bis Freitag im Rathaus.",
                GERMAN,
            ),
            (
                "The hackers logged in to the council's network and commented on nothing.",
                ENGLISH,
            ),
            (
                "Users who log in to the app will see the new feature.",
                ENGLISH,
            ),
            (
                "Les pirates ont réussi à se connecter au réseau de la mairie.",
                FRENCH,
            ),
            (
                "Los piratas lograron entrar en la cuenta del ministro con su contraseña.",
                SPANISH,
            ),
            (
                "Debes saber que el alcalde no se conectó a la reunión.",
                SPANISH,
            ),
        ] {
            assert!(!is_boilerplate_paragraph_in(text, lang), "{text}");
        }
        let long = format!(
            "Sie müssen sich einloggen, sagte der Sprecher. {}",
            "Das Portal der Stadt ist seit Montag offline, die Verwaltung arbeitet an einer Lösung. ".repeat(8)
        );
        assert!(!is_boilerplate_paragraph_in(&long, GERMAN));
    }

    /// More furniture read on those pages: Spanish "Escrito por" bylines and
    /// date lines, rights notices, a sign-up prompt and a read-aloud button.
    #[test]
    fn bylines_dates_and_rights_notices_read_on_the_no_junk_pages() {
        let portuguese = Some(Language::Portuguese);
        for (text, lang) in [
            ("Escrito por Jose Pablo Segura Vargas", SPANISH),
            ("Escrita por María José Pérez", SPANISH),
            ("Publicado por Redacción Central", SPANISH),
            ("Geschrieben von Anna Muster", GERMAN),
            ("Écrit par Jean Dupont", FRENCH),
            ("Scritto da Mario Rossi", Some(Language::Italian)),
        ] {
            assert!(is_byline_paragraph_in(text, lang), "{text}");
        }
        for (text, lang) in [
            ("Publicado: Jueves, 21 Abril 2022 04:45", SPANISH),
            ("Fama: 2022/04/28 05:03pm", SPANISH),
            ("Johnny Castro johnnycastro.asesor@larepublica.net | Viernes 22 abril, 2022", SPANISH),
            ("Beta Escucha la nota", SPANISH),
            ("Atenção: Imagens retiradas da internet possuem direitos autorais e estarão sujeitas a remoção caso seja comprovada a devida autoria.", portuguese),
            ("Todos os direitos reservados.", portuguese),
            ("© 2022 Jornal do Povo. Todos os direitos reservados. É proibida a reprodução total ou parcial sem autorização.", portuguese),
            ("É proibida a reprodução deste conteúdo sem autorização prévia.", portuguese),
            ("Copyright © 2022 Diario. Todos los derechos reservados.", SPANISH),
            ("Alle Rechte vorbehalten.", GERMAN),
            ("Tous droits réservés.", FRENCH),
            ("Miércoles, 4 de Mayo de 2022 a las 07:46hrs.", SPANISH),
            ("postado em 04/05/2022 05:49 / atualizado em 04/05/2022 05:50", portuguese),
            ("Edition : M-A. Pioerron", FRENCH),
            ("O Sua Leitura indica o quanto você está informado sobre um determinado assunto de acordo com a profundidade e contextualização dos conteúdos que você lê.", portuguese),
            ("En remplissant ce formulaire vous pourrez être inscrit à notre liste de diffusion. Vous pourrez à tout moment vous désabonner en cliquant sur le lien de désinscription présent en fin des courriels envoyés. En cas de question ou de demande, vous pouvez nous contacter : contact@example.org", FRENCH),
            ("Registrieren Sie sich jetzt und machen Sie mit: Bewerten Sie Ihre Lieblingsmarken auf Foren und Blogs.", GERMAN),
        ] {
            assert!(is_boilerplate_paragraph_in(text, lang), "{text}");
            assert!(is_boilerplate_paragraph_in(text, None), "{text}");
        }
        for (text, lang) in [
            ("Escrito por un autor anónimo en 1605, el libro fue prohibido durante siglos en varios países de Europa.", SPANISH),
            ("A polícia prendeu 12 pessoas às 05:03 de sexta-feira.", portuguese),
            ("Gli abbonati alla piattaforma sono cresciuti del 12 per cento nel primo trimestre, ha detto l'azienda, che ora punta a raggiungere i dieci milioni di clienti entro la fine dell'anno prossimo, grazie anche alla nuova offerta per le famiglie e ai contenuti sportivi in esclusiva che arriveranno a settembre.", Some(Language::Italian)),
        ] {
            assert!(!is_byline_paragraph_in(text, lang), "{text}");
            assert!(!is_boilerplate_paragraph_in(text, lang), "{text}");
        }
    }

    /// The kinds of junk left on the no-junk pages after the patterns above: a
    /// byline glued to the end of the teaser, a press release's opening date
    /// sentence, a line of date, time and author, a metered-paywall prompt, an
    /// audio player's label, a publisher presenting itself and a long notice
    /// that opens with a site message. Each kind is tested in several languages.
    #[test]
    fn bylines_dates_and_site_notices_of_every_kind() {
        let portuguese = Some(Language::Portuguese);
        let polish = Some(Language::Polish);
        for (p, lang, byline) in [
            (
                "Bei der Premiere wurde das Hotel wieder lebendig. Von Eva Kirchner-Rätsch",
                GERMAN,
                "Von Eva Kirchner-Rätsch",
            ),
            (
                "Le Sénat a voté le texte mardi. Par Jean Dupont et Marie Durand",
                FRENCH,
                "Par Jean Dupont et Marie Durand",
            ),
            (
                "El Congreso aprobó la ley. Por María López",
                SPANISH,
                "Por María López",
            ),
            (
                "„Das ist ein guter Tag.“ Von Max Muster",
                GERMAN,
                "Von Max Muster",
            ),
            (
                "The Senate passed the bill on Tuesday. By Jane Smith",
                ENGLISH,
                "By Jane Smith",
            ),
        ] {
            assert_eq!(
                trailing_byline_in(p, lang),
                Some(p.len() - byline.len()),
                "{p}"
            );
            assert_eq!(
                trailing_byline_in(p, None),
                Some(p.len() - byline.len()),
                "{p}"
            );
        }
        for (p, lang) in [
            (
                "Die Regeln gelten ab sofort. Von Montag an wird kontrolliert.",
                GERMAN,
            ),
            ("Sie sagte: „Das ist gut.“ Von der Leyen nickte.", GERMAN),
            ("Von Eva Kirchner-Rätsch", GERMAN),
            (
                "Il est parti. Par ailleurs, le gouvernement a annoncé une hausse.",
                FRENCH,
            ),
            (
                "Das Hotel ist geschlossen, sagte Von Eva Kirchner-Rätsch",
                GERMAN,
            ),
            ("The vote passed. Von Max Muster", ENGLISH),
        ] {
            assert_eq!(trailing_byline_in(p, lang), None, "{p}");
        }

        for (p, lang, date) in [
            (
                "Berlin, 29. November 2022. Weihnachten ist Reisezeit: Viele besuchen Familien.",
                GERMAN,
                "Berlin, 29. November 2022. ",
            ),
            (
                "Paris, le 3 mars 2023. Le ministre a présenté son plan.",
                FRENCH,
                "Paris, le 3 mars 2023. ",
            ),
            (
                "Madrid, 4 de mayo de 2022 – El Gobierno aprobó el decreto.",
                SPANISH,
                "Madrid, 4 de mayo de 2022 – ",
            ),
            (
                "WASHINGTON, March 3, 2021 — The Senate voted on Tuesday.",
                ENGLISH,
                "WASHINGTON, March 3, 2021 — ",
            ),
        ] {
            assert_eq!(dateline_in(p, lang), Some(date.len()), "{p}");
        }
        for (p, lang) in [
            (
                "Am 4. November 2023 kam es in Berlin zu einem Unfall.",
                GERMAN,
            ),
            (
                "2022 war ein schwieriges Jahr. Die Firma verlor Geld.",
                GERMAN,
            ),
            ("Berlin, 29. November 2022.", GERMAN),
            ("In March 2021 the Senate voted. It was close.", ENGLISH),
            (
                "Windows Server 2019 - Microsoft hat es angekündigt.",
                GERMAN,
            ),
            (
                "The 2-1 win on Sunday - their third - lifted them.",
                ENGLISH,
            ),
        ] {
            assert_eq!(dateline_in(p, lang), None, "{p}");
        }

        for (p, lang) in [
            ("Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner-Rätsch", GERMAN),
            ("12/03/2023 10:15 | Par Jean Dupont", FRENCH),
            ("Published 12 March 2023 | By Jane Smith", ENGLISH),
            ("Updated: Monday, 4 November 2023, 17:50", ENGLISH),
            ("Berlin, 29. November 2022.", GERMAN),
            ("Registrate para acceder a 10 artículos gratis por mes", SPANISH),
            ("Suscribite a nuestro newsletter y accedé a 20 notas gratis por mes.", SPANISH),
            ("Escucha esta nota aquí", SPANISH),
            ("Écouter cet article", FRENCH),
            ("Artikel anhören", GERMAN),
            ("Ouvir esta notícia", portuguese),
            ("Witamy na stronie Klubu Jagiellońskiego. Jesteśmy republikańskim i niepartyjnym stowarzyszeniem, które próbuje oddziaływać na politykę w duchu troski o dobro wspólne. Piszemy pogłębione artykuły o polityce, gospodarce, historii i kulturze. Formułujemy obywatelskie postulaty zmian i wysyłamy petycje do władz. Publikujemy komentarze ekspertów i tematyczne raporty. Działamy w całej Polsce.", polish),
            ("Willkommen auf unserer Webseite! Hier finden Sie Nachrichten aus der Region.", GERMAN),
            ("O Sua Leitura indica o quanto você está informado sobre um determinado assunto de acordo com a profundidade e contextualização dos conteúdos que você lê. Nosso time de editores credita 20, 40, 60, 80 ou 100 pontos a cada conteúdo – aqueles que mais ajudam na compreensão do momento do país recebem mais pontos. Ao longo do tempo, essa pontuação vai sendo reduzida, já que conteúdos mais novos tendem a ser também mais relevantes na compreensão do noticiário. Assim, a sua pontuação nesse sistema é dinâmica: aumenta quando você lê e diminui quando você deixa de se informar. Neste momento a pontuação está sendo feita somente em conteúdos relacionados ao governo federal.", portuguese),
        ] {
            assert!(is_boilerplate_paragraph_in(p, lang), "{p}");
            assert!(is_boilerplate_paragraph_in(p, None), "{p}");
        }
        let long_article = "Die Regierung hat am Mittwoch neue Regeln beschlossen, die ab dem kommenden Jahr gelten sollen. ".repeat(7)
            + "Wer mehr wissen will, kann den Newsletter abonnieren sie unseren Kollegen empfehlen.";
        for (p, lang) in [
            ("Bayern | Dortmund 2:1", GERMAN),
            ("Windows Server 2019", ENGLISH),
            ("Berlin ist 2023 gewachsen.", GERMAN),
            (
                "Sono stati registrati 100 casi nel primo trimestre dell'anno.",
                Some(Language::Italian),
            ),
            (
                "La tienda regaló artículos gratis a los primeros cien clientes del día.",
                SPANISH,
            ),
            (
                "Die App kann man sich kostenlos herunterladen und registrieren.",
                GERMAN,
            ),
            (
                "The Senate voted 52-48 on March 3, 2021, to pass the bill.",
                ENGLISH,
            ),
            (long_article.as_str(), GERMAN),
        ] {
            assert!(!is_boilerplate_paragraph_in(p, lang), "{p}");
        }
    }

    #[test]
    fn english_forms_are_the_english_checks() {
        let samples = [
            "Advertisement",
            "Lesen Sie auch",
            "Foto: dpa",
            "Von Max Muster",
            "By Jane Smith",
            "SIMMELSDORF – Am Samstag kam es zu einem Unfall.",
            "PARIS (AFP) - Le gouvernement a annoncé.",
            "LONDON, England (CNN) -- The storm hit.",
            "The mayor spoke. (Amr Nabil)",
            "Der Bürgermeister sprach. Foto: dpa",
        ];
        for p in samples {
            assert!(!is_photo_credit_paragraph_in(p, ENGLISH));
        }
        assert!(!is_boilerplate_paragraph_in("Lesen Sie auch", ENGLISH));
        assert!(!is_byline_paragraph_in("Von Max Muster", ENGLISH));
    }

    #[test]
    fn german_furniture() {
        for p in [
            "Lesen Sie auch",
            "Mehr zum Thema",
            "Lesen Sie auch: Die Bahn streikt erneut",
            "Ihr Browser ist veraltet!",
            "Sie haben jetzt den Aktivierungslink für Ihr NZZ-Konto per E-Mail erhalten.",
            "Bitte aktivieren Sie JavaScript, um diese Seite zu nutzen.",
            "Wir verwenden Cookies, um Ihnen ein besseres Erlebnis zu bieten.",
            "Foto: dpa",
            "Bild: Keystone",
            "Anzeige",
            "Stand: 26.04.2022, 19:43 Uhr",
            "Montag, 4. November 2023, 17:50 Uhr",
        ] {
            assert!(is_boilerplate_paragraph_in(p, GERMAN), "{p}");
        }
        for p in [
            "Die Regierung hat am Mittwoch neue Regeln beschlossen.",
            "Lesen Sie die Bedingungen genau, rät der Verbraucherschutz.",
            "Am 4. November 2023 kam es in Berlin zu einem Unfall.",
            "Berlin ist 2023 gewachsen.",
        ] {
            assert!(!is_boilerplate_paragraph_in(p, GERMAN), "{p}");
        }
        assert!(is_photo_credit_paragraph_in("Foto: dpa", GERMAN));
        assert!(is_photo_credit_paragraph_in(
            "Bild: Keystone/Ennio Leanza",
            GERMAN
        ));
        assert!(!is_photo_credit_paragraph_in(
            "Foto eines Hauses in Köln wurde verkauft, sagte er.",
            GERMAN
        ));
        assert!(is_byline_paragraph_in("Von Max Muster", GERMAN));
        assert!(is_byline_paragraph_in(
            "Von Anna von der Heide und Peter Schmidt",
            GERMAN
        ));
        assert!(is_byline_paragraph_in("Von Max Muster, Berlin", GERMAN));
        assert!(is_byline_paragraph_in(
            "Von Christian Unger, Tobias Köberlein, Laura Wagener und Alexander Rothe",
            GERMAN
        ));
        assert!(is_byline_paragraph_in(
            "von Engin Haupt, MDR SACHSEN-ANHALT",
            GERMAN
        ));
        assert!(is_boilerplate_paragraph_in(
            "https://p.dw.com/p/4boRv",
            GERMAN
        ));
        assert!(is_boilerplate_paragraph_in(
            "Empfohlener redaktioneller Inhalt",
            GERMAN
        ));
        assert!(!is_byline_paragraph_in(
            "Von Montag an gelten neue Regeln für alle Mieter in Berlin.",
            GERMAN
        ));
        assert!(!is_byline_paragraph_in(
            "Von der Leyen reist am Montag nach Kiew und trifft dort Selenskyj.",
            GERMAN
        ));
        let p = "SIMMELSDORF – Am Samstag, 4. November, kam es zu einem Unfall.";
        assert_eq!(dateline_in(p, GERMAN), Some("SIMMELSDORF – ".len()));
        let p = "Berlin (dpa) - Die Bundesregierung hat beschlossen.";
        assert_eq!(dateline_in(p, GERMAN), Some("Berlin (dpa) - ".len()));
        assert_eq!(
            dateline_in("Die Regierung - so heißt es - plant.", GERMAN),
            None
        );
        assert_eq!(
            dateline_in("CDU-Chef Merz sagte am Montag, er kandidiere.", GERMAN),
            None
        );
        assert_eq!(
            dateline_in("EU – Die Kommission legt einen Plan vor.", GERMAN),
            None
        );
        assert!(!is_boilerplate_paragraph_in(
            "FC Bayern München 3:1",
            GERMAN
        ));
        let p = "Scholz spricht am Mittwoch in Berlin. Foto: Michael Kappeler/dpa";
        assert_eq!(
            trailing_photo_credit_in(p, GERMAN),
            Some(p.find("Foto").unwrap())
        );
    }

    #[test]
    fn french_furniture() {
        for p in [
            "À lire aussi",
            "Lire aussi : Le gouvernement recule sur les retraites",
            "Photo : AFP",
            "Crédit photo : Ludovic Marin / AFP",
            "Cet article est réservé aux abonnés.",
            "Vous pouvez lire Le Monde sur un seul appareil à la fois",
            "Nous utilisons des cookies pour améliorer votre expérience.",
            "Publié le 12 mars 2023 à 10h15",
        ] {
            assert!(is_boilerplate_paragraph_in(p, FRENCH), "{p}");
        }
        assert!(!is_boilerplate_paragraph_in(
            "Le préfet a pris un arrêté mercredi.",
            FRENCH
        ));
        assert!(is_byline_paragraph_in("Par Jean Dupont", FRENCH));
        assert!(is_byline_paragraph_in(
            "Par Jean Dupont et Marie Durand",
            FRENCH
        ));
        assert!(!is_byline_paragraph_in(
            "Par ailleurs, le gouvernement a annoncé une hausse.",
            FRENCH
        ));
        let p = "PARIS (AFP) - Le gouvernement a annoncé mercredi une hausse des taxes.";
        assert_eq!(dateline_in(p, FRENCH), Some("PARIS (AFP) - ".len()));
        let p = "Le président a parlé. (Photo : AFP)";
        assert_eq!(
            trailing_photo_credit_in(p, FRENCH),
            Some(p.find("(Photo").unwrap())
        );
    }

    #[test]
    fn spanish_furniture() {
        for p in [
            "Lee también",
            "Managua, Nicaragua 26, Abril, 2022 7:43 p.m.",
            "Foto: EFE",
            "Suscríbete a nuestro boletín",
            "Utilizamos cookies para mejorar tu experiencia.",
            "Leia também",
            "Leggi anche",
        ] {
            assert!(is_boilerplate_paragraph_in(p, SPANISH), "{p}");
        }
        assert!(!is_boilerplate_paragraph_in(
            "El Gobierno aprobó los presupuestos el 26 de abril de 2022.",
            SPANISH
        ));
        assert!(is_byline_paragraph_in("Por María López", SPANISH));
        assert!(!is_byline_paragraph_in(
            "Por la mañana llovió en Madrid y cerraron las escuelas.",
            SPANISH
        ));
        let p = "MADRID (EFE).- El Gobierno aprobó este martes el decreto.";
        assert_eq!(dateline_in(p, SPANISH), Some("MADRID (EFE).- ".len()));
    }

    #[test]
    fn neutral_text_gets_every_language() {
        assert!(is_boilerplate_paragraph_in("Lesen Sie auch", None));
        assert!(is_boilerplate_paragraph_in("Advertisement", None));
        assert!(is_byline_paragraph_in("Par Jean Dupont", None));
        assert!(is_byline_paragraph_in("By Jane Smith", None));
    }

    #[test]
    fn multibyte_tails_do_not_panic() {
        let p = "é".repeat(100) + " Foto: dpa";
        assert!(trailing_photo_credit_in(&p, GERMAN).is_some());
        let p = "€".repeat(70);
        assert_eq!(trailing_photo_credit_in(&p, GERMAN), None);
    }
}
