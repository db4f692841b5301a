//! The command line. The doc comments here are the `--help` text.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn one TOML file into a trade union's (工会) whole year of activities: calendar
/// feeds to subscribe to, wall-calendar pages to print, and the month-by-month work plan.
#[derive(Debug, Parser)]
#[command(name = "unioncal", version, propagate_version = true)]
#[command(
    after_help = "Examples:\n  unioncal list calendars/hospital.toml --year 2027\n  unioncal check calendars/hospital.toml\n  unioncal holidays --year 2026"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more about what is done.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    /// The language of messages: `zh` or `en` (default: UNIONCAL_LANG, else the system's).
    #[arg(long, global = true, value_name = "zh|en")]
    pub lang: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write every output: .ics feeds, printable pages, the work plan and a spreadsheet.
    #[command(
        after_help = "Examples:\n  unioncal build calendars/hospital.toml --out public\n  unioncal build --year 2027 --out site/\n  unioncal build calendars/*.toml --out public/   # one folder per calendar\n  unioncal build --png --pdf   # also pictures for WeChat and print.pdf\n  SOURCE_DATE_EPOCH=0 unioncal build   # byte-identical output"
    )]
    Build(BuildArgs),
    /// List the events of a year (or range) as a table, JSON or CSV.
    #[command(
        after_help = "Examples:\n  unioncal list --year 2027\n  unioncal list school.toml --month 9\n  unioncal list school.toml --format json > events.json"
    )]
    List(ListArgs),
    /// Check a calendar file: errors exit 1, warnings exit 0.
    #[command(
        after_help = "Examples:\n  unioncal check\n  unioncal check hospital.toml --year 2027"
    )]
    Check(CheckArgs),
    /// Write a starter calendar file (or one of the shipped examples).
    #[command(
        after_help = "Examples:\n  unioncal init\n  unioncal init --template hospital my-hospital.toml\n  unioncal init --list"
    )]
    Init(InitArgs),
    /// Print a JSON Schema of the calendar file, for editors (taplo, VS Code Even Better TOML).
    #[command(
        after_help = "Examples:\n  unioncal schema > unioncal.schema.json\n  then start the calendar file with:  #:schema ./unioncal.schema.json"
    )]
    Schema,
    /// Print shell completions.
    #[command(
        after_help = "Examples:\n  unioncal completions bash > /etc/bash_completion.d/unioncal\n  unioncal completions zsh > ~/.zfunc/_unioncal"
    )]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Serve the calendar's pages and feeds from memory: a preview that reloads itself while
    /// you edit the file, and a feed host for an office PC or an intranet server.
    #[command(
        after_help = "Examples:\n  unioncal serve                          # preview on http://127.0.0.1:8000/\n  unioncal serve hospital.toml --open     # and open it in the browser\n  unioncal serve --bind 0.0.0.0 --port 8080   # members' phones on the network can subscribe"
    )]
    Serve(ServeArgs),
    /// The whole app without a terminal: write the starter calendar into an empty folder
    /// (or use its unioncal.toml), serve the preview with a workbench (build, fix Chinese
    /// punctuation, paste the holiday notice, the errors with their lines) and open the
    /// browser. Double-clicking unioncal.exe runs it in the exe's folder.
    #[command(
        after_help = "Examples:\n  unioncal start                  # this folder\n  unioncal start D:\\union            # another folder\n  unioncal start --no-open --port 8080"
    )]
    Start(StartArgs),
    /// Show the days off and make-up workdays (调休) of a year, official or provisional;
    /// `holidays import` reads the State Council's new notice.
    #[command(
        after_help = "Examples:\n  unioncal holidays --year 2026\n  unioncal holidays --year 2027 school.toml\n  unioncal holidays import notice-2027.txt --save   # every calendar on this PC knows 2027"
    )]
    Holidays(HolidaysArgs),
}

