//! `unioncal init`: write a starter calendar file or one of the shipped examples.

use super::{print, Ui};
use crate::cli::InitArgs;
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
