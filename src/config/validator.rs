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
        value.map(|v| crate::text::fit(v.get_ref())).filter(|s| !crate::text::blank(s))
    }
}

/// The problems of a file TOML cannot read: each Chinese-input slip named at its place
/// (“ ” ＝ ， 【】 ＃ 全角空格 ２０２７…), and the parser's error in the user's words when it is
/// not at one of them.
pub(super) fn parse_errors(source: &SourceFile, e: &toml::de::Error) -> Vec<Diagnostic> {
    let mut out = slip_errors(source);
    let error = toml_error(source, e);
    let slip_lines: Vec<usize> =
        out.iter().filter_map(|d| d.location.as_ref().map(|l| l.line)).collect();
    if !error.location.as_ref().is_some_and(|l| slip_lines.contains(&l.line)) {
        out.push(error);
    }
    out
}

/// The most slip errors shown on one line.
const MAX_SLIPS_PER_LINE: usize = 5;
/// The most slip errors shown in all.
const MAX_SLIPS: usize = 50;

/// Each Chinese-input slip of `source`, as an error at its character. Two quotes of one
/// text (`“三八节”`) are one error.
pub(crate) fn slip_errors(source: &SourceFile) -> Vec<Diagnostic> {
    use super::slips::Kind;
    let slips = super::slips::find(&source.text);
    let mut out = Vec::new();
    let mut i = 0;
    // Errors are capped per line and in all, like a compiler's "and N more": a line of
    // thousands of slips reads as a few, in time and memory that do not grow with them.
    let (mut line_now, mut on_line, mut more, mut more_lines) = (0, 0, 0, Vec::new());
    while i < slips.len() {
        let slip = &slips[i];
        let line = source.line_of(slip.span.start);
        (line_now, on_line) = if line == line_now { (line, on_line + 1) } else { (line, 1) };
        if on_line > MAX_SLIPS_PER_LINE || out.len() >= MAX_SLIPS {
            more += 1;
            if more_lines.last() != Some(&line) {
                more_lines.push(line);
            }
            i += 1;
            continue;
        }
        let mut typed = slip.typed.clone();
        let mut instead = slip.instead.clone();
        // Slips of one kind side by side are one (`【【`); the closing quote of the same
        // text on the same line joins the opening one.
        let mut span = slip.span.clone();
        while let Some(next) = slips
            .get(i + 1)
            .filter(|n| n.kind == slip.kind && n.span.start == span.end && slip.kind != Kind::Quote)
        {
            typed.push_str(&next.typed);
            instead.push_str(&next.instead);
            span.end = next.span.end;
            i += 1;
        }
        let location = source.locate(span);
        if slip.kind == Kind::Quote {
            if let Some(next) = slips.get(i + 1).filter(|n| {
                n.kind == Kind::Quote && source.locate(n.span.clone()).line == location.line
            }) {
                typed = format!("{typed} {}", next.typed);
                instead = format!("{instead}…{}", next.instead);
                i += 1;
            }
        }
        let line = location.line;
        let message = match slip.kind {
            Kind::Quote => t!("slip-quote", line = line, typed = typed),
            Kind::Equals => t!("slip-equals", line = line, typed = typed),
            Kind::Comma => t!("slip-comma", line = line, typed = typed),
            Kind::Bracket => t!("slip-bracket", line = line, typed = typed, instead = instead),
            Kind::Hash => t!("slip-hash", line = line),
            Kind::Space => t!("slip-space", line = line),
            Kind::Digit => t!("slip-digit", line = line, typed = typed, instead = instead),
            Kind::Other => t!("slip-other", line = line, typed = typed, instead = instead),
        };
        let help = if slip.kind == Kind::Space {
            t!("slip-space-help", file = source.name)
        } else {
            t!("slip-help", typed = typed, instead = instead, file = source.name)
        };
        out.push(Diagnostic::error(message, Some(location)).with_help(help));
        i += 1;
    }
    if more > 0 {
        let lines: Vec<String> = more_lines.iter().take(10).map(ToString::to_string).collect();
        let lines = lines.join(&t!("list-separator"));
        out.push(
            Diagnostic::error(t!("slip-more", count = more, lines = lines), None)
                .with_help(t!("slip-more-help", file = source.name.clone())),
        );
    }
    out
}

/// The kind of a TOML value, from serde's words (`string "x"`, `integer `3``, `a
/// sequence`, `i64`…); `written` is the value as it stands in the file (a date is a map
/// to serde).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Type {
    Text,
    Integer,
    Float,
    Bool,
    List,
    Table,
    Date,
    Other,
}

impl Type {
    fn of(words: &str, written: &str) -> Self {
        let words = words.trim().trim_start_matches("a ").trim_start_matches("an ");
        let first = words.split([' ', '`', '"']).next().unwrap_or_default();
        match first {
            "string" | "str" | "character" | "char" => Self::Text,
            "integer" | "i64" | "u64" | "i32" | "u32" | "u8" | "whole" => Self::Integer,
            "floating" | "float" | "f64" => Self::Float,
            "boolean" | "bool" => Self::Bool,
            "sequence" | "list" | "array" => Self::List,
            "map" | "table" | "struct" if written.starts_with(|c: char| c.is_ascii_digit()) => {
                Self::Date
            }
            "map" | "table" | "struct" => Self::Table,
            "datetime" | "date" => Self::Date,
            _ => Self::Other,
        }
    }

