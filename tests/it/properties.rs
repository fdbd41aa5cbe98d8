//! Properties of whole runs over random small exports: how the input is cut
//! into files, how many threads analyse it and how often it is run never
//! changes a number or a byte of output; texts survive CSV quoting exactly;
//! and no lexicon file, however mangled, makes the loader panic.
//!
//! (That no reader panics on arbitrary or damaged bytes is stated in
//! `input::robustness`.) Case counts stay small: every case runs the binary,
//! with the small fixture rule set.

use std::path::PathBuf;

use proptest::prelude::*;
use tempfile::TempDir;

use crate::common::{read, sources, texts, write};
use crate::malformed::report;

/// Turn texts to draw from: some fire the fixture rules, some are noise,
/// some need CSV quoting.
const TEXTS: [&str; 10] = [
    "Mijn kookplaat is weer kapot.",
    "Dan gaan we naar de rechter.",
    "Zoals ik al zei, dat kan niet.",
    "Stelletje oplichters!",
    "Sinds wanneer werkt het niet?",
    "Ik stuur u een nieuwe.",
    "Goedemorgen, waarmee kan ik helpen?",
    "Ja \"precies\", dat klopt; dank u.",
    "Tot ziens,\nen een fijne dag.",
    "",
];
const SPEAKERS: [&str; 4] = ["agent", "klant", "bot", "agent"];

/// A conversation: agent, topic, and turns as (speaker, text) indices.
type Conv = (u8, u8, Vec<(usize, usize)>);

fn conversations() -> impl Strategy<Value = Vec<Conv>> {
    proptest::collection::vec(
        (
            0u8..4,
            0u8..3,
            proptest::collection::vec((0..SPEAKERS.len(), 0..TEXTS.len()), 1..7),
        ),
        1..14,
    )
}

fn rows(id: usize, conv: &Conv) -> String {
    turn_rows(id, conv).concat()
}

/// One CSV row (which may span lines) per turn.
fn turn_rows(id: usize, conv: &Conv) -> Vec<String> {
    let (agent, topic, turns) = conv;
    turns
        .iter()
        .map(|&(s, t)| {
            let text = TEXTS[t].replace('"', "\"\"");
            format!("c{id:02},{},A{agent},T{topic},\"{text}\"\n", SPEAKERS[s])
        })
        .collect()
}

const HEADER: &str = "conversation_id,speaker,agent,topic,text\n";

