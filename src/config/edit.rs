//! The calendar file stays the officer's: the workbench's form saves or removes one
//! activity through `toml_edit`, and every byte it does not touch (comments, blank lines,
//! key order, quoting, a byte-order mark, Windows line ends) stays as it was. Only the text
//! is made here; whoever writes it checks the whole file first and replaces it atomically.

use serde::Deserialize;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::activity::{calendar_of, table_of, Keys, Shape, DAY_KEYS};
use crate::t;

/// What the form sends for one activity.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Form {
    /// The activity's `id`; absent for a new one.
    #[serde(default)]
    pub id: Option<String>,
    /// 活动名称.
    #[serde(default)]
    pub title: String,
    /// 时间: the day and the time.
    #[serde(flatten)]
    pub shape: Shape,
    /// 地点 (`location`).
    #[serde(default)]
    pub place: Option<String>,
    /// 负责 (`organizer`).
    #[serde(default)]
    pub organizer: Option<String>,
    /// 类别: a key of `[categories]`.
    #[serde(default)]
    pub category: Option<String>,
    /// 参加范围 (`audience`).
    #[serde(default)]
    pub audience: Option<String>,
}

/// The kinds the form offers.
pub const KINDS: [&str; 10] = [
    "date",
    "lunar",
    "term",
    "holiday",
    "weekly",
    "fortnightly",
    "monthly",
    "quarterly",
    "month-task",
    "year-task",
];

/// A tag of the file's bytes, different whenever they change: the form sends back the one
/// it read, so that an edit made meanwhile in another program is never overwritten.
#[must_use]
pub fn version(bytes: &[u8]) -> String {
    format!("{}-{:016x}", bytes.len(), super::fingerprint(bytes))
}

/// A file's text as `toml_edit` reads it, and how to give its own form back.
struct Text {
    bom: bool,
    crlf: bool,
    doc: DocumentMut,
}

impl Text {
    fn parse(text: &str) -> Result<Self, String> {
        let (bom, text) = text.strip_prefix('\u{feff}').map_or((false, text), |t| (true, t));
        // Windows line ends throughout: edited as `\n`, given back as `\r\n`.
        let crlf = text.contains("\r\n") && !text.replace("\r\n", "").contains('\n');
        let plain = if crlf { text.replace("\r\n", "\n") } else { text.to_string() };
        let doc = plain.parse::<DocumentMut>().map_err(|e| t!("edit-unreadable", error = e))?;
        Ok(Self { bom, crlf, doc })
    }

    fn finish(self) -> String {
        let text = self.doc.to_string();
        let text = if self.crlf { text.replace('\n', "\r\n") } else { text };
        if self.bom {
            format!("\u{feff}{text}")
        } else {
            text
        }
    }

    /// The `[[events]]` tables (made when `create` and there are none).
    fn events(&mut self, create: bool) -> Result<Option<&mut ArrayOfTables>, String> {
        if create && !self.doc.contains_key("events") {
            self.doc.insert("events", Item::ArrayOfTables(ArrayOfTables::new()));
        }
        match self.doc.get_mut("events") {
            None => Ok(None),
            Some(Item::ArrayOfTables(events)) => Ok(Some(events)),
            Some(_) => Err(t!("edit-events-not-tables")),
        }
    }
}

/// The index of the activity `id` among `events`.
fn position(events: &ArrayOfTables, id: &str) -> Option<usize> {
    events.iter().position(|table| table.get("id").and_then(Item::as_str) == Some(id))
}

/// A user's text cleaned like every text of the file, on one line; `None` when nothing
/// would show (the check reads such a text as missing).
fn cleaned(text: Option<&str>) -> Option<String> {
    text.map(|t| crate::text::fit(t).replace(['\n', '\r'], " ").trim().to_string())
        .filter(|t| !crate::text::blank(t))
}

/// The day of an activity with these keys, as the form shows it (`None`: not one it can).
fn shape_of(keys: &Keys) -> Option<Shape> {
    calendar_of(keys).and_then(|calendar| calendar.events.first().and_then(Shape::of))
}

/// The day keys `table` has now.
fn day_keys_of(table: &Table) -> Keys {
    DAY_KEYS
        .iter()
        .filter_map(|key| table.get(key).and_then(Item::as_value).map(|v| (*key, v.clone())))
        .collect()
}

/// Whether two values are the same, however each is written (quotes, spaces).
fn same(a: &Value, b: &Value) -> bool {
    let read = |v: &Value| format!("v = {v}").parse::<toml::Table>().ok();
    read(a).is_some() && read(a) == read(b)
}

