//! Words and numerals shared by the outputs: Chinese numerals, weekday names; user text
//! made fit for every output (no control characters, directional formatting closed) and
//! for a terminal (control characters shown escaped).

use chrono::Weekday;

use crate::messages::Language;

/// A whole number in Chinese numerals, as a title says an edition: 十三 (not 一十三),
/// 四十七, 一百零三, 一百一十, 一千零五, 两万 is written 二万 as in formal counting.
#[must_use]
pub(crate) fn chinese_numeral(n: i64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    const UNITS: [&str; 4] = ["", "十", "百", "千"];
    if n < 0 {
        return format!("负{}", chinese_numeral(-n));
    }
    if n == 0 {
        return DIGITS[0].to_string();
    }
    // Groups of four digits: 万 (10^4) and 亿 (10^8).
    fn group(n: i64) -> String {
        let digits = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
        let mut out = String::new();
        let mut zero = false;
        for (i, &d) in digits.iter().enumerate() {
            if d == 0 {
                zero = !out.is_empty();
                continue;
            }
            if zero {
                out.push_str(DIGITS[0]);
                zero = false;
            }
            out.push_str(DIGITS[d as usize]);
            out.push_str(UNITS[3 - i]);
        }
        out
    }
    let mut out = String::new();
    let groups = [(n / 100_000_000, "亿"), (n / 10_000 % 10_000, "万"), (n % 10_000, "")];
    let mut pending_zero = false;
    for (value, unit) in groups {
        if value == 0 {
            pending_zero = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (pending_zero || value < 1000) {
            out.push_str(DIGITS[0]);
        }
        pending_zero = false;
        out.push_str(&group(value));
        out.push_str(unit);
    }
    // 一十 → 十 at the start (十三, 十万), as spoken.
    if let Some(stripped) = out.strip_prefix("一十") {
        out = format!("十{stripped}");
    }
    out
}

/// A number as a title shows it in `language`.
#[must_use]
pub(crate) fn numeral(n: i64, language: Language) -> String {
    match language {
        Language::Zh if n >= 0 => chinese_numeral(n),
        _ => n.to_string(),
    }
}

/// The weekday's short name: 周一 … 周日, or Mon … Sun (the catalog's `weekdays`, read
/// once per language).
#[must_use]
pub(crate) fn weekday_name(day: Weekday, language: Language) -> &'static str {
    static NAMES: std::sync::OnceLock<[Vec<String>; 2]> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        [Language::Zh, Language::En].map(|language| {
            let names = crate::t!(in language; "weekdays");
            names.split_whitespace().map(String::from).collect()
        })
    });
    let names = &names[usize::from(language == Language::En)];
    names.get(day.num_days_from_monday() as usize).map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_of_only_spaces_and_invisible_marks_is_blank() {
        for blank_text in ["", " \n", "\u{202e}", " \u{200b}\u{2066}\u{2069} ", "\u{feff}\u{7}"] {
            assert!(blank(blank_text), "{blank_text:?}");
        }
        for shown in ["x", "\u{202e}工会", "　三八"] {
            assert!(!blank(shown), "{shown:?}");
        }
    }

    #[test]
    fn chinese_numerals_as_titles_say_them() {
        let cases = [
            (0, "零"),
            (5, "五"),
            (10, "十"),
            (13, "十三"),
            (20, "二十"),
            (47, "四十七"),
            (100, "一百"),
            (103, "一百零三"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (1010, "一千零一十"),
            (10_000, "一万"),
            (100_000, "十万"),
            (10_001, "一万零一"),
            (20_300, "二万零三百"),
            (100_000_000, "一亿"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n), want, "{n}");
        }
    }
}

/// Whether `c` has no place in a calendar's text: a control character other than tab and
/// line breaks (ESC, BEL, DEL, C1) or one of the two noncharacters XML 1.0 and many
/// readers refuse (U+FFFE, U+FFFF).
fn unfit(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

/// What a directional formatting character opens or closes.
enum Direction {
    /// LRE, RLE, LRO, RLO: closed by PDF.
    Embedding,
    /// LRI, RLI, FSI: closed by PDI.
    Isolate,
    /// PDF.
    PopEmbedding,
    /// PDI.
    PopIsolate,
}

fn direction(c: char) -> Option<Direction> {
    match c {
        '\u{202a}' | '\u{202b}' | '\u{202d}' | '\u{202e}' => Some(Direction::Embedding),
        '\u{2066}' | '\u{2067}' | '\u{2068}' => Some(Direction::Isolate),
        '\u{202c}' => Some(Direction::PopEmbedding),
        '\u{2069}' => Some(Direction::PopIsolate),
        _ => None,
    }
}

/// Whether `text` would show nothing: only spaces, line breaks and invisible formatting
/// (directional marks and embeddings, zero-width characters, a byte-order mark). A title
/// like that is as good as none.
#[must_use]
pub(crate) fn blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || unfit(c)
            || direction(c).is_some()
            || matches!(c, '\u{200b}'..='\u{200f}' | '\u{feff}')
    })
}