/// Findings and report of one run, as bytes.
fn outputs(dir: &TempDir, inputs: &[PathBuf], tag: &str, extra: &[&str]) -> (String, String) {
    let json = dir.path().join(format!("report-{tag}.json"));
    let run = report(
        inputs,
        &[
            extra,
            &[
                "--format",
                "json",
                "-o",
                json.to_str().unwrap(),
                "--findings",
                "-",
            ],
        ]
        .concat(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    (run.stdout, std::fs::read_to_string(json).unwrap())
}

/// The report without the facts that depend on how the input was cut.
fn comparable(report: &str) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(report).unwrap();
    let acc = value["accounting"].as_object_mut().unwrap();
    acc.remove("files_read");
    value
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn files_analysed_separately_or_together_give_the_same_report(
        convs in conversations(),
        cuts in proptest::collection::btree_set(1usize..14, 0..4),
    ) {
        let dir = TempDir::new().unwrap();
        let all: String = convs.iter().enumerate().map(|(i, c)| rows(i, c)).collect();
        let together = write(&dir, "together/all.csv", format!("{HEADER}{all}"));
        // Cut at conversation boundaries into several files.
        let mut parts = Vec::new();
        let mut start = 0;
        for end in cuts.into_iter().filter(|&c| c < convs.len()).chain([convs.len()]) {
            let body: String = (start..end).map(|i| rows(i, &convs[i])).collect();
            parts.push(write(&dir, &format!("split/part-{start:02}.csv"), format!("{HEADER}{body}")));
            start = end;
        }
        let (findings_one, report_one) = outputs(&dir, &[together], "one", &[]);
        let (findings_split, report_split) = outputs(&dir, &parts, "split", &[]);
        prop_assert_eq!(findings_one, findings_split);
        prop_assert_eq!(comparable(&report_one), comparable(&report_split));
        // A directory of the parts is the same as naming them.
        let (findings_dir, _) = outputs(&dir, &[dir.path().join("split")], "dir", &[]);
        let (findings_parts, _) = outputs(&dir, &parts, "parts", &[]);
        prop_assert_eq!(findings_dir, findings_parts);
    }

    #[test]
    fn output_is_byte_identical_across_runs_and_thread_counts(
        convs in conversations(),
        format in prop_oneof![Just("table"), Just("markdown"), Just("csv"), Just("json"), Just("html")],
    ) {
        let dir = TempDir::new().unwrap();
        // Scattered rows too: the second pass must not depend on threads.
        // Every conversation's first turn, then every second turn, ...
        let mut lines: Vec<(usize, String)> = convs
            .iter()
            .enumerate()
            .flat_map(|(i, c)| turn_rows(i, c).into_iter().enumerate())
            .collect();
        lines.sort_by_key(|(turn, _)| *turn);
        let body: String = lines.into_iter().map(|(_, row)| row).collect();
        let path = write(&dir, "week.csv", format!("{HEADER}{body}"));
        let run = |threads: &str, n: usize| {
            let out = dir.path().join(format!("r-{threads}-{n}"));
            let conversations = dir.path().join(format!("c-{threads}-{n}"));
            let run = report(
                std::slice::from_ref(&path),
                &["-j", threads, "--format", format, "-o", out.to_str().unwrap(),
                  "--conversations", conversations.to_str().unwrap(), "--findings", "-"],
            );
            assert_eq!(run.code, 0, "{}", run.stderr);
            (run.stdout, std::fs::read(out).unwrap(), std::fs::read(conversations).unwrap())
        };
        let first = run("1", 0);
        prop_assert_eq!(&first, &run("1", 1));
        prop_assert_eq!(&first, &run("2", 0));
        prop_assert_eq!(&first, &run("4", 0));
    }

    #[test]
    fn csv_texts_survive_quoting_exactly(
        texts_in in proptest::collection::vec("[a-zé\" ,;\t\r\n]{0,30}", 1..8),
    ) {
        let dir = TempDir::new().unwrap();
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(["conversation_id", "speaker", "text"]).unwrap();
        for text in &texts_in {
            writer.write_record(["c1", "agent", text]).unwrap();
        }
        let path = write(&dir, "q.csv", writer.into_inner().unwrap());
        let read = read(&path).unwrap();
        let expected: Vec<&str> = texts_in.iter().map(|t| t.trim()).collect();
        match read.conversations().first() {
            Some(conversation) => prop_assert_eq!(texts(conversation), expected),
            None => prop_assert!(expected.iter().all(|t| t.is_empty()), "{:?}", read.items),
        }
    }

    #[test]
    fn the_lexicon_loader_never_panics_on_damaged_rule_files(
        edits in proptest::collection::vec((any::<usize>(), prop_oneof![
            Just('"'), Just('\''), Just('['), Just(']'), Just('='), Just('\n'), Just('\\'),
            Just('('), Just('*'), Just('{'), Just('}'), any::<char>()
        ]), 1..8),
    ) {
        let mut text: Vec<char> = RULES.chars().collect();
        for (at, c) in edits {
            let at = at % (text.len() + 1);
            if c.is_ascii_digit() && at < text.len() {
                text.remove(at);
            } else {
                text.insert(at, c);
            }
        }
        let text: String = text.into_iter().collect();
        let _ = convoscan::lexicon::load_sources(sources(&[("nl/damaged.toml", &text)]));
    }
}

const RULES: &str = r#"[[set]]
id = "probleem"
phrases = ["werkt niet", "kapot*"]

[[rule]]
id = "threat.test"
category = "threat"
severity = "medium"
speaker = "agent"
message = "Threatens: {match}"
why = "Leverage escalates."
phrases = ["naar de rechter", "deurwaarder*"]
patterns = ['\b(?:een|de) advoca(?:at|ten)\b']
exceptions = ["geen deurwaarder"]
near = { phrases = ["dan"], within_words = 4 }
[rule.examples]
bad = ["Dan gaan we naar de rechter."]
good = ["We gaan niet naar de rechter."]

[[rule]]
id = "jumping_to_conclusions.test"
type = "sequence"
category = "jumping_to_conclusions"
severity = "low"
message = "Solution first"
why = "Explore first."
after = { speaker = "customer", set = "probleem" }
when = { speaker = "agent", phrases = ["ik stuur u"] }
before_any = { speaker = "agent", patterns = ['\bwat\b[^?]*\?'] }
window = { turns = 8 }
"#;
