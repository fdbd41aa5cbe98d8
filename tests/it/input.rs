//! The input layer: readers, detection, sources and directory walking.

pub(crate) mod csv;
mod files;
mod jsonl;
mod robustness;
