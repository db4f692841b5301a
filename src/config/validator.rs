//! The helper every check of a calendar, holidays file or `[plan]` reports through: it
//! turns a byte span into a place in the file and collects the problems; the TOML
//! parser's own errors in our words.

use std::ops::Range;

use toml::Spanned;

use super::raw::Str;
use super::values::Invalid;
use crate::error::{Diagnostic, Location, SourceFile};
use crate::t;

/// The closest of `candidates` to `word`, when it is close enough to be a typo.
pub(crate) fn suggest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

pub(super) struct Validator<'a> {
    pub(super) source: &'a SourceFile,
    pub(super) errors: Vec<Diagnostic>,
}

impl Validator<'_> {
    pub(super) fn at(&self, span: Range<usize>) -> Location {
        self.source.locate(span)
    }

    pub(super) fn error(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let help = help.into();
        let mut d = Diagnostic::error(message, Some(self.at(span)));
        if !help.is_empty() {
            d = d.with_help(help);
        }
        self.errors.push(d);
    }

    pub(super) fn invalid(&mut self, span: Range<usize>, invalid: Invalid) {
        self.error(span, invalid.message, invalid.help);
    }

    /// Parse a spanned value, reporting a problem at its place.
    pub(super) fn value<T>(
        &mut self,
        value: &Str,
        parse: impl Fn(&str) -> Result<T, Invalid>,
    ) -> Option<T> {
        match parse(&super::values::half_width(value.get_ref())) {
            Ok(v) => Some(v),
            Err(e) => {
                self.invalid(value.span(), e);
                None
            }
        }
    }

    /// An integer in `range`, or an error naming the limit.
    pub(super) fn int(
        &mut self,
        value: &Spanned<i64>,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
    ) -> Option<i64> {
        let n = *value.get_ref();
        if range.contains(&n) {
            Some(n)
        } else {
            self.error(
                value.span(),
                t!("int-range", key = key, n = n, min = range.start(), max = range.end()),
                t!("int-range-help", key = key, min = range.start(), max = range.end()),
            );
            None
        }
    }

    /// A text the user wrote, fit for every output ([`crate::text::fit`]); `None` when
    /// blank.
    pub(super) fn text(value: Option<&Str>) -> Option<String> {
        value.map(|v| crate::text::fit(v.get_ref())).filter(|s| !s.trim().is_empty())
    }
}

/// Turn the TOML parser's error into one of ours, with "did you mean" for unknown keys.
pub(super) fn toml_error(source: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().unwrap_or(0..0);
    let message = e.message().trim();
    let location = Some(source.locate(span));
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let expected: Vec<&str> = rest
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let d = match suggest(name, expected.iter().copied()) {
            Some(best) => {
                Diagnostic::error(t!("key-unknown-suggest", name = name, best = best), location)
                    .with_help(t!("key-unknown-suggest-help", name = name, best = best))
            }
            None => {
                let keys = expected.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ");
                Diagnostic::error(t!("key-unknown", name = name), location)
                    .with_help(t!("key-unknown-help", keys = keys))
            }
        };
        return d;
    }
    let friendly = message
        .replace("expected i64", "expected a whole number")
        .replace("expected a sequence", "expected a list `[...]`")
        .replace("invalid type: ", "wrong type: ")
        .replace("a boolean", "`true` or `false`");
    let help = if friendly.contains("wrong type") {
        t!("toml-type-help")
    } else if friendly.contains("duplicate key") {
        t!("toml-duplicate-help")
    } else {
        t!("toml-other-help")
    };
    Diagnostic::error(t!("toml-syntax", detail = friendly), location).with_help(help)
}
