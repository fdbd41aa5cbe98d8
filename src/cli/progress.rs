//! The progress line on standard error while large inputs are read.
//!
//! A 2 GB export takes a while; without a sign of life a user cannot tell a
//! slow run from a stuck one. When standard error is a terminal and the input
//! is larger than [`MIN_BYTES`], a thread redraws one line about five times a
//! second from the pipeline's shared [`Progress`] counters: a bar, the share
//! of bytes read, conversations, throughput and the time left. The line is
//! erased when reading ends, so the report and the warnings that follow are
//! printed on a clean line.
//!
//! When standard error is not a terminal (a pipe, a log file, CI), nothing is
//! drawn at all: carriage returns in a log are noise. `--no-progress` turns it
//! off on a terminal too. Standard input has no known size: its line appears
//! once more than [`MIN_BYTES`] have been read, without a share or time left.
//!
//! Only carriage returns and spaces are written, no escape sequences, so the
//! line behaves on any terminal; it is fitted to the terminal's width by
//! leaving out the least important parts first.
//!
//! [`line`] is a pure function of the counters and the elapsed time, which is
//! what the tests check; the thread only samples and writes.

use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use convoscan::pipeline::Progress;

/// Inputs up to this size finish too quickly for a progress line to help.
pub const MIN_BYTES: u64 = 4_000_000;

/// Time between redraws.
const INTERVAL: Duration = Duration::from_millis(200);

/// Width assumed when the terminal does not say.
const DEFAULT_WIDTH: usize = 80;

/// Cells of the bar between the brackets.
const BAR_CELLS: usize = 12;

/// Bytes per megabyte, as in the throughput figures of the benchmark.
const MB: f64 = 1_000_000.0;

/// One sample of the counters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub bytes: u64,
    /// Size of all inputs, when known (not for standard input).
    pub total: Option<u64>,
    pub conversations: u64,
    pub elapsed: Duration,
}

/// When the line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Visibility {
    Never,
    /// From the first frame: the input is known to be large.
    Always,
    /// Once more than [`MIN_BYTES`] have been read (size unknown).
    AfterMinBytes,
}

/// Decides whether to draw: only on a terminal, only when not switched off,
/// only for large (or unknown) inputs.
pub fn visibility(enabled: bool, terminal: bool, total: Option<u64>) -> Visibility {
    match (enabled && terminal, total) {
        (false, _) => Visibility::Never,
        (true, Some(total)) if total > MIN_BYTES => Visibility::Always,
        (true, Some(_)) => Visibility::Never,
        (true, None) => Visibility::AfterMinBytes,
    }
}

/// The progress line for one frame, at most `width - 1` characters (the last
/// column is left free so that no terminal wraps the line).
pub fn line(frame: &Frame, width: usize) -> String {
    let seconds = frame.elapsed.as_secs_f64();
    // Bytes per second, once there is enough to go on.
    let rate = (seconds >= 0.5 && frame.bytes > 0).then(|| frame.bytes as f64 / seconds);
    let total = frame.total.filter(|&t| t > 0);
    let done = total.map(|t| frame.bytes.min(t));

    // (priority, text): the lowest priority is left out first.
    let mut parts: Vec<(u8, String)> = Vec::with_capacity(6);
    if let (Some(done), Some(total)) = (done, total) {
        let filled = usize::try_from(done.saturating_mul(BAR_CELLS as u64) / total)
            .unwrap_or(BAR_CELLS)
            .min(BAR_CELLS);
        parts.push((
            0,
            format!("[{}{}]", "#".repeat(filled), ".".repeat(BAR_CELLS - filled)),
        ));
        parts.push((5, format!("{:>3}%", done.saturating_mul(100) / total)));
        parts.push((3, format!("{} / {}", size(done), size(total))));
    } else {
        parts.push((3, format!("{} read", size(frame.bytes))));
    }
    let noun = if frame.conversations == 1 {
        "conversation"
    } else {
        "conversations"
    };
    parts.push((2, format!("{} {noun}", thousands(frame.conversations))));
    parts.push((
        1,
        match rate {
            Some(rate) => format!("{:.1} MB/s", rate / MB),
            None => "- MB/s".to_string(),
        },
    ));
    if let (Some(done), Some(total)) = (done, total) {
        let left = match rate {
            Some(rate) => clock(((total - done) as f64 / rate).ceil() as u64),
            None => "-".to_string(),
        };
        parts.push((4, format!("ETA {left}")));
    }

    let room = width.saturating_sub(1);
    loop {
        let text = parts
            .iter()
            .map(|(_, part)| part.as_str())
            .collect::<Vec<_>>()
            .join("  ");
        if text.chars().count() <= room || parts.len() == 1 {
            return text.chars().take(room).collect();
        }
        let lowest = parts
            .iter()
            .enumerate()
            .min_by_key(|(_, (priority, _))| *priority)
            .map_or(0, |(i, _)| i);
        parts.remove(lowest);
    }
}

