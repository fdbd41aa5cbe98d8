//! `lexicon list`, `lexicon doc` and `lexicon phrases`: what the chosen
//! lexicons hold, as a table, as a Markdown reference, and as the plain
//! phrase list a grep-based comparison needs.

use std::collections::BTreeSet;

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Table};
use convoscan::error::{Error, Result};
use convoscan::lexicon::{LexiconChoice, doc};

use super::super::args::{LexiconArgsOnly, LexiconDocArgs, LexiconPhrasesArgs};
use super::super::config;
use super::super::output::Output;
use super::{Status, count};

pub fn list(args: &LexiconArgsOnly) -> Result<Status> {
    let compiled = config::load_lexicons(&args.lexicons)?;
    let groups = doc::rule_groups(&compiled.lexicons);
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED).set_header([
        "Rule",
        "Languages",
        "Category",
        "Type",
        "Severity",
        "Examples",
    ]);
    for group in &groups {
        let bad: usize = group
            .infos
            .iter()
            .map(|i| i.examples.iter().filter(|e| e.should_fire).count())
            .sum();
        let good: usize = group
            .infos
            .iter()
            .map(|i| i.examples.iter().filter(|e| !e.should_fire).count())
            .sum();
        table.add_row(vec![
            Cell::new(group.id),
            Cell::new(group.languages().join(", ")),
            Cell::new(&*group.category.id),
            Cell::new(group.field(|i| i.kind.as_str().to_string())),
            Cell::new(group.field(|i| i.severity.as_str().to_string())),
            Cell::new(format!("{bad} bad, {good} good")).set_alignment(CellAlignment::Right),
        ]);
    }
    println!("{table}");
    println!(
        "{} in {}",
        count(groups.len(), "rule", "rules"),
        count(compiled.lexicons.categories.len(), "category", "categories")
    );
    Ok(Status::Passed)
}

pub fn doc(args: &LexiconDocArgs) -> Result<Status> {
    let choice = config::lexicon_choice(&args.lexicons);
    let compiled = convoscan::lexicon::load(&choice)?;
    let title = match (&args.title, &choice) {
        (Some(title), _) => title.as_str(),
        (None, LexiconChoice::BuiltIn) => doc::BUILTIN_TITLE,
        (None, _) => "Lexicon rules",
    };
    write_stdout(&doc::markdown(&compiled.lexicons, title))?;
    Ok(Status::Passed)
}

pub fn phrases(args: &LexiconPhrasesArgs) -> Result<Status> {
    let compiled = config::load_lexicons(&args.lexicons)?;
    let lexicons = &compiled.lexicons;
    if let Some(code) = &args.lang
        && lexicons.language(code).is_none()
    {
        let codes: Vec<&str> = lexicons.languages.iter().map(|l| &*l.code).collect();
        return Err(Error::usage(format!(
            "--lang {code}: no lexicons for that language (available: {})",
            codes.join(", ")
        )));
    }
    let phrases: BTreeSet<&str> = lexicons
        .languages
        .iter()
        .filter(|l| args.lang.as_deref().is_none_or(|code| *l.code == *code))
        .flat_map(|l| l.scanner.phrases())
        .collect();
    let mut text = String::new();
    for phrase in phrases {
        text.push_str(phrase);
        text.push('\n');
    }
    write_stdout(&text)?;
    Ok(Status::Passed)
}

fn write_stdout(text: &str) -> Result<()> {
    let mut out = Output::create(None)?;
    out.writer()
        .write_all(text.as_bytes())
        .map_err(|e| Error::io("standard output", e))?;
    out.finish()
}
