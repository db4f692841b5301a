//! `unioncal init`: write a starter calendar file or one of the shipped examples.

use super::{print, Ui};
use crate::cli::InitArgs;
use crate::error::{Error, Result};

/// The templates: name, what it is, text.
pub(crate) const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "starter",
        "a commented starter: every key explained in Chinese and English",
        include_str!("../../calendars/starter.toml"),
    ),
    (
        "hospital",
        "a hospital union: month-by-month plan, 职代会, 护士节, 教师节",
        include_str!("../../calendars/hospital.toml"),
    ),
    (
        "school",
        "a school union: 教代会, fortnightly activities, 送温暖/送清凉",
        include_str!("../../calendars/school.toml"),
    ),
    (
        "small-school",
        "a small school: 五必访, women's activities, canteen checks",
        include_str!("../../calendars/small-school.toml"),
    ),
    (
        "institute",
        "an institute in an election year: 换届 every five years, two 职代会",
        include_str!("../../calendars/institute.toml"),
    ),
    (
        "mine",
        "a coal-mine team: Mon/Wed/Fri safety study, reception day",
        include_str!("../../calendars/mine.toml"),
    ),
    (
        "utility",
        "a water utility: 劳动竞赛, weekly team study, 一日捐",
        include_str!("../../calendars/utility.toml"),
    ),
];

pub(super) fn run(args: &InitArgs, ui: &Ui) -> Result<u8> {
    if args.list {
        let text: String =
            TEMPLATES.iter().map(|(name, about, _)| format!("{name:<14}{about}\n")).collect();
        print(&text)?;
        return Ok(0);
    }
    let Some((_, _, text)) = TEMPLATES.iter().find(|(name, _, _)| *name == args.template) else {
        let names: Vec<&str> = TEMPLATES.iter().map(|(n, _, _)| *n).collect();
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