/// `812.4 MB`, `1.93 GB`: three significant figures are plenty while the
/// numbers move.
fn size(bytes: u64) -> String {
    let mb = bytes as f64 / MB;
    if mb >= 1000.0 {
        format!("{:.2} GB", mb / 1000.0)
    } else if mb >= 100.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{mb:.1} MB")
    }
}

/// `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `0:07`, `12:34`, `1:02:03`.
fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// A running progress line; erased and stopped by [`ProgressLine::finish`]
/// or when dropped (an error ends the run).
pub struct ProgressLine {
    stop: Option<mpsc::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl ProgressLine {
    /// Starts the line on standard error when [`visibility`] says so.
    pub fn on_stderr(progress: &Progress, total: Option<u64>, enabled: bool) -> ProgressLine {
        let shown = visibility(enabled, std::io::stderr().is_terminal(), total);
        let width = || {
            terminal_size::terminal_size_of(std::io::stderr())
                .map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w.0))
        };
        ProgressLine::start(progress, total, shown, std::io::stderr(), width)
    }

    /// Starts drawing to `out`; `width` is asked before every frame, so a
    /// resized terminal gets a fitting line.
    pub fn start(
        progress: &Progress,
        total: Option<u64>,
        shown: Visibility,
        mut out: impl Write + Send + 'static,
        width: impl Fn() -> usize + Send + 'static,
    ) -> ProgressLine {
        if shown == Visibility::Never {
            return ProgressLine {
                stop: None,
                thread: None,
            };
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let progress = progress.clone();
        let started = Instant::now();
        let thread = std::thread::spawn(move || {
            let mut drawn = 0usize;
            loop {
                let frame = Frame {
                    bytes: progress.bytes.get(),
                    total,
                    conversations: progress.conversations.get(),
                    elapsed: started.elapsed(),
                };
                if shown == Visibility::Always || frame.bytes > MIN_BYTES {
                    let text = line(&frame, width());
                    let len = text.chars().count();
                    // Spaces cover what is left of a longer previous line.
                    let pad = drawn.saturating_sub(len);
                    // A terminal that cannot be written to only loses the line.
                    let _ = write!(out, "\r{text}{}", " ".repeat(pad)).and_then(|()| out.flush());
                    drawn = len;
                }
                match stopped.recv_timeout(INTERVAL) {
                    Err(RecvTimeoutError::Timeout) => {}
                    Ok(()) | Err(RecvTimeoutError::Disconnected) => break,
                }
            }
            if drawn > 0 {
                let _ = write!(out, "\r{}\r", " ".repeat(drawn)).and_then(|()| out.flush());
            }
        });
        ProgressLine {
            stop: Some(stop),
            thread: Some(thread),
        }
    }

    /// Erases the line and waits until it is gone.
    pub fn finish(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        drop(self.stop.take());
        if let Some(thread) = self.thread.take() {
            // A panicked drawing thread has nothing left to erase.
            let _ = thread.join();
        }
    }
}

impl Drop for ProgressLine {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    const GB2: u64 = 2_020_000_000;

    fn frame(bytes: u64, total: Option<u64>, conversations: u64, seconds: f64) -> Frame {
        Frame {
            bytes,
            total,
            conversations,
            elapsed: Duration::from_secs_f64(seconds),
        }
    }

    #[test]
    fn a_known_size_shows_bar_share_bytes_conversations_rate_and_time_left() {
        let text = line(&frame(505_000_000, Some(GB2), 300_000, 10.0), 100);
        assert_eq!(
            text,
            "[###.........]   25%  505 MB / 2.02 GB  300,000 conversations  50.5 MB/s  ETA 0:30"
        );
    }

    #[test]
    fn the_time_left_rounds_up_and_counts_hours() {
        let text = line(&frame(1_000_000, Some(4_000_001_000), 7, 1.0), 200);
        assert!(text.ends_with("1.0 MB/s  ETA 1:06:40"), "{text}");
        assert!(text.contains("7 conversations"), "{text}");
        assert!(line(&frame(1_000_000, Some(2_000_000), 1, 1.0), 200).contains("1 conversation "));
    }

    #[test]
    fn the_first_half_second_has_no_rate_yet() {
        let text = line(&frame(9_000_000, Some(50_000_000), 0, 0.1), 100);
        assert_eq!(
            text,
            "[##..........]   18%  9.0 MB / 50.0 MB  0 conversations  - MB/s  ETA -"
        );
    }

