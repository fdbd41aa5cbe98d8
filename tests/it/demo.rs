//! The bundled demo export: `fixtures/demo/weekly-export.csv` is exactly what
//! its generator (`examples/demo_export`) makes for the committed parameters,
//! so the file can never drift from the code, and analysing it gives the
//! report the README promises: a week of conversations with every agent,
//! topic, channel and language in it.
//!
//! Structural counts are exact. Counts that depend on the lexicons are
//! ranges, and only checked for categories that have rules.

#[allow(dead_code)]
#[path = "../../examples/demo_export/generator.rs"]
mod generator;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use convoscan::lexicon::{LexiconChoice, Lexicons, load};
use convoscan::model::Speaker;
use convoscan::pipeline::{self, Progress, RunConfig};
use convoscan::record::Analysis;
use generator::{DEMO_CONVERSATIONS, DEMO_SEED, Format, Summary, Topic};

const DEMO: &str = "fixtures/demo/weekly-export.csv";
const REGENERATE: &str = "cargo run --release --example demo_export -- --conversations 400 --seed 47 --format csv > fixtures/demo/weekly-export.csv";

fn demo_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(DEMO)
}

fn generate(conversations: u64, seed: u64, format: Format) -> (Vec<u8>, Summary) {
    let mut out = Vec::new();
    let summary = generator::generate(&mut out, conversations, seed, format).expect("in memory");
    (out, summary)
}

/// Every analysed conversation of `path`, by id.
fn analyse(path: &Path, lexicons: &Lexicons) -> BTreeMap<String, Analysis> {
    let config = RunConfig {
        threads: 2,
        ..RunConfig::default()
    };
    let mut output = pipeline::run(
        &[path.to_path_buf()],
        lexicons,
        &config,
        &Progress::default(),
    )
    .expect("the export reads");
    let mut analyses = BTreeMap::new();
    while let Some(record) = output.records.next_record().expect("records") {
        let id = record.id.clone().expect("every conversation has an id");
        let analysis = record
            .analysis()
            .unwrap_or_else(|| panic!("{id} was skipped: {:?}", record.outcome))
            .clone();
        analyses.insert(id, analysis);
    }
    analyses
}

#[test]
fn committed_demo_export_is_what_its_generator_makes() {
    let committed = std::fs::read(demo_path()).expect("fixtures/demo/weekly-export.csv exists");
    let (generated, _) = generate(DEMO_CONVERSATIONS, DEMO_SEED, Format::Csv);
    if committed != generated {
        let committed = String::from_utf8_lossy(&committed);
        let generated = String::from_utf8_lossy(&generated);
        let (line, (old, new)) = committed
            .lines()
            .map(Some)
            .chain(std::iter::repeat(None))
            .zip(generated.lines().map(Some).chain(std::iter::repeat(None)))
            .take_while(|pair| *pair != (None, None))
            .enumerate()
            .find(|(_, (a, b))| a != b)
            .unwrap_or((0, (None, None)));
        panic!(
            "{DEMO} differs from its generator from line {}:\n  committed: {}\n  generated: {}\n\
             Regenerate it with:\n  {REGENERATE}",
            line + 1,
            old.unwrap_or("<end of file>"),
            new.unwrap_or("<end of file>"),
        );
    }
}

