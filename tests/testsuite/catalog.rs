//! The catalog (`locales/*.ftl`) holds every word unioncal says or writes for people:
//! messages, help, and the words of pages, feeds and documents. These tests read the
//! sources: every message they name exists in both languages, and no Chinese text or
//! language branch is written into the code that speaks or renders.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use unioncal::messages::{ids, Lang, CATALOGS};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The ids a catalog defines.
fn catalog(lang: Lang) -> BTreeSet<String> {
    let (_, text) = CATALOGS.iter().find(|(l, _)| *l == lang).unwrap();
    ids(text).into_iter().collect()
}

/// The Rust files under `src/` of the folders (with their sub-folders) and files named.
fn rust_files(names: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for name in names {
        let path = root().join("src").join(name);
        assert!(path.exists(), "{} does not exist", path.display());
        if path.is_dir() {
            let inner = crate::support::files_under(&path).into_iter().map(|f| path.join(f));
            files.extend(inner.filter(|p| p.extension().is_some_and(|e| e == "rs")));
        } else {
            files.push(path);
        }
    }
    files
}

/// The string literals of Rust `source` before its `#[cfg(test)]` part, with their line
/// numbers: comments, char literals and lifetimes are skipped.
fn literals(source: &str) -> Vec<(usize, String)> {
    let code = source.split("#[cfg(test)]").next().unwrap_or_default();
    let chars: Vec<char> = code.chars().collect();
    let (mut out, mut line, mut i) = (Vec::new(), 1, 0);
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => line += 1,
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if next == Some('*') => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            '\'' if next == Some('\\') => {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => i += 2,
            'r' if (next == Some('"') || next == Some('#'))
                && !chars.get(i.wrapping_sub(1)).is_some_and(|p| p.is_alphanumeric()) =>
            {
                let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
                if chars.get(i + 1 + hashes) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let start_line = line;
                let mut j = i + 2 + hashes;
                let close: Vec<char> =
                    std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                while j < chars.len() && !chars[j..].starts_with(&close) {
                    line += usize::from(chars[j] == '\n');
                    j += 1;
                }
                out.push((start_line, chars[i + 2 + hashes..j.min(chars.len())].iter().collect()));
                i = j + close.len();
                continue;
            }
            '"' => {
                let start_line = line;
                let mut j = i + 1;
                while j < chars.len() && chars[j] != '"' {
                    j += if chars[j] == '\\' { 2 } else { 1 };
                    line += usize::from(chars.get(j - 1) == Some(&'\n'));
                }
                out.push((start_line, chars[i + 1..j.min(chars.len())].iter().collect()));
                i = j + 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn chinese(text: &str) -> bool {
    // CJK punctuation, ideographs and full-width forms (：（）).
    let ranges = ['\u{3001}'..='\u{3011}', '\u{4e00}'..='\u{9fff}', '\u{ff01}'..='\u{ff5e}'];
    text.chars().any(|c| ranges.iter().any(|r| r.contains(&c)))
}

/// The code that speaks to people or renders for them. The rest holds the calendar's
/// notation and data, which are Chinese by nature: festival and term names, the notice
/// grammar (`dates/`), the forms a calendar file may use (`config/`), numerals (`text.rs`).
const SPEAKING: &[&str] = &[
    "emit", "cmd", "schedule", "share.rs", "serve", "cli.rs", "output", "error.rs", "main.rs",
    "lib.rs",
];

#[test]
fn the_literal_scanner_finds_what_it_looks_for() {
    let sample = "// 注释 \"x\"\nlet a = \"全天\"; let c = '\"'; let l: &'a str = r#\"负\"责\"#;\n/* \"块\" */ \"b\"\n#[cfg(test)]\n\"测试\"";
    let found = literals(sample);
    assert_eq!(
        found,
        vec![(2, "全天".to_string()), (2, "负\"责".to_string()), (3, "b".to_string())]
    );
}

#[test]
fn no_chinese_text_is_written_into_the_speaking_code() {
    let mut found = Vec::new();
    for file in rust_files(SPEAKING) {
        for (line, text) in literals(&read(&file)) {
            if chinese(&text) {
                found.push(format!("{}:{line}: {text:?}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "words outside the catalog:\n{}", found.join("\n"));
}

#[test]
fn no_language_branches_in_the_code_or_the_templates() {
    let mut found = Vec::new();
    for file in rust_files(SPEAKING) {
        for (n, line) in read(&file).lines().enumerate() {
            if line.contains("if zh") || line.contains("zh {") {
                found.push(format!("{}:{}: {line}", file.display(), n + 1));
            }
        }
    }
    let templates = root().join("templates");
    for entry in std::fs::read_dir(&templates).unwrap() {
        let path = entry.unwrap().path();
        if !path.extension().is_some_and(|e| e == "html" || e == "md") {
            continue;
        }
        let text = read(&path);
        // Template comments may say anything; the rendered text may not be Chinese.
        let rendered: String = text
            .split("{#")
            .map(|part| part.split_once("#}").map_or(part, |(_, rest)| rest))
            .collect();
        for (n, line) in rendered.lines().enumerate() {
            let branch =
                ["if zh", "language ==", "lang ==", "lang !="].iter().any(|b| line.contains(b));
            if branch || chinese(line) {
                found.push(format!("{}:{}: {line}", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "language chosen outside the catalog:\n{}", found.join("\n"));
}

/// Every id named in the code (`t!("id")`, `t!(in lang; "id")`, `text_in(…, "id", …)`) and
/// in the templates (`t(id="id")`) is in both catalogs.
#[test]
fn every_message_the_code_names_is_in_both_catalogs() {
    let (en, zh) = (catalog(Lang::En), catalog(Lang::Zh));
    let mut named = BTreeSet::new();
    let files = rust_files(&["."]);
    for file in &files {
        let text: String = read(file)
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        for marker in ["t!(\"", "text_in(Lang::Zh, \"", "text(\""] {
            for part in text.split(marker).skip(1) {
                named.insert(part.split('"').next().unwrap_or_default().to_string());
            }
        }
        for part in text.split("t!(in ").skip(1) {
            if let Some((_, rest)) = part.split_once("; \"") {
                named.insert(rest.split('"').next().unwrap_or_default().to_string());
            }
        }
    }
    for entry in std::fs::read_dir(root().join("templates")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            for part in read(&path).split("t(id=\"").skip(1) {
                let id = part.split('"').next().unwrap_or_default();
                if !id.ends_with('-') {
                    named.insert(id.to_string());
                }
            }
        }
    }
    named.retain(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
    assert!(named.len() > 300, "the scan found only {} ids: is it broken?", named.len());
    for id in ["page-nav-year", "feed-organizer", "date-month-day", "table-header"] {
        assert!(named.contains(id), "the scan missed {id}");
    }
    let missing: Vec<&String> =
        named.iter().filter(|id| !en.contains(*id) || !zh.contains(*id)).collect();
    assert!(missing.is_empty(), "named in the code but not in both catalogs: {missing:?}");
}
