//! Reading a State Council holiday notice (国务院办公厅关于20XX年部分节假日安排的通知) as
//! published or as pasted from a web page, a WeChat article or a Word file, into holiday
//! periods; and applying a later notice that changes a year (an extension, a replaced
//! item, an added break) on top of what is already known.
//!
//! The grammar is the one the notices have used since 2007: numbered items `一、元旦：…`
//! (or none, in a short later notice), spans `1月1日至3日` / `2月6日—12日` with verbs
//! `放假` `放假调休` `放假公休` `调休放假` and `共N天`, single days `X放假` / `Y补休`, make-up
//! workdays `A（星期六）、B（星期日）上班`, the 2007–2009 `公休日调至` sentences, and
//! `延长…假期至D`. Dates the text only mentions (a preamble, `起正常上班`, the signing
//! date, `安排职工在除夕（2月9日）休息`) are not days off or workdays.
//!
//! Everything read is checked: a weekday annotation must match its date, `共N天` the span,
//! a make-up workday must be a weekend, a festival's break must hold its own day.

mod apply;
mod check;
mod items;
mod text;

pub use apply::runs;

use chrono::NaiveDate;

use crate::t;

use super::holidays::Festival;
use crate::error::{Diagnostic, SourceFile};
use text::{
    festival_names, festivals_named, heading, item_start, lines_of, name_from_title, text_of, Ch,
    Layout,
};

/// A notice, read and checked.
#[derive(Debug, Clone)]
pub struct Notice {
    /// The title line, when the text has one.
    pub title: Option<String>,
    /// The document number (`国办发明电〔2019〕16号`), when the text has one.
    pub number: Option<String>,
    /// The year the notice arranges.
    pub year: i32,
    /// Whether it changes an arrangement already published (an extension, a replaced or
    /// added break) rather than giving a whole year.
    pub amends: bool,
    items: Vec<Item>,
}

/// One item of a notice: a festival's break, or a change to one.
#[derive(Debug, Clone)]
struct Item {
    name: String,
    festivals: Vec<Festival>,
    off: Vec<NaiveDate>,
    work: Vec<NaiveDate>,
    /// Each make-up workday with the character range it was read from.
    work_at: Vec<(NaiveDate, std::ops::Range<usize>)>,
    /// `延长…至D`: the break now runs to D; with where D was written.
    extend_to: Option<(NaiveDate, std::ops::Range<usize>)>,
    /// Where the item starts, for messages about the whole item.
    at: std::ops::Range<usize>,
}

/// The first year a notice can arrange: the 1999 holiday law's first notices.
const FIRST_YEAR: i32 = 1999;

struct Reader<'a> {
    source: &'a SourceFile,
    year: i32,
    errors: Vec<Diagnostic>,
}

impl Notice {
    /// Read a notice from `source` (its text as pasted: a BOM, CRLF, full- or half-width
    /// punctuation, indentation and blank lines are fine). `year` is used when the text
    /// names none (no title line).
    ///
    /// # Errors
    ///
    /// Every mistake found, each at its line and column: a weekday that does not match
    /// its date, `共N天` that does not match the span, a make-up workday that is not a
    /// weekend, a break that does not hold its festival's day, an item with no days, no
    /// recognisable item at all.
    pub fn read(source: &SourceFile, year: Option<i32>) -> Result<Self, Vec<Diagnostic>> {
        let text = source.text.as_str();
        let body_start = usize::from(text.starts_with('\u{feff}')) * '\u{feff}'.len_utf8();
        let layout = Layout::of(text, &lines_of(text, body_start));
        let title = layout.title.as_ref().map(|(t, _)| t.clone());
        let Some(year) = layout.year(text, title.as_deref(), year) else {
            return Err(vec![Diagnostic::error(
                t!("notice-no-year"),
                Some(source.locate(body_start..body_start + 1)),
            )
            .with_help(t!("notice-no-year-help"))]);
        };
        let headed = layout.items.iter().any(|chars| {
            let (_, rest) = item_start(chars).unwrap_or((0, 0));
            heading(&chars[rest..]).is_some_and(|(h, _)| !festivals_named(&h).is_empty())
        });
        // A notice of the whole year is titled 部分节假日安排; without a title, its items
        // are headed by festivals.
        let amends = match &title {
            Some(t) => !t.contains("部分节假日安排"),
            None => !headed,
        };
        let naming = Naming {
            amends,
            title_festivals: title.as_deref().map(festivals_named).unwrap_or_default(),
            title_name: title.as_deref().and_then(name_from_title),
        };
        if !(FIRST_YEAR..=crate::dates::MAX_YEAR).contains(&year) {
            let at = layout.title.as_ref().map_or(body_start, |(_, at)| *at);
            return Err(vec![Diagnostic::error(
                t!(
                    "notice-year-range",
                    year = year,
                    first = FIRST_YEAR,
                    last = crate::dates::MAX_YEAR
                ),
                Some(source.locate(at..at + 1)),
            )
            .with_help(t!("notice-year-range-help"))]);
        }
        let mut reader = Reader { source, year, errors: Vec::new() };
        let mut read_items = Vec::new();
        // The paragraphs before the items (`现将2026年元旦、春节…的具体安排通知如下`).
        let preamble = if layout.items.is_empty() { Vec::new() } else { layout.paragraphs.clone() };
        let bodies: Vec<(Vec<Ch>, bool)> = if layout.items.is_empty() {
            layout.paragraphs.into_iter().map(|p| (p, false)).collect()
        } else {
            layout.items.into_iter().map(|p| (p, true)).collect()
        };
        let mut seen: Vec<Festival> = Vec::new();
        for (chars, numbered) in bodies {
            if let Some(item) = reader.item(&chars, numbered, &naming) {
                if let Some(twice) = item.festivals.iter().find(|f| seen.contains(f)) {
                    reader.error(
                        &chars,
                        item.at.clone(),
                        t!("notice-festival-twice", festival = twice.name()),
                        t!("notice-festival-twice-help"),
                    );
                }
                seen.extend(item.festivals.iter().copied());
                read_items.push(item);
            }
        }
        if !amends && reader.errors.is_empty() {
            reader.check_all_named(&preamble, &seen);
        }
        if read_items.is_empty() && reader.errors.is_empty() {
            reader.errors.push(
                Diagnostic::error(
                    t!("notice-nothing"),
                    Some(source.locate(body_start..body_start + 1)),
                )
                .with_help(t!("notice-nothing-help")),
            );
        }
        if !reader.errors.is_empty() {
            return Err(reader.errors);
        }
        Ok(Self { title, number: layout.number, year, amends, items: read_items })
    }
}

