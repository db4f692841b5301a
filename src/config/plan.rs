//! `[plan]`: the prose and layout of the work plan (工作计划) a union submits upward.

use super::raw::RawPlan;
use super::validator::Validator;
use super::values;
use crate::model::{PlanParagraph, PlanSettings};
use crate::t;

/// Paragraphs of a text: blank lines separate them; the lines of one paragraph are
/// joined (with nothing between Chinese text, a space between Latin words).
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    let text = &crate::text::fit(text);
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        // A sub-heading `（一）…` is a paragraph of its own line.
        if is_sub_heading(line) {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            out.push(line.to_string());
            continue;
        }
        if current
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == ',' || c == '.')
            && line.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A second-level heading: `（一）…` to `（十）…`.
fn is_sub_heading(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('（').or_else(|| text.strip_prefix('(')) else {
        return false;
    };
    let numeral: String =
        rest.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).collect();
    !numeral.is_empty() && rest[numeral.len()..].starts_with(['）', ')'])
}

/// `[plan]`, checked.
pub(super) fn settings(v: &mut Validator<'_>, raw: &RawPlan) -> PlanSettings {
    let mut plan = PlanSettings {
        title: Validator::text(raw.title.as_ref()),
        intro: raw.intro.as_ref().map(|t| paragraphs(t.get_ref())).unwrap_or_default(),
        signature: Validator::text(raw.signature.as_ref()),
        date: raw.date.as_ref().and_then(|d| v.value(d, values::full_date)),
        ..PlanSettings::default()
    };
    for section in &raw.sections {
        let s = section.get_ref();
        let Some(title) = Validator::text(s.title.as_ref()) else {
            v.error(section.span(), t!("plan-section-no-title"), t!("plan-section-no-title-help"));
            continue;
        };
        let body = s
            .body
            .as_ref()
            .map(|b| paragraphs(b.get_ref()))
            .unwrap_or_default()
            .into_iter()
            .map(|text| PlanParagraph { sub: is_sub_heading(&text), text })
            .collect();
        plan.sections.push((title, body));
    }
    if let Some(layout) = &raw.layout {
        match layout.get_ref().as_str() {
            "list" => plan.table = false,
            "table" => plan.table = true,
            other => v.error(
                layout.span(),
                t!("plan-layout-unknown", name = other),
                t!("plan-layout-unknown-help"),
            ),
        }
    }
    for item in raw.merge.as_ref().map(|m| m.get_ref().as_slice()).unwrap_or_default() {
        let text = item.get_ref().trim();
        let parsed = text.split_once('-').and_then(|(a, b)| {
            Some((a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?))
        });
        match parsed {
            Some((first, last)) if (1..=12).contains(&first) && first < last && last <= 12 => {
                if plan.merge.iter().any(|(a, b)| first <= *b && *a <= last) {
                    v.error(
                        item.span(),
                        t!("plan-merge-overlap", text = text),
                        t!("plan-merge-overlap-help"),
                    );
                } else {
                    plan.merge.push((first, last));
                }
            }
            _ => v.error(
                item.span(),
                t!("plan-merge-invalid", text = text),
                t!("plan-merge-invalid-help"),
            ),
        }
    }
    plan.merge.sort_unstable();
    plan
}

#[cfg(test)]
mod tests {
    use super::{is_sub_heading, paragraphs};

    #[test]
    fn blank_lines_make_paragraphs() {
        assert_eq!(
            paragraphs("以习近平新时代\n中国特色社会主义思想为指导。\n\n  围绕中心。\n"),
            vec!["以习近平新时代中国特色社会主义思想为指导。", "围绕中心。"]
        );
        assert_eq!(paragraphs("Serve the\nmembers."), vec!["Serve the members."]);
        assert!(paragraphs("\n\n").is_empty());
        assert_eq!(paragraphs("（一）建强组织\n内容。"), vec!["（一）建强组织", "内容。"]);
        assert!(is_sub_heading("（一）加强组织建设"));
        assert!(!is_sub_heading("（注）无"));
        assert!(!is_sub_heading("一、标题"));
    }
}