/// Which days to generate.
#[derive(Debug, Clone, Args)]
pub struct RangeArgs {
    /// The year (default: `year` in the file, else this year).
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub year: Option<i32>,
    /// First day of a range, YYYY-MM-DD (with --to).
    #[arg(long, requires = "to", value_name = "DATE")]
    pub from: Option<NaiveDate>,
    /// Last day of a range, YYYY-MM-DD (with --from).
    #[arg(long, requires = "from", value_name = "DATE")]
    pub to: Option<NaiveDate>,
}

/// `unioncal build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The calendar file; with several, each is built into its own folder `DIR/{slug}/`.
    #[arg(default_value = "unioncal.toml", num_args = 1..)]
    pub files: Vec<PathBuf>,
    // The range's options document themselves; a doc comment here would become help text.
    #[allow(missing_docs)]
    #[command(flatten)]
    pub range: RangeArgs,
    /// The folder to write into (created if needed).
    #[arg(long, short, default_value = "public", value_name = "DIR")]
    pub out: PathBuf,
    // The output options document themselves; a doc comment here would become help text.
    #[allow(missing_docs)]
    #[command(flatten)]
    pub output: OutputArgs,
}

/// What `build` and `serve` make besides the defaults, and how.
#[derive(Debug, Clone, Args)]
pub struct OutputArgs {
    /// A folder of templates overriding the built-in ones by name (base.html, index.html,
    /// sheet.html, agenda.html, month.html, print.html, subscribe.html, share.html,
    /// style.css, plan.md, plan-docx.xml); `serve` watches it.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Also make pictures to share: share/YYYY-MM.png (the month as a long phone image for
    /// WeChat), share/YYYY-MM-a4.png (the printed month, 150 dpi) and share/YYYY.png.
    /// Needs Chrome, Chromium or Microsoft Edge.
    #[arg(long)]
    pub png: bool,
    /// Also make print.pdf: every month on its own A4 landscape page.
    /// Needs Chrome, Chromium or Microsoft Edge.
    #[arg(long)]
    pub pdf: bool,
    /// The browser for --png and --pdf (default: UNIONCAL_BROWSER, else the first Chrome,
    /// Chromium or Edge found on PATH or in the usual install folders).
    #[arg(long, value_name = "PATH")]
    pub browser: Option<PathBuf>,
}

/// `unioncal serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The calendar file.
    #[arg(default_value = "unioncal.toml")]
    pub file: PathBuf,
    // The range's options document themselves; a doc comment here would become help text.
    #[allow(missing_docs)]
    #[command(flatten)]
    pub range: RangeArgs,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// The address to listen on; 0.0.0.0 (or this computer's address) lets other devices on
    /// the network reach it.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the index page in the default browser.
    #[arg(long)]
    pub open: bool,
    // The output options document themselves; a doc comment here would become help text.
    #[allow(missing_docs)]
    #[command(flatten)]
    pub output: OutputArgs,
}

/// `unioncal start`.
#[derive(Debug, Args)]
pub struct StartArgs {
    /// The folder of the calendar (default: this one); an empty folder gets the starter.
    pub folder: Option<PathBuf>,
    /// Use the folder 工会日历 in the home folder, made on first use (the menu entry's).
    #[arg(long, conflicts_with = "folder")]
    pub home_folder: bool,
    /// The port to listen on; a port in use moves on to the next free one.
    #[arg(long, default_value_t = 8000)]
    pub port: u16,
    /// The address to listen on; a network address serves the preview only (no actions).
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Do not open the browser (the address is printed).
    #[arg(long)]
    pub no_open: bool,
    /// End this many minutes after the last workbench page closed (0: never).
    #[arg(long, value_name = "MINUTES", default_value_t = 10.0, value_parser = idle_minutes)]
    pub idle_exit: f64,
}

/// Minutes from 0 to a week.
fn idle_minutes(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(minutes) if (0.0..=10_080.0).contains(&minutes) => Ok(minutes),
        _ => Err(crate::t!("cli-idle-exit-range")),
    }
}

