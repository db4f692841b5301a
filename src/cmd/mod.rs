//! One short module per subcommand: wiring only.

mod build;
mod care;
mod check;
mod holidays;
mod init;
mod list;
mod serve;
mod start;
mod store;

use std::io::{IsTerminal, Write};

use chrono::{Datelike, NaiveDate};

use crate::cli::{Cli, Command, RangeArgs};
use crate::error::{Diagnostic, Error, Result, Severity};
use crate::model::Calendar;
use crate::schedule::{year_range, Schedule};

/// Where a command writes: standard output for results, standard error for messages.
pub struct Ui {
    /// Print only errors.
    pub quiet: bool,
    /// Print more about what is done (the files written, their sizes).
    pub verbose: bool,
    color: bool,
}

impl Ui {
    /// A UI for the real terminal: colour only when standard error is one and
    /// `NO_COLOR` is unset.
    #[must_use]
    pub fn new(quiet: bool, verbose: bool) -> Self {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Self { quiet, verbose, color }
    }

    /// Print diagnostics to standard error (warnings not when quiet).
    pub fn diagnostics(&self, diagnostics: &[Diagnostic]) {
        let mut err = std::io::stderr().lock();
        for d in diagnostics {
            if self.quiet && d.severity == Severity::Warning {
                continue;
            }
            let text = d.to_string();
            let text = if self.color { colorize(&text) } else { text };
            let _ = writeln!(err, "{text}");
        }
    }

    /// Print a line to standard error unless quiet.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            let _ = writeln!(std::io::stderr().lock(), "{text}");
        }
    }

    /// Print the `= help:` line that follows an error (even when quiet).
    pub fn error_help(&self, help: &str) {
        let _ = writeln!(std::io::stderr().lock(), "  = help: {help}");
    }

    /// Print an error to standard error, even when quiet; a closed standard error is no
    /// reason to stop.
    pub fn error(&self, error: &Error) {
        match error {
            Error::Calendar(diagnostics) => self.diagnostics(diagnostics),
            other => {
                let text = format!("error: {other}");
                let text = if self.color { colorize(&text) } else { text };
                let _ = writeln!(std::io::stderr().lock(), "{text}");
            }
        }
    }
}

fn colorize(text: &str) -> String {
    if let Some(rest) = text.strip_prefix("error:") {
        format!("\x1b[1;31merror\x1b[0m:{rest}")
    } else if let Some(rest) = text.strip_prefix("warning:") {
        format!("\x1b[1;33mwarning\x1b[0m:{rest}")
    } else {
        text.to_string()
    }
}

/// Run the command line; the result is the process exit code.
///
/// # Errors
///
/// Whatever the command fails with; [`Error::exit_code`] maps it to the exit code.
pub fn run(cli: &Cli) -> Result<u8> {
    let ui = Ui::new(cli.quiet, cli.verbose);
    match &cli.command {
        Command::Build(args) => build::run(args, &ui),
        Command::List(args) => list::run(args, &ui),
        Command::Check(args) => check::run(args, &ui),
        Command::Holidays(args) => holidays::run(args, &ui),
        Command::Serve(args) => serve::run(args, &ui),
        Command::Start(args) => start::run(args, &ui),
        Command::Init(args) => init::run(args, &ui),
        Command::Schema => print(&crate::config::schema()).map(|()| 0),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut command, "unioncal", &mut out);
            print(&String::from_utf8_lossy(&out)).map(|()| 0)
        }
    }
}

/// Write `text` to standard output; a closed pipe (`| head`) is not an error.
pub(crate) fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::Io { action: "cannot write", path: "standard output".into(), source: e })
        }
        _ => Ok(()),
    }
}

/// A calendar as the commands use it: the file's calendar and, with `[care]`, its roster.
pub(crate) struct Loaded {
    /// The validated calendar, with the arrangements saved on this machine.
    pub(crate) calendar: Calendar,
    /// The roster `[care]` names, when it could be read.
    pub(crate) roster: Option<std::sync::Arc<crate::care::Roster>>,
    /// Why the roster could not be read, when it could not: the public outputs are built
    /// all the same, and the command says why.
    pub(crate) unreadable: Option<String>,
}

