//! The command line as clap sees it: raw flags and their help.
//!
//! Nothing here does work. [`super::config`] resolves these raw values into
//! the library's configuration types, so the engine never sees clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXAMPLES: &str = "\
Examples:
  convoscan report fixtures/demo/weekly-export.csv
  convoscan report exports/ --format markdown --output week-47.md
  convoscan report exports/ --by-week --format html --output trends.html
  convoscan agent A017 week.csv
  convoscan explain c-0042 week.csv
  convoscan report week.csv --findings findings.jsonl --top 0
  convoscan report week.csv --column speaker=Participant --speaker-map inbound=customer
  convoscan report calls/ --speakers agent=SPEAKER_00 --meta-from-path '{agent}/{date}_{id}.json'
  convoscan report contact-lens/ --meta contacts.csv
  convoscan lexicon try \"Dan gaan we naar de rechter.\"
  convoscan lexicon check my-lexicons/
  convoscan lexicon test --lexicons my-lexicons/ --junit report.xml --coverage

Exit codes: 0 success, 1 findings at or above --fail-on (or a failing lexicon test), 2 error.";

/// convoscan: quality analytics for contact-centre transcripts.
///
/// Reads call and chat exports (Dutch and English), finds threatening and
/// passive-aggressive agent wording, customer aggression, jumping to
/// conclusions and missed root causes, and reports per agent and topic with
/// the evidence behind every number. Runs offline.
#[derive(Debug, Parser)]
#[command(name = "convoscan", version, after_help = EXAMPLES, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse exports and print the report: accounting, categories, examples, per agent,
    /// per topic and contact moment, repeat contacts, weeks.
    #[command(after_help = REPORT_EXAMPLES)]
    Report(Box<ReportArgs>),
    /// Print one agent's coaching card: rates next to the team's with 95% intervals, the top
    /// coaching points with evidence quotes, and what the agent does well.
    #[command(after_help = AGENT_EXAMPLES)]
    Agent(AgentArgs),
    /// Print one conversation's transcript with every finding marked at its turn.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// Work with lexicons: try, check, test, list and document rules.
    #[command(subcommand)]
    Lexicon(LexiconCommand),
}

const REPORT_EXAMPLES: &str = "\
Examples:
  convoscan report fixtures/demo/weekly-export.csv
  convoscan report exports/week-47/ --format json --output report.json
  convoscan report week.csv --findings - | jq -r .quote
  convoscan report week.csv --lang nl --lexicons +my-lexicons/
  convoscan report week.csv --fail-on high
  convoscan report shard-1/ --conversations c1.jsonl --findings f1.jsonl --output -
  convoscan report --from-analysis c1.jsonl f1.jsonl c2.jsonl f2.jsonl --format html -o report.html";

const AGENT_EXAMPLES: &str = "\
Examples:
  convoscan agent A017 week.csv
  convoscan agent A017 exports/ --format html --output a017.html
  convoscan agent A017 --from-analysis conversations.jsonl findings.jsonl";

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  convoscan explain c-0042 week.csv
  convoscan explain c-0042 week.csv --color always | less -R";

