//! The vendor readers (Contact Lens, Transcribe, Genesys, CCAI, Zendesk,
//! Intercom, Twilio, Whisper, WebVTT, SRT, plain text) and format detection.
//! The first byte picks the format, or detection from the content; the rest
//! is the file.
#![no_main]

use convoscan::input::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    // Every format but the two the other targets fuzz; one selector value
    // past the end leaves the choice to detection.
    let vendors: Vec<InputFormat> = InputFormat::ALL
        .into_iter()
        .filter(|f| !matches!(f, InputFormat::Csv | InputFormat::Jsonl))
        .collect();
    let format = vendors
        .get(usize::from(selector) % (vendors.len() + 1))
        .copied();
    convoscan_fuzz::read_all("input.json", file, format);
});
