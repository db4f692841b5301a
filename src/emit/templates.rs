//! The Tera templates: built-ins compiled into the binary from `templates/`, and a user's
//! `--templates DIR` whose files of the same names win.
//!
//! HTML templates end in `.html` and the Word document's body in `.xml`, so Tera escapes
//! every value; Markdown has its own `md` filter. Tera 1 is used: it is stable, widely deployed, and treats a missing
//! variable as an error already, which is all the strictness these templates need.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;
use tera::{Tera, Value};

use crate::error::{Error, Result};

/// The built-in stylesheet of the pages. It is plain CSS, not a template: `base.html` puts
/// it into each page as the `style` variable (a `--templates` folder may replace it too).
pub(crate) const STYLE: (&str, &str) = ("style.css", include_str!("../../templates/style.css"));

/// The stylesheet of the long phone pictures (`share/YYYY-MM.png`).
pub(crate) const SHARE_STYLE: &str = include_str!("../../templates/share.css");

/// The built-in templates, by name.
pub(crate) const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("sheet.html", include_str!("../../templates/sheet.html")),
    ("agenda.html", include_str!("../../templates/agenda.html")),
    ("month.html", include_str!("../../templates/month.html")),
    ("print.html", include_str!("../../templates/print.html")),
    ("subscribe.html", include_str!("../../templates/subscribe.html")),
    ("share.html", include_str!("../../templates/share.html")),
    ("plan.md", include_str!("../../templates/plan.md")),
    ("plan-docx.xml", include_str!("../../templates/plan-docx.xml")),
];

/// Compiled templates, and the stylesheet.
pub struct Templates {
    tera: Tera,
    style: String,
}

/// Escape Markdown's special characters so user text is shown as written.
#[must_use]
pub(crate) fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // `1986. ` or `1) ` at the start would begin an ordered list.
    let leading_digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        match c {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '(' | ')' | '#' | '+'
            | '-' | '!' | '|' | '~' | '&' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '.' if i == leading_digits && i > 0 => out.push_str("\\."),
            '\r' => {}
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn md_filter(value: &Value, _: &HashMap<String, Value>) -> tera::Result<Value> {
    match value {
        Value::String(s) => Ok(Value::String(escape_markdown(s))),
        other => Ok(Value::String(escape_markdown(&other.to_string()))),
    }
}

/// The Tera function `t`: a message of the catalog in the page's language,
/// `{{ t(id="nav-year", lang=lang) }}`, with any other arguments passed to the message
/// (`years=provisional_years`). Its text is escaped like any other value.
fn catalog_function(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let id = args.get("id").and_then(Value::as_str).ok_or("t() needs `id`, the message's id")?;
    let lang = args
        .get("lang")
        .and_then(Value::as_str)
        .and_then(crate::messages::parse)
        .ok_or("t() needs `lang`, the page's language (`zh` or `en`)")?;
    if !crate::messages::has(lang, id) {
        return Err(format!("t(): the catalog has no message `{id}`").into());
    }
    let fill: Vec<(&str, String)> = args
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "id" | "lang"))
        .map(|(name, value)| {
            let text = match value {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            (name.as_str(), text)
        })
        .collect();
    Ok(Value::String(crate::messages::text_in(lang, id, &fill)))
}

pub(crate) fn template_error(name: &str, error: &tera::Error) -> Error {
    // Tera keeps the cause in `source()`: print the whole chain.
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    Error::Template { name: name.to_string(), message }
}

impl Templates {
    /// The built-in templates, overridden by files of the same names in `dir`.
    ///
    /// # Errors
    ///
    /// When a template in `dir` cannot be read or does not compile.
    pub fn load(dir: Option<&Path>) -> Result<Self> {
        let mut sources: Vec<(String, String)> = BUILT_IN
            .iter()
            .chain([&STYLE])
            .map(|(n, s)| ((*n).to_string(), (*s).to_string()))
            .collect();
        if let Some(dir) = dir {
            for (name, text) in &mut sources {
                let path = dir.join(name.as_str());
                if path.exists() {
                    *text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                        action: "cannot read",
                        path,
                        source,
                    })?;
                }
            }
        }
        let style = sources.pop().map(|(_, text)| text).unwrap_or_default();
        let mut tera = Tera::default();
        tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_err(|e| template_error("templates", &e))?;
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.register_filter("md", md_filter);
        tera.register_function("t", catalog_function);
        Ok(Self { tera, style })
    }

    /// The pages' stylesheet.
    #[must_use]
    pub fn style(&self) -> &str {
        &self.style
    }

    /// Render template `name` with `context`.
    ///
    /// # Errors
    ///
    /// When the template fails (a user template using a variable that does not exist).
    pub fn render(&self, name: &str, context: &impl Serialize) -> Result<String> {
        let context =
            tera::Context::from_serialize(context).map_err(|e| template_error(name, &e))?;
        self.render_context(name, &context)
    }

    /// Render template `name` with a context already built (to share it between pages).
    ///
    /// # Errors
    ///
    /// When the template fails.
    pub(crate) fn render_context(&self, name: &str, context: &tera::Context) -> Result<String> {
        self.tera.render(name, context).map_err(|e| template_error(name, &e))
    }
}

#[cfg(test)]
mod tests {
    use super::escape_markdown;

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(
            escape_markdown("**粗体** [链接](x) <b>"),
            "\\*\\*粗体\\*\\* \\[链接\\]\\(x\\) \\<b\\>"
        );
        assert_eq!(escape_markdown("a\r\nb"), "a b");
        assert_eq!(escape_markdown("&copy; 1986. 年"), "\\&copy; 1986. 年");
        assert_eq!(escape_markdown("1986. 年会"), "1986\\. 年会");
        assert_eq!(escape_markdown("1) 第一"), "1\\) 第一");
    }
}
