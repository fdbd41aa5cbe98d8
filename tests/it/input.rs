//! The input layer: readers, detection, sources and directory walking.

mod csv;
mod files;
mod jsonl;
mod robustness;