    #[test]
    fn an_unknown_size_shows_what_was_read_without_share_or_time_left() {
        let text = line(&frame(12_345_678, None, 1_234_567, 2.0), 100);
        assert_eq!(text, "12.3 MB read  1,234,567 conversations  6.2 MB/s");
    }

    #[test]
    fn reading_past_the_expected_size_stays_at_the_end() {
        // A file that grew while it was read.
        let text = line(&frame(60_000_000, Some(50_000_000), 10, 2.0), 100);
        assert!(
            text.starts_with("[############]  100%  50.0 MB / 50.0 MB"),
            "{text}"
        );
        assert!(text.ends_with("ETA 0:00"), "{text}");
    }

    #[test]
    fn narrow_terminals_lose_the_bar_first_then_the_rate() {
        let f = frame(505_000_000, Some(GB2), 300_000, 10.0);
        let full = line(&f, 200);
        for width in [20, 40, 60, 70, full.chars().count() + 1] {
            let text = line(&f, width);
            assert!(text.chars().count() < width, "{width}: {text}");
        }
        assert_eq!(line(&f, full.chars().count() + 1), full);
        assert_eq!(
            line(&f, 70),
            " 25%  505 MB / 2.02 GB  300,000 conversations  50.5 MB/s  ETA 0:30"
        );
        assert_eq!(
            line(&f, 60),
            " 25%  505 MB / 2.02 GB  300,000 conversations  ETA 0:30"
        );
        assert_eq!(line(&f, 40), " 25%  505 MB / 2.02 GB  ETA 0:30");
        assert_eq!(line(&f, 20), " 25%  ETA 0:30");
        assert_eq!(line(&f, 4), " 25");
    }

    #[test]
    fn sizes_and_counts_read_easily() {
        assert_eq!(size(0), "0.0 MB");
        assert_eq!(size(99_949_999), "99.9 MB");
        assert_eq!(size(512_300_000), "512 MB");
        assert_eq!(size(2_019_999_999), "2.02 GB");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(12_345_678), "12,345,678");
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(754), "12:34");
        assert_eq!(clock(3723), "1:02:03");
    }

    #[test]
    fn only_large_inputs_on_a_terminal_get_a_line() {
        assert_eq!(
            visibility(true, true, Some(MIN_BYTES + 1)),
            Visibility::Always
        );
        assert_eq!(visibility(true, true, Some(MIN_BYTES)), Visibility::Never);
        assert_eq!(visibility(true, true, None), Visibility::AfterMinBytes);
        assert_eq!(visibility(true, false, Some(GB2)), Visibility::Never);
        assert_eq!(visibility(true, false, None), Visibility::Never);
        assert_eq!(visibility(false, true, Some(GB2)), Visibility::Never);
    }

    /// A writer the test can read back while the line's thread holds it.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }

    #[test]
    fn the_line_is_drawn_at_once_and_erased_at_the_end() {
        let progress = Progress::default();
        progress.bytes.set(25_000_000);
        progress.conversations.set(15_000);
        let out = Shared::default();
        let running = ProgressLine::start(
            &progress,
            Some(100_000_000),
            Visibility::Always,
            out.clone(),
            || 80,
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        while out.text().is_empty() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        running.finish();
        let text = out.text();
        let first = text.split('\r').nth(1).unwrap();
        assert!(
            first.starts_with("[###.........]   25%  25.0 MB / 100 MB  15,000 conversations"),
            "{text:?}"
        );
        // The last write blanks the longest line drawn and returns the cursor.
        let last = text.rsplit('\r').nth(1).unwrap();
        assert!(!last.is_empty() && last.trim().is_empty(), "{text:?}");
        assert!(last.len() >= first.trim_end().len(), "{text:?}");
        assert!(text.ends_with('\r'));
    }

    #[test]
    fn a_small_stream_draws_nothing() {
        let progress = Progress::default();
        progress.bytes.set(MIN_BYTES);
        let out = Shared::default();
        let running = ProgressLine::start(
            &progress,
            None,
            Visibility::AfterMinBytes,
            out.clone(),
            || 80,
        );
        std::thread::sleep(Duration::from_millis(50));
        running.finish();
        assert_eq!(out.text(), "");
    }

    #[test]
    fn never_starts_no_thread() {
        let running = ProgressLine::start(
            &Progress::default(),
            Some(u64::MAX),
            Visibility::Never,
            Shared::default(),
            || 80,
        );
        assert!(running.thread.is_none());
        running.finish();
    }
}