/// `unioncal list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// The calendar file.
    #[arg(default_value = "unioncal.toml")]
    pub file: PathBuf,
    // The range's options document themselves; a doc comment here would become help text.
    #[allow(missing_docs)]
    #[command(flatten)]
    pub range: RangeArgs,
    /// Only this month (1–12) of the year.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=12), conflicts_with_all = ["from", "to"])]
    pub month: Option<u32>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Add the care work of the member roster (names, birthdays: personal data) to the
    /// JSON, as `care`.
    #[arg(long)]
    pub private: bool,
}

/// Output formats of `list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people.
    Table,
    /// The stable JSON shape scripts rely on.
    Json,
    /// A spreadsheet (UTF-8 with BOM).
    Csv,
}

/// `unioncal check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The calendar file.
    #[arg(default_value = "unioncal.toml")]
    pub file: PathBuf,
    /// The year to check (default: `year` in the file, else this year).
    #[arg(long)]
    pub year: Option<i32>,
    /// Correct the punctuation a Chinese input method slipped in (“ ” ＝ ， 【】 ＃, full-width
    /// spaces and digits) outside strings and comments, keep the original as FILE.bak, then
    /// check.
    #[arg(long)]
    pub fix: bool,
}

/// `unioncal init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the calendar file.
    #[arg(default_value = "unioncal.toml")]
    pub path: PathBuf,
    /// Which template: `starter` (every key explained) or a shipped example.
    #[arg(long, short, default_value = "starter")]
    pub template: String,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
    /// List the templates and exit.
    #[arg(long)]
    pub list: bool,
    /// Draft the calendar from the year's plan as written: a .docx (Word, WPS), a .txt
    /// (UTF-8 or GBK), or `-` for standard input.
    #[arg(long, value_name = "PLAN")]
    pub from: Option<PathBuf>,
    /// The year of the plan (default: the year it names, else this year).
    #[arg(long, requires = "from")]
    pub year: Option<i32>,
    /// Where to write the draft (default: the path above); an existing file is kept.
    #[arg(long, requires = "from")]
    pub out: Option<PathBuf>,
    /// `json`: print what was read instead of writing a draft.
    #[arg(long, value_enum, requires = "from")]
    pub format: Option<DraftFormat>,
}

/// What `init --from` gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    /// The draft calendar, written to a file.
    Toml,
    /// What was read, as JSON on standard output; no file written.
    Json,
}

/// `unioncal holidays`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct HolidaysArgs {
    /// Import a notice instead of showing a year.
    #[command(subcommand)]
    pub action: Option<HolidaysAction>,
    /// The year (default: `year` in the file, else this year).
    #[arg(long)]
    pub year: Option<i32>,
    /// A calendar file whose `[holidays]` apply (default: unioncal.toml if present).
    pub file: Option<PathBuf>,
    /// `text` for people, or `json` for scripts: `{"year", "source", "periods": [{"name",
    /// "start", "end", "work"}]}`.
    #[arg(long, value_enum, default_value_t = HolidaysFormat::Text)]
    pub format: HolidaysFormat,
    /// Show the forecast even for a year whose arrangement is known (what unioncal would
    /// have said before the notice), to compare it with the notice.
    #[arg(long)]
    pub forecast: bool,
}

/// Output formats of `holidays`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HolidaysFormat {
    /// For people: each break, how sure it is, and the alternative.
    Text,
    /// For scripts.
    Json,
}

/// What `unioncal holidays` can do besides showing a year.
#[derive(Debug, Subcommand)]
pub enum HolidaysAction {
    /// Read the State Council's holiday notice (国务院办公厅关于20XX年部分节假日安排的通知)
    /// and print the year's `[[holidays.periods]]`; `--save` makes every calendar on this
    /// computer use it, `--into` writes it into a calendar or shared holidays file.
    #[command(
        after_help = "Examples:\n  unioncal holidays import notice-2027.txt             # check and print it\n  unioncal holidays import notice-2027.txt --save      # every calendar on this PC uses it\n  unioncal holidays import - --save                    # paste the notice, then Ctrl-D (Windows: Ctrl-Z, Enter)\n  unioncal holidays import notice-2027.txt --into holidays/2027.toml\n\nA later notice that changes a year (an extension, a changed break) is applied on top of\nwhat is already known for that year: built in, saved, or in the --into file."
    )]
    Import(ImportArgs),
}

