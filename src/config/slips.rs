//! Punctuation typed with a Chinese input method left on: “ ” for quotes, ＝ or ： for `=`,
//! ，or 、 between list items, ［］【】 for brackets, ＃ for `#`, an ideographic space,
//! full-width digits and letters. Outside strings and comments each is a mistake TOML
//! cannot read; this finds them (to name each at its place) and rewrites them (for
//! `check --fix`). Inside strings, multi-line strings and comments nothing is touched.

use std::ops::Range;

/// What kind of slip, for its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// “ ” ‘ ’ 「 」 around a text.
    Quote,
    /// ＝, or ： where `=` belongs.
    Equals,
    /// ，or 、 between list items.
    Comma,
    /// ［ ］ 【 】 ｛ ｝.
    Bracket,
    /// ＃ starting a comment.
    Hash,
    /// An ideographic space (全角空格) or a no-break space.
    Space,
    /// Full-width digits.
    Digit,
    /// Any other full-width ASCII character (letters, ．, －…).
    Other,
}

/// One slip: where it is (bytes of the text), what was typed and what to type instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slip {
    /// The bytes of what was typed.
    pub(crate) span: Range<usize>,
    /// What was typed.
    pub(crate) typed: String,
    /// What to type instead.
    pub(crate) instead: String,
    /// What kind of slip.
    pub(crate) kind: Kind,
}

/// The half-width character a full-width one stands for, outside strings.
fn ascii_of(c: char) -> Option<(char, Kind)> {
    let kind = match c {
        '＝' => Kind::Equals,
        '，' | '、' => Kind::Comma,
        '［' | '］' | '【' | '】' | '｛' | '｝' => Kind::Bracket,
        '＃' => Kind::Hash,
        '\u{3000}' | '\u{a0}' => Kind::Space,
        '０'..='９' => Kind::Digit,
        '\u{ff01}'..='\u{ff5e}' => Kind::Other,
        _ => return None,
    };
    let ascii = match c {
        '、' => ',',
        '【' => '[',
        '】' => ']',
        '\u{3000}' | '\u{a0}' => ' ',
        c => char::from_u32(c as u32 - 0xFEE0)?,
    };
    Some((ascii, kind))
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '＂' | '＇')
}

fn is_close_quote(c: char) -> bool {
    is_open_quote(c) || c == '"' || c == '\''
}

/// Every slip in `text`, in order.
#[must_use]
pub(crate) fn find(text: &str) -> Vec<Slip> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |(at, _)| *at);
    let mut slips: Vec<Slip> = Vec::new();
    let mut i = 0;
    // Whether the line so far (outside strings) holds an `=`: a `：` before one is where
    // `=` belongs.
    let mut assigned = false;
    let starts = |i: usize, pattern: &str| text[end_of(i)..].starts_with(pattern);
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '\n' => {
                assigned = false;
                i += 1;
            }
            '#' => i = skip_comment(&chars, i),
            '"' | '\''
                if !starts(i, if c == '"' { "\"\"\"" } else { "'''" })
                    && triple_quote(&chars, i).is_some()
                    && chars.get(i + 2).is_some_and(|(_, q)| *q != c)
                    && ends_line(&chars, i + 3) =>
            {
                // `"“”` ending its line: a multi-line string opened with slips among its
                // quotes (`"＂"` is a one-line string holding a ＂).
                let family = if c == '"' { '"' } else { '\'' };
                i = curly_multiline(&chars, i, family, &mut slips);
            }
            '"' | '\'' => {
                let triple = if c == '"' { "\"\"\"" } else { "'''" };
                if starts(i, triple) {
                    i = skip_multiline(text, &chars, i, triple);
                } else {
                    i = string(&chars, i, c, &mut slips);
                }
            }
            c if is_open_quote(c) => {
                i = match triple_quote(&chars, i) {
                    Some(family) => curly_multiline(&chars, i, family, &mut slips),
                    None => curly(&chars, i, &mut slips, text),
                };
            }
            '：' | '＝' if !assigned || c == '＝' => {
                // `id："a"` becomes `id = "a"`: spaced like the rest of the file.
                let spaced = |k: usize| chars.get(k).is_none_or(|(_, c)| c.is_whitespace());
                let before = if i > 0 && !spaced(i - 1) { " " } else { "" };
                let after = if spaced(i + 1) { "" } else { " " };
                slips.push(one(at, c, &format!("{before}={after}"), Kind::Equals));
                assigned = true;
                i += 1;
            }
            '=' => {
                assigned = true;
                i += 1;
            }
            c => {
                if let Some((_, kind)) = ascii_of(c) {
                    // A run of full-width digits is one slip: `２０２７`.
                    let mut j = i + 1;
                    if kind == Kind::Digit {
                        while chars.get(j).is_some_and(|(_, d)| ('０'..='９').contains(d)) {
                            j += 1;
                        }
                    }
                    let typed: String = chars[i..j].iter().map(|(_, c)| *c).collect();
                    let mut instead: String =
                        typed.chars().map(|c| ascii_of(c).map_or(c, |(a, _)| a)).collect();
                    // A Chinese comma carries its own space: `"周一"，"周三"` becomes
                    // `"周一", "周三"`.
                    if kind == Kind::Comma
                        && chars.get(j).is_some_and(|(_, c)| {
                            !c.is_whitespace() && !matches!(c, ']' | '］' | '】' | '}')
                        })
                    {
                        instead.push(' ');
                    }
                    slips.push(Slip { span: at..end_of(j), typed, instead, kind });
                    if kind == Kind::Hash {
                        i = skip_comment(&chars, i);
                        continue;
                    }
                    i = j;
                } else {
                    i += 1;
                }
            }
        }
    }
    slips
}

