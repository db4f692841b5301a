//! The `unioncal` binary: parse the command line, run it, map errors to exit codes
//! (0 success, 1 calendar errors, 2 usage, 3 I/O).

use std::process::ExitCode;

use clap::Parser;
use unioncal::cli::Cli;
use unioncal::cmd::{run, Ui};
use unioncal::Error;

fn main() -> ExitCode {
    let cli = Cli::parse();
    unioncal::messages::set(unioncal::messages::detect(cli.lang.as_deref()));
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            match &error {
                Error::Calendar(diagnostics) => Ui::new(cli.quiet, false).diagnostics(diagnostics),
                Error::Io { source, path, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                    eprintln!("error: {error}");
                    if path.extension().is_some_and(|e| e == "toml") {
                        eprintln!("  = help: {}", unioncal::t!("no-calendar-file-help"));
                    }
                }
                other => eprintln!("error: {other}"),
            }
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(1))
        }
    }
}
