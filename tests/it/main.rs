//! The integration test binary: one module per area.

mod common;
mod demo;
mod engine;
mod formats;
mod input;
mod jumping;
mod lexicon_cli;
mod lexicon_limits;
mod lexicon_validation;
mod lexicon_workflow;
mod lexicons;
mod malformed;
mod properties;
mod reports;
