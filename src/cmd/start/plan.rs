//! 导入工作计划 on the workbench: a pasted plan or a chosen `.docx` read into the draft,
//! shown beside the plan's lines; the calendar is written only when the officer confirms,
//! the one it replaces kept as `FILE.bak`.

use std::path::Path;

use chrono::Datelike;

use super::{answer, failure};
use crate::error::Error;
use crate::import::source::Refusal;

/// The plan in `body` read: its lines, the reading and the draft; or why it is no plan.
fn read(body: &[u8]) -> Result<(Vec<String>, crate::import::Reading, String), String> {
    let lines = crate::import::source::lines(body).map_err(Refusal::message)?;
    let year = crate::import::year_named(&lines).unwrap_or_else(|| super::super::today().year());
    let reading = crate::import::read(&lines, year);
    let name = crate::import::union_name(&lines).unwrap_or_else(|| crate::t!("import-draft-name"));
    let draft = crate::import::draft::write(&reading, &name, &lines);
    Ok((lines, reading, draft))
}

/// 读取计划: what was read, and the draft, nothing written.
pub(super) fn preview(body: &[u8]) -> (u16, String) {
    match read(body) {
        Ok((lines, reading, draft)) => answer(
            200,
            &serde_json::json!({
                "ok": true,
                "lines": lines,
                "year": reading.year,
                "items": reading.items,
                "skipped": reading.skipped,
                "draft": draft,
            }),
        ),
        Err(why) => answer(400, &serde_json::json!({"ok": false, "message": why})),
    }
}

/// 写入日历: the draft of the same plan becomes the calendar at `file`.
pub(super) fn save(file: &Path, body: &[u8]) -> (u16, String) {
    let (_, reading, draft) = match read(body) {
        Ok(read) => read,
        Err(why) => return answer(400, &serde_json::json!({"ok": false, "message": why})),
    };
    let backup = super::super::check::backup_path(file);
    let kept = match std::fs::read(file) {
        Ok(old) => crate::output::write_new(&backup, &old).map(|()| Some(backup)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(Error::Io { action: "cannot read", path: file.to_path_buf(), source }),
    };
    let written =
        kept.and_then(|kept| crate::output::write_atomic(file, draft.as_bytes()).map(|()| kept));
    match written {
        Ok(kept) => answer(
            200,
            &serde_json::json!({
                "ok": true,
                "message": crate::t!(
                    "workbench-plan-saved",
                    path = file.display(),
                    items = reading.items.len(),
                    backup = kept.map(|b| b.display().to_string()).unwrap_or_default()
                ),
            }),
        ),
        Err(error) => failure(&error),
    }
}
