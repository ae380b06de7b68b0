//! The i18n catalogue: every user-facing string, in Fluent files (`ru.ftl`, `en.ftl`)
//! with CLDR plural rules. Russian is the default; English with `LANG=en_*` or `--lang en`.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Ru,
    En,
}

impl Lang {
    /// `--lang` values and locale names: "en", "en_US.UTF-8", "ru", "ru_RU.UTF-8".
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("en") {
            Some(Lang::En)
        } else if s.starts_with("ru") {
            Some(Lang::Ru)
        } else {
            None
        }
    }

    /// The language the environment asks for (LC_ALL, LC_MESSAGES, LANG), Russian otherwise.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::Ru)
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == Lang::En as u8 { Lang::En } else { Lang::Ru }
}

const RU: &str = include_str!("ru.ftl");
const EN: &str = include_str!("en.ftl");

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static RU_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static EN_BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let (cell, source, tag) = match lang {
        Lang::Ru => (&RU_BUNDLE, RU, "ru"),
        Lang::En => (&EN_BUNDLE, EN, "en"),
    };
    cell.get_or_init(|| build_bundle(source, tag))
}

fn build_bundle(source: &str, tag: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show as stray characters in a terminal.
    bundle.set_use_isolating(false);
    // Both catalogues are part of the binary and checked by tests; a syntax error
    // leaves the bad messages out and they show as their keys.
    let resource = FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// An argument value for a message: numbers select plural forms.
pub enum Arg<'a> {
    Num(i64),
    Str(std::borrow::Cow<'a, str>),
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Num(n)
    }
}
impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Num(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Num(n.into())
    }
}
impl From<u16> for Arg<'_> {
    fn from(n: u16) -> Self {
        Arg::Num(n.into())
    }
}
impl From<i32> for Arg<'_> {
    fn from(n: i32) -> Self {
        Arg::Num(n.into())
    }
}
impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Str(s.into())
    }
}
impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Str(s.as_str().into())
    }
}
impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Str(s.into())
    }
}

pub fn message(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    message_in(lang(), key, args)
}

pub fn message_in(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Num(n) => fargs.set(*name, FluentValue::from(*n)),
            Arg::Str(s) => fargs.set(*name, FluentValue::from(s.as_ref())),
        }
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fargs), &mut errors).into_owned()
}

/// `tr!("key")` or `tr!("key", n = 5, path = p.display().to_string())`.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::message($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::message($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;

/// An operating-system error in the interface language ("файл или папка не найдены"),
/// never the system's English text: the kinds a user meets are named, any other by its code.
/// "2020 год", "2021–2024 годы": a plan's years as messages name them.
pub fn years_phrase(first: i32, last: i32) -> String {
    if first == last {
        crate::tr!("years-one", year = first)
    } else {
        crate::tr!("years-span", first = first, last = last)
    }
}

/// A text over the store's limit of `limit` bytes, named by item (its point) and field
/// (`info`, `assessment`, `title`…), in the user's words.
pub fn text_too_long(point: &str, field: &str, bytes: usize, limit: usize) -> String {
    let key = match field {
        "title" => "field-title",
        "organisation" => "field-organisation",
        "deadline" => "field-deadline",
        "responsible" => "field-responsible",
        "info" => "field-info",
        "assessment" => "field-assessment",
        "approved_by" => "field-approved-by",
        "signed_by" => "field-signed-by",
        "executor" => "field-executor",
        "caption" => "field-caption",
        "point" | "seq" => "field-point",
        "user" => "field-user",
        "assessments" => "field-assessments",
        _ => "field-extra",
    };
    let field = message(key, &[]);
    let (kib, limit) = (bytes.div_ceil(1024), limit >> 10);
    match point.trim_end_matches('.') {
        "" => crate::tr!("text-too-long-document", field = field, kib = kib, limit = limit),
        // A point can be the long text itself: named by its start.
        point if point.chars().count() > 40 => {
            let start: String = point.chars().take(40).collect();
            crate::tr!("text-too-long", point = format!("{start}…"), field = field, kib = kib, limit = limit)
        }
        point => crate::tr!("text-too-long", point = point, field = field, kib = kib, limit = limit),
    }
}

/// An I/O error of ours, already worded in the user's language (`os_error` shows it as is).
#[derive(Debug)]
pub struct Said(pub String);

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Said {}

pub fn os_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    if let Some(said) = e.get_ref().and_then(|inner| inner.downcast_ref::<Said>()) {
        return said.0.clone();
    }
    let key = match e.kind() {
        NotFound => "os-not-found",
        PermissionDenied => "os-permission-denied",
        AlreadyExists => "os-already-exists",
        IsADirectory => "os-is-a-directory",
        NotADirectory => "os-not-a-directory",
        StorageFull => "os-storage-full",
        ReadOnlyFilesystem => "os-read-only",
        FileTooLarge => "os-file-too-large",
        ConnectionRefused => "os-connection-refused",
        ConnectionReset | ConnectionAborted | BrokenPipe | UnexpectedEof => "os-connection-lost",
        TimedOut | WouldBlock => "os-timed-out",
        AddrInUse => "os-address-in-use",
        InvalidFilename => "os-bad-name",
        TooManyLinks => "os-too-many-links",
        InvalidData => "os-invalid-data",
        OutOfMemory => "os-out-of-memory",
        _ => match e.raw_os_error() {
            Some(40) => "os-symlink-loop",
            Some(24) | Some(23) => "os-too-many-files",
            Some(code) => return crate::tr!("os-error-code", code = code),
            None => "os-other",
        },
    };
    message(key, &[])
}