#[derive(Debug, Args)]
pub struct LexiconArgs {
    /// Lexicon directory to use instead of the built-in lexicons; `+DIR` adds DIR to them.
    #[arg(long, value_name = "DIR")]
    pub lexicons: Option<String>,
    /// Lexicon directory to add to the built-in lexicons (same as `--lexicons +DIR`).
    #[arg(long, value_name = "DIR", conflicts_with = "lexicons")]
    pub extend_lexicons: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Export files or directories (read recursively); `-` reads standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Input format; by default detected for each file from its content.
    #[arg(long, value_enum, default_value = "auto", value_name = "FORMAT")]
    pub input_format: InputFormatArg,
    /// Which speaker label is whom, for diarised or name-labelled transcripts:
    /// `--speakers agent=SPEAKER_00` (every other label is then the customer) or
    /// `--speakers agent=Jan,customer=Piet`. Repeatable.
    #[arg(long, value_name = "ROLE=LABEL[,...]")]
    pub speakers: Vec<String>,
    /// Side CSV with metadata per conversation (conversation_id plus agent, topic,
    /// channel, customer, language, timestamp columns), joined on the conversation id.
    /// Fills only what the export leaves empty.
    #[arg(long, value_name = "CSV")]
    pub meta: Option<PathBuf>,
    /// Metadata from each file's path: `--meta-from-path '{agent}/{date}_{id}.json'`.
    /// Placeholders: {id}, {agent}, {topic}, {channel}, {customer}, {date}, {*}.
    #[arg(long, value_name = "PATTERN")]
    pub meta_from_path: Option<String>,
    /// Read a field from a differently named column: `--column speaker=Participant`.
    /// Fields: conversation_id, speaker, text, agent, customer, channel, topic,
    /// timestamp, offset_ms, offset_s, turn, language. Repeatable.
    #[arg(long = "column", value_name = "FIELD=HEADER")]
    pub columns: Vec<String>,
    /// Treat a speaker label as agent, customer, system or bot: `--speaker-map inbound=customer`. Repeatable.
    #[arg(long = "speaker-map", value_name = "LABEL=SPEAKER")]
    pub speaker_map: Vec<String>,
    /// Language of the conversations: `auto` (declared by the export, else detected), or a code such as nl or en.
    #[arg(long, default_value = "auto", value_name = "LANG")]
    pub lang: String,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,
    /// Make every skipped conversation an error (exit code 2) instead of a counted warning.
    #[arg(long)]
    pub strict: bool,
    /// Do not show the progress line. It is shown only when standard error is a terminal
    /// and the input is larger than 4 MB.
    #[arg(long)]
    pub no_progress: bool,
    /// Show personal data in quotes. By default e-mail addresses, phone numbers, IBANs,
    /// payment card numbers, BSNs and postcodes are masked in every output.
    #[arg(long)]
    pub no_redact: bool,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Format of the report.
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Write the report to PATH instead of standard output (replaced atomically).
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Write every finding as JSON Lines to PATH; `-` writes them to standard output
    /// (the report then goes to --output, or is not printed).
    #[arg(long, value_name = "PATH")]
    pub findings: Option<PathBuf>,
    /// Write one JSON line per conversation read (analysed or skipped: topic, channel,
    /// start, turns, duration, flags per category, measures) to PATH; `-` for standard output.
    /// With --findings, everything `--from-analysis` needs.
    #[arg(long, value_name = "PATH")]
    pub conversations: Option<PathBuf>,
    /// INPUT are conversations and findings files written by earlier runs (shards):
    /// rebuild the report from them instead of analysing exports.
    #[arg(long)]
    pub from_analysis: bool,
    /// Add each category's rate per ISO week (team and per agent), with the change
    /// against the previous week.
    #[arg(long)]
    pub by_week: bool,
    /// Days within which another conversation of the same customer counts as a repeat contact.
    #[arg(long, default_value_t = 7, value_name = "DAYS")]
    pub repeat_window: u32,
    /// Rows shown in the per-agent and per-topic tables, and top rules per category (0 = all).
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub top: usize,
    /// Agents and topics with fewer conversations are marked: too few for a meaningful rate.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub min_conversations: u64,
    /// Exit with code 1 when any finding has this severity or higher (for CI).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<SeverityArg>,
}

