//! Sources, detection and directory walking.

use std::path::PathBuf;

use convoscan::input::walk::walk;
use convoscan::input::{InputConfig, InputFormat, detect::detect_format};
use convoscan::model::Speaker;
use tempfile::TempDir;

use crate::common::{read, read_with, texts, write};

#[test]
fn directories_are_walked_in_sorted_order_without_hidden_entries() {
    let dir = TempDir::new().unwrap();
    let row = "conversation_id,speaker,text\nc,agent,x\n";
    write(&dir, "b/week2.csv", row);
    write(&dir, "b/week1.CSV.gz", row);
    write(&dir, "a.jsonl", "{}");
    write(&dir, "c/deep/z.ndjson", "{}");
    write(&dir, "notes.md", "not an export");
    write(&dir, ".hidden.csv", row);
    write(&dir, ".git/config.csv", row);
    write(&dir, "b/.~lock.week2.csv#", row);
    let explicit = write(&dir, "other/export.txt", row);
    let files = walk(&[
        dir.path().to_path_buf(),
        explicit.clone(),
        PathBuf::from("-"),
    ])
    .unwrap();
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            f.path.strip_prefix(dir.path()).map_or_else(
                |_| f.path.display().to_string(),
                |p| p.display().to_string(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            "a.jsonl",
            "b/week1.CSV.gz",
            "b/week2.csv",
            "c/deep/z.ndjson",
            "other/export.txt",
            "-"
        ]
    );
    let indices: Vec<u32> = files.iter().map(|f| f.index).collect();
    assert_eq!(indices, [0, 1, 2, 3, 4, 5]);
}

#[test]
fn a_file_named_twice_is_read_once() {
    let dir = TempDir::new().unwrap();
    let a = write(&dir, "a.csv", "x");
    let files = walk(&[a.clone(), dir.path().to_path_buf()]).unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].path, a);
}

#[test]
fn missing_paths_are_named() {
    let dir = TempDir::new().unwrap();
    let missing = dir.path().join("nope.csv");
    let err = walk(std::slice::from_ref(&missing))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(&format!("{}: ", missing.display())),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_files_in_directories_are_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "sub/locked.csv", "x");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        eprintln!("skipping: running with permission to read any file (root)");
        return;
    }
    let err = walk(&[dir.path().to_path_buf()]).unwrap_err().to_string();
    assert!(err.starts_with(&format!("{}: ", path.display())), "{err}");
}

#[test]
fn format_by_extension_then_content() {
    let dir = TempDir::new().unwrap();
    let jsonl = r#"{"id": "c1", "turns": [{"speaker": "agent", "text": "hoi"}]}"#;
    let csv = "conversation_id,speaker,text\nc1,agent,hoi\n";
    assert_eq!(
        detect_format(&write(&dir, "a.json", jsonl)).unwrap(),
        InputFormat::Jsonl
    );
    assert_eq!(
        detect_format(&write(&dir, "b.txt", csv)).unwrap(),
        InputFormat::Csv
    );
    assert_eq!(
        detect_format(&write(&dir, "c", format!("\n\n{jsonl}"))).unwrap(),
        InputFormat::Jsonl
    );
    // The extension decides when it is unambiguous.
    assert_eq!(
        detect_format(&write(&dir, "d.csv", jsonl)).unwrap(),
        InputFormat::Csv
    );
    let gz = crate::input::csv::gzip(jsonl.as_bytes());
    assert_eq!(
        detect_format(&write(&dir, "e.gz", gz)).unwrap(),
        InputFormat::Jsonl
    );
    let err = detect_format(&write(&dir, "f.json", "[{}]"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("JSON array"), "{err}");
    let path = write(&dir, "g.jsonl", "  \n");
    let err = detect_format(&path).unwrap_err().to_string();
    assert!(err.contains("empty file"), "{err}");

    // `open` detects the same way and reads with the right reader.
    let read = read(&write(&dir, "h.json", jsonl)).unwrap();
    assert_eq!(texts(read.conversation("c1")), ["hoi"]);
    let config = InputConfig {
        format: Some(InputFormat::Csv),
        ..InputConfig::default()
    };
    let read = read_with(&write(&dir, "i.jsonl", csv), &config).unwrap();
    assert_eq!(read.conversations().len(), 1);
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_exports_are_decoded() {
    let dir = TempDir::new().unwrap();
    let tsv =
        "Gesprek ID\tSpreker\tTekst\r\ng1\tKlant\tÉén vraag 😀\r\ng1\tMedewerker\tGraag gedaan\r\n";
    for big_endian in [false, true] {
        let path = write(&dir, "unicode.txt", utf16(tsv, big_endian));
        let read = read(&path).unwrap();
        let g1 = read.conversation("g1");
        assert_eq!(texts(g1), ["Één vraag 😀", "Graag gedaan"]);
        assert_eq!(g1.turns[0].speaker, Speaker::Customer);
        assert_eq!(read.stats.bytes, utf16(tsv, big_endian).len() as u64);
    }
    // A lone surrogate spoils only its conversation.
    let mut bytes = utf16("conversation_id,speaker,text\nc1,agent,", false);
    bytes.extend_from_slice(&0xd800u16.to_le_bytes());
    bytes.extend(utf16("\nc2,agent,ok\n", false).split_off(2));
    let read = read(&write(&dir, "broken.csv", bytes)).unwrap();
    assert_eq!(read.skipped()[0].id.as_deref(), Some("c1"));
    assert_eq!(texts(read.conversation("c2")), ["ok"]);
}