impl Loaded {
    /// The schedule of `from..=to`, then the care stage's counts on it.
    ///
    /// # Errors
    ///
    /// As [`crate::schedule::expand`].
    pub(crate) fn expand(&self, from: NaiveDate, to: NaiveDate) -> Result<Schedule> {
        let mut schedule = crate::schedule::expand(&self.calendar, from, to)?;
        if let Some(roster) = &self.roster {
            crate::care::count_on(&self.calendar, roster, &mut schedule);
        }
        Ok(schedule)
    }
}

/// Read and validate the calendar at `path`, with the holiday arrangements saved on this
/// machine by `holidays import --save`, and the roster its `[care]` names.
///
/// # Errors
///
/// As [`crate::config::load`], a saved arrangement that cannot be read, and a visit's
/// `who` naming a column the roster lacks.
pub(crate) fn load(path: &std::path::Path) -> Result<Loaded> {
    let mut calendar = crate::config::load(path)?;
    calendar.holidays.periods.extend(store::saved_periods()?);
    let (mut roster, mut unreadable) = (None, None);
    if let Some(care) = calendar.care.as_ref() {
        match crate::care::read(&care.roster, &care.roster_name, care.sheet.as_deref(), today()) {
            Ok(read) => {
                check_who_columns(care, &read)?;
                roster = Some(std::sync::Arc::new(read));
            }
            // The public outputs are built all the same; the commands say why (the
            // roster's path is named once, by the error that reports this).
            Err(Error::Io { source, .. }) => unreadable = Some(source.to_string()),
            Err(error) => unreadable = Some(error.to_string()),
        }
    }
    Ok(Loaded { calendar, roster, unreadable })
}

/// Every column a visit's `who` names must be in the roster: an error at its line.
fn check_who_columns(care: &crate::model::Care, roster: &crate::care::Roster) -> Result<()> {
    let mut errors = Vec::new();
    for visit in &care.visits {
        for (column, _) in &visit.who {
            if !roster.headers.iter().any(|h| h == column) {
                errors.push(
                    crate::error::Diagnostic::error(
                        crate::t!("care-who-column", roster = care.roster_name, column = column),
                        Some(visit.origin.clone()),
                    )
                    .with_help(crate::t!(
                        "care-who-column-help",
                        columns = roster.headers.join(&crate::t!("list-separator"))
                    )),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(crate::error::Error::Calendar(errors))
    }
}

/// `SOURCE_DATE_EPOCH`, when it is set: the build's time for reproducible outputs.
fn source_date_epoch() -> Option<chrono::DateTime<chrono::Utc>> {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
}

/// The build's time stamp (feeds' DTSTAMP, the documents' dates): `SOURCE_DATE_EPOCH`
/// when set, else now.
pub(crate) fn stamp() -> chrono::DateTime<chrono::Utc> {
    source_date_epoch().unwrap_or_else(chrono::Utc::now)
}

/// Today: the day of `SOURCE_DATE_EPOCH` when it is set (reproducible output), else the
/// local date.
pub(crate) fn today() -> NaiveDate {
    source_date_epoch().map_or_else(|| chrono::Local::now().date_naive(), |t| t.date_naive())
}

/// The year a command works on: `--year`, else the file's `year`, else this year.
pub(crate) fn year(flag: Option<i32>, calendar: Option<&Calendar>) -> i32 {
    flag.or_else(|| calendar.and_then(|c| c.year)).unwrap_or_else(|| chrono::Local::now().year())
}

/// The range a command works on.
pub(crate) fn range(
    args: &RangeArgs,
    month: Option<u32>,
    calendar: &Calendar,
) -> Result<(NaiveDate, NaiveDate)> {
    if let (Some(from), Some(to)) = (args.from, args.to) {
        return Ok((from, to));
    }
    let year = year(args.year, Some(calendar));
    if !(crate::dates::MIN_YEAR..=crate::dates::MAX_YEAR).contains(&year) {
        return Err(Error::Usage(crate::t!(
            "year-unsupported",
            year = year,
            min = crate::dates::MIN_YEAR,
            max = crate::dates::MAX_YEAR
        )));
    }
    Ok(match month {
        Some(m) => {
            let first = NaiveDate::from_ymd_opt(year, m, 1)
                .ok_or_else(|| Error::Usage(crate::t!("month-missing", month = m, year = year)))?;
            let last = first
                .checked_add_months(chrono::Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(first);
            (first, last)
        }
        None => year_range(year),
    })
}
