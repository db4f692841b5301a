//! 活动 on the workbench: the year's activities with their rule in words and next date,
//! and the form's save and delete. Each change is made by `config::edit`, checked as the
//! whole file before it replaces the calendar (atomically, the former kept as `FILE.bak`),
//! and refused with 409 when the file changed since the page read it.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::answer;
use crate::config::activity::Shape;
use crate::config::edit::{self, Form};
use crate::error::Error;
use crate::model::Calendar;
use crate::t;

/// The occurrences of each event from today (or the year's start) to the end of its year:
/// date and title (placeholders filled).
fn dates(calendar: &Calendar) -> Vec<Vec<(NaiveDate, std::sync::Arc<str>)>> {
    let year = super::super::year(None, Some(calendar));
    let (start, to) = crate::schedule::year_range(year);
    let from = super::super::today().max(start);
    let mut dates = vec![Vec::new(); calendar.events.len()];
    if from <= to {
        if let Ok(schedule) = crate::schedule::expand(calendar, from, to) {
            for o in &schedule.occurrences {
                dates[o.event].push((o.date, o.title.clone()));
            }
        }
    }
    dates
}

/// A problem as one line for the form: the first error, its line and how to fix it.
fn first_problem(error: &Error) -> String {
    match error {
        Error::Calendar(diagnostics) => diagnostics
            .first()
            .map(|d| {
                let at = d.location.as_ref().map_or_else(String::new, |l| {
                    t!("form-problem-at", file = l.file.clone(), line = l.line)
                });
                let help =
                    d.help.as_ref().map_or_else(String::new, |h| t!("form-problem-help", help = h));
                format!("{at}{}{help}", d.message)
            })
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

/// A refusal: `{"ok": false, "error"}`.
fn refuse(code: u16, error: &str) -> (u16, String) {
    answer(code, &serde_json::json!({"ok": false, "error": error, "message": error}))
}

/// The file's own `[[events]]` (not its visits) by id, with the texts each table itself
/// gives (`location`, `organizer`, `audience`, `category`): the form shows and sends back
/// those, never the `[defaults]` an event inherits.
fn own_texts(text: &str) -> Vec<(String, [Option<String>; 4])> {
    let Ok(doc) = text.parse::<toml_edit::DocumentMut>() else { return Vec::new() };
    let events = doc.get("events").and_then(toml_edit::Item::as_array_of_tables);
    let get = |table: &toml_edit::Table, key: &str| {
        table.get(key).and_then(toml_edit::Item::as_str).map(str::to_string)
    };
    events
        .into_iter()
        .flat_map(toml_edit::ArrayOfTables::iter)
        .filter_map(|table| {
            let texts = ["location", "organizer", "audience", "category"].map(|k| get(table, k));
            get(table, "id").map(|id| (id, texts))
        })
        .collect()
}

/// What `[defaults]` gives every activity that names none: a new one's greyed texts.
fn defaults(text: &str) -> serde_json::Value {
    let doc = text.parse::<toml_edit::DocumentMut>().ok();
    let get = |key: &str| {
        let defaults = doc.as_ref().and_then(|d| d.get("defaults"));
        defaults.and_then(|d| d.get(key)).and_then(toml_edit::Item::as_str).map(str::to_string)
    };
    serde_json::json!({"place": get("location"), "organizer": get("organizer"), "audience": get("audience")})
}

/// `GET /__unioncal/activities`: `{"version", "activities": [...]}`.
pub(super) fn list(file: &Path) -> (u16, String) {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(source) => {
            let error = Error::Io { action: "cannot read", path: file.to_path_buf(), source };
            return refuse(500, &error.to_string());
        }
    };
    let version = edit::version(&bytes);
    let calendar = match crate::config::parse_as(file, &bytes) {
        Ok(calendar) => calendar,
        Err(error) => {
            let message = t!("edit-unreadable", error = first_problem(&error));
            return answer(
                200,
                &serde_json::json!({"version": version, "activities": [], "error": message}),
            );
        }
    };
    let own = own_texts(std::str::from_utf8(&bytes).unwrap_or_default());
    let dates = dates(&calendar);
    let activities: Vec<serde_json::Value> = calendar
        .events
        .iter()
        .zip(&dates)
        .filter_map(|(event, dates)| {
            own.iter().find(|(id, _)| *id == event.id).map(|(_, texts)| (event, dates, texts))
        })
        .map(|(event, dates, [place, organizer, audience, category])| {
            let next = dates.first();
            let shape = Shape::of(event);
            let mut value = serde_json::json!({
                "id": event.id,
                "title": &*event.title,
                "kind": shape.as_ref().map_or("other", |s| s.kind.as_str()),
                "anchor": shape.as_ref().map(|s| s.anchor.clone()).unwrap_or_default(),
                "offset": shape.as_ref().and_then(|s| s.offset.clone()),
                "months": shape.as_ref().map(|s| s.months.clone()).unwrap_or_default(),
                "every": shape.as_ref().map_or(1, |s| s.every),
                "workdays_only": event.workdays_only,
                "time": shape.as_ref().and_then(|s| s.time.clone()),
                "place": place,
                "organizer": organizer,
                "category": category,
                "audience": audience,
                // What the event takes from [defaults] where its table says nothing: the
                // form shows it greyed, and leaves it out of the table.
                "inherited": {
                    "place": event.location.as_deref().filter(|_| place.is_none()),
                    "organizer": event.organizer.as_deref().filter(|_| organizer.is_none()),
                    "audience": event.audience.as_deref().filter(|_| audience.is_none()),
                },
                "when": crate::emit::rule::words(event),
                "shown": next.map_or(&*event.title, |(_, title)| &**title),
                "next": next.map(|(d, _)| d.format("%Y-%m-%d").to_string()),
            });
            if shape.is_none() {
                value["why"] = t!("edit-other").into();
            }
            value
        })
        .collect();
    let categories: Vec<serde_json::Value> = calendar
        .categories
        .iter()
        .map(|c| serde_json::json!({"key": c.key, "label": c.label}))
        .collect();
    answer(
        200,
        &serde_json::json!({
            "version": version,
            "year": super::super::year(None, Some(&calendar)),
            "categories": categories,
            "defaults": defaults(std::str::from_utf8(&bytes).unwrap_or_default()),
            "activities": activities,
        }),
    )
}

/// What the form offers to choose: festivals, statutory holidays, solar terms and 三伏,
/// lunar months and days.
pub(super) fn choices() -> serde_json::Value {
    let festivals: Vec<serde_json::Value> = crate::import::phrases::festival_choices()
        .map(|(label, kind, anchor, month)| {
            serde_json::json!({"label": label, "kind": kind, "anchor": anchor, "months": month.into_iter().collect::<Vec<_>>()})
        })
        .collect();
    let holidays: Vec<&str> = crate::dates::Festival::ALL.iter().map(|f| f.name()).collect();
    let mut terms: Vec<&str> = crate::dates::SolarTerm::names().to_vec();
    terms.extend(crate::dates::Fu::ALL.iter().map(|fu| fu.name()));
    let lunar = |month: u8, day: u8| crate::dates::LunarDate { year: 0, month, leap: false, day };
    let lunar_months: Vec<String> = (1..=12).map(|m| lunar(m, 1).month_name()).collect();
    let lunar_days: Vec<&str> = (1..=30).map(|d| lunar(1, d).day_name()).collect();
    serde_json::json!({
        "festivals": festivals,
        "holidays": holidays,
        "terms": terms,
        "lunarMonths": lunar_months,
        "lunarDays": lunar_days,
    })
}

/// What a save or delete sends.
#[derive(Deserialize)]
struct Request {
    version: String,
    #[serde(flatten)]
    form: Form,
}

/// The file's text when `version` is still its version; else the refusal.
fn current(file: &Path, version: &str) -> Result<(Vec<u8>, String), (u16, String)> {
    let bytes = std::fs::read(file).map_err(|source| {
        refuse(
            500,
            &Error::Io { action: "cannot read", path: file.to_path_buf(), source }.to_string(),
        )
    })?;
    if edit::version(&bytes) != version {
        return Err(refuse(409, &t!("edit-stale")));
    }
    let text = String::from_utf8(bytes.clone())
        .map_err(|e| refuse(400, &t!("edit-unreadable", error = e)))?;
    Ok((bytes, text))
}

/// The new text checked as the whole file: the calendar it makes, or the refusal.
fn checked(file: &Path, new: &str) -> Result<Calendar, (u16, String)> {
    let calendar = crate::config::parse_as(file, new.as_bytes())
        .map_err(|error| refuse(400, &t!("edit-refused", error = first_problem(&error))))?;
    let year = super::super::year(None, Some(&calendar));
    let (from, to) = crate::schedule::year_range(year);
    if let Err(error) = crate::schedule::expand(&calendar, from, to) {
        return Err(refuse(400, &t!("edit-refused", error = first_problem(&error))));
    }
    Ok(calendar)
}

/// The checked text written: the former kept as `FILE.bak`, the file replaced atomically.
/// The backup's path, or the refusal.
fn replace(file: &Path, old: &[u8], new: &str) -> Result<String, (u16, String)> {
    // Changed in the moment since it was read: still never overwritten.
    if std::fs::read(file).ok().as_deref() != Some(old) {
        return Err(refuse(409, &t!("edit-stale")));
    }
    let mut backup = file.as_os_str().to_owned();
    backup.push(".bak");
    let backup = std::path::PathBuf::from(backup);
    crate::output::write_atomic(&backup, old)
        .and_then(|()| crate::output::write_atomic(file, new.as_bytes()))
        .map_err(|error| refuse(500, &error.to_string()))?;
    Ok(backup.display().to_string())
}

/// The largest form a save or delete takes: 64 KiB (a form's texts are at most 500
/// characters each).
const MAX_FORM: usize = 64 << 10;

/// Reads a request's body.
fn request(body: &[u8]) -> Result<Request, (u16, String)> {
    if body.len() > MAX_FORM {
        return Err(refuse(413, &t!("edit-bad-request", error = format!("> {MAX_FORM} B"))));
    }
    serde_json::from_slice(body).map_err(|e| refuse(400, &t!("edit-bad-request", error = e)))
}

/// The form's change, made and checked but not written.
struct Change {
    old: Vec<u8>,
    new: String,
    id: String,
    calendar: Calendar,
}

impl Change {
    /// The activity's next dates, at most five.
    fn next(&self) -> Vec<NaiveDate> {
        let at = self.calendar.events.iter().position(|e| e.id == self.id);
        let dates = dates(&self.calendar);
        let next = at.and_then(|at| dates.get(at)).map(|d| d.iter().take(5).map(|(d, _)| *d));
        next.map(Iterator::collect).unwrap_or_default()
    }

    /// The event as saved.
    fn event(&self) -> Option<&crate::model::Event> {
        self.calendar.events.iter().find(|e| e.id == self.id)
    }
}

/// Makes and checks the change a save asks for.
fn change(file: &Path, body: &[u8]) -> Result<Change, (u16, String)> {
    let request = request(body)?;
    let (old, text) = current(file, &request.version)?;
    let calendar = crate::config::parse_as(file, &old)
        .map_err(|error| refuse(400, &t!("edit-unreadable", error = first_problem(&error))))?;
    if let Some(id) = request.form.id.as_deref() {
        let event = calendar.events.iter().find(|e| e.id == id);
        if event.is_some_and(|e| Shape::of(e).is_none()) {
            return Err(refuse(400, &t!("edit-other")));
        }
    }
    let year = super::super::year(None, Some(&calendar));
    let (new, id) = edit::save(&text, &request.form, year).map_err(|e| refuse(400, &e))?;
    let calendar = checked(file, &new)?;
    Ok(Change { old, new, id, calendar })
}

/// `POST /__unioncal/action/preview-event`: what a save would give (the rule in words
/// and the next dates), nothing written.
pub(super) fn preview(file: &Path, body: &[u8]) -> (u16, String) {
    match change(file, body) {
        Ok(change) => answer(
            200,
            &serde_json::json!({
                "ok": true,
                // 2027-03-26 周五, so that the officer sees the weekday before saving.
                "next": change.next().iter().map(|d| {
                    let weekday = chrono::Datelike::weekday(d);
                    let weekday = crate::text::weekday_name(weekday, crate::messages::current().into());
                    t!("form-next-day", date = d.format("%Y-%m-%d"), weekday = weekday)
                }).collect::<Vec<_>>(),
                "when": change.event().map(crate::emit::rule::words),
            }),
        ),
        Err(refusal) => refusal,
    }
}

/// `POST /__unioncal/action/save-event`: `{"id", "next": [...]}` after writing the file.
pub(super) fn save(file: &Path, body: &[u8]) -> (u16, String) {
    let saved = change(file, body).and_then(|change| {
        let backup = replace(file, &change.old, &change.new)?;
        let title = change.event().map(|e| e.title.to_string()).unwrap_or_default();
        let next: Vec<String> =
            change.next().iter().map(|d| d.format("%Y-%m-%d").to_string()).collect();
        Ok(answer(
            200,
            &serde_json::json!({
                "ok": true,
                "id": change.id,
                "next": next,
                "version": edit::version(change.new.as_bytes()),
                "message": t!("edit-saved", title = title, backup = backup),
            }),
        ))
    });
    saved.unwrap_or_else(|refusal| refusal)
}

/// `POST /__unioncal/action/delete-event`: removes that activity's table.
pub(super) fn delete(file: &Path, body: &[u8]) -> (u16, String) {
    let outcome = request(body).and_then(|request| {
        let id = request.form.id.unwrap_or_default();
        let (old, text) = current(file, &request.version)?;
        let title = crate::config::parse_as(file, &old)
            .ok()
            .and_then(|c| c.events.iter().find(|e| e.id == id).map(|e| e.title.to_string()))
            .unwrap_or_else(|| id.clone());
        let new = edit::delete(&text, &id).map_err(|e| refuse(400, &e))?;
        checked(file, &new)?;
        let backup = replace(file, &old, &new)?;
        Ok(answer(
            200,
            &serde_json::json!({
                "ok": true,
                "id": id,
                "version": edit::version(new.as_bytes()),
                "message": t!("edit-deleted", title = title, backup = backup),
            }),
        ))
    });
    outcome.unwrap_or_else(|refusal| refusal)
}