/// Sets `key` to `value`, keeping the key's place and its comments when it is there, and
/// leaving it byte for byte when the value is the same.
fn set(table: &mut Table, key: &'static str, mut value: Value) {
    if let Some(old) = table.get(key).and_then(Item::as_value) {
        if same(old, &value) {
            return;
        }
        *value.decor_mut() = old.decor().clone();
    }
    table.insert(key, Item::Value(value));
}

/// A new activity's `id` from its title: its letters in pinyin (集体生日会 →
/// `ji-ti-sheng-ri-hui`), ASCII, at most 40 characters, unique among `taken`.
#[must_use]
pub fn new_id(title: &str, taken: &[String]) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut latin = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            latin.push(c.to_ascii_lowercase());
            continue;
        }
        if !latin.is_empty() {
            words.push(std::mem::take(&mut latin));
        }
        if let Some(py) = pinyin::ToPinyin::to_pinyin(&c) {
            words.push(py.plain().replace('ü', "v"));
        }
    }
    if !latin.is_empty() {
        words.push(latin);
    }
    let mut base = String::new();
    for word in words {
        if base.len() + word.len() + 1 > 40 {
            break;
        }
        if !base.is_empty() {
            base.push('-');
        }
        base.push_str(&word);
    }
    if base.is_empty() || super::reserved_on_windows(&base) {
        base = format!("event{}", if base.is_empty() { String::new() } else { format!("-{base}") });
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Every `id` the file gives, activities and visits alike.
fn ids(doc: &DocumentMut) -> Vec<String> {
    let visits = doc.get("care").and_then(|c| c.get("visits")).and_then(Item::as_array_of_tables);
    let events = doc.get("events").and_then(Item::as_array_of_tables);
    events
        .into_iter()
        .chain(visits)
        .flat_map(ArrayOfTables::iter)
        .filter_map(|table| table.get("id").and_then(Item::as_str).map(str::to_string))
        .collect()
}

/// The texts of an activity the form sets besides its day: `location`, `organizer`,
/// `audience`, `category`.
type Texts<'a> = [(&'static str, &'a Option<String>); 4];

/// An existing activity's table changed to `title`, the day `keys` and `texts`, in place:
/// a key whose value means the same stays byte for byte, a changed one keeps its comment.
fn update(table: &mut Table, mut keys: Keys, title: String, texts: Texts<'_>) {
    // The same day and time, however written (周三 or wed, 3月8日 or 03-08): the day's keys
    // are not touched at all.
    let old_keys = day_keys_of(table);
    if shape_of(&old_keys).is_some_and(|old| shape_of(&keys) == Some(old)) {
        keys = old_keys;
    }
    // A rule every N weeks keeps its first week.
    if let (Some(old), Some(new)) =
        (table.get("start").and_then(Item::as_value), keys.iter_mut().find(|k| k.0 == "start"))
    {
        new.1 = old.clone();
    }
    for key in DAY_KEYS {
        if !keys.iter().any(|(k, _)| *k == key) {
            table.remove(key);
        }
    }
    if keys.iter().any(|(k, _)| *k == "end") {
        table.remove("duration");
    }
    set(table, "title", title.into());
    for (key, value) in keys {
        set(table, key, value);
    }
    for (key, value) in texts {
        match cleaned(value.as_deref()) {
            Some(value) => set(table, key, value.into()),
            None => {
                table.remove(key);
            }
        }
    }
}

/// The file's text with the activity of `form` saved (a new one added after the last, an
/// existing one changed in its place), and the activity's `id`. The calendar is of `year`.
///
/// # Errors
///
/// Why the form cannot be saved, in the user's language.
pub fn save(text: &str, form: &Form, year: i32) -> Result<(String, String), String> {
    let title = cleaned(Some(&form.title)).ok_or_else(|| t!("edit-title-empty"))?;
    if !KINDS.contains(&form.shape.kind.as_str()) {
        return Err(t!("edit-kind-unknown", kind = crate::text::fit(&form.shape.kind)));
    }
    let mut shape = form.shape.clone();
    shape.anchor = crate::text::fit(&shape.anchor).trim().to_string();
    shape.offset = cleaned(shape.offset.as_deref()).filter(|o| o != "0" && o != "+0d");
    shape.time = cleaned(shape.time.as_deref()).map(|t| t.replace(['–', '—', '~', '～'], "-"));
    let mut keys: Keys = shape.keys(year);
    let others: Texts<'_> = [
        ("location", &form.place),
        ("organizer", &form.organizer),
        ("audience", &form.audience),
        ("category", &form.category),
    ];
    let mut file = Text::parse(text)?;
    let taken = ids(&file.doc);
    let events = file.events(true)?.ok_or_else(|| t!("edit-events-not-tables"))?;
    let id = match form.id.as_deref() {
        Some(id) => {
            let at = position(events, id).ok_or_else(|| t!("edit-not-found", id = id))?;
            let table = events.get_mut(at).ok_or_else(|| t!("edit-not-found", id = id))?;
            update(table, keys, title, others);
            id.to_string()
        }
        None => {
            let id = new_id(&title, &taken);
            let mut all: Keys = vec![("id", id.as_str().into()), ("title", title.into())];
            all.append(&mut keys);
            for (key, value) in others {
                all.extend(cleaned(value.as_deref()).map(|v| (key, Value::from(v))));
            }
            let mut table = table_of(all);
            table.decor_mut().set_prefix("\n");
            events.push(table);
            id
        }
    };
    Ok((file.finish(), id))
}

