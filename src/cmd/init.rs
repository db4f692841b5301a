//! `unioncal init`: write a starter calendar file or one of the shipped examples.

use super::{print, Ui};
use std::path::PathBuf;

use chrono::Datelike;

use crate::cli::{DraftFormat, InitArgs};
use crate::error::{Error, Result};

/// The templates: name, what it is, text.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    ("starter", include_str!("../../calendars/starter.toml")),
    ("hospital", include_str!("../../calendars/hospital.toml")),
    ("school", include_str!("../../calendars/school.toml")),
    ("small-school", include_str!("../../calendars/small-school.toml")),
    ("institute", include_str!("../../calendars/institute.toml")),
    ("mine", include_str!("../../calendars/mine.toml")),
    ("utility", include_str!("../../calendars/utility.toml")),
];

pub(super) fn run(args: &InitArgs, ui: &Ui) -> Result<u8> {
    if let Some(plan) = &args.from {
        return from_plan(args, plan, ui);
    }
    if args.list {
        let text: String =
            TEMPLATES.iter().map(|(name, _)| format!("{name:<14}{}\n", about(name))).collect();
        print(&text)?;
        return Ok(0);
    }
    let Some((_, text)) = TEMPLATES.iter().find(|(name, _)| *name == args.template) else {
        let names: Vec<&str> = TEMPLATES.iter().map(|(n, _)| *n).collect();
        return Err(Error::Usage(crate::t!(
            "init-no-template",
            name = args.template,
            names = names.join(", ")
        )));
    };
    if args.path.exists() && !args.force {
        return Err(Error::Usage(crate::t!("init-exists", path = args.path.display())));
    }
    crate::output::write_atomic(&args.path, text.as_bytes())?;
    // The `#:schema` line on the first line points editors at this file beside it.
    let schema = args.path.with_file_name("unioncal.schema.json");
    if !schema.exists() {
        crate::output::write_atomic(&schema, crate::config::schema().as_bytes())?;
    }
    ui.note(&crate::t!("init-wrote", path = args.path.display(), template = args.template));
    Ok(0)
}

/// `init --from PLAN`: read the plan, then print what was read (`--format json`) or write
/// the draft calendar, never over an existing file.
fn from_plan(args: &InitArgs, plan: &std::path::Path, ui: &Ui) -> Result<u8> {
    use std::io::Read as _;
    let is_stdin = plan.as_os_str() == "-";
    let name = if is_stdin { crate::t!("import-stdin") } else { plan.display().to_string() };
    let refuse = |why: String| Error::Io {
        action: "cannot read",
        path: PathBuf::from(&name),
        source: std::io::Error::other(why),
    };
    let mut bytes = Vec::new();
    let limit = 50 * 1024 * 1024 + 1;
    let read = if is_stdin {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes)
    } else {
        crate::output::regular_or_absent(plan)?;
        std::fs::File::open(plan).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    read.map_err(|source| Error::Io { action: "cannot read", path: plan.to_path_buf(), source })?;
    let lines = crate::import::source::lines(&bytes).map_err(|why| refuse(why.message()))?;
    let year = args.year.unwrap_or_else(|| {
        crate::import::year_named(&lines).unwrap_or_else(|| super::today().year())
    });
    let reading = crate::import::read(&lines, year);
    if args.format == Some(DraftFormat::Json) {
        let json =
            serde_json::to_string_pretty(&reading).map_err(|e| Error::Usage(e.to_string()))?;
        print(&format!("{json}\n"))?;
        return Ok(0);
    }
    let out = args.out.clone().unwrap_or_else(|| args.path.clone());
    if out.exists() {
        return Err(Error::Io {
            action: "cannot write",
            path: out.clone(),
            source: std::io::Error::other(crate::t!("import-exists", path = out.display())),
        });
    }
    let draft = crate::import::draft::write(
        &reading,
        &crate::import::union_name(&lines).unwrap_or_else(|| crate::t!("import-draft-name")),
        &lines,
    );
    crate::output::write_file(&out, draft.as_bytes())?;
    let dated =
        reading.items.iter().filter(|i| !matches!(i.kind, "month-task" | "year-task")).count();
    ui.note(&crate::t!(
        "import-wrote",
        path = out.display(),
        items = reading.items.len(),
        dated = dated,
        review = reading.items.iter().filter(|i| !i.sure).count()
    ));
    if dated == 0 {
        ui.note(&crate::t!("import-nothing-dated"));
    }
    Ok(0)
}

/// What starter `name` is, in a line of the catalog (`init-about-{name}`).
fn about(name: &str) -> String {
    crate::messages::text(&format!("init-about-{name}"), &[])
}

#[cfg(test)]
mod tests {
    use crate::messages::{has, Lang};

    #[test]
    fn every_starter_is_described_in_both_languages() {
        for (name, _) in super::TEMPLATES {
            let id = format!("init-about-{name}");
            assert!(has(Lang::En, &id) && has(Lang::Zh, &id), "{id} missing from a catalog");
        }
    }
}
