//! Report categories: `categories.toml` at a lexicon's root.
//!
//! Categories are data, like rules: an analyst's own category (say
//! `promise_not_kept`) declared here appears in every report format without
//! code changes. The built-in ids are part of the output contract, so a
//! directory that extends the built-ins may add categories but not redeclare
//! one.

use crate::lexicon::compile::{Problems, is_identifier};
use crate::lexicon::compiled::Category;
use crate::lexicon::load::{ParsedFile, Provenance};
use crate::model::Speaker;

pub(crate) fn compile_categories(files: &[ParsedFile], problems: &mut Problems) -> Vec<Category> {
    let mut categories: Vec<Category> = Vec::new();
    for file in files {
        if !file.file.category.is_empty() && file.source.language.is_some() {
            problems.error(
                file,
                file.file.category[0].span(),
                "categories are declared in categories.toml at the lexicon root",
            );
            continue;
        }
        for spec in &file.file.category {
            let spec = spec.get_ref();
            let id = spec.id.get_ref();
            if !is_identifier(id) || id.contains('.') {
                problems.error(
                    file,
                    spec.id.span(),
                    format!("category id `{id}` must be snake_case (a-z, 0-9, _)"),
                );
                continue;
            }
            if let Some(first) = categories.iter().find(|c| &*c.id == id) {
                let message = if first.builtin && file.source.provenance == Provenance::User {
                    format!(
                        "category `{id}` is already a built-in category; a lexicon directory added to the built-ins (+DIR, --extend-lexicons) only declares new categories: remove it here, or choose a new id"
                    )
                } else {
                    format!("category `{id}` is declared twice")
                };
                problems.error(file, spec.id.span(), message);
                continue;
            }
            let subject = match spec.subject.get_ref().as_str() {
                "agent" => Speaker::Agent,
                "customer" => Speaker::Customer,
                other => {
                    problems.error(
                        file,
                        spec.subject.span(),
                        format!("subject must be \"agent\" or \"customer\", not \"{other}\""),
                    );
                    continue;
                }
            };
            categories.push(Category {
                id: id.as_str().into(),
                label: spec.label.get_ref().clone(),
                description: spec.description.get_ref().clone(),
                subject,
                builtin: file.source.provenance == Provenance::BuiltIn,
            });
        }
    }
    categories
}
