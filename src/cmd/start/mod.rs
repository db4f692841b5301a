//! `unioncal start`: the whole app for an officer who never opens a terminal. It writes the
//! starter calendar into an empty folder (or uses the folder's `unioncal.toml`), serves the
//! preview with a workbench (build, open the folder, edit, paste a notice, fix Chinese
//! punctuation, the errors with their lines), opens the browser, and prints the address
//! with a per-run token. A second start in the same folder finds the running one and only
//! opens the browser. Double-clicking `unioncal.exe` runs it in the exe's folder.
//!
//! Actions need the token, the page's own Origin and a loopback Host (`serve` checks
//! them); they never run a command line built from user text.

use std::path::{Path, PathBuf};
use std::sync::Arc;

mod activities;
mod plan;
mod state;

use super::Ui;
use crate::cli::{BuildArgs, OutputArgs, RangeArgs, ServeArgs, StartArgs};
use crate::error::{Error, Result};

/// A per-run token: 24 random bytes, URL-safe (letters, digits, `-`, `_`).
fn token() -> Result<String> {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|e| Error::Usage(e.to_string()))?;
    Ok(bytes.iter().map(|b| char::from(ALPHABET[usize::from(b % 64)])).collect())
}

/// The address to give the user.
fn address(local: std::net::SocketAddr, token: &str) -> String {
    format!("http://{}/?token={token}", super::serve::display_host(local))
}

/// The words of the activity form, each `form-ID` in the catalog.
const FORM_WORDS: &[&str] = &[
    "heading",
    "new",
    "refresh",
    "title",
    "when",
    "kind-date",
    "kind-lunar",
    "kind-festival",
    "kind-term",
    "kind-weekly",
    "kind-monthly-nth",
    "kind-monthly-day",
    "kind-month-task",
    "every-year",
    "shift",
    "same-day",
    "before",
    "after",
    "days",
    "workdays",
    "every-weeks",
    "nths",
    "months",
    "task-months",
    "holiday-group",
    "festival-group",
    "all-day",
    "from",
    "to",
    "place",
    "organizer",
    "category",
    "category-none",
    "audience",
    "save",
    "delete",
    "cancel",
    "next",
    "no-next",
    "confirm-delete",
    "next-label",
    "none",
    "month-suffix",
    "workdays-only",
    "inherited",
];

/// The workbench page in the user's language.
fn page(file: &Path) -> String {
    let html = |text: String| {
        text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
    };
    // The form's words: `form-new` is `words.form.new`.
    let form: serde_json::Map<String, serde_json::Value> = FORM_WORDS
        .iter()
        .map(|id| (id.to_string(), crate::messages::text(&format!("form-{id}"), &[]).into()))
        .collect();
    let words = serde_json::json!({
        "form": form,
        "weekdays": crate::t!("routine-weekdays"),
        "weekdayNames": crate::t!("weekdays"),
        "choices": activities::choices(),
        "line": crate::t!("workbench-line"),
        "working": crate::t!("workbench-working"),
        "noProblems": crate::t!("workbench-no-problems"),
        "work": crate::t!("workbench-work"),
        "separator": crate::t!("list-separator"),
        "stopped": crate::t!("workbench-stopped"),
        "review": crate::t!("workbench-plan-review"),
        "months": crate::t!("workbench-plan-months"),
    })
    .to_string()
    .replace('<', "\\u003c");
    let lang = match crate::messages::current() {
        crate::messages::Lang::Zh => "zh-CN",
        crate::messages::Lang::En => "en",
    };
    let mut out = include_str!("../../../templates/workbench.html").to_string();
    let texts = [
        ("{{title}}", crate::t!("workbench-title")),
        ("{{file}}", file.display().to_string()),
        ("{{build-heading}}", crate::t!("workbench-build-heading")),
        ("{{png}}", crate::t!("workbench-png")),
        ("{{pdf}}", crate::t!("workbench-pdf")),
        ("{{build}}", crate::t!("workbench-build")),
        ("{{open}}", crate::t!("workbench-open")),
        ("{{edit}}", crate::t!("workbench-edit")),
        ("{{fix}}", crate::t!("workbench-fix")),
        ("{{import-heading}}", crate::t!("workbench-import-heading")),
        ("{{import-placeholder}}", crate::t!("workbench-import-placeholder")),
        ("{{import}}", crate::t!("workbench-import")),
        ("{{problems-heading}}", crate::t!("workbench-problems-heading")),
        ("{{preview}}", crate::t!("workbench-preview")),
        ("{{stop}}", crate::t!("workbench-stop")),
        ("{{plan-heading}}", crate::t!("workbench-plan-heading")),
        ("{{plan-placeholder}}", crate::t!("workbench-plan-placeholder")),
        ("{{plan-file}}", crate::t!("workbench-plan-file")),
        ("{{plan-read}}", crate::t!("workbench-plan-read")),
        ("{{plan-save}}", crate::t!("workbench-plan-save")),
    ];
    for (key, value) in texts {
        out = out.replace(key, &html(value));
    }
    out.replace("{{lang}}", lang).replace("{{words}}", &words)
}

