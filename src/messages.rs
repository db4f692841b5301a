//! The words unioncal says to people, in Simplified Chinese or English, from one catalog:
//! `locales/en.ftl` and `locales/zh.ftl` (Project Fluent), compiled in. A message is named
//! by its id and filled with named arguments: `t!("unknown-key", key = name)`.
//!
//! The language is chosen once, at start: `--lang`, else `UNIONCAL_LANG`, else the system's
//! (`LC_ALL`, `LC_MESSAGES`, `LANG` starting with `zh`; on Windows the user's UI language);
//! English otherwise. The library defaults to English until told.

use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

/// A language unioncal speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl From<Language> for Lang {
    fn from(language: Language) -> Self {
        match language {
            Language::Zh => Self::Zh,
            Language::En => Self::En,
        }
    }
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Self {
        match lang {
            Lang::Zh => Self::Zh,
            Lang::En => Self::En,
        }
    }
}

/// Labels, weekday names and numerals in outputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// Chinese (default).
    #[default]
    Zh,
    /// English.
    En,
}

impl Language {
    /// Its language tag for HTML's `lang`: `zh-CN` or `en`.
    #[must_use]
    pub(crate) fn tag(self) -> &'static str {
        match self {
            Self::Zh => "zh-CN",
            Self::En => "en",
        }
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// The catalogs, by language.
pub const CATALOGS: [(Lang, &str); 2] =
    [(Lang::En, include_str!("../locales/en.ftl")), (Lang::Zh, include_str!("../locales/zh.ftl"))];

/// Speak `lang` from now on.
pub fn set(lang: Lang) {
    CURRENT.store(u8::from(lang == Lang::Zh), Ordering::Relaxed);
}

/// The language in use.
#[must_use]
pub(crate) fn current() -> Lang {
    if CURRENT.load(Ordering::Relaxed) == 1 {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The language a name such as `zh`, `zh_CN.UTF-8`, `zh-Hans`, `en_US` or `C` means.
#[must_use]
pub fn parse(name: &str) -> Option<Lang> {
    let name = name.trim().to_ascii_lowercase();
    if name.is_empty() {
        None
    } else if name.starts_with("zh") {
        Some(Lang::Zh)
    } else {
        Some(Lang::En)
    }
}

/// The language to speak: `flag` (`--lang`), else `UNIONCAL_LANG`, else the system's.
#[must_use]
pub fn detect(flag: Option<&str>) -> Lang {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if let Some(lang) =
        flag.and_then(parse).or_else(|| env("UNIONCAL_LANG").as_deref().and_then(parse))
    {
        return lang;
    }
    // POSIX order: LC_ALL, then LC_MESSAGES, then LANG; the first that is set decides.
    if let Some(value) = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|n| env(n)) {
        return parse(&value).unwrap_or(Lang::En);
    }
    if cfg!(windows) {
        return sys_locale::get_locale().as_deref().and_then(parse).unwrap_or(Lang::En);
    }
    Lang::En
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    // Each language's catalog is parsed when it is first spoken: most runs speak one.
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let index = usize::from(lang == Lang::Zh);
    BUNDLES[index].get_or_init(|| {
        let (lang, text) = CATALOGS[index];
        let name = if lang == Lang::Zh { "zh-CN" } else { "en" };
        let id: unic_langid::LanguageIdentifier = name.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around arguments: these texts go to terminals.
        bundle.set_use_isolating(false);
        // The catalogs are checked by the tests (`every_message_is_in_both_catalogs`).
        let resource =
            FluentResource::try_new(text.to_string()).unwrap_or_else(|(resource, _)| resource);
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// Whether the words are shown on the workbench (`unioncal start`): there a hint names
/// the button to press, never a command to type.
static WORKBENCH: AtomicBool = AtomicBool::new(false);

/// Speak to a workbench user from now on: each message that has a `-workbench` form (a
/// hint naming a command) says it with the button instead.
pub fn on_workbench() {
    WORKBENCH.store(true, Ordering::Relaxed);
}

/// Message `id` in `lang`, with `args`; the id itself when the catalog lacks it (the tests
/// make sure none is missing). On the workbench, its `-workbench` form when it has one.
#[must_use]
pub fn text_in(lang: Lang, id: &str, args: &[(&str, String)]) -> String {
    let bundle = bundle(lang);
    let workbench = WORKBENCH
        .load(Ordering::Relaxed)
        .then(|| bundle.get_message(&format!("{id}-workbench")))
        .flatten();
    let Some(pattern) = workbench.or_else(|| bundle.get_message(id)).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
}

/// Whether the catalog has a message `id`.
#[must_use]
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// Message `id` in the current language.
#[must_use]
pub fn text(id: &str, args: &[(&str, String)]) -> String {
    text_in(current(), id, args)
}

/// A message of the catalog: `t!("id")` or `t!("id", name = value, …)`; values are
/// anything that displays. `t!(in lang; "id", …)` says it in `lang` (a [`Lang`] or a
/// calendar's [`Language`]) rather than the user's language: the
/// words of pages, feeds and documents follow the calendar.
#[macro_export]
macro_rules! t {
    (in $lang:expr; $id:literal) => {
        $crate::messages::text_in($crate::messages::Lang::from($lang), $id, &[])
    };
    (in $lang:expr; $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::messages::text_in(
            $crate::messages::Lang::from($lang),
            $id,
            &[$((stringify!($name), ($value).to_string())),+],
        )
    };
    ($id:literal) => {
        $crate::messages::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::messages::text($id, &[$((stringify!($name), ($value).to_string())),+])
    };
}

/// The ids a catalog defines, for the tests.
#[must_use]
pub fn ids(catalog: &str) -> Vec<String> {
    catalog
        .lines()
        .filter(|l| !l.starts_with([' ', '#', '\t']) && !l.trim().is_empty())
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names() {
        assert_eq!(parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(parse("zh-Hans"), Some(Lang::Zh));
        assert_eq!(parse("ZH"), Some(Lang::Zh));
        assert_eq!(parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(parse("en_US"), Some(Lang::En));
        assert_eq!(parse(""), None);
    }

    #[test]
    fn every_message_is_in_both_catalogs_and_parses() {
        let (en, zh) = (ids(CATALOGS[0].1), ids(CATALOGS[1].1));
        let only = |a: &[String], b: &[String]| {
            a.iter().filter(|i| !b.contains(i)).cloned().collect::<Vec<_>>()
        };
        assert!(only(&en, &zh).is_empty(), "only in English: {:?}", only(&en, &zh));
        assert!(only(&zh, &en).is_empty(), "only in Chinese: {:?}", only(&zh, &en));
        for (lang, catalog) in CATALOGS {
            if let Err((_, errors)) = FluentResource::try_new(catalog.to_string()) {
                panic!("{lang:?} catalog does not parse: {errors:?}");
            }
        }
        let mut seen = std::collections::HashSet::new();
        assert!(en.iter().all(|id| seen.insert(id)), "an id defined twice");
    }

    #[test]
    fn arguments_fill_in_without_marks() {
        let args = [("key", "wekdays".to_string())];
        assert!(text_in(Lang::En, "no-such-message", &args).contains("no-such-message"));
    }
}
