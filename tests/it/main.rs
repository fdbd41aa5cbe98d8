//! The integration test binary: one module per area.

mod common;
mod demo;
mod engine;
mod input;
mod lexicon_validation;
mod lexicons;