#[derive(Debug, Args)]
pub struct AgentArgs {
    /// The agent id, as in the export's agent column.
    #[arg(value_name = "AGENT_ID")]
    pub agent: String,
    #[command(flatten)]
    pub input: InputArgs,
    /// Format of the card.
    #[arg(long, value_enum, default_value = "table")]
    pub format: FormatArg,
    /// Write the card to PATH instead of standard output (replaced atomically).
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// INPUT are conversations and findings files written by earlier runs.
    #[arg(long)]
    pub from_analysis: bool,
    /// Agents with fewer conversations get a note that their rates mean little.
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub min_conversations: u64,
    /// Days within which another conversation of the same customer counts as a repeat contact.
    #[arg(long, default_value_t = 7, value_name = "DAYS")]
    pub repeat_window: u32,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The conversation id, as in the export.
    #[arg(value_name = "CONVERSATION_ID")]
    pub conversation: String,
    #[command(flatten)]
    pub input: InputArgs,
    /// Highlight matched words with colours: `auto` when standard output is a terminal.
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorArg,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum LexiconCommand {
    /// Run every rule's own examples and the annotated fixtures; print TP/FP/FN,
    /// precision and recall per rule and category; exit 1 on any mismatch.
    #[command(after_help = TEST_EXAMPLES)]
    Test(LexiconTestArgs),
    /// Show which rules fire on a sentence or a short transcript, and why: the words
    /// each phrase or pattern matched, what cancelled a match (negation, exception,
    /// quotes, question filter, speaker), and each rule's decision.
    #[command(after_help = TRY_EXAMPLES)]
    Try(LexiconTryArgs),
    /// Validate lexicons strictly and lint them; print `file:line:col: error|warning:
    /// message [lint]`. Exit 2 on errors; warnings exit 0 (1 with --deny-warnings).
    #[command(after_help = CHECK_EXAMPLES)]
    Check(LexiconCheckArgs),
    /// List the rules: id, languages, category, type, severity, examples.
    List(LexiconArgsOnly),
    /// Print the rule reference as Markdown (id, category, severity, message, why,
    /// examples, source), grouped by category.
    Doc(LexiconDocArgs),
    /// Print every literal phrase of the lexicons, normalised (lowercase, accents
    /// folded), without wildcards, deduplicated and sorted: one per line, ready for
    /// `rg -i -F -f phrases.txt`. Regex patterns are not included.
    Phrases(LexiconPhrasesArgs),
}

const TEST_EXAMPLES: &str = "\
Examples:
  convoscan lexicon test
  convoscan lexicon test --lexicons my-lexicons/ --junit report.xml --coverage
  convoscan lexicon test --lexicons +my-lexicons/ --min-precision 0.9 --min-recall threat=0.8";

const TRY_EXAMPLES: &str = "\
Examples:
  convoscan lexicon try \"Als u niet betaalt, gaan we naar de rechter.\"
  convoscan lexicon try \"I want to speak to your manager\" --speaker customer --lang en
  convoscan lexicon try --transcript call.txt --lexicons +my-lexicons/
  printf 'klant: Mijn moeder is overleden.\\nagent: Wat is uw klantnummer?' | convoscan lexicon try --transcript -";

const CHECK_EXAMPLES: &str = "\
Examples:
  convoscan lexicon check                       # the built-in lexicons
  convoscan lexicon check my-lexicons/          # your directory on its own
  convoscan lexicon check +my-lexicons/         # your directory added to the built-ins
  convoscan lexicon check my-lexicons/ --deny-warnings";

#[derive(Debug, Args)]
pub struct LexiconTestArgs {
    #[command(flatten)]
    pub lexicons: LexiconArgs,
    /// Directory of annotated fixtures (CSV or JSONL with an `expect` column).
    /// Default: `fixtures/` inside the lexicon directory, or `fixtures/lexicon`
    /// for the built-in lexicons when it exists.
    #[arg(long, value_name = "DIR")]
    pub fixtures: Option<PathBuf>,
    /// Also write the results as JUnit XML to FILE (a test case per rule and per
    /// fixture file), for CI test reports.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Fail when a rule never fires in the fixtures. With `+DIR`, only the rules of
    /// DIR count.
    #[arg(long)]
    pub coverage: bool,
    /// Fail when a category's precision is below this: `0.9` for every category,
    /// `threat=0.95` for one (overrides the general value). Repeatable.
    #[arg(long, value_name = "[CATEGORY=]MIN")]
    pub min_precision: Vec<String>,
    /// Fail when a category's recall is below this; same forms as --min-precision.
    #[arg(long, value_name = "[CATEGORY=]MIN")]
    pub min_recall: Vec<String>,
}

#[derive(Debug, Args)]
pub struct LexiconTryArgs {
    /// The sentence to try. Text with `agent:`/`klant:`/`customer:` lines is read as
    /// a transcript.
    #[arg(value_name = "TEXT", required_unless_present = "transcript")]
    pub text: Option<String>,
    /// Read a transcript (`agent: ...` / `klant: ...` lines) from FILE; `-` reads
    /// standard input.
    #[arg(long, value_name = "FILE", conflicts_with = "text")]
    pub transcript: Option<PathBuf>,
    /// Who says a single sentence.
    #[arg(long, value_enum, default_value = "agent")]
    pub speaker: SpeakerArg,
    /// Language whose rules to try (default: detected; every language when undetermined).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
    /// Only rules whose id starts with this (repeatable); they are shown even
    /// when nothing matched.
    #[arg(long, value_name = "ID")]
    pub rule: Vec<String>,
    /// Also list the rules where nothing matched.
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

#[derive(Debug, Args)]
pub struct LexiconCheckArgs {
    /// Lexicon directory to check on its own; `+DIR` checks it added to the built-in
    /// lexicons. Default: the built-in lexicons (or --lexicons / --extend-lexicons).
    #[arg(value_name = "DIR", conflicts_with_all = ["lexicons", "extend_lexicons"])]
    pub dir: Option<String>,
    #[command(flatten)]
    pub lexicons: LexiconArgs,
    /// Fixtures to check rule coverage against (`no_fixture`); default `DIR/fixtures`,
    /// or `fixtures/lexicon` for the built-ins.
    #[arg(long, value_name = "DIR")]
    pub fixtures: Option<PathBuf>,
    /// Exit 1 when there are warnings.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Debug, Args)]
pub struct LexiconArgsOnly {
    #[command(flatten)]
    pub lexicons: LexiconArgs,
}

#[derive(Debug, Args)]
pub struct LexiconDocArgs {
    #[command(flatten)]
    pub lexicons: LexiconArgs,
    /// Title of the document (default: "Built-in lexicon rules", or "Lexicon rules"
    /// with --lexicons).
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Debug, Args)]
pub struct LexiconPhrasesArgs {
    #[command(flatten)]
    pub lexicons: LexiconArgs,
    /// Only this language's phrases.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SpeakerArg {
    Agent,
    Customer,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    Auto,
    Csv,
    Jsonl,
    Connect,
    Transcribe,
    Genesys,
    Ccai,
    Zendesk,
    Intercom,
    Twilio,
    Whisper,
    Vtt,
    Srt,
    Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Table,
    Markdown,
    Csv,
    Json,
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Low,
    Medium,
    High,
}
