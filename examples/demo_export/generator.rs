//! A deterministic generator of realistic contact-centre exports: one working
//! week of calls and chats, Dutch and English, at any volume.
//!
//! It exists so that the bundled demo export (`fixtures/demo/weekly-export.csv`)
//! can never drift from the code that made it, and so that the benchmark can
//! produce exports of gigabytes that read like the demo. Everything comes from
//! one seed through SplitMix64 and integer arithmetic only, so the same
//! parameters give the same bytes on every platform.
//!
//! Conversations are streamed: one is built in reused buffers, written, and
//! forgotten. The only state across conversations is bounded: the schedule
//! cursor, a queue of unresolved contacts (the source of repeat contacts; at
//! most [`MIN_PENDING`] entries, or one per [`CONVERSATIONS_PER_PENDING`]
//! conversations in large exports), and per-agent usage flags.
//!
//! What is in a week (see `converse.rs` for the conversation grammar,
//! `banks.rs` for the shape of the wording and the `phrases_*.rs`,
//! `topics_*.rs` and `stories.rs` files for the wording itself):
//!
//! * 12 agent personas per team. Most work well; a few have habits that show
//!   in a fraction of their conversations: one threatens early, one is
//!   passive-aggressive, two jump to conclusions, two miss root causes.
//! * About 70% Dutch and 30% English; about 55% calls (more, shorter, spoken
//!   turns) and 45% chats (fewer, typed turns).
//! * Nine topics with several scenarios each; customers sometimes name the
//!   real cause (a lost job, illness, a repeat defect, a birthday present, a
//!   flight); some are disappointed, a few are aggressive.
//! * Unresolved contacts come back: the same customer contacts again later in
//!   the week about the same issue.
//! * Six scripted stories per block of 400 conversations: the three seed cases
//!   (a payment arrangement without asking why, the birthday parcel, the court
//!   threat about a cooktop broken again) and the same situations handled well.

use std::io::{self, Write};

#[path = "assemble.rs"]
mod assemble;
#[path = "banks.rs"]
mod banks;
#[path = "converse.rs"]
mod converse;
#[path = "phrases_en.rs"]
mod phrases_en;
#[path = "phrases_nl.rs"]
mod phrases_nl;
#[path = "stories.rs"]
mod stories;
#[path = "topics_en.rs"]
mod topics_en;
#[path = "topics_nl.rs"]
mod topics_nl;

/// The committed demo export is generated with these parameters.
pub const DEMO_CONVERSATIONS: u64 = 400;
pub const DEMO_SEED: u64 = 47;

/// The CSV header: one row per turn.
pub const CSV_HEADER: &str =
    "conversation_id,channel,agent_id,customer_id,topic,timestamp,speaker,text\n";

/// Unresolved contacts remembered for a later repeat contact: enough to
/// span days of the week at any volume, so customers come back hours or
/// days later rather than minutes.
const MIN_PENDING: usize = 64;
const CONVERSATIONS_PER_PENDING: u64 = 16;

/// The week: Monday 18 to Friday 22 November 2024, Central European Time.
const DATES: [&str; 5] = [
    "2024-11-18",
    "2024-11-19",
    "2024-11-20",
    "2024-11-21",
    "2024-11-22",
];
const UTC_OFFSET: &str = "+01:00";
/// Office hours 08:30-17:30 in half-hour slots.
const OPENING_SECOND: u32 = 8 * 3600 + 1800;
const SLOT_SECONDS: u32 = 1800;
/// Relative load per weekday (Monday is busiest) and per half hour (a peak
/// mid-morning, a dip at lunch, a smaller peak after lunch).
const DAY_LOAD: [u64; 5] = [26, 21, 19, 18, 16];
const SLOT_LOAD: [u64; 18] = [6, 10, 12, 12, 11, 10, 8, 6, 7, 9, 9, 8, 7, 7, 6, 5, 4, 3];

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Long CSV, one row per turn, with [`CSV_HEADER`].
    Csv,
    /// convoscan's JSON Lines, one conversation per line.
    Jsonl,
}