/// What of a removed table's leading text stays: the comments above it that a blank line
/// parts from it (a section's heading), not those written on the lines just above it.
fn kept_of(prefix: &str) -> String {
    let lines: Vec<&str> = prefix.split_inclusive('\n').collect();
    let attached = lines.iter().rev().take_while(|l| l.trim_start().starts_with('#')).count();
    let rest = &lines[..lines.len() - attached];
    let last_comment = rest.iter().rposition(|l| l.trim_start().starts_with('#'));
    last_comment.map_or_else(String::new, |at| rest[..=at].concat())
}

/// The file's text without the activity `id`: its `[[events]]` table and the comments
/// written just above it, nothing else.
///
/// # Errors
///
/// Why it cannot be removed, in the user's language.
pub fn delete(text: &str, id: &str) -> Result<String, String> {
    let mut file = Text::parse(text)?;
    let events = file.events(false)?.ok_or_else(|| t!("edit-not-found", id = id))?;
    let at = position(events, id).ok_or_else(|| t!("edit-not-found", id = id))?;
    let prefix = events.get(at).and_then(|t| t.decor().prefix()).and_then(|p| p.as_str());
    let kept = kept_of(prefix.unwrap_or_default());
    events.remove(at);
    if !kept.is_empty() {
        match events.get_mut(at) {
            Some(next) => {
                let old =
                    next.decor().prefix().and_then(|p| p.as_str()).unwrap_or("\n").to_string();
                next.decor_mut().set_prefix(format!("{kept}{old}"));
            }
            None => {
                let trailing = file.doc.trailing().as_str().unwrap_or_default().to_string();
                file.doc.set_trailing(format!("{kept}{trailing}"));
            }
        }
    }
    Ok(file.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "# 城东小学工会\n[calendar]\nname = \"城东小学工会\"  # 全称\nyear = 2027\n\n# 三八节\n[[events]]\nid = \"women\"\ntitle = \"三八妇女节活动\"   # 女工委\ndate = \"3月8日\"\nlocation = '职工之家'\n\n# 每月\n[[events]]\nid = \"reception\"\ntitle = \"工会接待日\"\nrepeat = \"monthly\"\nweekday = \"周三\"\nnth = 1\n\n[care]\nroster = \"名册.xlsx\"\n";

    fn form(id: Option<&str>, title: &str, kind: &str, anchor: &str) -> Form {
        Form {
            id: id.map(str::to_string),
            title: title.into(),
            shape: Shape { kind: kind.into(), anchor: anchor.into(), every: 1, ..Shape::default() },
            ..Form::default()
        }
    }

    #[test]
    fn a_new_activity_goes_after_the_last_and_nothing_else_moves() {
        let mut new = form(None, "集体生日会", "monthly", "last-fri");
        new.shape.time = Some("15:00".into());
        let (text, id) = save(FILE, &new, 2027).unwrap();
        assert_eq!(id, "ji-ti-sheng-ri-hui");
        let at = text.find("[care]").unwrap();
        assert_eq!(
            &text[..FILE.find("\n[care]").unwrap()],
            &FILE[..FILE.find("\n[care]").unwrap()]
        );
        assert!(text[..at].contains("id = \"ji-ti-sheng-ri-hui\""), "{text}");
        assert!(text.ends_with("[care]\nroster = \"名册.xlsx\"\n"), "{text}");
        assert!(text.contains("weekday = \"fri\"\nnth = -1\ntime = \"15:00\"\n"), "{text}");
    }

    #[test]
    fn an_edit_changes_only_what_changed() {
        let mut edit = form(Some("women"), "三八妇女节表彰会", "date", "03-08");
        edit.place = Some("职工之家".into());
        let (text, id) = save(FILE, &edit, 2027).unwrap();
        assert_eq!(id, "women");
        // The title changed (its comment kept); `date = "3月8日"` is the same day as 03-08
        // and the place the same text: both stay as written.
        let expected = FILE.replace("title = \"三八妇女节活动\"", "title = \"三八妇女节表彰会\"");
        assert_eq!(text, expected);
        // Another day, and the place gone.
        let edit = form(Some("reception"), "工会接待日", "monthly", "last-wed");
        let (text, _) = save(FILE, &edit, 2027).unwrap();
        assert_eq!(
            text,
            FILE.replace("nth = 1\n", "nth = -1\n")
                .replace("weekday = \"周三\"", "weekday = \"wed\"")
        );
    }

    #[test]
    fn a_removal_takes_the_table_and_its_comment_only() {
        let text = delete(FILE, "women").unwrap();
        assert_eq!(text, FILE.replace("# 三八节\n[[events]]\nid = \"women\"\ntitle = \"三八妇女节活动\"   # 女工委\ndate = \"3月8日\"\nlocation = '职工之家'\n\n", ""));
        assert!(delete(FILE, "nobody").is_err());
    }

    #[test]
    fn a_section_heading_above_a_removed_table_stays() {
        let text = "[calendar]\nname = \"x\"\n\n# ── 活动 ──\n# 每个 [[events]] 是一条规则\n\n# 三八\n[[events]]\nid = \"a\"\ntitle = \"a\"\ndate = \"03-08\"\n\n[[events]]\nid = \"b\"\ntitle = \"b\"\ndate = \"03-09\"\n";
        let removed = delete(text, "a").unwrap();
        assert_eq!(
            removed,
            text.replace("# 三八\n[[events]]\nid = \"a\"\ntitle = \"a\"\ndate = \"03-08\"\n\n", "")
        );
        let last = delete(&removed, "b").unwrap();
        assert!(last.contains("# ── 活动 ──\n# 每个 [[events]] 是一条规则\n"), "{last}");
    }

    #[test]
    fn windows_line_ends_and_a_byte_order_mark_stay() {
        let windows = format!("\u{feff}{}", FILE.replace('\n', "\r\n"));
        let (text, _) =
            save(&windows, &form(None, "Table tennis 乒乓球", "weekly", "mon|wed|fri"), 2027)
                .unwrap();
        assert!(text.starts_with('\u{feff}'));
        assert!(!text.replace("\r\n", "").contains('\n'), "{text:?}");
        assert!(text.starts_with(&windows[..windows.find("[care]").unwrap()]));
        assert!(text.contains("id = \"table-tennis-ping-pang-qiu\""), "{text}");
    }

    #[test]
    fn text_from_the_form_stays_text() {
        let title = "a\"\n[[events]]\nid = \"x\"";
        let mut sneaky = form(None, title, "date", "03-08\"\nrrule = \"FREQ=DAILY");
        sneaky.place = Some("'''\u{0}\u{202e}".into());
        let (text, _) = save(FILE, &sneaky, 2027).unwrap();
        let doc: toml::Table = text.parse().unwrap();
        let events = doc["events"].as_array().unwrap();
        assert_eq!(events.len(), 3, "{text}");
        let added = events[2].as_table().unwrap();
        assert_eq!(added["title"].as_str(), Some("a\" [[events]] id = \"x\""));
        assert_eq!(added["date"].as_str(), Some("03-08\"\nrrule = \"FREQ=DAILY"));
        assert_eq!(added["location"].as_str(), Some("'''\u{202e}\u{202c}"));
        assert!(!added.contains_key("rrule"));
    }

    #[test]
    fn ids_are_ascii_unique_and_never_a_device_name() {
        let taken = vec!["zhong-qiu-wei-wen".to_string()];
        assert_eq!(new_id("中秋慰问", &taken), "zhong-qiu-wei-wen-2");
        assert_eq!(new_id("三八妇女节", &[]), "san-ba-fu-nv-jie");
        assert_eq!(new_id("！！", &[]), "event");
        assert_eq!(new_id("CON", &[]), "event-con");
        assert!(new_id(&"长".repeat(60), &[]).len() <= 40);
    }

    #[test]
    fn an_empty_title_or_an_unknown_kind_is_refused() {
        assert!(save(FILE, &form(None, " \u{202e} ", "date", "03-08"), 2027).is_err());
        assert!(save(FILE, &form(None, "x", "rrule", "FREQ=DAILY"), 2027).is_err());
        assert!(save(FILE, &form(Some("gone"), "x", "date", "03-08"), 2027).is_err());
    }
}