/// `unioncal holidays import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The notice as a text file (UTF-8), or `-` to paste it.
    #[arg(value_name = "NOTICE")]
    pub notice: PathBuf,
    /// Save the arrangement in this computer's unioncal data folder: every calendar uses it.
    #[arg(long, conflicts_with = "into")]
    pub save: bool,
    /// Write the periods into this TOML file (a calendar, or a holidays file that calendars
    /// name in `[holidays] files`), replacing that year's and keeping everything else.
    #[arg(long, value_name = "FILE")]
    pub into: Option<PathBuf>,
    /// The year, when the pasted text has no title line naming it.
    #[arg(long)]
    pub year: Option<i32>,
}

/// The command line in `lang`: English as the doc comments above write it, or Chinese from
/// the catalog (`cli-…` messages): every command's summary, every option's help, the
/// headings and the help and version flags.
#[must_use]
pub fn command(lang: crate::messages::Lang) -> clap::Command {
    use clap::CommandFactory;
    let command = Cli::command();
    if lang == crate::messages::Lang::En {
        return command;
    }
    let zh = |id: &str| {
        let text = crate::messages::text_in(lang, id, &[]);
        (text != id).then_some(text)
    };
    let command = command
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .global(true)
                .help(zh("cli-help").unwrap_or_default()),
        )
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .global(true)
                .help(zh("cli-version").unwrap_or_default()),
        );
    localize(command, "", &zh)
}

/// A heading of the Chinese help (clap writes the English ones itself).
fn heading(id: &str) -> String {
    crate::messages::text_in(crate::messages::Lang::Zh, id, &[])
}

/// `command` and its subcommands with Chinese texts where the catalog has them.
fn localize(
    mut command: clap::Command,
    path: &str,
    zh: &dyn Fn(&str) -> Option<String>,
) -> clap::Command {
    let name = if path.is_empty() { String::new() } else { format!("-{path}") };
    if let Some(about) = zh(&format!("cli-about{name}")) {
        command = command.about(about);
    }
    if let Some(after) = command.get_after_help().map(ToString::to_string) {
        command = command.after_help(after.replace("Examples:", &heading("cli-heading-examples")));
    }
    let usage = heading("cli-heading-usage");
    command = command
        .help_template(format!(
            "{{about-with-newline}}\n{usage}{{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(heading("cli-heading-commands"))
        .subcommand_value_name(heading("cli-heading-commands"));
    let ids: Vec<String> = command.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let help = zh(&format!("cli{name}-{id}")).or_else(|| zh(&format!("cli-arg-{id}")));
        let positional =
            command.get_arguments().any(|a| a.get_id() == id.as_str() && a.is_positional());
        command = command.mut_arg(id.as_str(), |arg| {
            // The catalog's help names the possible values in Chinese itself.
            let arg = arg.help_heading(heading(if positional {
                "cli-heading-arguments"
            } else {
                "cli-heading-options"
            }));
            let choices = arg.get_action().takes_values() && !arg.get_possible_values().is_empty();
            let arg = if choices { arg.hide_possible_values(true) } else { arg };
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        });
    }
    let subcommands: Vec<String> =
        command.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for sub in subcommands {
        let inner = if path.is_empty() { sub.clone() } else { format!("{path}-{sub}") };
        command = command.mut_subcommand(sub.as_str(), |c| localize(c, &inner, zh));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent_in_both_languages() {
        command(crate::messages::Lang::En).debug_assert();
        command(crate::messages::Lang::Zh).debug_assert();
    }
}
