//! Metadata from file paths and side CSVs.

use std::sync::Arc;

use convoscan::input::InputConfig;
use convoscan::input::meta::{MetaTable, PathPattern};
use tempfile::TempDir;

use super::{convoscan, fixture, ms, only};
use crate::common::{read_with, write};
use crate::input::csv::gzip;

#[test]
fn metadata_from_the_path() {
    let dir = TempDir::new().unwrap();
    let text = std::fs::read(fixture("text/chat-0615.txt")).unwrap();
    let path = write(&dir, "exports/A17/2024-05-01_0417.txt.gz", gzip(&text));
    let config = InputConfig {
        meta_from_path: Some(PathPattern::new("{agent}/{date}_{id}.txt").unwrap()),
        ..InputConfig::default()
    };
    let read = read_with(&path, &config).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "0417");
    assert_eq!(c.agents, ["A17"]);
    assert_eq!(c.agent_of_turn(1), Some("A17"));
    assert_eq!(c.started_at_ms, Some(ms("2024-05-01T00:00:00Z")));
    // An export's own agent wins; the path's id does not rename it.
    let genesys = std::fs::read(fixture("genesys/transcript-call.json")).unwrap();
    let path = write(&dir, "exports/B2/2024-05-02_x.json", genesys);
    let config = InputConfig {
        meta_from_path: Some(PathPattern::new("{agent}/{date}_{id}.json").unwrap()),
        ..InputConfig::default()
    };
    let read = read_with(&path, &config).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "b6f0e3a2-2c71-4d9b-a8f4-5e6d7c8b9a01");
    assert_eq!(c.agents, ["0f9e8d7c-6b5a-4c3d-2e1f-a0b9c8d7e6f5"]);
    assert_eq!(c.started_at_ms, Some(1_714_555_800_000));
    // A path the pattern does not fit is an error, through the CLI too.
    let other = write(&dir, "loose.txt", &text);
    let err = read_with(&other, &config).unwrap_err().to_string();
    assert!(err.contains("does not match --meta-from-path"), "{err}");
    let (code, _, stderr) = convoscan(&[
        "report",
        other.to_str().unwrap(),
        "--meta-from-path",
        "calls/{agent}/{id}.txt",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("does not match"), "{stderr}");
    let (code, _, stderr) = convoscan(&[
        "report",
        other.to_str().unwrap(),
        "--meta-from-path",
        "{who}/{id}.txt",
    ]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("unknown placeholder {who}"), "{stderr}");
}

#[test]
fn metadata_from_a_side_csv() {
    let dir = TempDir::new().unwrap();
    let meta = write(
        &dir,
        "gesprekken.csv",
        "Gesprek ID;Medewerker;Onderwerp;Kanaal;Klantnummer;Tijdstip\n\
         7f3c9d2e-5a41-4b7e-9c1d-2e8f6a0b4c11;S.deVries;incasso;telefoon;K-2291;2024-05-01 09:30:00\n\
         chat-0615;A4;klachten;chat;;\n",
    );
    let config = InputConfig {
        meta: Some(Arc::new(MetaTable::load(&meta).unwrap())),
        ..InputConfig::default()
    };
    let read = read_with(&fixture("connect/contact-lens-call.json"), &config).unwrap();
    let c = only(&read);
    assert_eq!(c.agents, ["S.deVries"]);
    // The export's own category stays the topic; only gaps are filled.
    assert_eq!(c.topic.as_deref(), Some("Betalingsregeling"));
    assert_eq!(c.customer_id.as_deref(), Some("K-2291"));
    assert_eq!(c.started_at_ms, Some(ms("2024-05-01T09:30:00Z")));
    assert!(read.stats.warnings.is_empty(), "{:?}", read.stats.warnings);
    let read = read_with(&fixture("text/chat-0615.txt"), &config).unwrap();
    let c = only(&read);
    assert_eq!(
        (c.agents.as_slice(), c.topic.as_deref()),
        (&["A4".to_string()][..], Some("klachten"))
    );
    assert_eq!(c.channel.as_deref(), Some("chat"));
    // Conversations without a row are reported.
    let read = read_with(&fixture("srt/call-0614.srt"), &config).unwrap();
    assert_eq!(read.stats.warnings.len(), 1);
    assert!(
        read.stats.warnings[0].contains("1 conversation without a row in --meta"),
        "{:?}",
        read.stats.warnings
    );
    // Through the CLI, and with its errors.
    let (code, _, stderr) = convoscan(&[
        "report",
        fixture("text/chat-0615.txt").to_str().unwrap(),
        "--meta",
        meta.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let dup = write(&dir, "dup.csv", "conversation_id,agent\nc1,A\nc1,B\n");
    let err = MetaTable::load(&dup).unwrap_err().to_string();
    assert!(
        err.contains("dup.csv:3: --meta: conversation id \"c1\" is also on line 2"),
        "{err}"
    );
    let no_id = write(&dir, "noid.csv", "agent,topic\nA,b\n");
    let err = MetaTable::load(&no_id).unwrap_err().to_string();
    assert!(err.contains("no conversation id column"), "{err}");
}
