//! The lines of a plan as the officer wrote it: the paragraphs and table rows of a `.docx`
//! (Word, WPS) in order, or a text file in UTF-8 or GBK with any line ending. What is not a
//! plan (a `.doc`, `.wps` or `.pdf`, a zip that is no Word document, a binary file, an
//! empty or an oversized one) is refused with the reason.

use std::io::Read;

/// Why a plan cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// An old Word or WPS document (`.doc`, `.wps`: an OLE compound file).
    OldWord,
    /// A PDF.
    Pdf,
    /// A zip without `word/document.xml`.
    NotWord,
    /// Neither text nor a Word document.
    Binary,
    /// Nothing in it.
    Empty,
    /// Larger than a plan can be.
    TooBig,
    /// UTF-8 with this line in GBK (pasted from elsewhere).
    Mixed(usize),
}

impl Refusal {
    /// Why, in the user's language, and how to get a plan unioncal reads.
    #[must_use]
    pub fn message(self) -> String {
        match self {
            Self::OldWord => crate::t!("import-old-word"),
            Self::Pdf => crate::t!("import-pdf"),
            Self::NotWord => crate::t!("import-not-word"),
            Self::Binary => crate::t!("import-binary"),
            Self::Empty => crate::t!("import-empty"),
            Self::TooBig => crate::t!("import-too-big", lines = MAX_LINES),
            Self::Mixed(line) => crate::t!("import-mixed-encoding", line = line),
        }
    }
}

/// The most bytes a plan file may have, a Word document's text may unpack to, and lines a
/// plan may hold.
const MAX_BYTES: usize = 50 * 1024 * 1024;
const MAX_TEXT: u64 = 20 * 1024 * 1024;
/// The most lines a plan may hold.
pub const MAX_LINES: usize = 20_000;

/// The lines of the plan in `bytes`.
///
/// # Errors
///
/// The [`Refusal`] that says why it is not a plan.
pub fn lines(bytes: &[u8]) -> Result<Vec<String>, Refusal> {
    if bytes.len() > MAX_BYTES {
        return Err(Refusal::TooBig);
    }
    let lines = if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(Refusal::OldWord);
    } else if bytes.starts_with(b"%PDF") {
        return Err(Refusal::Pdf);
    } else if bytes.starts_with(b"PK\x03\x04") {
        docx(bytes)?
    } else {
        text(bytes)?
    };
    if lines.len() > MAX_LINES {
        return Err(Refusal::TooBig);
    }
    if lines.iter().all(|l| l.trim().is_empty()) {
        return Err(Refusal::Empty);
    }
    Ok(lines)
}

/// A text file: UTF-8 (a BOM or not), else GBK/GB18030; any line ending.
fn text(bytes: &[u8]) -> Result<Vec<String>, Refusal> {
    if bytes.contains(&0) {
        return Err(Refusal::Binary);
    }
    let (text, _) = crate::text::decode(bytes).map_err(|why| match why {
        crate::text::Undecodable::Mixed(line) => Refusal::Mixed(line),
        crate::text::Undecodable::Invalid => Refusal::Binary,
    })?;
    let text = text.trim_start_matches('\u{feff}');
    if text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
        return Err(Refusal::Binary);
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n").split('\n').map(str::to_string).collect())
}

/// A Word document: each paragraph of the body a line, each table row a line (its cells'
/// texts separated by spaces), in order.
fn docx(bytes: &[u8]) -> Result<Vec<String>, Refusal> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| Refusal::NotWord)?;
    let mut part = zip.by_name("word/document.xml").map_err(|_| Refusal::NotWord)?;
    if part.size() > MAX_TEXT {
        return Err(Refusal::TooBig);
    }
    let mut xml = String::new();
    part.by_ref().take(MAX_TEXT + 1).read_to_string(&mut xml).map_err(|_| Refusal::NotWord)?;
    let options = roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() };
    let document =
        roxmltree::Document::parse_with_options(&xml, options).map_err(|_| Refusal::NotWord)?;
    let body =
        document.descendants().find(|n| n.tag_name().name() == "body").ok_or(Refusal::NotWord)?;
    let mut out = Vec::new();
    blocks(body, &mut out);
    Ok(out)
}

/// The paragraphs and table rows below `node`, in order (content controls looked into).
fn blocks(node: roxmltree::Node<'_, '_>, out: &mut Vec<String>) {
    for child in node.children().filter(roxmltree::Node::is_element) {
        match child.tag_name().name() {
            "p" => out.push(paragraph(child)),
            "tbl" => {
                for row in child.children().filter(|n| n.tag_name().name() == "tr") {
                    let cells: Vec<String> = row
                        .children()
                        .filter(|n| n.tag_name().name() == "tc")
                        .map(|cell| {
                            let mut inner = Vec::new();
                            blocks(cell, &mut inner);
                            inner.join(" ").trim().to_string()
                        })
                        .filter(|text| !text.is_empty())
                        .collect();
                    out.push(cells.join(" "));
                }
            }
            "sdt" | "sdtContent" | "customXml" => blocks(child, out),
            _ => {}
        }
    }
}

/// A paragraph's text: its runs' text, tabs and breaks as spaces.
fn paragraph(p: roxmltree::Node<'_, '_>) -> String {
    let mut text = String::new();
    for node in p.descendants() {
        match node.tag_name().name() {
            "t" => text.push_str(node.text().unwrap_or_default()),
            "tab" | "br" | "cr" => text.push(' '),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_in_any_encoding_and_line_ending() {
        let want = vec!["一月份".to_string(), "1、元旦慰问".to_string(), String::new()];
        assert_eq!(lines("一月份\r\n1、元旦慰问\r\n".as_bytes()).unwrap(), want);
        assert_eq!(lines("一月份\r1、元旦慰问\r".as_bytes()).unwrap(), want);
        let gbk = encoding_rs::GBK.encode("一月份\n1、元旦慰问\n").0;
        assert_eq!(lines(&gbk).unwrap(), want);
        assert_eq!(lines("\u{feff}一月份\n1、元旦慰问\n".as_bytes()).unwrap(), want);
    }

    #[test]
    fn what_is_not_a_plan_is_refused_with_its_reason() {
        assert_eq!(lines(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), Err(Refusal::OldWord));
        assert_eq!(lines(b"%PDF-1.7\n"), Err(Refusal::Pdf));
        assert_eq!(lines(b"PK\x03\x04garbage"), Err(Refusal::NotWord));
        assert_eq!(lines(b"\x00\x01\x02"), Err(Refusal::Binary));
        assert_eq!(lines(b"\n \n"), Err(Refusal::Empty));
        let mut mixed = "一月份\n".as_bytes().to_vec();
        mixed.extend_from_slice(&encoding_rs::GBK.encode("1、元旦慰问\n").0);
        assert_eq!(lines(&mixed), Err(Refusal::Mixed(2)));
        assert_eq!(lines("一\n".repeat(MAX_LINES + 1).as_bytes()), Err(Refusal::TooBig));
    }
}