/// The nine topics; ids are shared by both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Topic {
    Billing,
    PaymentArrangement,
    Delivery,
    Repair,
    Contract,
    Outage,
    Account,
    Complaint,
    Information,
}

impl Topic {
    pub const ALL: [Topic; 9] = [
        Topic::Billing,
        Topic::PaymentArrangement,
        Topic::Delivery,
        Topic::Repair,
        Topic::Contract,
        Topic::Outage,
        Topic::Account,
        Topic::Complaint,
        Topic::Information,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Topic::Billing => "billing",
            Topic::PaymentArrangement => "payment_arrangement",
            Topic::Delivery => "delivery",
            Topic::Repair => "repair",
            Topic::Contract => "contract",
            Topic::Outage => "outage",
            Topic::Account => "account",
            Topic::Complaint => "complaint",
            Topic::Information => "information",
        }
    }

    /// Relative share of the week's contacts.
    fn weight(self) -> u64 {
        match self {
            Topic::Billing => 16,
            Topic::PaymentArrangement => 9,
            Topic::Delivery => 17,
            Topic::Repair => 14,
            Topic::Contract => 10,
            Topic::Outage => 10,
            Topic::Account => 8,
            Topic::Complaint => 7,
            Topic::Information => 9,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What an agent tends to do wrong, in a fraction of conversations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Habit {
    None,
    /// Threatens with court, collection or disconnection early in a call.
    Threatens,
    /// "Zoals ik al zei", "as I already said", "per my last email".
    PassiveAggressive,
    /// Offers a solution or diagnosis before asking a single exploring question.
    JumpsToConclusions,
    /// Hears the life event or the urgency and goes on with the procedure.
    MissesRootCauses,
}

/// An agent persona. Agent ids are `id` in the first team and `id-NNN` in
/// further teams, which the generator adds at large volumes.
#[derive(Clone, Copy, Debug)]
pub struct Persona {
    pub id: &'static str,
    pub name: &'static str,
    /// Takes English conversations too.
    pub english: bool,
    pub habit: Habit,
    /// Relative share of the conversations the persona can take. Agents who
    /// only speak Dutch have a higher weight, so that everyone handles about
    /// as many conversations (part-timers somewhat fewer).
    pub weight: u64,
}

pub const PERSONAS: [Persona; 12] = [
    persona("sanne.k", "Sanne", true, Habit::None, 11),
    persona("daan.v", "Daan", true, Habit::None, 10),
    persona("fatima.e", "Fatima", true, Habit::None, 11),
    persona("lars.b", "Lars", false, Habit::None, 18),
    persona("noor.h", "Noor", true, Habit::None, 10),
    persona("esther.w", "Esther", false, Habit::None, 16),
    persona("mark.j", "Mark", true, Habit::Threatens, 11),
    persona("ingrid.s", "Ingrid", true, Habit::PassiveAggressive, 11),
    persona("kevin.d", "Kevin", true, Habit::JumpsToConclusions, 11),
    persona("bas.t", "Bas", false, Habit::JumpsToConclusions, 19),
    persona("joyce.p", "Joyce", true, Habit::MissesRootCauses, 11),
    persona("ruben.m", "Ruben", false, Habit::MissesRootCauses, 19),
];

const fn persona(
    id: &'static str,
    name: &'static str,
    english: bool,
    habit: Habit,
    weight: u64,
) -> Persona {
    Persona {
        id,
        name,
        english,
        habit,
        weight,
    }
}

/// Conversations per team of 12 agents; larger exports get more teams, so
/// that agents keep a plausible workload.
const CONVERSATIONS_PER_TEAM: u64 = 4000;

/// What a generated export contains: the structural facts a test can check
/// exactly, and what was planted (which the lexicons may or may not find).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub conversations: u64,
    pub turns: u64,
    pub calls: u64,
    pub chats: u64,
    pub dutch: u64,
    pub english: u64,
    /// Conversations per topic, in [`Topic::ALL`] order.
    pub topics: [u64; 9],
    /// Distinct agents that handled at least one conversation.
    pub agents: u64,
    /// Distinct customers.
    pub customers: u64,
    /// Conversations that are a customer's second or later contact.
    pub repeat_contacts: u64,
    /// Customers with more than one conversation.
    pub repeat_customers: u64,
    /// Scripted stories planted.
    pub stories: u64,
    pub planted: Planted,
}

/// Conversations in which a behaviour was planted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Planted {
    pub threat: u64,
    pub passive_aggressive: u64,
    pub customer_aggression: u64,
    pub jumping_to_conclusions: u64,
    pub missed_root_cause: u64,
    /// Customers who named a root cause (taken up or not).
    pub root_cause_named: u64,
    /// Disappointed customers (without aggression).
    pub disappointed: u64,
}