fn one(at: usize, c: char, instead: &str, kind: Kind) -> Slip {
    Slip { span: at..at + c.len_utf8(), typed: c.to_string(), instead: instead.to_string(), kind }
}

/// Past a comment: to the end of its line.
fn skip_comment(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() && chars[i].1 != '\n' {
        i += 1;
    }
    i
}

/// Past a multi-line string opened at `i` by `triple`.
fn skip_multiline(text: &str, chars: &[(usize, char)], i: usize, triple: &str) -> usize {
    let from = chars[i].0 + 3;
    let basic = triple == "\"\"\"";
    let mut k = from;
    let bytes = text.as_bytes();
    while k < text.len() {
        if basic && bytes[k] == b'\\' {
            k += 2;
            continue;
        }
        if bytes[k..].starts_with(triple.as_bytes()) {
            // Up to two more quotes may end the string's content.
            let mut end = k + 3;
            while end < text.len() && bytes[end] == triple.as_bytes()[0] && end - k < 5 {
                end += 1;
            }
            return chars.partition_point(|(at, _)| *at < end);
        }
        k += 1;
    }
    chars.len()
}

/// The straight quote a quote stands for: `"` for “ ” ＂ 「 」, `'` for ‘ ’ ＇ 『 』.
fn family(c: char) -> Option<char> {
    match c {
        '"' | '“' | '”' | '＂' | '「' | '」' => Some('"'),
        '\'' | '‘' | '’' | '＇' | '『' | '』' => Some('\''),
        _ => None,
    }
}

/// Whether three quotes of one family open a multi-line string at `i` (`“”“`, `"“”`):
/// the family's straight quote.
fn triple_quote(chars: &[(usize, char)], i: usize) -> Option<char> {
    let quote = family(chars.get(i)?.1)?;
    let same = |k: usize| chars.get(k).is_some_and(|(_, c)| family(*c) == Some(quote));
    (same(i + 1) && same(i + 2)).then_some(quote)
}

/// Whether only spaces stand between `i` and the end of its line.
fn ends_line(chars: &[(usize, char)], i: usize) -> bool {
    chars[i.min(chars.len())..]
        .iter()
        .map(|(_, c)| *c)
        .take_while(|c| *c != '\n')
        .all(|c| c == ' ' || c == '\t' || c == '\r')
}

/// A multi-line string whose opening (and perhaps closing) quotes were typed with the input
/// method on: each curly quote of the two triples is a slip, and nothing between them is
/// touched, whatever punctuation the prose holds. Left open, the rest of the file is its
/// content.
fn curly_multiline(chars: &[(usize, char)], i: usize, quote: char, slips: &mut Vec<Slip>) -> usize {
    let mut fix_triple = |at: usize| {
        for &(byte, c) in &chars[at..at + 3] {
            if c != quote {
                slips.push(one(byte, c, &quote.to_string(), Kind::Quote));
            }
        }
    };
    fix_triple(i);
    let mut k = i + 3;
    while k + 2 < chars.len() {
        if quote == '"' && chars[k].1 == '\\' {
            k += 2;
            continue;
        }
        if triple_quote(chars, k) == Some(quote) {
            fix_triple(k);
            return k + 3;
        }
        k += 1;
    }
    chars.len()
}