/// A JSON answer.
fn answer(code: u16, value: &serde_json::Value) -> (u16, String) {
    (code, value.to_string())
}

/// The answer for an error: the calendar's problems at their lines (422), else the
/// message (500).
fn failure(error: &Error) -> (u16, String) {
    match error {
        Error::Calendar(diagnostics) => answer(
            422,
            &serde_json::json!({
                "ok": false,
                "message": crate::t!("workbench-has-errors"),
                "errors": diagnostics.iter().map(super::serve::diagnostic_json).collect::<Vec<_>>(),
            }),
        ),
        other => answer(500, &serde_json::json!({ "ok": false, "message": other.to_string() })),
    }
}

/// Open `path` with the system's program for it (the file manager for a folder, the text
/// editor for the calendar). The path is the folder's own, never text a page sent.
fn open_path(path: &Path, edit: bool) -> std::io::Result<()> {
    let mut command = if cfg!(windows) {
        if edit {
            std::process::Command::new("notepad.exe")
        } else {
            std::process::Command::new("explorer.exe")
        }
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        if edit {
            c.arg("-t");
        }
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(path).spawn().map(|_| ())
}

/// The actions of the workbench on the calendar `file` in `folder`.
fn actions(folder: PathBuf, file: PathBuf) -> impl Fn(&str, &[u8]) -> (u16, String) + Send + Sync {
    move |name: &str, body: &[u8]| match name {
        "build" => build(&folder, &file, body),
        "fix" => fix(&file),
        "import" => import(&String::from_utf8_lossy(body)),
        "open" => {
            let out = folder.join("public");
            open(if out.is_dir() { &out } else { &folder }, false)
        }
        "edit" => open(&file, true),
        "plan" => plan::preview(body),
        "plan-save" => plan::save(&file, body),
        "activities" => activities::list(&file),
        "preview-event" => activities::preview(&file, body),
        "save-event" => activities::save(&file, body),
        "delete-event" => activities::delete(&file, body),
        _ => answer(404, &serde_json::json!({"ok": false})),
    }
}

/// 生成全部文件: the calendar's errors (422) when it has any, else every output into
/// `folder/public`, with pictures and the PDF as `body` (`{"png", "pdf"}`) asks.
fn build(folder: &Path, file: &Path, body: &[u8]) -> (u16, String) {
    let wanted: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let flag = |key: &str| wanted.get(key).and_then(serde_json::Value::as_bool).unwrap_or(false);
    let args = BuildArgs {
        files: vec![file.to_path_buf()],
        range: RangeArgs { year: None, from: None, to: None },
        out: folder.join("public"),
        output: OutputArgs { templates: None, png: flag("png"), pdf: flag("pdf"), browser: None },
    };
    // The calendar's problems first, so that a broken one is refused with them.
    if let Err(error) = super::load(file) {
        return failure(&error);
    }
    let out = args.out.display();
    match super::build::run(&args, &Ui::new(true, false)) {
        Ok(0) => answer(
            200,
            &serde_json::json!({
                "ok": true,
                "message": crate::t!("workbench-built", out = out),
                "out": out.to_string(),
            }),
        ),
        Ok(_) => answer(
            500,
            &serde_json::json!({ "ok": false, "message": crate::t!("workbench-build-failed") }),
        ),
        Err(error) => failure(&error),
    }
}

/// 修复中文标点: `check --fix`, each change, then what the calendar still has wrong.
fn fix(file: &Path) -> (u16, String) {
    let fixed = match super::check::fix_file(file) {
        Ok(fixed) => fixed,
        Err(error) => return failure(&error),
    };
    let changes: Vec<serde_json::Value> = fixed
        .iter()
        .flat_map(|f| &f.changes)
        .map(|(line, before, after)| serde_json::json!({"line": line, "before": before, "after": after}))
        .collect();
    let message = match &fixed {
        Some(f) => crate::t!(
            "fix-summary",
            count = f.count,
            file = file.display(),
            backup = f.backup.display()
        ),
        None => crate::t!("fix-nothing", file = file.display()),
    };
    let errors: Vec<serde_json::Value> = match super::load(file) {
        Err(Error::Calendar(d)) => d.iter().map(super::serve::diagnostic_json).collect(),
        _ => Vec::new(),
    };
    answer(
        200,
        &serde_json::json!({
            "ok": errors.is_empty(),
            "message": message,
            "changes": changes,
            "backup": fixed.map(|f| f.backup.display().to_string()),
            "errors": errors,
        }),
    )
}

/// 粘贴放假通知: read, check and save the pasted notice; its periods and the days it
/// changed against the forecast.
fn import(text: &str) -> (u16, String) {
    match super::holidays::import_and_save(text) {
        Ok((year, periods)) => answer(
            200,
            &serde_json::json!({
                "ok": true,
                "year": year,
                "message": crate::t!("workbench-imported", year = year),
                "periods": crate::emit::holidays::periods_json(&periods),
                "changed": super::holidays::changed_days(year, &periods),
            }),
        ),
        Err(error) => failure(&error),
    }
}

/// 打开输出文件夹 / 用记事本打开.
fn open(path: &Path, edit: bool) -> (u16, String) {
    match open_path(path, edit) {
        Ok(()) => answer(
            200,
            &serde_json::json!({"ok": true, "message": crate::t!("workbench-opened", path = path.display())}),
        ),
        Err(e) => answer(
            500,
            &serde_json::json!({
                "ok": false,
                "message": crate::t!("workbench-cannot-open", path = path.display(), error = e),
            }),
        ),
    }
}

pub(super) fn run(args: &StartArgs, ui: &Ui) -> Result<u8> {
    // Every word from here on is read on the workbench: hints name its buttons.
    crate::messages::on_workbench();
    let folder = if args.home_folder {
        let home = dirs::home_dir().ok_or_else(|| Error::Usage(crate::t!("start-no-home")))?;
        home.join(crate::t!("start-home-folder"))
    } else {
        args.folder.clone().unwrap_or_else(|| PathBuf::from("."))
    };
    std::fs::create_dir_all(&folder).map_err(|source| Error::Io {
        action: "cannot create",
        path: folder.clone(),
        source,
    })?;
    let file = folder.join("unioncal.toml");
    let claim = match state::claim(&folder)? {
        state::Found::Claimed(claim) => claim,
        state::Found::Running(url) => {
            super::print(&format!("{}\n", crate::t!("start-already", url = url)))?;
            if !args.no_open && !super::serve::open(&url) {
                ui.note(&crate::t!("start-open-yourself", url = url));
            }
            return Ok(0);
        }
    };
    if !file.exists() {
        let starter = super::init::TEMPLATES[0].1;
        crate::output::write_atomic(&file, starter.as_bytes()).map_err(|e| {
            Error::Usage(crate::t!("start-cannot-write", folder = folder.display(), error = e))
        })?;
        let schema = folder.join("unioncal.schema.json");
        if !schema.exists() {
            let _ = crate::output::write_atomic(&schema, crate::config::schema().as_bytes());
        }
        ui.note(&crate::t!("start-wrote-starter", path = file.display()));
    }
    // The saved arrangements' folder exists before the preview starts, so that it is
    // watched: a notice imported on the workbench rebuilds the preview.
    if let Some(dir) = super::store::holidays_dir() {
        let _ = std::fs::create_dir_all(dir);
    }
    let (token, proof) = (token()?, token()?);
    let serve_args = ServeArgs {
        file: file.clone(),
        range: RangeArgs { year: None, from: None, to: None },
        port: args.port,
        bind: args.bind,
        open: false,
        output: OutputArgs { templates: None, png: false, pdf: false, browser: None },
    };
    let workbench = crate::serve::Workbench::new(
        token.clone(),
        proof.clone(),
        page(&file),
        Arc::new(actions(folder.clone(), file.clone())),
    );
    // `UNIONCAL_NO_OPEN` keeps a double-clicked start from opening a browser (scripts,
    // tests); the address is printed all the same.
    let no_open =
        args.no_open || std::env::var_os("UNIONCAL_NO_OPEN").is_some_and(|v| !v.is_empty());
    let idle_exit =
        (args.idle_exit > 0.0).then(|| std::time::Duration::from_secs_f64(args.idle_exit * 60.0));
    // Held here until the preview ends; the state file goes with it.
    let claim = Arc::new(std::sync::Mutex::new(claim));
    let listening = {
        let claim = Arc::clone(&claim);
        Box::new(move |local: std::net::SocketAddr, ui: &Ui| {
            let url = address(local, &token);
            // Recorded before it is announced: whoever reads the address finds the claim.
            if let Ok(mut claim) = claim.lock() {
                let _ = claim.record(local.port(), &token, &proof);
            }
            // Standard output: the address, for the user and for scripts.
            let _ = super::print(&format!("{}\n", crate::t!("start-serving", url = url)));
            if !local.ip().is_loopback() {
                ui.note(&crate::t!("start-network"));
            }
            ui.note(&crate::t!("start-how-to-stop"));
            if !no_open && !super::serve::open(&url) {
                ui.note(&crate::t!("start-open-yourself", url = url));
            }
        })
    };
    let result = super::serve::preview(
        &serve_args,
        ui,
        Some(super::serve::Start { workbench, listening, idle_exit }),
    );
    drop(claim);
    result
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_of_the_form_is_in_both_catalogs() {
        for (lang, catalog) in crate::messages::CATALOGS {
            let ids = crate::messages::ids(catalog);
            for word in super::FORM_WORDS {
                assert!(ids.contains(&format!("form-{word}")), "{lang:?} lacks form-{word}");
            }
        }
    }
}