/// User text fit for every output: control characters (other than tab and line breaks)
/// and the noncharacters U+FFFE/U+FFFF dropped, and every directional embedding, override
/// or isolate it opens closed at its end, so that an unclosed U+202E in a title cannot
/// reverse the fields after it on a page, in a document or a picture.
#[must_use]
pub(crate) fn fit(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !unfit(*c)).collect();
    // Which are open at the end, innermost last (as the bidirectional algorithm pairs
    // them: a PDI closes its isolate and the embeddings opened inside it).
    let mut open: Vec<bool> = Vec::new(); // true: an isolate
    for c in out.chars() {
        match direction(c) {
            Some(Direction::Embedding) => open.push(false),
            Some(Direction::Isolate) => open.push(true),
            Some(Direction::PopEmbedding) if open.last() == Some(&false) => {
                open.pop();
            }
            Some(Direction::PopIsolate) => {
                if let Some(at) = open.iter().rposition(|isolate| *isolate) {
                    open.truncate(at);
                }
            }
            Some(Direction::PopEmbedding) | None => {}
        }
    }
    for isolate in open.into_iter().rev() {
        out.push(if isolate { '\u{2069}' } else { '\u{202c}' });
    }
    out
}

/// Why a file's bytes are no text unioncal reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Undecodable {
    /// UTF-8 with this (1-based) line in another encoding: a GBK line pasted into a UTF-8
    /// file, which read as GBK would turn every other line to mojibake.
    Mixed(usize),
    /// Neither UTF-8 nor GBK/GB18030.
    Invalid,
}

/// A file's text as Notepad, Excel or WPS saved it: UTF-8 (a BOM kept), else GBK/GB18030 —
/// and whether it was GBK. A file is GBK only when no line of it reads as UTF-8 beyond
/// ASCII.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, bool), Undecodable> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), false));
    }
    let lines = || bytes.split(|b| *b == b'\n');
    if lines().any(|line| !line.is_ascii() && std::str::from_utf8(line).is_ok()) {
        let bad = lines().position(|line| std::str::from_utf8(line).is_err()).unwrap_or(0);
        return Err(Undecodable::Mixed(bad + 1));
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(bytes);
    if had_errors {
        return Err(Undecodable::Invalid);
    }
    Ok((text.into_owned(), true))
}

/// `text` for a terminal: control characters (ESC, BEL, CR…) shown as `\u{1b}` instead of
/// obeyed; line breaks and tabs kept.
#[must_use]
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\t')) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if c.is_control() && !matches!(c, '\n' | '\t') {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

#[cfg(test)]
mod fit_tests {
    use super::*;

    #[test]
    fn utf8_gbk_and_a_mix_of_them() {
        assert_eq!(decode("三八节\n".as_bytes()), Ok(("三八节\n".to_string(), false)));
        let gbk = encoding_rs::GBK.encode("三八节\n端午\n").0;
        assert_eq!(decode(&gbk), Ok(("三八节\n端午\n".to_string(), true)));
        let mut mixed = "三八节\nid = 1\n".as_bytes().to_vec();
        mixed.extend_from_slice(&encoding_rs::GBK.encode("端午\n").0);
        assert_eq!(decode(&mixed), Err(Undecodable::Mixed(3)));
        assert_eq!(decode(b"\xff\xff\xff"), Err(Undecodable::Invalid));
    }

    #[test]
    fn controls_go_and_open_directions_are_closed() {
        assert_eq!(fit("a\u{1b}[31mb\u{7}\u{fffe}c\nd"), "a[31mbc\nd");
        assert_eq!(fit("x\u{202e}y"), "x\u{202e}y\u{202c}");
        assert_eq!(fit("\u{2067}\u{202b}x"), "\u{2067}\u{202b}x\u{202c}\u{2069}");
        assert_eq!(fit("\u{2067}\u{202b}x\u{2069}"), "\u{2067}\u{202b}x\u{2069}");
        assert_eq!(fit("\u{202e}x\u{202c}"), "\u{202e}x\u{202c}");
        assert_eq!(fit("三八节 🎉"), "三八节 🎉");
    }

    #[test]
    fn a_terminal_is_shown_controls_not_given_them() {
        assert_eq!(visible("a\u{1b}[2Jb\u{7}"), "a\\u{1b}[2Jb\\u{7}");
        assert_eq!(visible("第一行\n第二行"), "第一行\n第二行");
    }
}