/// Past a one-line string opened at `i` by `quote`. One left open to the end of its line
/// whose last character is a curly quote was closed with it: that quote is a slip.
fn string(chars: &[(usize, char)], i: usize, quote: char, slips: &mut Vec<Slip>) -> usize {
    let mut j = i + 1;
    while j < chars.len() {
        let c = chars[j].1;
        if c == '\\' && quote == '"' {
            j += 2;
            continue;
        }
        if c == quote {
            return j + 1;
        }
        if c == '\n' {
            break;
        }
        j += 1;
    }
    // Unclosed: a curly quote at the end of the line (before spaces and a comment-less
    // end) closes it.
    let mut k = j;
    while k > i + 1 && chars[k - 1].1.is_whitespace() {
        k -= 1;
    }
    if k > i + 1 && is_open_quote(chars[k - 1].1) {
        let (at, c) = chars[k - 1];
        slips.push(one(at, c, &quote.to_string(), Kind::Quote));
    }
    j
}

/// A text opened at `i` by a curly quote: closed on its line by any quote, it becomes a
/// TOML string (`“三八节”` → `"三八节"`); both quotes are slips. Left open, only the
/// opening one is.
fn curly(chars: &[(usize, char)], i: usize, slips: &mut Vec<Slip>, text: &str) -> usize {
    let (at, open) = chars[i];
    let single = matches!(open, '‘' | '’' | '＇');
    let line_end = (i + 1..chars.len()).find(|&k| chars[k].1 == '\n').unwrap_or(chars.len());
    // A curly quote closes it if the line has one; else the first straight quote.
    let j = (i + 1..line_end)
        .find(|&k| is_open_quote(chars[k].1))
        .or_else(|| (i + 1..line_end).find(|&k| is_close_quote(chars[k].1)))
        .unwrap_or(line_end);
    let closed = j < line_end;
    let content_end = chars.get(j).map_or(text.len(), |(at, _)| *at);
    let content = &text[at + open.len_utf8()..content_end];
    // The quote to write: `"` unless the text holds one (or a backslash) and no `'`.
    let quote = if single && !content.contains('\'')
        || (content.contains(['"', '\\']) && !content.contains('\''))
    {
        '\''
    } else {
        '"'
    };
    slips.push(one(at, open, &quote.to_string(), Kind::Quote));
    if !closed {
        return j;
    }
    let (close_at, close) = chars[j];
    if close != quote {
        slips.push(one(close_at, close, &quote.to_string(), Kind::Quote));
    }
    j + 1
}

