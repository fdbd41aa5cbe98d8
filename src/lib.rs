//! convoscan: contact-centre quality analytics over call and chat transcripts.
//!
//! The library is the engine; the `convoscan` binary is a thin command line
//! over it. See `DEVELOPERS.md` for the architecture.

pub mod engine;
pub mod error;
pub mod explain;
pub mod input;
pub mod lexicon;
pub mod lextest;
pub mod model;
pub mod pipeline;
pub mod record;
pub mod redact;
pub mod report;
pub mod sorter;
pub mod text;
pub mod tidy;
pub mod transcript;
