//! The rule reference, generated from the rule files (`lexicon doc`).
//!
//! Rule files already hold everything a reader needs (id, category,
//! severity, message, why, examples), so the reference is rendered from
//! them instead of being written by hand and drifting. The built-in
//! reference is committed as `lexicons/README.md`; a test keeps it equal to
//! this output. The output is deterministic: categories in declared order,
//! rules by id, languages sorted, examples in file order, no line numbers
//! (which would change with every edit above a rule).

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::lexicon::compiled::{Category, Lexicons, RuleInfo};

/// The title of the built-in reference.
pub const BUILTIN_TITLE: &str = "Built-in lexicon rules";

/// The command that regenerates the built-in reference.
pub const REGENERATE: &str = "cargo run -q -- lexicon doc > lexicons/README.md";

/// One rule id with its definitions in every language.
#[derive(Debug)]
pub struct RuleGroup<'a> {
    pub id: &'a str,
    pub category: &'a Category,
    /// One per language, sorted by language.
    pub infos: Vec<&'a RuleInfo>,
}

impl RuleGroup<'_> {
    pub fn languages(&self) -> Vec<&str> {
        self.infos.iter().map(|i| &*i.language).collect()
    }

    /// The distinct values of a field across languages, joined; a value
    /// that differs per language is shown with its language.
    pub fn field(&self, value: impl Fn(&RuleInfo) -> String) -> String {
        let values: BTreeSet<String> = self.infos.iter().map(|i| value(i)).collect();
        if values.len() <= 1 {
            return values.into_iter().next().unwrap_or_default();
        }
        self.infos
            .iter()
            .map(|i| format!("{} ({})", value(i), i.language))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Rules grouped by id, in category order (as declared), then by id.
pub fn rule_groups(lexicons: &Lexicons) -> Vec<RuleGroup<'_>> {
    let mut groups: Vec<RuleGroup<'_>> = Vec::new();
    for category in &lexicons.categories {
        let ids: BTreeSet<&str> = lexicons
            .rules
            .iter()
            .filter(|r| r.category == category.id)
            .map(|r| &*r.id)
            .collect();
        for id in ids {
            let mut infos: Vec<&RuleInfo> = lexicons.rules_with_id(id).collect();
            infos.sort_by(|a, b| a.language.cmp(&b.language));
            groups.push(RuleGroup {
                id,
                category,
                infos,
            });
        }
    }
    groups
}

/// The Markdown reference of every rule of `lexicons`.
pub fn markdown(lexicons: &Lexicons, title: &str) -> String {
    let groups = rule_groups(lexicons);
    let languages: BTreeSet<&str> = lexicons.languages.iter().map(|l| &*l.code).collect();
    let mut md = String::new();
    let _ = writeln!(md, "# {title}\n");
    let _ = writeln!(
        md,
        "<!-- Generated from the rule files by `convoscan lexicon doc`; do not edit by hand.\n     Regenerate: {REGENERATE} -->\n"
    );
    let _ = writeln!(
        md,
        "{} in {}; languages: {}. For every rule: what it reports, why it\nmatters, and its own examples. **Fires on** examples must fire the rule and **does not\nfire on** examples must not; `convoscan lexicon test` checks both.\n",
        match groups.len() {
            1 => "1 rule".to_string(),
            n => format!("{n} rules"),
        },
        match lexicons.categories.len() {
            1 => "1 category".to_string(),
            n => format!("{n} categories"),
        },
        languages.into_iter().collect::<Vec<_>>().join(", ")
    );
    md.push_str("| category | id | subject | rules |\n| --- | --- | --- | --- |\n");
    for category in &lexicons.categories {
        let count = groups
            .iter()
            .filter(|g| g.category.id == category.id)
            .count();
        let _ = writeln!(
            md,
            "| [{}](#{}) | `{}` | {} | {count} |",
            inline(&category.label),
            anchor(&category.label),
            category.id,
            category.subject.as_str()
        );
    }
    for category in &lexicons.categories {
        let _ = writeln!(md, "\n## {}\n", category.label);
        let _ = writeln!(
            md,
            "`{}` · about the {}\n\n{}\n",
            category.id,
            category.subject.as_str(),
            inline(&category.description)
        );
        let rules: Vec<&RuleGroup<'_>> = groups
            .iter()
            .filter(|g| g.category.id == category.id)
            .collect();
        if rules.is_empty() {
            md.push_str("No rules.\n");
            continue;
        }
        md.push_str("| rule | type | severity | languages |\n| --- | --- | --- | --- |\n");
        for group in &rules {
            let _ = writeln!(
                md,
                "| [`{}`](#{}) | {} | {} | {} |",
                group.id,
                anchor(group.id),
                group.field(|i| i.kind.as_str().to_string()),
                group.field(|i| i.severity.as_str().to_string()),
                group.languages().join(", ")
            );
        }
        for group in rules {
            rule_section(&mut md, group);
        }
    }
    md
}