/// `text` with every slip rewritten, and the slips.
#[must_use]
pub(crate) fn fix(text: &str) -> (String, Vec<Slip>) {
    let slips = find(text);
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for slip in &slips {
        out.push_str(&text[from..slip.span.start]);
        out.push_str(&slip.instead);
        from = slip.span.end;
    }
    out.push_str(&text[from..]);
    (out, slips)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str) -> String {
        fix(text).0
    }

    #[test]
    fn each_class_of_slip_is_rewritten() {
        assert_eq!(fixed("title = “三八节”\n"), "title = \"三八节\"\n");
        assert_eq!(fixed("title = ‘三八节’\n"), "title = '三八节'\n");
        assert_eq!(fixed("title = \"三八节”\n"), "title = \"三八节\"\n");
        assert_eq!(fixed("title = “三八节\"\n"), "title = \"三八节\"\n");
        assert_eq!(fixed("title ＝ \"三八节\"\n"), "title = \"三八节\"\n");
        assert_eq!(fixed("title：\"三八节\"\n"), "title = \"三八节\"\n");
        assert_eq!(fixed("title ： \"三八节\"\n"), "title = \"三八节\"\n");
        assert_eq!(
            fixed("weekdays = [\"周一\"，\"周三\"、\"周五\"]\n"),
            "weekdays = [\"周一\", \"周三\", \"周五\"]\n"
        );
        assert_eq!(fixed("【【events】】\n［calendar］\n"), "[[events]]\n[calendar]\n");
        assert_eq!(fixed("＃ 注释，“不改”\n"), "# 注释，“不改”\n");
        assert_eq!(fixed("\u{3000}\u{3000}name = \"a\"\n"), "  name = \"a\"\n");
        assert_eq!(fixed("year = ２０２７\n"), "year = 2027\n");
        assert_eq!(fixed("ｔｉｔｌｅ = \"a\"\n"), "title = \"a\"\n");
    }

    #[test]
    fn prose_in_a_multiline_string_opened_with_curly_quotes_is_left_alone() {
        let prose = "\n一、坚持以职工为中心，服务：大局；“职工之家”【建设】\n　　二、１２项工作\n";
        for (open, close) in [("“”“", "”“”"), ("\"“”", "”\"\""), ("‘’‘", "’’’"), ("“”“", "\"\"\"")]
        {
            let text = format!("intro = {open}{prose}{close}\ntitle＝“三八节”\n");
            let quote = if open.starts_with('‘') { "'''" } else { "\"\"\"" };
            let want = format!("intro = {quote}{prose}{quote}\ntitle = \"三八节\"\n");
            assert_eq!(fixed(&text), want, "{open}");
            assert!(toml::from_str::<toml::Table>(&want).is_ok(), "{want}");
        }
        // Left open: the rest of the file is the string's, untouched.
        let text = format!("指导思想 = “”“{prose}");
        assert_eq!(fixed(&text), format!("指导思想 = \"\"\"{prose}"));
    }

    #[test]
    fn strings_and_comments_are_left_alone() {
        for text in [
            "title = \"三八节，“妇女节”【活动】＃１\"\n",
            "title = '三八节，“妇女节”'\n",
            "intro = \"\"\"\n第一，“团结”\n　全角空格\n\"\"\"\n",
            "intro = '''\n第一，“团结”\n'''\n",
            "# 注释：“不改”，【不改】\n",
            "title = \"a\" # 注释，“不改”\n",
            "title = \"引号\\\"，\"\n",
        ] {
            assert_eq!(fixed(text), text, "{text}");
            assert!(find(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_colon_after_the_equals_sign_is_not_an_equals_sign() {
        let slips = find("time = 14：30\n");
        assert!(slips.iter().all(|s| s.kind != Kind::Equals), "{slips:?}");
    }

    #[test]
    fn a_curly_text_holding_a_double_quote_becomes_a_literal_string() {
        assert_eq!(fixed("title = “他说\"好\"”\n"), "title = '他说\"好\"'\n");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A piece of a generated file: protected (a string or comment, whose bytes must stay)
    /// or free (anything between them, slips included).
    #[derive(Debug, Clone)]
    enum Piece {
        Protected(String),
        Free(String),
    }

    const SLIPPY: &[char] = &[
        '“', '”', '‘', '’', '＝', '：', '，', '、', '［', '］', '【', '】', '＃', '\u{3000}', '２',
        '０', 'ａ', '＂', '「', '」', '\\', '"', '\'', '#', '=', ',', '[', ']', '{', '}', 'x',
        '工', ' ', '\t',
    ];

    fn content(exclude: &'static [char]) -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(SLIPPY), 0..12)
            .prop_map(move |chars| chars.into_iter().filter(|c| !exclude.contains(c)).collect())
    }

    fn piece() -> impl Strategy<Value = Piece> {
        prop_oneof![
            content(&['"', '\\']).prop_map(|c| Piece::Protected(format!("\"{c}\""))),
            content(&['\'']).prop_map(|c| Piece::Protected(format!("'{c}'"))),
            (content(&['"', '\\']), content(&['"', '\\']))
                .prop_map(|(a, b)| Piece::Protected(format!("\"\"\"{a}\n{b}\"\"\""))),
            (content(&['\'']), content(&['\'']))
                .prop_map(|(a, b)| Piece::Protected(format!("'''{a}\n{b}'''"))),
            content(&[]).prop_map(|c| Piece::Protected(format!("#{c}\n"))),
            // Free text holds no quote or `#` of either width: those would start a string
            // or a comment of their own.
            content(&['"', '\'', '#', '＃', '“', '”', '‘', '’', '＂', '「', '」', '\\'])
                .prop_map(Piece::Free),
            Just(Piece::Free("\n".into())),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn fix_never_changes_a_byte_inside_a_string_or_comment(pieces in prop::collection::vec(piece(), 1..16)) {
            let mut text = String::new();
            let mut protected = Vec::new();
            for piece in &pieces {
                // Two strings never touch in a TOML file: something stands between them.
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push(' ');
                }
                match piece {
                    Piece::Protected(p) => {
                        // A comment ends its line: a string after it would be inside it.
                        protected.push(text.len()..text.len() + p.len());
                        text.push_str(p);
                        if p.starts_with('#') && !text.ends_with('\n') {
                            text.push('\n');
                        }
                    }
                    Piece::Free(f) => text.push_str(f),
                }
            }
            for slip in find(&text) {
                for range in &protected {
                    prop_assert!(
                        slip.span.end <= range.start || slip.span.start >= range.end,
                        "{slip:?} inside {:?} of {text:?}", &text[range.clone()]
                    );
                }
            }
            // And the rewritten file holds every protected piece, in order.
            let (fixed, _) = fix(&text);
            let mut at = 0;
            for range in &protected {
                let piece = &text[range.clone()];
                let found = fixed[at..].find(piece);
                prop_assert!(found.is_some(), "{piece:?} lost from {fixed:?}");
                at += found.unwrap_or(0) + piece.len();
            }
        }
    }
}
