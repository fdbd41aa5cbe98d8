//! No input makes a reader panic: arbitrary bytes, and near-valid exports
//! with random damage, end in items or a located error.

use convoscan::input::{InputConfig, InputFormat};
use convoscan::model::Limits;
use proptest::prelude::*;
use tempfile::TempDir;

use crate::common::{read_with, write};

const CSV: &[u8] = b"conversation_id;speaker;text;turn;timestamp\nc1;klant;\"hallo, ik\";1;2024-05-01 09:30\nc1;agent;goedemorgen;2;2024-05-01 09:31\nc2;agent;x;1;\n";
const JSONL: &[u8] = br#"{"id": "c1", "turns": [{"speaker": "klant", "text": "hoi", "offset": 1}, {"speaker": "agent", "text": "ja", "at": "2024-05-01T09:00:00Z"}]}
{"id": "c2", "started_at": "2024-05-01", "turns": [{"speaker": "agent", "text": "x"}]}
"#;

/// Vendor fixtures, damaged under a name that leaves detection to the
/// content (or to the subtitle extension).
const VENDOR: [(&str, &str); 11] = [
    ("connect.json", "connect/contact-lens-chat.json"),
    ("transcribe", "transcribe/call-analytics-retour-8812.json"),
    ("genesys.json", "genesys/transcript-call.json"),
    ("ccai.json", "ccai/chat-20240503-0931.json"),
    ("zendesk.json", "zendesk/ticket-48213.json"),
    ("intercom.json", "intercom/conversation-1911149811.json"),
    ("twilio.json", "twilio/messages-whatsapp.json"),
    ("whisper.json", "whisper/call-0612.json"),
    ("x.vtt", "vtt/call-0613.vtt"),
    ("x.srt", "srt/call-0614.srt"),
    ("x.txt", "text/chat-0615.txt"),
];

fn config(format: Option<InputFormat>) -> InputConfig {
    InputConfig {
        format,
        limits: Limits {
            max_turns: 50,
            max_conversation_bytes: 4096,
            max_field_bytes: 1024,
        },
        ..InputConfig::default()
    }
}

fn damage(base: &[u8], edits: &[(usize, u8)]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    for &(at, byte) in edits {
        let at = at % (bytes.len() + 1);
        if byte % 3 == 0 && at < bytes.len() {
            bytes.remove(at);
        } else {
            bytes.insert(at, byte);
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let dir = TempDir::new().unwrap();
        let path = write(&dir, "x", &bytes);
        let formats = std::iter::once(None).chain(InputFormat::ALL.into_iter().map(Some));
        for format in formats {
            let _ = read_with(&path, &config(format));
        }
    }

    #[test]
    fn damaged_exports_never_panic(
        edits in proptest::collection::vec((any::<usize>(), prop_oneof![
            Just(b'"'), Just(b';'), Just(b'\n'), Just(b'\r'), Just(b'{'), Just(b'['),
            Just(0xff), Just(0xfe), Just(b','), Just(b'\t'), any::<u8>()
        ]), 1..6)
    ) {
        let dir = TempDir::new().unwrap();
        let csv = write(&dir, "x.csv", damage(CSV, &edits));
        let _ = read_with(&csv, &config(None));
        let jsonl = write(&dir, "x.jsonl", damage(JSONL, &edits));
        let _ = read_with(&jsonl, &config(None));
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/formats");
        for (name, fixture) in VENDOR {
            let bytes = std::fs::read(fixtures.join(fixture)).unwrap();
            let path = write(&dir, name, damage(&bytes, &edits));
            let _ = read_with(&path, &config(None));
        }
    }
}
