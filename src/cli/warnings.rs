//! Warnings on standard error: shown, but never so many that they bury the
//! report. The count of what was not shown is always given.

use convoscan::text::terminal::escaped;

/// Most warnings printed one by one.
const SHOWN: usize = 20;

#[derive(Debug, Default)]
pub struct Warnings {
    shown: Vec<String>,
    more: usize,
}

impl Warnings {
    pub fn push(&mut self, warning: String) {
        if self.shown.len() < SHOWN {
            self.shown.push(warning);
        } else {
            self.more += 1;
        }
    }

    pub fn print(&self) {
        for warning in &self.shown {
            eprintln!("warning: {}", escaped(warning));
        }
        if self.more > 0 {
            eprintln!("warning: ... and {} more", self.more);
        }
    }
}