#[test]
fn generator_is_deterministic_and_ids_stay_sorted_at_any_scale() {
    let (a, summary) = generate(1_250, 9, Format::Csv);
    let (b, _) = generate(1_250, 9, Format::Csv);
    assert!(a == b, "the same parameters give the same bytes");
    let (c, _) = generate(1_250, 10, Format::Csv);
    assert!(a != c, "another seed gives another export");

    let text = String::from_utf8(a).expect("UTF-8");
    let mut ids: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    ids.dedup();
    assert_eq!(ids.len(), 1_250, "rows of a conversation are contiguous");
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "ids are unique and sorted"
    );
    assert_eq!(ids[0], "W47-00001");
    assert_eq!(ids[1_249], "W47-01250");
    assert_eq!(summary.conversations, 1_250);
    // Six scripted stories per block of 400, the first at position 12.
    assert_eq!(summary.stories, 3 * 6 + 1);
    assert!(
        !text.contains('{') && !text.contains('}'),
        "every slot is filled"
    );

    // Wider ids when the volume needs them, still sorted as text.
    let (big, _) = generate(120_000, 1, Format::Jsonl);
    let big = String::from_utf8(big).expect("UTF-8");
    let ids: Vec<&str> = big.lines().map(|l| &l[7..17]).collect();
    assert_eq!(ids.len(), 120_000);
    assert_eq!(ids[0], "W47-000001");
    assert!(ids.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn csv_and_jsonl_exports_analyse_the_same() {
    let lexicons = load(&LexiconChoice::BuiltIn)
        .expect("built-in lexicons")
        .lexicons;
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("week.csv");
    let jsonl = dir.path().join("week.jsonl");
    std::fs::write(&csv, generate(450, 3, Format::Csv).0).expect("write");
    std::fs::write(&jsonl, generate(450, 3, Format::Jsonl).0).expect("write");
    let from_csv = analyse(&csv, &lexicons);
    let from_jsonl = analyse(&jsonl, &lexicons);
    assert_eq!(from_csv.len(), 450);
    assert!(
        from_csv == from_jsonl,
        "the two formats carry the same conversations"
    );
}

#[test]
fn demo_export_shows_a_week_worth_reading() {
    let compiled = load(&LexiconChoice::BuiltIn).expect("built-in lexicons");
    let lexicons = &compiled.lexicons;
    let analyses = analyse(&demo_path(), lexicons);
    let (_, planned) = generate(DEMO_CONVERSATIONS, DEMO_SEED, Format::Csv);

    // Structure: exact.
    assert_eq!(
        analyses.len(),
        400,
        "every conversation is read and analysed"
    );
    assert_eq!(planned.conversations, 400);
    let turns: u64 = analyses.values().map(|a| u64::from(a.turns)).sum();
    assert_eq!(turns, planned.turns);
    let agents: BTreeSet<&str> = analyses
        .values()
        .flat_map(|a| a.agents.iter().map(String::as_str))
        .collect();
    assert_eq!(agents.len(), 12, "{agents:?}");
    let mut topics: BTreeMap<&str, u64> = BTreeMap::new();
    for a in analyses.values() {
        *topics
            .entry(a.topic.as_deref().expect("topic"))
            .or_default() += 1;
    }
    let expected: BTreeMap<&str, u64> = Topic::ALL
        .iter()
        .map(|t| t.id())
        .zip(planned.topics)
        .collect();
    assert_eq!(topics, expected);
    assert_eq!(topics.len(), 9);
    let channel = |name: &str| {
        analyses
            .values()
            .filter(|a| a.channel.as_deref() == Some(name))
            .count() as u64
    };
    assert_eq!(
        (channel("call"), channel("chat")),
        (planned.calls, planned.chats)
    );
    assert!(planned.calls >= 150 && planned.chats >= 150);
    let mut per_customer: BTreeMap<&str, u32> = BTreeMap::new();
    for a in analyses.values() {
        *per_customer
            .entry(a.customer_id.as_deref().expect("customer"))
            .or_default() += 1;
    }
    let returning = per_customer.values().filter(|&&n| n > 1).count() as u64;
    assert_eq!(per_customer.len() as u64, planned.customers);
    assert_eq!(returning, planned.repeat_customers);
    assert!(returning >= 10, "customers come back within the week");
    assert_eq!(planned.stories, 6);
    assert!(
        analyses
            .values()
            .all(|a| a.agent_turns > 0 && a.customer_turns > 0)
    );

    // Languages are detected, not declared: close to the plan (~70/30).
    let language = |code: &str| {
        analyses
            .values()
            .filter(|a| a.language.as_deref() == Some(code))
            .count() as u64
    };
    let (nl, en) = (language("nl"), language("en"));
    assert!(
        nl.abs_diff(planned.dutch) <= 8,
        "nl {nl}, planned {}",
        planned.dutch
    );
    assert!(
        en.abs_diff(planned.english) <= 8,
        "en {en}, planned {}",
        planned.english
    );
    assert!((250..=310).contains(&nl) && (90..=150).contains(&en));

    // Findings: only for categories that have rules, and loosely. Each
    // shows up, and most conversations stay clean.
    for category in &lexicons.categories {
        if !lexicons.rules.iter().any(|r| r.category == category.id) {
            continue;
        }
        let flagged = analyses
            .values()
            .filter(|a| a.count(&category.id) > 0)
            .count();
        assert!(
            (1..=120).contains(&flagged),
            "{}: {flagged} of 400 conversations flagged",
            category.id
        );
    }
    let agent_categories: Vec<&str> = lexicons
        .categories
        .iter()
        .filter(|c| c.subject == Speaker::Agent)
        .map(|c| &*c.id)
        .collect();
    let clean = analyses
        .values()
        .filter(|a| !agent_categories.iter().any(|c| a.count(c) > 0))
        .count();
    assert!(
        clean >= 200,
        "only {clean} of 400 conversations without agent flags"
    );
}

#[test]
fn demo_export_holds_the_seed_stories() {
    let mut reader = csv::Reader::from_path(demo_path()).expect("demo export");
    let mut by_id: BTreeMap<String, Vec<(String, String, String)>> = BTreeMap::new();
    for row in reader.records() {
        let row = row.expect("row");
        by_id.entry(row[0].to_string()).or_default().push((
            row[2].to_string(),
            row[6].to_string(),
            row[7].to_string(),
        ));
    }
    let said = |id: &str, speaker: &str, words: &str| {
        by_id[id]
            .iter()
            .any(|(_, who, text)| who == speaker && text.contains(words))
    };
    // 000: the arrangement is made, the lost job never taken up.
    assert_eq!(by_id["W47-00013"][0].0, "ruben.m");
    assert!(said("W47-00013", "customer", "baan kwijtgeraakt"));
    assert!(said(
        "W47-00013",
        "agent",
        "regeling klaar in drie termijnen"
    ));
    // 001: a birthday present today, delivered tomorrow.
    assert!(said("W47-00064", "customer", "ze is vandaag jarig"));
    assert!(said("W47-00064", "agent", "morgen is het bij u"));
    // 004: the court case in the first minute.
    assert_eq!(by_id["W47-00142"][0].0, "mark.j");
    assert!(said("W47-00142", "agent", "naar de rechter gaan"));
    // The same situations handled well.
    assert!(said("W47-00213", "agent", "Mag ik vragen hoe het komt"));
    assert!(said(
        "W47-00269",
        "agent",
        "Is het voor een speciale gelegenheid?"
    ));
    assert!(said("W47-00338", "agent", "valt dit onder de garantie"));
}
