//! What the fuzz targets share: feeding bytes to a reader the way the
//! command line does (a file on disk, opened by `input::open`), with small
//! limits so that one input cannot spend the fuzzer's time on a legitimately
//! large conversation.

use std::path::PathBuf;
use std::sync::OnceLock;

use convoscan::input::{self, InputConfig, InputFile, InputFormat};
use convoscan::model::Limits;

/// A directory for this fuzzing process's input files, in memory when
/// `/dev/shm` exists.
fn scratch_dir() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let base = std::path::Path::new("/dev/shm");
        let base = if base.is_dir() {
            base.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("convoscan-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch directory");
        dir
    })
}

/// Reads `bytes`, saved under `name`, to the end with `format` (`None`
/// detects it). Errors are fine; panics and hangs are what the fuzzer finds.
pub fn read_all(name: &str, bytes: &[u8], format: Option<InputFormat>) {
    let path = scratch_dir().join(name);
    std::fs::write(&path, bytes).expect("write fuzz input");
    let config = InputConfig {
        format,
        limits: Limits {
            max_turns: 200,
            max_conversation_bytes: 64 * 1024,
            max_field_bytes: 16 * 1024,
        },
        ..InputConfig::default()
    };
    let file = InputFile { index: 0, path };
    let Ok(mut reader) = input::open(&file, &config) else {
        return;
    };
    // Every item is interpreted, as the pipeline's workers would.
    while let Ok(Some(unit)) = reader.next_unit() {
        let _ = unit.resolve();
    }
    let _ = reader.stats();
}