/// Writes an export of `conversations` conversations generated from `seed`.
pub fn generate(
    out: &mut impl Write,
    conversations: u64,
    seed: u64,
    format: Format,
) -> io::Result<Summary> {
    let mut generator = assemble::Generator::new(conversations, seed);
    if format == Format::Csv {
        out.write_all(CSV_HEADER.as_bytes())?;
    }
    let mut line = Vec::with_capacity(64 * 1024);
    for index in 0..conversations {
        let conversation = generator.next_conversation(index);
        line.clear();
        match format {
            Format::Csv => write_csv(&mut line, conversation),
            Format::Jsonl => write_jsonl(&mut line, conversation),
        }
        out.write_all(&line)?;
    }
    Ok(generator.finish())
}

/// A finished conversation, borrowed from the generator's buffers.
pub struct Conversation<'a> {
    pub id: &'a str,
    pub channel: &'static str,
    pub agent: &'a str,
    pub customer: &'a str,
    pub topic: &'static str,
    /// Weekday index (0 = Monday) and second of the day of each turn.
    pub day: usize,
    pub turns: &'a [assemble::Turn],
}

fn write_csv(out: &mut Vec<u8>, c: Conversation<'_>) {
    for turn in c.turns {
        out.extend_from_slice(c.id.as_bytes());
        out.push(b',');
        out.extend_from_slice(c.channel.as_bytes());
        out.push(b',');
        out.extend_from_slice(c.agent.as_bytes());
        out.push(b',');
        out.extend_from_slice(c.customer.as_bytes());
        out.push(b',');
        out.extend_from_slice(c.topic.as_bytes());
        out.push(b',');
        timestamp(out, c.day, turn.second);
        out.push(b',');
        out.extend_from_slice(speaker(turn.agent).as_bytes());
        out.push(b',');
        csv_field(out, &turn.text);
        out.push(b'\n');
    }
}

fn write_jsonl(out: &mut Vec<u8>, c: Conversation<'_>) {
    out.extend_from_slice(b"{\"id\":");
    json_string(out, c.id);
    out.extend_from_slice(b",\"channel\":");
    json_string(out, c.channel);
    out.extend_from_slice(b",\"agent\":");
    json_string(out, c.agent);
    out.extend_from_slice(b",\"customer\":");
    json_string(out, c.customer);
    out.extend_from_slice(b",\"topic\":");
    json_string(out, c.topic);
    out.extend_from_slice(b",\"started_at\":\"");
    timestamp(out, c.day, c.turns.first().map_or(0, |t| t.second));
    out.extend_from_slice(b"\",\"turns\":[");
    for (i, turn) in c.turns.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"speaker\":\"");
        out.extend_from_slice(speaker(turn.agent).as_bytes());
        out.extend_from_slice(b"\",\"at\":\"");
        timestamp(out, c.day, turn.second);
        out.extend_from_slice(b"\",\"text\":");
        json_string(out, &turn.text);
        out.push(b'}');
    }
    out.extend_from_slice(b"]}\n");
}

fn speaker(agent: bool) -> &'static str {
    if agent { "agent" } else { "customer" }
}

