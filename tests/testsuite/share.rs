//! `build --png --pdf`: pictures for WeChat and the notice board, and print.pdf, made by a
//! Chromium-family browser; and no browser means exit 3 with nothing written.

use std::path::Path;
use std::process::Command;

use crate::support::bin;

fn hospital() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("calendars/hospital.toml")
}

/// Width and height of a PNG, from its header.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{} is a PNG", path.display());
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn without_a_browser_nothing_is_written_and_the_exit_is_3() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    for flag in ["--png", "--pdf"] {
        let result = bin()
            .arg("build")
            .arg(hospital())
            .arg("--out")
            .arg(&out)
            .args([flag, "--browser", "/nonexistent/chrome"])
            .output()
            .unwrap();
        assert_eq!(result.status.code(), Some(3));
        let err = String::from_utf8(result.stderr).unwrap();
        assert!(err.contains("/nonexistent/chrome") && err.contains("Microsoft Edge"), "{err}");
        assert!(!out.exists(), "nothing written");
    }
}

fn browser() -> Option<&'static str> {
    let found =
        ["/usr/bin/chromium", "/usr/bin/google-chrome"].into_iter().find(|p| Path::new(p).exists());
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium");
        println!("SKIPPED: no Chromium-family browser installed (apt-get install chromium)");
    }
    found
}

#[test]
fn pictures_are_phone_wide_and_print_sized() {
    let Some(browser) = browser() else { return };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    bin()
        .arg("build")
        .arg(hospital())
        .args([
            "--from",
            "2027-03-01",
            "--to",
            "2027-04-30",
            "--png",
            "-q",
            "--browser",
            browser,
            "--out",
        ])
        .arg(&out)
        .assert()
        .success();
    for month in ["2027-03", "2027-04"] {
        let (w, h) = png_size(&out.join(format!("share/{month}.png")));
        assert_eq!(w, 1080, "{month}: phone width");
        assert!(h > 2000, "{month}: the whole month, {h} px");
        let (w, h) = png_size(&out.join(format!("share/{month}-a4.png")));
        assert!(w >= 1754 && h >= 1240, "{month}: A4 at 150 dpi, {w}x{h}");
    }
    let (w, h) = png_size(&out.join("share/2027.png"));
    assert!(w >= 1754 && h >= 1240, "year page {w}x{h}");
    assert!(!out.join("print.pdf").exists(), "--pdf was not asked for");
}

#[test]
fn print_pdf_has_every_month_on_an_a4_landscape_page() {
    let Some(browser) = browser() else { return };
    if Command::new("pdfinfo").arg("-v").output().is_err() {
        println!("SKIPPED: pdfinfo is not installed (apt-get install poppler-utils)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    bin()
        .arg("build")
        .arg(hospital())
        .args(["--year", "2027", "--pdf", "-q", "--browser", browser, "--out"])
        .arg(dir.path())
        .assert()
        .success();
    let info = Command::new("pdfinfo").arg(dir.path().join("print.pdf")).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Pages:           12\n"), "{info}");
    assert!(info.contains("841.92 x 594.96 pts (A4)"), "A4 landscape: {info}");
    assert!(!dir.path().join("share").exists(), "--png was not asked for");
}
