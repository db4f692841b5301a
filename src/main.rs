//! The `unioncal` binary: parse the command line, run it, map errors to exit codes
//! (0 success, 1 calendar errors, 2 usage, 3 I/O).

use std::process::ExitCode;

use clap::FromArgMatches;
use unioncal::cli::Cli;
use unioncal::cmd::{run, Ui};
use unioncal::Error;

fn main() -> ExitCode {
    // The language first (from `--lang` as typed, or the environment), so that even the
    // help and the command line's own errors speak it.
    let mut args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // Double-clicked on Windows (no arguments): the whole app in the exe's folder.
    let double_clicked = cfg!(windows) && args.len() == 1;
    if double_clicked {
        let folder = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(std::path::Path::to_path_buf))
            .unwrap_or_default();
        args.extend(["start".into(), folder.into_os_string()]);
    }
    let flag = args
        .iter()
        .position(|a| a == "--lang")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.to_str());
    let flag = flag.or_else(|| args.iter().find_map(|a| a.to_str()?.strip_prefix("--lang=")));
    let lang = unioncal::messages::detect(flag);
    unioncal::messages::set(lang);
    let matches = unioncal::cli::command(lang).get_matches_from(&args);
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            let ui = Ui::new(cli.quiet, false);
            ui.error(&error);
            if let Error::Io { source, path, .. } = &error {
                if source.kind() == std::io::ErrorKind::NotFound
                    && path.extension().is_some_and(|e| e == "toml")
                {
                    ui.error_help(&unioncal::t!("no-calendar-file-help"));
                }
            }
            if double_clicked {
                // The console window closes with the program: let the message be read.
                ui.error_help(&unioncal::t!("start-press-enter"));
                let _ = std::io::stdin().read_line(&mut String::new());
            }
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(1))
        }
    }
}
