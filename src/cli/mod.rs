//! The command line: parse, resolve, call the library, map the outcome to an
//! exit code (0 success, 1 findings at `--fail-on` or a failing lexicon test,
//! 2 error). A closed output pipe (`| head`) ends the run quietly with 0.

mod agent;
mod args;
mod config;
mod explain;
mod lexicon;
mod output;
mod progress;
mod records;
mod report;
mod warnings;

use std::process::ExitCode;

use clap::Parser;
use convoscan::text::terminal::escaped;

use self::args::{Cli, Command};

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let threads = match &cli.command {
        Command::Report(args) => args.input.threads,
        Command::Agent(args) => args.input.threads,
        Command::Explain(args) => args.input.threads,
        Command::Lexicon(_) => None,
    };
    if let Some(threads) = threads.filter(|&n| n > 0) {
        // Compiling the lexicons is parallel too; `--threads` bounds it. A
        // pool that cannot be set up leaves the default, which only costs
        // speed.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global();
    }
    let outcome = match &cli.command {
        Command::Report(args) => report::run(args).map(|status| match status {
            report::Status::Ok => ExitCode::SUCCESS,
            report::Status::FindingsAtThreshold => ExitCode::from(1),
        }),
        Command::Agent(args) => agent::run(args).map(|()| ExitCode::SUCCESS),
        Command::Explain(args) => explain::run(args).map(|()| ExitCode::SUCCESS),
        Command::Lexicon(command) => lexicon::run(command).map(|status| match status {
            lexicon::Status::Passed => ExitCode::SUCCESS,
            lexicon::Status::Failed => ExitCode::from(1),
            lexicon::Status::Invalid => ExitCode::from(2),
        }),
    };
    match outcome {
        Ok(code) => code,
        Err(err) if err.is_broken_pipe() => ExitCode::SUCCESS,
        Err(err) => {
            // Messages quote export values; those must not steer the terminal.
            let message = err.to_string();
            eprintln!("convoscan: error: {}", escaped(&message));
            ExitCode::from(2)
        }
    }
}
