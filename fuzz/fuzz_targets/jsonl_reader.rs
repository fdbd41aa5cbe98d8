//! The JSON Lines reader on arbitrary bytes.
#![no_main]

use convoscan::input::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    convoscan_fuzz::read_all("input.jsonl", data, Some(InputFormat::Jsonl));
});
