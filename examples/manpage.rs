//! Writes unioncal's man pages (`unioncal.1` and one per subcommand) in English and
//! Chinese, from the same command line definitions as `--help`:
//! `cargo run --example manpage -- DIR` gives `DIR/man1/` and `DIR/zh_CN/man1/`.

use std::path::PathBuf;

use unioncal::messages::Lang;

fn main() -> std::io::Result<()> {
    let out = std::env::args_os().nth(1).map_or_else(|| PathBuf::from("target/man"), PathBuf::from);
    for (lang, folder) in [(Lang::En, out.join("man1")), (Lang::Zh, out.join("zh_CN/man1"))] {
        std::fs::create_dir_all(&folder)?;
        let command = unioncal::cli::command(lang).version(env!("CARGO_PKG_VERSION"));
        clap_mangen::generate_to(command, &folder)?;
    }
    Ok(())
}
