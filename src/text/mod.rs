//! Text handling shared by lexicon compilation and matching: normalisation
//! ([`normalize`]), word-level checks around a match ([`scan`]) and language
//! detection ([`lang`]). Phrases and transcripts go through the same
//! normalisation, so what an analyst writes is what gets matched.
//! [`terminal`] keeps export text from steering the terminal it is shown on.

pub mod lang;
pub mod normalize;
pub mod scan;
pub mod terminal;

pub use normalize::{
    fold_pattern, into_string, normalize, normalize_bytes, normalize_into, normalize_mapped,
};