/// What names an item's break: whether the notice amends a year, and its title's festivals
/// and name.
struct Naming {
    amends: bool,
    title_festivals: Vec<Festival>,
    title_name: Option<String>,
}

impl Naming {
    /// The festivals and name of an item with `heading` (`一、元旦：`), whose body is `body`.
    fn of(&self, heading: Option<&str>, body: &[Ch]) -> (Vec<Festival>, String) {
        let heading_festivals = heading.map(festivals_named).unwrap_or_default();
        if !heading_festivals.is_empty() {
            let name = festival_names(&heading_festivals);
            (heading_festivals, name)
        } else if let Some(h) = heading.filter(|_| !self.amends) {
            (Vec::new(), h.trim().to_string())
        } else if self.amends {
            let named = festivals_named(&text_of(body));
            let festivals = if named.is_empty() { self.title_festivals.clone() } else { named };
            let name = if festivals.is_empty() {
                self.title_name.clone().unwrap_or_else(|| "调休放假".to_string())
            } else {
                festival_names(&festivals)
            };
            (festivals, name)
        } else {
            (Vec::new(), String::new())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::text::annotated_weekday;
    use super::*;
    use crate::dates::holidays::{Period, Source};
    use chrono::Weekday;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn read(text: &str) -> Result<Notice, Vec<Diagnostic>> {
        Notice::read(&SourceFile::new("notice.txt", text), None)
    }

    #[test]
    fn spans_single_days_and_workdays() {
        let notice = read(
            "国务院办公厅关于2016年部分节假日安排的通知\n一、元旦：1月1日放假，与周末连休。\n二、劳动节：5月1日放假，5月2日（星期一）补休。\n三、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。\n",
        )
        .unwrap();
        assert_eq!(notice.year, 2016);
        assert!(!notice.amends);
        let periods = notice.periods(&[], &SourceFile::new("x", "")).unwrap();
        assert_eq!(periods[0].off, vec![d(2016, 1, 1)]);
        assert_eq!(periods[1].off, vec![d(2016, 5, 1), d(2016, 5, 2)]);
        assert_eq!(periods[2].off.len(), 7);
        assert_eq!(periods[2].work, vec![d(2016, 10, 8), d(2016, 10, 9)]);
    }

    #[test]
    fn old_grammar_moves_weekends_outside_the_break_to_workdays() {
        let notice = read("国务院办公厅关于2008年部分节假日安排的通知\n七、国庆节：9月29日—10月5日放假，共7天。其中，10月1日、2日、3日为法定节假日，9月27日（星期六）、9月28日（星期日）两个公休日调至9月29日（星期一）、30日（星期二），10月4日（星期六）、5日（星期日）照常公休。\n").unwrap();
        let periods = notice.periods(&[], &SourceFile::new("x", "")).unwrap();
        assert_eq!(periods[0].work, vec![d(2008, 9, 27), d(2008, 9, 28)]);
        assert_eq!(periods[0].off.first(), Some(&d(2008, 9, 29)));
    }

    #[test]
    fn a_wrong_weekday_is_refused_at_its_annotation() {
        let errors = read("国务院办公厅关于2020年部分节假日安排的通知\n二、春节：1月24日至30日放假调休，共7天。1月19日（星期六）、2月1日（星期六）上班。\n").unwrap_err();
        assert_eq!(errors.len(), 1);
        let at = errors[0].location.as_ref().unwrap();
        assert_eq!((at.line, at.column), (2, 29));
        assert!(errors[0].message.contains("2020-01-19"), "{}", errors[0].message);
    }

    #[test]
    fn runs_split_a_break_with_a_gap() {
        let period = Period {
            name: "清明节".into(),
            festivals: vec![Festival::Qingming],
            year: 2014,
            off: vec![d(2014, 4, 5), d(2014, 4, 7)],
            work: vec![],
            source: Source::Saved,
            origin: None,
        };
        let runs = runs(&[period]);
        assert_eq!(runs.len(), 2);
        assert_eq!((runs[1].1, runs[1].2), (d(2014, 4, 7), d(2014, 4, 7)));
    }

    #[test]
    fn annotated_weekdays() {
        assert_eq!(annotated_weekday("农历除夕、周二").map(|w| w.0), Some(Weekday::Tue));
        assert_eq!(annotated_weekday("星期日").map(|w| w.0), Some(Weekday::Sun));
        assert_eq!(annotated_weekday("除夕").map(|w| w.0), None);
        assert_eq!(annotated_weekday("周年").map(|w| w.0), None);
    }
}
