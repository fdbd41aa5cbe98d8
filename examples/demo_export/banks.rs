//! The shape of the phrase banks: what a language, a reason for contact, a
//! root cause and a scripted story provide. The `phrases_*`, `topics_*` and
//! `stories` files fill them in; `assemble` and `converse` read them.
//!
//! `{slot}`s in a phrasing are filled per conversation: `{hello}` (good
//! morning or afternoon), `{agent}`, `{cname}` (the customer's name),
//! `{order}`, `{postcode}` (with house number), `{cnum}` (customer number),
//! `{amount}`, `{birth}`, `{item}`, `{appliance}`, `{day}` and `{prev}` (the
//! earlier contact of a returning customer) and `{recap}` (the solution
//! restated).

use super::Topic;
/// A list of interchangeable phrasings.
pub type Bank = &'static [&'static str];

/// Everything one language says.
pub struct Lang {
    pub code: &'static str,
    pub hello_morning: Bank,
    pub hello_afternoon: Bank,
    /// How a customer names an earlier contact (`{day}`).
    pub weekdays: [&'static str; 5],
    pub yesterday: &'static str,
    pub this_morning: &'static str,
    pub earlier_today: &'static str,
    /// `{prev}`: how the earlier contact was made.
    pub called: &'static str,
    pub chatted: &'static str,
    pub first_names: Bank,
    pub surnames: Bank,
    pub months: [&'static str; 12],
    /// `€ 84,95` (Dutch) or `€84.95` (English).
    pub decimal_comma: bool,
    /// `{item}`: things customers order; `{appliance}`: things that break.
    pub items: Bank,
    pub appliances: Bank,

    /// Agent: the greeting of a call (`{hello}`, `{agent}`).
    pub greet_call: Bank,
    /// Agent: the first chat message, after the customer's question.
    pub greet_chat: Bank,
    /// Customer: the first words of a call (`{hello}`, `{cname}`).
    pub hello_call: Bank,
    /// Customer: the first words of a chat (may be empty).
    pub hello_chat: Bank,
    /// Customer: this is not the first contact (`{day}`, `{prev}`).
    pub repeat: Bank,
    /// Agent: acknowledges that the customer has to come back.
    pub repeat_ack: Bank,
    /// Agent: short signals of listening in a call.
    pub backchannel: Bank,
    /// Customer: spoken openers in a call ("Ja, eh,").
    pub fillers: Bank,
    /// Agent: an empathic acknowledgement of the problem.
    pub ack: Bank,
    /// Agent: a short acknowledgement.
    pub ack_short: Bank,
    /// Agent: the reply to a question that is not a problem.
    pub info_ack: Bank,
    /// Agent: an identification question, with the customer's answers to it.
    pub id_call: &'static [(&'static str, Bank)],
    pub id_chat: &'static [(&'static str, Bank)],
    pub id_found: Bank,
    /// Agent: puts the call on hold to look something up.
    pub hold: Bank,
    pub hold_ok: Bank,
    /// Agent: back from hold.
    pub back: Bank,
    /// Customer: accepts the solution.
    pub accept: Bank,
    /// Customer: accepts a solution offered without any question.
    pub accept_jump: Bank,
    /// Agent: what happens next (confirmation, timing).
    pub confirm: Bank,
    pub ok: Bank,
    pub close_ask: Bank,
    pub close_no: Bank,
    pub bye_call: Bank,
    pub bye_chat: Bank,
    pub bye_customer: Bank,
    /// Agent habit: consequences as leverage, early in the call.
    pub threat: Bank,
    pub threat_reaction: Bank,
    /// Agent habit: repeating pointedly (`{recap}` is the solution restated).
    pub passive_aggressive: Bank,
    /// Customer: insults, swearing, threats; at the start or after the solution.
    pub aggression_open: Bank,
    pub aggression_late: Bank,
    /// Agent: de-escalates (good agents) or answers curtly (the others).
    pub calm_down: Bank,
    pub curt: Bank,
    pub grudging: Bank,
    /// Customer: disappointment without aggression.
    pub disappointed: Bank,
    pub scenarios: &'static [Scenario],
}

/// One reason for contact within a topic.
pub struct Scenario {
    pub topic: Topic,
    /// False for questions that are not a problem (information).
    pub problem: bool,
    /// Customer: the reason for contact.
    pub open: Bank,
    /// Customer: more detail, in a call after the agent's backchannel.
    pub detail: Bank,
    /// Agent: an acknowledgement that fits this reason for contact; empty
    /// means the language's general ones.
    pub ack: Bank,
    /// Good agents open with `explore[0]`, the question about the reason
    /// behind the request (seed 000: ask why a payment arrangement is needed).
    pub reason_first: bool,
    /// Agent's exploring question and the customer's answer. For questions
    /// that are not a problem: the customer's follow-up and the agent's answer.
    pub explore: &'static [(&'static str, &'static str)],
    /// Agent: a solution or diagnosis without having asked anything.
    pub jump: Bank,
    /// Customer: after a jump, it is not that.
    pub correct: Bank,
    /// Agent: the solution (its first sentence is the `{recap}`).
    pub solve: Bank,
    /// Customer: a follow-up that goes over what was already said.
    pub follow: Bank,
    /// Root causes a customer with this problem may name.
    pub cues: &'static [&'static CueBank],
}

/// Kinds of root cause, as the seed articles describe them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    LostJob,
    Illness,
    RepeatDefect,
    BirthdayPresent,
    Travel,
    Bereavement,
    WorkFromHome,
    Separation,
}

/// How a root cause is named, drawn out and taken up.
pub struct CueBank {
    pub cue: Cue,
    /// Customer: names it.
    pub mention: Bank,
    /// Agent: an open question that gives room to name it.
    pub prompt: Bank,
    /// Agent: takes it up.
    pub ack: Bank,
    /// Agent: what changes in the solution because of it.
    pub extra: Bank,
    /// Customer: after the agent took it up.
    pub thanks: Bank,
}

/// A scripted conversation (the seed cases and their counterparts).
pub struct Story {
    pub topic: Topic,
    pub chat: bool,
    /// Index into [`PERSONAS`].
    pub persona: usize,
    /// (agent speaks, phrasing); phrasings may use slots.
    pub lines: &'static [(bool, &'static str)],
    pub planted: StoryFlags,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct StoryFlags {
    pub threat: bool,
    pub jumping: bool,
    pub missed_root_cause: bool,
    pub root_cause_named: bool,
    pub disappointed: bool,
}
