//! Generates a realistic weekly contact-centre export (calls and chats,
//! Dutch and English) to standard output or a file.
//!
//! ```text
//! cargo run --release --example demo_export -- --conversations 400 --seed 47 --format csv > fixtures/demo/weekly-export.csv
//! cargo run --release --example demo_export -- --conversations 2000000 --format jsonl --output /tmp/big.jsonl
//! ```
//!
//! The same parameters always produce the same bytes; a summary of what was
//! generated goes to standard error.

mod generator;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use generator::{DEMO_CONVERSATIONS, DEMO_SEED, Format, Summary, Topic};

const USAGE: &str = "\
Usage: demo_export [--conversations N] [--seed S] [--format csv|jsonl] [--output PATH] [--quiet]

  --conversations N   conversations to generate (default 400)
  --seed S            seed of the generator (default 47)
  --format F          csv (one row per turn) or jsonl (one conversation per line); default csv
  --output PATH       write to PATH instead of standard output
  --quiet             no summary on standard error

The committed demo export is: --conversations 400 --seed 47 --format csv";

struct Options {
    conversations: u64,
    seed: u64,
    format: Format,
    output: Option<String>,
    quiet: bool,
}

fn parse(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        conversations: DEMO_CONVERSATIONS,
        seed: DEMO_SEED,
        format: Format::Csv,
        output: None,
        quiet: false,
    };
    let mut args = args;
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--conversations" | "-n" => {
                options.conversations = value("--conversations")?
                    .parse()
                    .map_err(|e| format!("--conversations: {e}"))?;
            }
            "--seed" => {
                options.seed = value("--seed")?
                    .parse()
                    .map_err(|e| format!("--seed: {e}"))?;
            }
            "--format" => {
                options.format = match value("--format")?.as_str() {
                    "csv" => Format::Csv,
                    "jsonl" => Format::Jsonl,
                    other => {
                        return Err(format!("--format: unknown format {other:?} (csv or jsonl)"));
                    }
                };
            }
            "--output" | "-o" => options.output = Some(value("--output")?),
            "--quiet" | "-q" => options.quiet = true,
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) if message.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("demo_export: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(summary) => {
            if !options.quiet {
                print_summary(&summary);
            }
            ExitCode::SUCCESS
        }
        // A closed pipe (`| head`) is not an error worth reporting.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("demo_export: {err}");
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> io::Result<Summary> {
    const BUFFER: usize = 1 << 20;
    match &options.output {
        Some(path) => {
            let mut out = BufWriter::with_capacity(BUFFER, File::create(path)?);
            let summary = generator::generate(
                &mut out,
                options.conversations,
                options.seed,
                options.format,
            )?;
            out.flush()?;
            Ok(summary)
        }
        None => {
            let stdout = io::stdout();
            let mut out = BufWriter::with_capacity(BUFFER, stdout.lock());
            let summary = generator::generate(
                &mut out,
                options.conversations,
                options.seed,
                options.format,
            )?;
            out.flush()?;
            Ok(summary)
        }
    }
}

fn print_summary(s: &Summary) {
    let p = &s.planted;
    let topics: Vec<String> = Topic::ALL
        .iter()
        .zip(s.topics)
        .map(|(t, n)| format!("{} {n}", t.id()))
        .collect();
    eprintln!(
        "{} conversations, {} turns: {} calls, {} chats; {} Dutch, {} English; {} agents; {} customers, {} of them with repeat contacts ({} repeat contacts); {} scripted stories",
        s.conversations,
        s.turns,
        s.calls,
        s.chats,
        s.dutch,
        s.english,
        s.agents,
        s.customers,
        s.repeat_customers,
        s.repeat_contacts,
        s.stories
    );
    eprintln!("topics: {}", topics.join(", "));
    eprintln!(
        "planted: threat {}, passive-aggressive {}, customer aggression {}, jumping to conclusions {}, missed root cause {} (of {} root causes named), disappointed {}",
        p.threat,
        p.passive_aggressive,
        p.customer_aggression,
        p.jumping_to_conclusions,
        p.missed_root_cause,
        p.root_cause_named,
        p.disappointed
    );
}
