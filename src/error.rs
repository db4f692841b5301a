//! Errors a person can act on: each names the file, line and column, quotes the line,
//! and says how to fix it.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The calendar cannot be used until it is fixed.
    Error,
    /// The calendar works, but probably not as its author meant.
    Warning,
}

/// A place in a calendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The whole line, for quoting.
    pub text: String,
    /// How many characters to underline.
    pub width: usize,
}

/// The text of a calendar file with its name, for turning byte spans into locations.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The file as the user named it.
    pub name: String,
    /// The file's text.
    pub text: String,
    /// Byte offset of each line's start, for finding a line without rescanning the text.
    line_starts: Vec<usize>,
}

impl SourceFile {
    /// A file named `name` with `text`.
    #[must_use]
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let line_starts =
            std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { name: name.into(), text, line_starts }
    }

    /// The 1-based line of the byte `at`.
    #[must_use]
    pub(crate) fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= at)
    }

    /// The location of a byte span (clamped to the text, never splitting a character).
    #[must_use]
    pub(crate) fn locate(&self, span: Range<usize>) -> Location {
        let text = &self.text;
        let mut start = span.start.min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= start);
        let line_start = self.line_starts[line - 1];
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_text = text[line_start..line_end].trim_end_matches('\r');
        let column = text[line_start..start].chars().count() + 1;
        let end = span.end.clamp(start, line_start + line_text.len());
        let width = text.get(start..end).map_or(1, |s| s.chars().count()).max(1);
        Location { file: self.name.clone(), line, column, text: line_text.to_string(), width }
    }
}

/// One error or warning about a calendar file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in lowercase with `backticked` names.
    pub message: String,
    /// Where, when it concerns a place in the file.
    pub location: Option<Location>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `location`.
    #[must_use]
    pub fn error(message: impl Into<String>, location: Option<Location>) -> Self {
        Self { severity: Severity::Error, message: message.into(), location, help: None }
    }

    /// A warning at `location`.
    #[must_use]
    pub fn warning(message: impl Into<String>, location: Option<Location>) -> Self {
        Self { severity: Severity::Warning, message: message.into(), location, help: None }
    }

    /// The same, with a hint on how to fix it.
    #[must_use]
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", crate::text::visible(&self.message))?;
        if let Some(at) = &self.location {
            let gutter = " ".repeat(at.line.to_string().len());
            writeln!(
                f,
                "{gutter}--> {}:{}:{}",
                crate::text::visible(&at.file),
                at.line,
                at.column
            )?;
            writeln!(f, "{gutter} |")?;
            // Each character as the terminal is shown it: a control character escaped
            // (`\u{1b}`), never obeyed; the caret counts display columns.
            let shown: Vec<(String, usize)> = at
                .text
                .chars()
                .map(|c| {
                    let text = crate::text::visible(c.encode_utf8(&mut [0; 4])).into_owned();
                    let width = if c == '\t' {
                        1
                    } else {
                        unicode_width::UnicodeWidthStr::width(text.as_str()).max(1)
                    };
                    (text, width)
                })
                .collect();
            let line: String = shown.iter().map(|(text, _)| text.as_str()).collect();
            writeln!(f, "{} | {line}", at.line)?;
            let pad: String = at
                .text
                .chars()
                .zip(&shown)
                .take(at.column - 1)
                .map(
                    |(c, (_, width))| if c == '\t' { "\t".to_string() } else { " ".repeat(*width) },
                )
                .collect();
            let caret_width: usize =
                shown.iter().skip(at.column - 1).take(at.width).map(|(_, width)| width).sum();
            writeln!(f, "{gutter} | {pad}{}", "^".repeat(caret_width.max(1)))?;
            if let Some(help) = &self.help {
                writeln!(f, "{gutter} = help: {}", crate::text::visible(help))?;
            }
        } else if let Some(help) = &self.help {
            writeln!(f, "  = help: {}", crate::text::visible(help))?;
        }
        Ok(())
    }
}

/// Everything that can go wrong in unioncal.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The calendar file has errors (exit code 1).
    #[error("{}", render(.0))]
    Calendar(Vec<Diagnostic>),
    /// A file could not be read or written (exit code 3).
    #[error("{}", io_text(action, path, source))]
    Io {
        /// What was being done: "cannot read", "cannot write".
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The command line asks for something impossible (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// A template (built in, or from `--templates`) does not compile or render (exit code 1:
    /// the input has errors, like a calendar's).
    #[error("{}\n  = help: {}", crate::t!("template-failed", name = name, message = message), crate::t!("template-failed-help"))]
    Template {
        /// The template's file name.
        name: String,
        /// Tera's words, with their causes.
        message: String,
    },
    /// No browser to make pictures or a PDF with, or it failed (exit code 3).
    #[error("{message}{}\n  = help: {}", searched_text(.searched), crate::t!("browser-help"))]
    Browser {
        /// What went wrong.
        message: String,
        /// The places looked in, when none was found.
        searched: Vec<PathBuf>,
    },
}

/// An I/O failure in the current language: the action, the file and the system's words.
fn io_text(action: &str, path: &std::path::Path, source: &std::io::Error) -> String {
    let (path, error) = (path.display(), source);
    match action {
        "cannot read" => crate::t!("io-cannot-read", path = path, error = error),
        "cannot fix" => crate::t!("io-cannot-fix", path = path, error = error),
        "cannot write" => crate::t!("io-cannot-write", path = path, error = error),
        "cannot create" => crate::t!("io-cannot-create", path = path, error = error),
        "cannot listen on" => crate::t!("io-cannot-listen", path = path, error = error),
        other => format!("{other} `{path}`: {error}"),
    }
}

fn searched_text(searched: &[PathBuf]) -> String {
    if searched.is_empty() {
        return String::new();
    }
    let mut text = crate::t!("browser-looked-in");
    for place in searched {
        text.push_str(&format!("\n    {}", place.display()));
    }
    text
}

fn render(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

impl Error {
    /// A calendar error of one diagnostic.
    #[must_use]
    pub fn calendar(diagnostic: Diagnostic) -> Self {
        Self::Calendar(vec![diagnostic])
    }

    /// The process exit code the spec gives this error: 1 calendar, 2 usage, 3 I/O.
    #[must_use]
    pub fn exit_code(&self) -> i32 {
        match self {
            Self::Calendar(_) | Self::Template { .. } => 1,
            Self::Usage(_) => 2,
            Self::Io { .. } | Self::Browser { .. } => 3,
        }
    }
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_line_and_character_column() {
        let source = SourceFile::new("a.toml", "a = 1\n名 = \"x\"\nwekdays = 3\n");
        let at = source.locate(16..23);
        assert_eq!((at.line, at.column, at.width), (3, 1, 7));
        assert_eq!(at.text, "wekdays = 3");
        let at = source.locate(10..13);
        assert_eq!((at.line, at.column), (2, 3));
    }

    #[test]
    fn renders_like_a_compiler() {
        let source = SourceFile::new("a.toml", "x = 1\nwekdays = 3\n");
        let d = Diagnostic::error("unknown key `wekdays`", Some(source.locate(6..13)))
            .with_help("did you mean `weekdays`?");
        assert_eq!(
            d.to_string(),
            "error: unknown key `wekdays`\n --> a.toml:2:1\n  |\n2 | wekdays = 3\n  | ^^^^^^^\n  = help: did you mean `weekdays`?\n"
        );
    }
}
