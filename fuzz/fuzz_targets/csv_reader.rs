//! The long-CSV reader on arbitrary bytes (delimiters, quotes, BOMs, UTF-16,
//! gzip, split conversations and their second pass).
#![no_main]

use convoscan::input::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    convoscan_fuzz::read_all("input.csv", data, Some(InputFormat::Csv));
});