    fn name(self) -> String {
        match self {
            Self::Text => t!("type-string"),
            Self::Integer => t!("type-integer"),
            Self::Float => t!("type-float"),
            Self::Bool => t!("type-bool"),
            Self::List => t!("type-list"),
            Self::Table => t!("type-table"),
            Self::Date => t!("type-date"),
            Self::Other => t!("type-other"),
        }
    }

    /// How to write a value of this type, as an example.
    fn example(self) -> String {
        match self {
            Self::Text => t!("type-string-example"),
            Self::Integer => t!("type-integer-example"),
            Self::Bool => t!("type-bool-example"),
            Self::List => t!("type-list-example"),
            _ => t!("toml-type-help"),
        }
    }
}

/// Turn the TOML parser's error into one of ours, in the user's language: what is wrong
/// at that place and what to write; "did you mean" for unknown keys.
fn toml_error(source: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let span = e.span().unwrap_or(0..0);
    let message = e.message().trim();
    let location = Some(source.locate(span.clone()));
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
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let written = source.text.get(span).unwrap_or_default();
        let (found, expected) = (Type::of(found, written), Type::of(expected, ""));
        if found == expected {
            // `99999999999999999999`: a whole number, too large for one.
            return Diagnostic::error(t!("toml-too-large"), location)
                .with_help(t!("toml-too-large-help"));
        }
        return Diagnostic::error(
            t!("toml-wrong-type", expected = expected.name(), found = found.name()),
            location,
        )
        .with_help(expected.example());
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or_default();
        return Diagnostic::error(t!("toml-missing-key", name = name), location)
            .with_help(t!("toml-missing-key-help", name = name));
    }
    let (description, expected) = message.split_once(", expected ").unwrap_or((message, ""));
    let unclosed = expected.contains("`\"`") || expected.contains("`'`");
    let (id, help) = match description {
        "invalid basic string" | "invalid literal string" if unclosed => {
            ("toml-string-unclosed", "toml-string-unclosed-help")
        }
        "invalid basic string"
        | "invalid literal string"
        | "invalid comment character"
        | "carriage return must be followed by newline" => ("toml-control", "toml-control-help"),
        "invalid multi-line basic string" | "invalid multi-line literal string" => {
            ("toml-multiline-unclosed", "toml-multiline-unclosed-help")
        }
        "missing escaped value" | "too few unicode value digits" => {
            ("toml-escape", "toml-escape-help")
        }
        "key with no value"
        | "missing assignment between key-value pairs"
        | "invalid key-value pair"
        | "missing value for key" => ("toml-no-equals", "toml-no-equals-help"),
        "extra `=`" | "extra assignment between key-value pairs" | "unexpected `=` in array" => {
            ("toml-extra-equals", "toml-extra-equals-help")
        }
        "unclosed table" | "missing table open" | "invalid table" => {
            ("toml-table-unclosed", "toml-table-help")
        }
        "unclosed array table" => ("toml-array-table-unclosed", "toml-table-help"),
        "unclosed array" | "missing array opening" => ("toml-array-unclosed", "toml-list-help"),
        "missing comma between array elements" => ("toml-missing-comma", "toml-list-help"),
        "extra comma in array" => ("toml-extra-comma", "toml-list-help"),
        "unclosed inline table"
        | "missing inline table opening"
        | "invalid inline table element"
        | "missing key for inline table element"
        | "missing comma between key-value pairs"
        | "extra comma in inline table" => ("toml-inline-table", "toml-inline-table-help"),
        "invalid unquoted key"
        | "invalid key"
        | "keys cannot be multi-line basic strings"
        | "keys cannot be multi-line literal strings" => ("toml-bad-key", "toml-bad-key-help"),
        "unquoted keys cannot be empty" => ("toml-no-key", "toml-no-key-help"),
        "unexpected key or value"
        | "unexpected content"
        | "unexpected content between comment and newline" => {
            ("toml-trailing", "toml-trailing-help")
        }
        "duplicate key" => ("toml-duplicate", "toml-duplicate-help"),
        d if d.starts_with("cannot extend value") => ("toml-duplicate", "toml-duplicate-help"),
        "string values must be quoted"
        | "unquoted string"
        | "invalid value"
        | "missing value"
        | "invalid integer number"
        | "invalid float"
        | "invalid boolean"
        | "invalid date-time"
        | "unexpected leading zero"
        | "unexpected sign"
        | "redundant numeric sign"
        | "redundant integer number prefix"
        | "integers with a radix cannot be signed"
        | "radix must be lowercase"
        | "`_` may only go between digits" => ("toml-value", "toml-value-help"),
        _ => ("toml-syntax", "toml-other-help"),
    };
    Diagnostic::error(crate::messages::text(id, &[("detail", message.to_string())]), location)
        .with_help(crate::messages::text(help, &[]))
}

#[cfg(test)]
mod tests {
    use crate::messages::{has, Lang};

    /// The ids `toml_error` names through `messages::text` (not `t!`, which the catalog
    /// test reads).
    #[test]
    fn every_toml_message_is_in_both_catalogs() {
        let source = include_str!("validator.rs");
        let ids: Vec<&str> = source
            .split('"')
            .filter(|s| {
                s.starts_with("toml-")
                    && s.len() > 5
                    && s.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            })
            .collect();
        assert!(ids.len() > 30, "{ids:?}");
        for id in ids {
            for lang in [Lang::Zh, Lang::En] {
                assert!(has(lang, id), "{id} is missing in {lang:?}");
            }
        }
    }
}