/// `2024-11-18T09:03:12+01:00`.
fn timestamp(out: &mut Vec<u8>, day: usize, second: u32) {
    out.extend_from_slice(DATES[day.min(4)].as_bytes());
    out.push(b'T');
    two_digits(out, second / 3600 % 24);
    out.push(b':');
    two_digits(out, second / 60 % 60);
    out.push(b':');
    two_digits(out, second % 60);
    out.extend_from_slice(UTC_OFFSET.as_bytes());
}

fn two_digits(out: &mut Vec<u8>, value: u32) {
    out.push(b'0' + (value / 10) as u8);
    out.push(b'0' + (value % 10) as u8);
}

/// A CSV field, quoted only when it must be.
fn csv_field(out: &mut Vec<u8>, text: &str) {
    if !text.contains([',', '"', '\n', '\r']) {
        out.extend_from_slice(text.as_bytes());
        return;
    }
    out.push(b'"');
    for &b in text.as_bytes() {
        if b == b'"' {
            out.push(b'"');
        }
        out.push(b);
    }
    out.push(b'"');
}

fn json_string(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    for &b in text.as_bytes() {
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0..=0x1f => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 15)]);
            }
            _ => out.push(b),
        }
    }
    out.push(b'"');
}

/// SplitMix64: tiny, fast, and good enough for picking phrasings. Only
/// integer arithmetic, so every platform produces the same stream.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator for one item (a conversation, a customer) of a stream,
    /// independent of how many numbers other items drew.
    pub fn derive(seed: u64, stream: u64, item: u64) -> Rng {
        let mut mixer = Rng(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        mixer.0 ^= mixer.next_u64() ^ item.wrapping_mul(0xE703_7ED1_A0B4_28DB);
        Rng(mixer.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0), by multiply-shift.
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `low..=high`.
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high - low + 1)
    }

    /// True with a probability of `percent` in 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    /// An index drawn in proportion to `weights`.
    pub fn weighted(&mut self, weights: impl Iterator<Item = u64> + Clone) -> usize {
        let total: u64 = weights.clone().sum();
        let mut target = self.below(total);
        for (i, weight) in weights.enumerate() {
            if target < weight {
                return i;
            }
            target -= weight;
        }
        0
    }
}

/// When conversations start: `n` starts spread over the week's office hours
/// in proportion to the load, in increasing order (ids follow time).
struct Schedule {
    /// (day, first second of the slot, load per second).
    slots: Vec<(usize, u32, u64)>,
    total: u128,
    n: u128,
    /// Cursor: the slot the previous start fell in and its cumulative load.
    slot: usize,
    before: u128,
}

impl Schedule {
    fn new(n: u64) -> Schedule {
        let mut slots = Vec::new();
        for (day, day_load) in DAY_LOAD.iter().enumerate() {
            for (slot, slot_load) in SLOT_LOAD.iter().enumerate() {
                let start = OPENING_SECOND + slot as u32 * SLOT_SECONDS;
                slots.push((day, start, day_load * slot_load));
            }
        }
        let total = slots
            .iter()
            .map(|s| u128::from(s.2) * u128::from(SLOT_SECONDS))
            .sum();
        Schedule {
            slots,
            total,
            n: u128::from(n.max(1)),
            slot: 0,
            before: 0,
        }
    }

    /// The start of conversation `index` (jittered within its share by
    /// `jitter`, 32 random bits): (day, second of the day).
    fn start(&mut self, index: u64, jitter: u32) -> (usize, u32) {
        let position =
            ((u128::from(index) << 32) | u128::from(jitter)) * self.total / (self.n << 32);
        loop {
            let (day, first, load) = self.slots[self.slot];
            let size = u128::from(load) * u128::from(SLOT_SECONDS);
            if position < self.before + size || self.slot + 1 == self.slots.len() {
                let second = ((position - self.before) / u128::from(load)) as u32;
                return (day, first + second.min(SLOT_SECONDS - 1));
            }
            self.before += size;
            self.slot += 1;
        }
    }
}
