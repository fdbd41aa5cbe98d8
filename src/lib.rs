//! convoscan: contact-centre quality analytics over call and chat transcripts.
//!
//! The library is the engine; the `convoscan` binary is a thin command line
//! over it. See `DEVELOPERS.md` for the architecture.

pub mod error;
pub mod input;
pub mod model;
