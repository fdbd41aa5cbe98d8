//! Raw flags → resolved configuration.
//!
//! Each function takes clap's raw values and returns the library's own
//! types, or a usage error that says what is wrong and what would be right.

use std::path::PathBuf;
use std::sync::Arc;

use convoscan::engine::{AnalysisOptions, LanguageChoice};
use convoscan::error::{Error, Result};
use convoscan::input::meta::{MetaTable, PathPattern};
use convoscan::input::{Field, InputConfig, InputFormat};
use convoscan::lexicon::{Compiled, LexiconChoice, Lexicons};
use convoscan::model::{Severity, Speaker};
use convoscan::pipeline::RunConfig;
use convoscan::report::render::Format;

use super::args::{FormatArg, InputArgs, InputFormatArg, LexiconArgs, SeverityArg};

pub fn lexicon_choice(args: &LexiconArgs) -> LexiconChoice {
    if let Some(dir) = &args.extend_lexicons {
        return LexiconChoice::Extend(dir.clone());
    }
    match args.lexicons.as_deref() {
        None => LexiconChoice::BuiltIn,
        Some(dir) => choice_of(dir),
    }
}

/// `DIR` replaces the built-in lexicons, `+DIR` adds to them.
pub fn choice_of(value: &str) -> LexiconChoice {
    match value.strip_prefix('+') {
        Some(extra) => LexiconChoice::Extend(PathBuf::from(extra)),
        None => LexiconChoice::Replace(PathBuf::from(value)),
    }
}

/// How a user would name the choice on the command line (`+DIR` for an
/// extension), for hints such as "run `convoscan lexicon check DIR`".
pub fn choice_argument(choice: &LexiconChoice) -> String {
    match choice {
        LexiconChoice::BuiltIn => String::new(),
        LexiconChoice::Replace(dir) => dir.display().to_string(),
        LexiconChoice::Extend(dir) => format!("+{}", dir.display()),
    }
}

pub fn load_lexicons(args: &LexiconArgs) -> Result<Compiled> {
    convoscan::lexicon::load(&lexicon_choice(args))
}

fn split_pair<'a>(value: &'a str, flag: &str, form: &str) -> Result<(&'a str, &'a str)> {
    value
        .split_once('=')
        .map(|(a, b)| (a.trim(), b.trim()))
        .filter(|(a, b)| !a.is_empty() && !b.is_empty())
        .ok_or_else(|| Error::usage(format!("{flag} {value}: expected {form}")))
}

pub fn input_config(args: &InputArgs) -> Result<InputConfig> {
    let format = match args.input_format {
        InputFormatArg::Auto => None,
        InputFormatArg::Csv => Some(InputFormat::Csv),
        InputFormatArg::Jsonl => Some(InputFormat::Jsonl),
        InputFormatArg::Connect => Some(InputFormat::Connect),
        InputFormatArg::Transcribe => Some(InputFormat::Transcribe),
        InputFormatArg::Genesys => Some(InputFormat::Genesys),
        InputFormatArg::Ccai => Some(InputFormat::Ccai),
        InputFormatArg::Zendesk => Some(InputFormat::Zendesk),
        InputFormatArg::Intercom => Some(InputFormat::Intercom),
        InputFormatArg::Twilio => Some(InputFormat::Twilio),
        InputFormatArg::Whisper => Some(InputFormat::Whisper),
        InputFormatArg::Vtt => Some(InputFormat::Vtt),
        InputFormatArg::Srt => Some(InputFormat::Srt),
        InputFormatArg::Text => Some(InputFormat::Text),
    };
    let mut column_overrides = Vec::new();
    for value in &args.columns {
        let (field, header) = split_pair(value, "--column", "FIELD=HEADER")?;
        let field = Field::from_name(field).ok_or_else(|| {
            let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
            Error::usage(format!(
                "--column {value}: unknown field `{field}` (fields: {})",
                names.join(", ")
            ))
        })?;
        column_overrides.push((field, header.to_string()));
    }
    let mut speaker_map = Vec::new();
    for value in &args.speaker_map {
        let (label, speaker) = split_pair(value, "--speaker-map", "LABEL=SPEAKER")?;
        let speaker = Speaker::from_canonical(&speaker.to_ascii_lowercase()).ok_or_else(|| {
            Error::usage(format!(
                "--speaker-map {value}: `{speaker}` is not agent, customer, system or bot"
            ))
        })?;
        speaker_map.push((label.to_string(), speaker));
    }
    let mut speakers = Vec::new();
    for value in &args.speakers {
        for pair in value.split(',').filter(|p| !p.trim().is_empty()) {
            let (role, label) = split_pair(pair, "--speakers", "ROLE=LABEL")?;
            let speaker = Speaker::from_canonical(&role.to_ascii_lowercase()).ok_or_else(|| {
                Error::usage(format!(
                    "--speakers {value}: `{role}` is not agent, customer, system or bot"
                ))
            })?;
            speakers.push((speaker, label.to_string()));
        }
    }
    let meta = match &args.meta {
        Some(path) => Some(Arc::new(MetaTable::load(path)?)),
        None => None,
    };
    let meta_from_path = args
        .meta_from_path
        .as_deref()
        .map(PathPattern::new)
        .transpose()?;
    Ok(InputConfig {
        format,
        column_overrides,
        speaker_map,
        speakers,
        meta,
        meta_from_path,
        ..InputConfig::default()
    })
}

pub fn language_choice(lang: &str, lexicons: &Lexicons) -> Result<LanguageChoice> {
    if lang == "auto" {
        return Ok(LanguageChoice::Auto);
    }
    lexicons
        .language(lang)
        .map(LanguageChoice::Fixed)
        .ok_or_else(|| {
            let codes: Vec<&str> = lexicons.languages.iter().map(|l| &*l.code).collect();
            Error::usage(format!(
                "--lang {lang}: no lexicons for that language (available: auto, {})",
                codes.join(", ")
            ))
        })
}

pub fn run_config(args: &InputArgs, lexicons: &Lexicons) -> Result<RunConfig> {
    let defaults = RunConfig::default();
    let threads = match args.threads {
        Some(0) => return Err(Error::usage("--threads must be at least 1")),
        Some(n) => n,
        None => defaults.threads,
    };
    Ok(RunConfig {
        input: input_config(args)?,
        analysis: AnalysisOptions {
            language: language_choice(&args.lang, lexicons)?,
            redact: !args.no_redact,
        },
        threads,
        strict: args.strict,
        ..defaults
    })
}

pub fn format(arg: FormatArg) -> Format {
    match arg {
        FormatArg::Table => Format::Table,
        FormatArg::Markdown => Format::Markdown,
        FormatArg::Csv => Format::Csv,
        FormatArg::Json => Format::Json,
        FormatArg::Html => Format::Html,
    }
}

pub fn severity(arg: SeverityArg) -> Severity {
    match arg {
        SeverityArg::Low => Severity::Low,
        SeverityArg::Medium => Severity::Medium,
        SeverityArg::High => Severity::High,
    }
}
