//! The documents stay true: the calendar format's reference names every key the program
//! reads (checked against `unioncal schema`, table by table), the README is a front page of
//! at most 200 lines that links the user guide, and every link between the documents leads
//! to a file that exists.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::support::bin;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each `## `[table]`` section of the reference: the keys its table rows name.
fn documented() -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(root().join("docs/reference.md")).unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut section = String::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            section = heading.split('`').nth(1).unwrap_or_default().to_string();
            out.entry(section.clone()).or_default();
        } else if let Some(row) = line.strip_prefix("| `") {
            let key = row.split('`').next().unwrap_or_default();
            out.entry(section.clone()).or_default().insert(key.to_string());
        }
    }
    out
}

#[test]
fn the_reference_names_every_key_of_the_schema_and_no_other() {
    let out = bin().arg("schema").output().unwrap();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let keys = |value: &serde_json::Value| -> BTreeSet<String> {
        value["properties"].as_object().unwrap().keys().cloned().collect()
    };
    // Which table of the file each part of the schema is.
    let tables = [
        ("[calendar]", "RawCalendar"),
        ("[defaults]", "RawDefaults"),
        ("[categories.KEY]", "RawCategory"),
        ("[[events]]", "RawEvent"),
        ("[[events.changes]]", "RawChange"),
        ("edition", "RawEdition"),
        ("[holidays]", "RawHolidays"),
        ("[[holidays.periods]]", "RawPeriod"),
        ("[plan]", "RawPlan"),
        ("[[plan.sections]]", "RawPlanSection"),
        ("[care]", "RawCare"),
        ("[care.birthdays]", "RawBirthdays"),
        ("[care.retirement]", "RawRetirement"),
    ];
    let definitions = schema["$defs"].as_object().unwrap();
    let mapped: BTreeSet<&str> = tables.iter().map(|(_, d)| *d).collect();
    let with_keys: BTreeSet<&str> = definitions
        .iter()
        .filter(|(_, d)| d.get("properties").is_some())
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(mapped, with_keys, "a table of the schema has no section in docs/reference.md");
    let documented = documented();
    for (table, definition) in tables {
        let Some(written) = documented.get(table) else {
            panic!("docs/reference.md has no section `{table}`")
        };
        assert_eq!(written, &keys(&definitions[definition]), "the keys of `{table}`");
    }
    // The file's own tables: one section each.
    for top in keys(&schema) {
        assert!(documented.keys().any(|t| t.contains(&top)), "no section for `{top}`");
    }
}

/// The relative links of a Markdown file: `](target)`.
fn links(text: &str) -> Vec<String> {
    text.split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .map(|target| target.split('#').next().unwrap_or_default().to_string())
        .filter(|target| !target.is_empty() && !target.contains("://"))
        .collect()
}

#[test]
fn the_readme_is_a_front_page_and_every_link_leads_somewhere() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(readme.lines().count() <= 200, "README.md has {} lines", readme.lines().count());
    assert!(readme.contains("](docs/guide/README.md)"), "the README links the user guide");
    assert!(readme.contains("](docs/reference.md)") && readme.contains("](ARCHITECTURE.md)"));
    let mut documents = vec![root().join("README.md"), root().join("ARCHITECTURE.md")];
    documents.extend(
        crate::support::files_under(&root().join("docs"))
            .into_iter()
            .filter(|f| f.extension().is_some_and(|e| e == "md"))
            .map(|f| root().join("docs").join(f)),
    );
    for document in documents {
        let text = std::fs::read_to_string(&document).unwrap();
        let folder = document.parent().unwrap_or(Path::new("."));
        for target in links(&text) {
            assert!(folder.join(&target).exists(), "{}: {target} is missing", document.display());
        }
    }
}

#[test]
fn the_guide_has_every_chapter_an_officer_needs() {
    let guide = root().join("docs/guide");
    let index = std::fs::read_to_string(guide.join("README.md")).unwrap();
    for words in ["在 Windows", "写活动", "放假通知", "关怀工作", "打印", "订阅", "常见"]
    {
        assert!(index.contains(words), "the guide's contents lack {words}");
    }
    // Officers read Chinese: every chapter is.
    for chapter in crate::support::files_under(&guide) {
        let text = std::fs::read_to_string(guide.join(&chapter)).unwrap();
        let chinese = text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).count();
        assert!(chinese > 100, "{} is hardly Chinese", chapter.display());
    }
}
