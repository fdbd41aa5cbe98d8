//! Personal data in quotes is masked in every output unless `--no-redact`.

use tempfile::TempDir;

use super::{LEXICONS, path_str, stdout};
use crate::common::write;

const RAW: [&str; 6] = [
    "jan@voorbeeld.nl",
    "06-12345678",
    "NL91 ABNA 0417 1643 00",
    "4111 1111 1111 1111",
    "123456782",
    "1234 AB 56",
];
const MASKS: [&str; 6] = [
    "[email]",
    "[phone]",
    "[iban]",
    "[card]",
    "[bsn]",
    "[postcode]",
];

const TURN: &str = "Mail naar jan@voorbeeld.nl of bel 06-12345678, maak over op NL91 ABNA 0417 1643 00, kaart 4111 1111 1111 1111, BSN 123456782, adres 1234 AB 56, anders gaan we naar de rechter.";

fn export(dir: &TempDir) -> String {
    let text = format!(
        "conversation_id,timestamp,speaker,agent,customer,text\n\
         p-1,2024-11-18T09:00:00Z,klant,A9,K1,Ik heb een vraag over mijn factuur.\n\
         p-1,2024-11-18T09:00:20Z,agent,A9,K1,\"{TURN}\"\n\
         p-1,2024-11-18T09:00:40Z,klant,A9,K1,\"Stelletje oplichters, bel 06-12345678 of mail jan@voorbeeld.nl.\"\n"
    );
    path_str(&write(dir, "pii.csv", text)).to_string()
}

fn assert_masked(what: &str, output: &str) {
    for raw in RAW {
        assert!(!output.contains(raw), "{what} shows `{raw}`:\n{output}");
    }
    for mask in MASKS {
        assert!(output.contains(mask), "{what} lacks `{mask}`:\n{output}");
    }
}

#[test]
fn every_kind_is_masked_in_every_report_format_and_the_findings() {
    let dir = TempDir::new().unwrap();
    let export = export(&dir);
    for format in ["table", "markdown", "csv", "json", "html"] {
        let out = stdout(&[
            "report",
            &export,
            "--lexicons",
            LEXICONS,
            "--format",
            format,
        ]);
        assert_masked(&format!("report --format {format}"), &out);
    }
    let findings = stdout(&["report", &export, "--lexicons", LEXICONS, "--findings", "-"]);
    assert_masked("findings", &findings);
    // The field set of the findings file is unchanged.
    let line: serde_json::Value = serde_json::from_str(findings.lines().next().unwrap()).unwrap();
    let keys: Vec<&String> = line.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "agent_id",
            "category",
            "channel",
            "conversation_id",
            "message",
            "offset_ms",
            "quote",
            "rule",
            "severity",
            "speaker",
            "topic",
            "turn"
        ]
    );
}

#[test]
fn every_kind_is_masked_on_coaching_cards_and_in_explain() {
    let dir = TempDir::new().unwrap();
    let export = export(&dir);
    for format in ["table", "markdown", "csv", "json", "html"] {
        let out = stdout(&[
            "agent",
            "A9",
            &export,
            "--lexicons",
            LEXICONS,
            "--format",
            format,
        ]);
        assert_masked(&format!("agent --format {format}"), &out);
    }
    let explained = stdout(&["explain", "p-1", &export, "--lexicons", LEXICONS]);
    assert_masked("explain", &explained);
}

#[test]
fn no_redact_shows_the_original_text() {
    let dir = TempDir::new().unwrap();
    let export = export(&dir);
    let findings = stdout(&[
        "report",
        &export,
        "--lexicons",
        LEXICONS,
        "--findings",
        "-",
        "--no-redact",
    ]);
    let explained = stdout(&[
        "explain",
        "p-1",
        &export,
        "--lexicons",
        LEXICONS,
        "--no-redact",
    ]);
    for raw in RAW {
        assert!(findings.contains(raw), "{raw}");
        assert!(explained.contains(raw), "{raw}");
    }
}

#[test]
fn the_highlight_still_marks_the_matched_words_after_masking() {
    let dir = TempDir::new().unwrap();
    let export = export(&dir);
    let card = stdout(&[
        "agent",
        "A9",
        &export,
        "--lexicons",
        LEXICONS,
        "--format",
        "markdown",
    ]);
    assert!(
        card.contains("anders gaan we **naar de rechter**."),
        "{card}"
    );
    let explained = stdout(&[
        "explain",
        "p-1",
        &export,
        "--lexicons",
        LEXICONS,
        "--color",
        "always",
    ]);
    assert!(
        explained.contains("\x1b[1;31mnaar de rechter\x1b[0m"),
        "{explained}"
    );
}