fn rule_section(md: &mut String, group: &RuleGroup<'_>) {
    let _ = writeln!(md, "\n### `{}`\n", group.id);
    let _ = writeln!(
        md,
        "- **Type:** {} · **Severity:** {} · **Languages:** {}",
        group.field(|i| i.kind.as_str().to_string()),
        group.field(|i| i.severity.as_str().to_string()),
        group.languages().join(", ")
    );
    let _ = writeln!(
        md,
        "- **Reported on:** {}",
        group.field(|i| i.speaker.map_or("any", |s| s.as_str()).to_string() + " turns")
    );
    let _ = writeln!(
        md,
        "- **Message:** {}",
        group.field(|i| format!("`{}`", i.message.replace('`', "'")))
    );
    let _ = writeln!(md, "- **Why:** {}", group.field(|i| inline(&i.why)));
    let sources: BTreeSet<String> = group
        .infos
        .iter()
        .map(|i| {
            format!(
                "`{}`",
                i.location.path.display().to_string().replace('\\', "/")
            )
        })
        .collect();
    let _ = writeln!(
        md,
        "- **Source:** {}",
        sources.into_iter().collect::<Vec<_>>().join(", ")
    );
    for info in &group.infos {
        for (should_fire, label) in [(true, "Fires on"), (false, "Does not fire on")] {
            let examples: Vec<&str> = info
                .examples
                .iter()
                .filter(|e| e.should_fire == should_fire)
                .map(|e| e.text.trim())
                .collect();
            if examples.is_empty() {
                continue;
            }
            let _ = writeln!(md, "\n{label} ({}):\n", info.language);
            let mut after_block = false;
            for example in examples {
                if example.contains('\n') {
                    let body: Vec<&str> = example.lines().map(str::trim).collect();
                    if after_block {
                        md.push('\n');
                    }
                    let _ = writeln!(md, "```text\n{}\n```", body.join("\n"));
                    after_block = true;
                } else {
                    if after_block {
                        md.push('\n');
                    }
                    let _ = writeln!(md, "- {}", inline(example));
                    after_block = false;
                }
            }
        }
    }
}

/// GitHub's heading anchor: lowercase, spaces to `-`, other punctuation
/// (but `-` and `_`) dropped.
fn anchor(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// Text made safe for a Markdown line: markup characters escaped, line
/// breaks joined.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for ch in word.chars() {
            if matches!(ch, '\\' | '`' | '*' | '_' | '<' | '>' | '[' | ']' | '|') {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_and_escaping() {
        assert_eq!(anchor("Jumping to conclusions"), "jumping-to-conclusions");
        assert_eq!(anchor("threat.legal_action"), "threatlegal_action");
        assert_eq!(inline("a *b*\n  c|d"), "a \\*b\\* c\\|d");
    }
}
