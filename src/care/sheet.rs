//! The cells of a roster file: a spreadsheet's sheet (calamine; an `.xlsx` read cell by cell,
//! so a stray cell far away costs nothing), or a CSV file in UTF-8 or GBK/GB18030. Only the
//! rows that hold something are kept, with their row numbers. What could make a roster cost
//! more than a roster should — a regular file only, a bounded size unpacked, rows and
//! columns within the limits, a quote that never closes — is refused before the work, naming
//! the cell or row.

use std::path::Path;

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::t;

/// The most columns a roster may use (the old `.xls` limit; a roster has a dozen).
pub(super) const MAX_COLUMNS: usize = 256;
/// The most rows a roster may use (four times the largest union measured).
pub(super) const MAX_ROWS: usize = 200_000;
/// The most bytes a spreadsheet may unpack to, and a CSV file may hold.
const MAX_BYTES: u64 = 128 * 1024 * 1024;

/// A cell's content.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Empty,
    Text(String),
    Date(NaiveDate),
    /// A number too long to be kept exactly (an ID number typed into a number cell).
    Long(f64),
}

impl Cell {
    /// The cell as text, trimmed.
    pub(super) fn text(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(t) => t.trim().to_string(),
            Self::Date(d) => d.format("%Y-%m-%d").to_string(),
            Self::Long(f) => format!("{f:E}"),
        }
    }

    fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(t) => t.trim().is_empty(),
            Self::Date(_) | Self::Long(_) => false,
        }
    }
}

/// The rows of a sheet that hold something: (0-based row index, cells from column A).
pub(super) struct Sheet {
    /// The sheet's name (a CSV file's stem).
    pub(super) name: String,
    /// The rows holding at least one cell, in order.
    pub(super) rows: Vec<(usize, Vec<Cell>)>,
}

/// The column letters of a 0-based index: A … Z, AA …
pub(super) fn column_letters(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + u8::try_from(index % 26).unwrap_or(0)));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.iter().rev().collect()
}

/// Why a roster cannot be read at all, for its error.
pub(super) fn unreadable(path: &Path, why: String) -> Error {
    Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source: std::io::Error::other(why),
    }
}

/// Read the sheet `sheet` (else the first) of a spreadsheet, or a CSV file.
pub(super) fn read(path: &Path, sheet: Option<&str>) -> Result<Sheet> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source,
    })?;
    // A FIFO or a device would block every command, a folder is no roster.
    if !meta.is_file() {
        return Err(unreadable(path, t!("roster-not-a-file")));
    }
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if !is_csv {
        return spreadsheet(path, sheet);
    }
    if meta.len() > MAX_BYTES {
        return Err(unreadable(path, t!("roster-too-big", megabytes = MAX_BYTES >> 20)));
    }
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Sheet { rows: csv_rows(path, &name)?, name })
}

/// Refuse a cell past the limits, naming it: one stray cell at XFD1048576 must cost neither
/// memory nor time.
fn within(path: &Path, sheet: &str, row: usize, column: usize) -> Result<()> {
    if row < MAX_ROWS && column < MAX_COLUMNS {
        return Ok(());
    }
    let cell = format!("{sheet}!{}{}", column_letters(column), row + 1);
    Err(unreadable(path, t!("roster-too-far", cell = cell, rows = MAX_ROWS, columns = MAX_COLUMNS)))
}

/// The bytes a zip file (`.xlsx`, `.ods`) says it unpacks to, when it is one.
fn unpacked_size(path: &Path) -> Option<u64> {
    let file = std::fs::File::open(path).ok()?;
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file)).ok()?;
    let mut total = 0u64;
    for index in 0..archive.len() {
        total = total.saturating_add(archive.by_index_raw(index).ok()?.size());
    }
    Some(total)
}

fn spreadsheet(path: &Path, sheet: Option<&str>) -> Result<Sheet> {
    use calamine::Reader;
    // Opening first tells a missing or locked file (Excel holds it open) from a bad one.
    std::fs::File::open(path).map_err(|source| {
        let locked = source.raw_os_error() == Some(32); // ERROR_SHARING_VIOLATION
        if locked {
            unreadable(path, t!("roster-locked"))
        } else {
            Error::Io { action: "cannot read", path: path.to_path_buf(), source }
        }
    })?;
    if unpacked_size(path).is_some_and(|size| size > MAX_BYTES) {
        return Err(unreadable(path, t!("roster-too-big", megabytes = MAX_BYTES >> 20)));
    }
    let not_a_spreadsheet = |_| unreadable(path, t!("roster-not-a-spreadsheet"));
    let mut workbook = calamine::open_workbook_auto(path).map_err(not_a_spreadsheet)?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names.iter().find(|n| n.as_str() == wanted).cloned().ok_or_else(|| {
            unreadable(path, t!("roster-no-sheet", sheet = wanted, sheets = names.join("、")))
        })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| unreadable(path, t!("roster-not-a-spreadsheet")))?,
    };
    let mut cells: Vec<(usize, usize, Cell)> = Vec::new();
    if let calamine::Sheets::Xlsx(xlsx) = &mut workbook {
        // Cell by cell: the used range is never laid out, so one cell at XFD1048576
        // costs one cell.
        let mut reader = xlsx
            .worksheet_cells_reader(&name)
            .map_err(|_| unreadable(path, t!("roster-not-a-spreadsheet")))?;
        while let Some(cell) =
            reader.next_cell().map_err(|_| unreadable(path, t!("roster-not-a-spreadsheet")))?
        {
            let (row, column) = cell.get_position();
            let value = cell_of(&calamine::Data::from(cell.get_value().clone()));
            if value != Cell::Empty {
                within(path, &name, row as usize, column as usize)?;
                cells.push((row as usize, column as usize, value));
            }
        }
    } else {
        let range = workbook.worksheet_range(&name).map_err(not_a_spreadsheet)?;
        let (top, left) = range.start().unwrap_or((0, 0));
        for (row, column, data) in range.used_cells() {
            let value = cell_of(data);
            let (row, column) = (row + top as usize, column + left as usize);
            if value != Cell::Empty {
                within(path, &name, row, column)?;
                cells.push((row, column, value));
            }
        }
    }
    Ok(Sheet { name, rows: sparse_rows(cells) })
}

