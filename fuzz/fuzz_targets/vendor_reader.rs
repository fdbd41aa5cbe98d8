//! The vendor readers (Contact Lens, Transcribe, Genesys, CCAI, Zendesk,
//! Intercom, Twilio, Whisper, WebVTT, SRT, plain text) and format detection.
//! The first byte picks the format, or detection from the content; the rest
//! is the file.
#![no_main]

use convoscan::input::InputFormat;
use libfuzzer_sys::fuzz_target;

const FORMATS: [InputFormat; 11] = [
    InputFormat::Connect,
    InputFormat::Transcribe,
    InputFormat::Genesys,
    InputFormat::Ccai,
    InputFormat::Zendesk,
    InputFormat::Intercom,
    InputFormat::Twilio,
    InputFormat::Whisper,
    InputFormat::Vtt,
    InputFormat::Srt,
    InputFormat::Text,
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, file)) = data.split_first() else {
        return;
    };
    let format = FORMATS
        .get(usize::from(selector) % (FORMATS.len() + 1))
        .copied();
    convoscan_fuzz::read_all("input.json", file, format);
});
