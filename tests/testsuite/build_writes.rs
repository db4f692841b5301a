//! Writing a build: a failed or killed build leaves the old outputs or the new ones whole,
//! never a mix; an unchanged rebuild writes nothing, and the record of a build is trusted
//! only while its inputs and files are as recorded.

use std::path::{Path, PathBuf};

use super::build::{assert_no_temporaries, build, hospital, unioncal};

#[test]
fn a_failed_build_leaves_the_previous_outputs_intact() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&hospital(), &out, &["--year", "2026"]);
    let before = std::fs::read(out.join("pku6-union.ics")).unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("month.html"), "{{ no_such_variable }}").unwrap();
    unioncal()
        .args([
            "build",
            hospital().to_str().unwrap(),
            "--year",
            "2027",
            "--out",
            out.to_str().unwrap(),
            "--templates",
            templates.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("month.html"));
    assert_eq!(std::fs::read(out.join("pku6-union.ics")).unwrap(), before);
    assert_no_temporaries(&out);
}

/// Every file below `dir` with its bytes, by its path relative to `dir`.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    files
}

#[test]
fn a_build_that_fails_while_writing_changes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&hospital(), &out, &["--year", "2026"]);
    // A folder where the new build must write a page: the feeds come first in the
    // build's list, the pages after them.
    std::fs::remove_file(out.join("print.html")).unwrap();
    std::fs::create_dir(out.join("print.html")).unwrap();
    let before = snapshot(&out);
    unioncal()
        .args([
            "build",
            hospital().to_str().unwrap(),
            "--year",
            "2027",
            "--out",
            out.to_str().unwrap(),
        ])
        .assert()
        .code(3)
        .stderr(predicates::str::contains("print.html"));
    assert_eq!(snapshot(&out), before, "every output as it was");
}

#[test]
fn a_build_killed_at_any_moment_leaves_old_or_new_complete_files() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new, out) = (dir.path().join("old"), dir.path().join("new"), dir.path().join("out"));
    build(&hospital(), &old, &["--year", "2026"]);
    build(&hospital(), &new, &["--year", "2027"]);
    build(&hospital(), &out, &["--year", "2026"]);
    let bin = assert_cmd::cargo::cargo_bin("unioncal");
    // How long a whole build takes here, to spread the kills over it.
    let started = std::time::Instant::now();
    build(&hospital(), &dir.path().join("timing"), &["--year", "2027"]);
    let whole = u64::try_from(started.elapsed().as_micros()).unwrap().max(1000);
    for i in 0..40u64 {
        // Alternate the years, so that every run has files to replace.
        let year = if i % 2 == 0 { "2027" } else { "2026" };
        let mut child = std::process::Command::new(&bin)
            .arg("build")
            .args([
                hospital().to_str().unwrap(),
                "--year",
                year,
                "--out",
                out.to_str().unwrap(),
                "-q",
            ])
            .env("SOURCE_DATE_EPOCH", "1790000000")
            .spawn()
            .unwrap();
        // Kill it somewhere between start and finish (a build takes a few milliseconds).
        std::thread::sleep(std::time::Duration::from_micros(whole * (i % 20) / 16));
        let _ = child.kill();
        let _ = child.wait();
        // Temporary files of the killed run (never a served name) are left out.
        for name in crate::support::files_under(&out) {
            let name = name.to_string_lossy();
            let got = std::fs::read(out.join(&*name)).unwrap();
            let is_old =
                old.join(&*name).exists() && std::fs::read(old.join(&*name)).unwrap() == got;
            let is_new =
                new.join(&*name).exists() && std::fs::read(new.join(&*name)).unwrap() == got;
            assert!(is_old || is_new, "{name} is neither the old nor the new file after kill {i}");
        }
    }
    // The next complete build replaces everything and clears what the killed ones left.
    build(&hospital(), &out, &["--year", "2027"]);
    for name in crate::support::files_under(&new) {
        assert_eq!(
            std::fs::read(out.join(&name)).unwrap(),
            std::fs::read(new.join(&name)).unwrap(),
            "{name:?}"
        );
    }
    assert_no_temporaries(&out);
}

#[test]
fn an_unchanged_rebuild_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    build(&hospital(), dir.path(), &["--year", "2027"]);
    let times = |dir: &Path| -> Vec<(PathBuf, std::time::SystemTime)> {
        crate::support::files_under(dir)
            .into_iter()
            .map(|name| {
                let modified = std::fs::metadata(dir.join(&name)).unwrap().modified().unwrap();
                (name, modified)
            })
            .collect()
    };
    let before = times(dir.path());
    std::thread::sleep(std::time::Duration::from_millis(50));
    build(&hospital(), dir.path(), &["--year", "2027"]);
    assert_eq!(times(dir.path()), before, "identical files keep their time");
    // A change rewrites what it changes and nothing else.
    let input = tempfile::tempdir().unwrap();
    let changed = input.path().join("changed.toml");
    let text = std::fs::read_to_string(hospital()).unwrap().replace("歌咏比赛", "合唱比赛");
    std::fs::write(&changed, text).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(50));
    build(&changed, dir.path(), &["--year", "2027"]);
    let after = times(dir.path());
    let rewritten: Vec<String> = before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a.1 != b.1)
        .map(|(a, _)| a.0.to_string_lossy().into_owned())
        .collect();
    assert!(rewritten.contains(&"pku6-union.ics".to_string()), "{rewritten:?}");
    assert!(rewritten.contains(&"events/choir.ics".to_string()), "{rewritten:?}");
    assert!(!rewritten.contains(&"events/womens-day.ics".to_string()), "{rewritten:?}");
    assert!(!rewritten.contains(&"2027-01.html".to_string()), "{rewritten:?}");
}