/// Cells by position into rows, each from column A to its last cell.
fn sparse_rows(mut cells: Vec<(usize, usize, Cell)>) -> Vec<(usize, Vec<Cell>)> {
    cells.sort_by_key(|(row, column, _)| (*row, *column));
    let mut rows: Vec<(usize, Vec<Cell>)> = Vec::new();
    for (row, column, value) in cells {
        if rows.last().is_none_or(|(r, _)| *r != row) {
            rows.push((row, Vec::new()));
        }
        let Some((_, cells)) = rows.last_mut() else { continue };
        if cells.len() <= column {
            cells.resize(column + 1, Cell::Empty);
        }
        cells[column] = value;
    }
    rows
}

fn cell_of(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        // Past 15 digits a number cell has lost its last digits.
        Data::Int(i) if i.unsigned_abs() >= 1_000_000_000_000_000 => Cell::Long(*i as f64),
        Data::Int(i) => Cell::Text(i.to_string()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Cell::Text(format!("{f:.0}")),
        Data::Float(f) if f.abs() >= 1e15 => Cell::Long(*f),
        Data::Float(f) => Cell::Text(f.to_string()),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) => dt.as_datetime().map_or(Cell::Empty, |d| Cell::Date(d.date())),
    }
}

/// The line where a quoted field opens and is still open at a line break or the end of
/// the text: from there on, every later member would be swallowed into one cell.
fn open_quote(text: &str) -> Option<usize> {
    let (mut line, mut opened, mut quoted, mut field_start) = (1, 0, false, true);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
            }
            '"' if quoted => quoted = false,
            '"' if field_start => (quoted, opened) = (true, line),
            '\n' if quoted => return Some(opened),
            '\n' => (line, field_start) = (line + 1, true),
            ',' if !quoted => field_start = true,
            '\r' => {}
            _ => field_start = false,
        }
        if c == '"' {
            field_start = false;
        }
    }
    quoted.then_some(opened)
}

/// The rows of a CSV file in UTF-8 (a BOM or not) or GBK/GB18030.
fn csv_rows(path: &Path, name: &str) -> Result<Vec<(usize, Vec<Cell>)>> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        action: "cannot read",
        path: path.to_path_buf(),
        source,
    })?;
    let (text, _) = crate::text::decode(&bytes).map_err(|why| match why {
        crate::text::Undecodable::Mixed(row) => {
            unreadable(path, t!("roster-mixed-encoding", row = row))
        }
        crate::text::Undecodable::Invalid => unreadable(path, t!("roster-encoding")),
    })?;
    let text = text.trim_start_matches('\u{feff}');
    if let Some(line) = open_quote(text) {
        return Err(unreadable(path, t!("roster-open-quote", row = line)));
    }
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // The row number from the record's byte offset (csv's own line count is off with CRLF
    // line ends); no field runs over a line break (refused above).
    let (mut line, mut counted) = (0, 0);
    for record in reader.records() {
        let record = record.map_err(|e| unreadable(path, e.to_string()))?;
        let byte = record.position().map_or(counted, |p| usize::try_from(p.byte()).unwrap_or(0));
        // After a CR, a record's offset may be the LF that ends the line before it.
        let end = (byte + 1).min(text.len());
        line += text.as_bytes().get(counted..end).map_or(0, bytecount);
        counted = counted.max(end);
        let mut cells: Vec<Cell> = record.iter().map(|c| Cell::Text(c.to_string())).collect();
        if let Some(last) = cells.iter().rposition(|c| !c.is_empty()) {
            within(path, name, line, last)?;
            cells.truncate(last + 1);
            rows.push((line, cells));
        }
    }
    Ok(rows)
}

/// The line breaks in `bytes`.
fn bytecount(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| **b == b'\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_run_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
    }

    #[test]
    fn a_quote_left_open_is_found_at_its_line() {
        assert_eq!(open_quote("a,b\n1,\"x\"\n2,y\n"), None);
        assert_eq!(open_quote("a,b\n1,\"x\"\"y\"\n"), None);
        assert_eq!(open_quote("a,b\n1,张\"三\n2,y\n"), None, "a quote inside a field is text");
        assert_eq!(open_quote("a,b\n1,\"x\n2,y\n"), Some(2));
        assert_eq!(open_quote("a,b\r\n1,y\r\n3,\"x"), Some(3));
        assert_eq!(open_quote("a,\"b\nc\",d\n"), Some(1), "a cell over a line break");
    }
}