/// One small feed, byte for byte: its structure, folding, time zone and escaping pinned.
#[test]
fn a_rebuild_skips_rendering_only_while_inputs_and_files_are_as_recorded() {
    let dir = tempfile::tempdir().unwrap();
    let (out, cache) = (dir.path().join("out"), dir.path().join("cache"));
    let run = |extra: &[&str]| {
        let mut cmd = unioncal();
        cmd.env("UNIONCAL_CACHE_DIR", &cache).arg("build").arg(hospital()).arg("--out").arg(&out);
        let done = cmd.args(["--year", "2027", "-v"]).args(extra).assert().success();
        String::from_utf8(done.get_output().stderr.clone()).unwrap()
    };
    let first = run(&[]);
    let built = std::fs::read(out.join("plan.md")).unwrap();
    let records: Vec<_> = crate::support::files_under(&cache.join("builds"));
    assert_eq!(records.len(), 1, "one record, in the cache folder, not among the outputs");
    assert!(!crate::support::files_under(&out)
        .iter()
        .any(|n| n.to_string_lossy().contains("record")));
    // Nothing changed: the record is not rewritten, for nothing was rendered or written.
    let record = cache.join("builds").join(&records[0]);
    let recorded = std::fs::metadata(&record).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(50));
    let again = run(&[]);
    assert_eq!(std::fs::metadata(&record).unwrap().modified().unwrap(), recorded);
    // It says so, and -v lists the same files and sizes as the build that wrote them.
    assert!(first.contains("files written to") && !first.contains("up to date"), "{first}");
    assert!(again.contains("nothing changed: the 51 files in"), "{again}");
    let listed = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|l| l.starts_with("  ") && l.ends_with(" bytes)"))
            .map(String::from)
            .collect()
    };
    assert_eq!(listed(&first).len(), 51, "{first}");
    assert_eq!(listed(&again), listed(&first));
    let chinese = unioncal()
        .env("UNIONCAL_CACHE_DIR", &cache)
        .args(["--lang", "zh", "build"])
        .arg(hospital())
        .arg("--out")
        .arg(&out)
        .args(["--year", "2027"])
        .output()
        .unwrap();
    let chinese = String::from_utf8(chinese.stderr).unwrap();
    assert!(chinese.contains("没有变化") && chinese.contains("51 个文件已是最新"), "{chinese}");
    // A file edited by hand is not trusted: the build writes it again.
    std::fs::write(out.join("plan.md"), "edited").unwrap();
    run(&[]);
    assert_eq!(std::fs::read(out.join("plan.md")).unwrap(), built);
    // A file removed comes back.
    std::fs::remove_file(out.join("events/choir.ics")).unwrap();
    run(&[]);
    assert!(out.join("events/choir.ics").exists());
    // A changed template makes a full build.
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("plan.md"), "{{ name }}\n").unwrap();
    run(&["--templates", templates.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(out.join("plan.md")).unwrap(), "北大六院工会\n");
    std::fs::write(templates.join("plan.md"), "{{ name }}!\n").unwrap();
    run(&["--templates", templates.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(out.join("plan.md")).unwrap(), "北大六院工会!\n");
    // The same text under another file name is another calendar (its slug is the name).
    let text =
        "[calendar]\nname = \"x\"\n[[events]]\nid = \"a\"\ntitle = \"A\"\ndate = \"3月8日\"\n";
    let small = dir.path().join("small");
    for name in ["first.toml", "second.toml"] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let mut cmd = unioncal();
        cmd.env("UNIONCAL_CACHE_DIR", &cache).arg("build").arg(&path).arg("--out").arg(&small);
        cmd.args(["--year", "2027"]).assert().success();
    }
    assert!(small.join("first.ics").exists() && small.join("second.ics").exists());
    // Another time stamp is another build.
    let before = std::fs::read(out.join("pku6-union.ics")).unwrap();
    let mut cmd = unioncal();
    cmd.env("UNIONCAL_CACHE_DIR", &cache).env("SOURCE_DATE_EPOCH", "1800000000");
    cmd.arg("build").arg(hospital()).arg("--out").arg(&out).args(["--year", "2027"]);
    cmd.args(["--templates", templates.to_str().unwrap()]).assert().success();
    assert_ne!(std::fs::read(out.join("pku6-union.ics")).unwrap(), before);
}
