//! Assembling one conversation: who, when, about what, and the turns.
//!
//! A conversation follows the course real ones take: greeting, the reason for
//! contact, identification, (ideally) exploring questions, the solution,
//! closing. The plan decides where it deviates: an agent's habit (a threat in
//! the first minute, a solution before any question, a root cause heard and
//! ignored, "as I already said"), the customer's mood, a root cause the
//! customer names, a repeat contact. The wording comes from the phrase banks;
//! `{slot}`s in a phrasing are filled from the conversation's [`Slots`].

use std::collections::VecDeque;

use super::{
    Conversation, Habit, MAX_PENDING, PERSONAS, Persona, Rng, Schedule, Summary, Topic, phrases_en,
    phrases_nl, stories,
};

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

/// One turn of the conversation being built.
#[derive(Debug, Default)]
pub struct Turn {
    pub agent: bool,
    pub text: String,
    /// Second of the day.
    pub second: u32,
    /// The agent puts the customer on hold after this turn.
    hold: bool,
}

/// Values of the `{slot}`s of one conversation.
#[derive(Default)]
struct Slots {
    hello: &'static str,
    agent: &'static str,
    cname: String,
    order: String,
    postcode: String,
    cnum: String,
    amount: String,
    birth: String,
    item: &'static str,
    appliance: &'static str,
    day: &'static str,
    prev: &'static str,
    recap: String,
}

/// An unresolved contact that may come back.
struct Pending {
    customer: u64,
    english: bool,
    topic: Topic,
    scenario: usize,
    day: usize,
    end: u32,
    chat: bool,
    contacts: u32,
}

/// The stateful part of generation.
pub struct Generator {
    seed: u64,
    teams: u64,
    id_width: usize,
    customer_modulus: u64,
    customer_width: usize,
    schedule: Schedule,
    pending: VecDeque<Pending>,
    next_customer: u64,
    agent_used: Vec<bool>,
    summary: Summary,
    id: String,
    agent_id: String,
    customer_id: String,
    turns: Vec<Turn>,
    len: usize,
    slots: Slots,
}

impl Generator {
    pub fn new(conversations: u64, seed: u64) -> Generator {
        let teams = conversations.div_ceil(super::CONVERSATIONS_PER_TEAM).max(1);
        let id_width = digits(conversations).max(5);
        // Customer numbers are a permutation of 0..10^w, so they look random
        // and never collide.
        let customer_width = (digits(conversations) + 1).max(7);
        Generator {
            seed,
            teams,
            id_width,
            customer_modulus: 10u64.pow(customer_width as u32),
            customer_width,
            schedule: Schedule::new(conversations),
            pending: VecDeque::with_capacity(MAX_PENDING),
            next_customer: 0,
            agent_used: vec![false; (teams * PERSONAS.len() as u64) as usize],
            summary: Summary::default(),
            id: String::new(),
            agent_id: String::new(),
            customer_id: String::new(),
            turns: Vec::new(),
            len: 0,
            slots: Slots::default(),
        }
    }

    pub fn finish(mut self) -> Summary {
        self.summary.agents = self.agent_used.iter().filter(|&&u| u).count() as u64;
        self.summary
    }

    /// Builds conversation `index`; ids and start times increase with it.
    pub fn next_conversation(&mut self, index: u64) -> Conversation<'_> {
        let mut rng = Rng::derive(self.seed, 1, index);
        let (day, start) = self.schedule.start(index, rng.next_u64() as u32);
        self.len = 0;
        self.id.clear();
        self.id
            .push_str(&format!("W47-{:0w$}", index + 1, w = self.id_width));

        let (channel, topic) = match stories::at(index) {
            Some(story) => self.story(&mut rng, story, day, start),
            None => self.regular(&mut rng, day, start),
        };
        self.summary.conversations += 1;
        self.summary.turns += self.len as u64;
        if channel == "call" {
            self.summary.calls += 1;
        } else {
            self.summary.chats += 1;
        }
        self.summary.topics[topic.index()] += 1;
        Conversation {
            id: &self.id,
            channel,
            agent: &self.agent_id,
            customer: &self.customer_id,
            topic: topic.id(),
            day,
            turns: &self.turns[..self.len],
        }
    }

    fn story(
        &mut self,
        rng: &mut Rng,
        story: &'static Story,
        day: usize,
        start: u32,
    ) -> (&'static str, Topic) {
        let lang = &phrases_nl::NL;
        let customer = self.new_customer();
        self.set_customer(customer, lang);
        self.set_agent(story.persona, 0);
        self.fill_slots(rng, lang, customer, start, None);
        for &(agent, phrasing) in story.lines {
            self.say(agent, phrasing);
        }
        self.time(rng, start, story.chat);
        let p = &mut self.summary.planted;
        let f = story.planted;
        p.threat += u64::from(f.threat);
        p.jumping_to_conclusions += u64::from(f.jumping);
        p.missed_root_cause += u64::from(f.missed_root_cause);
        p.root_cause_named += u64::from(f.root_cause_named);
        p.disappointed += u64::from(f.disappointed);
        self.summary.stories += 1;
        self.summary.dutch += 1;
        let _ = day;
        (if story.chat { "chat" } else { "call" }, story.topic)
    }

    fn regular(&mut self, rng: &mut Rng, day: usize, start: u32) -> (&'static str, Topic) {
        // Who: a returning customer about an unresolved issue, or a new one.
        let returning = if rng.chance(9) {
            self.pending
                .iter()
                .position(|p| p.day < day || p.end + 2 * 3600 <= start)
                .and_then(|i| self.pending.remove(i))
        } else {
            None
        };
        let english = match &returning {
            Some(p) => p.english,
            None => rng.chance(30),
        };
        let lang: &'static Lang = if english {
            &phrases_en::EN
        } else {
            &phrases_nl::NL
        };
        let (topic, scenario_index) = match &returning {
            Some(p) => (p.topic, p.scenario),
            None => {
                let topic = Topic::ALL[rng.weighted(Topic::ALL.iter().map(|t| t.weight()))];
                let choices = lang.scenarios.iter().filter(|s| s.topic == topic).count();
                let nth = rng.below(choices as u64) as usize;
                let index = lang
                    .scenarios
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| s.topic == topic)
                    .nth(nth)
                    .map_or(0, |(i, _)| i);
                (topic, index)
            }
        };
        let scenario = &lang.scenarios[scenario_index];
        let chat = rng.chance(if english { 50 } else { 43 });
        let persona_index = rng.weighted(
            PERSONAS
                .iter()
                .map(|p| if english && !p.english { 0 } else { p.weight }),
        );
        let persona = &PERSONAS[persona_index];
        let team = rng.below(self.teams);
        self.set_agent(persona_index, team);
        let customer = match &returning {
            Some(p) => p.customer,
            None => self.new_customer(),
        };
        self.set_customer(customer, lang);
        if english {
            self.summary.english += 1;
        } else {
            self.summary.dutch += 1;
        }
        if let Some(p) = &returning {
            self.summary.repeat_contacts += 1;
            if p.contacts == 1 {
                self.summary.repeat_customers += 1;
            }
        }
        let earlier = returning.as_ref().map(|p| (p.day, p.end, p.chat));
        self.fill_slots(rng, lang, customer, start, earlier.map(|e| (e, day)));

        let plan = Plan::new(rng, persona, scenario, returning.is_some());
        let outcome = self.converse(rng, lang, scenario, &plan, chat);
        self.time(rng, start, chat);

        let p = &mut self.summary.planted;
        p.threat += u64::from(plan.threat);
        p.passive_aggressive += u64::from(plan.passive_aggressive);
        p.customer_aggression += u64::from(plan.aggressive);
        p.jumping_to_conclusions += u64::from(plan.jump);
        p.missed_root_cause += u64::from(plan.cue.is_some() && plan.miss);
        p.root_cause_named += u64::from(plan.cue.is_some());
        p.disappointed += u64::from(plan.disappointed);

        // Unresolved contacts may come back later in the week.
        let unresolved = match (scenario.problem, outcome.accepted_jump, plan.miss) {
            (false, _, _) => 3,
            (true, true, _) => 40,
            (true, false, true) => 30,
            (true, false, false) => 10,
        };
        if rng.chance(unresolved) {
            if self.pending.len() == MAX_PENDING {
                self.pending.pop_front();
            }
            let end = self.turns[..self.len].last().map_or(start, |t| t.second);
            self.pending.push_back(Pending {
                customer,
                english,
                topic,
                scenario: scenario_index,
                day,
                end,
                chat,
                contacts: returning.map_or(1, |p| p.contacts + 1),
            });
        }
        (if chat { "chat" } else { "call" }, topic)
    }

    fn new_customer(&mut self) -> u64 {
        self.summary.customers += 1;
        self.next_customer += 1;
        self.next_customer
    }

    fn set_customer(&mut self, customer: u64, lang: &Lang) {
        let _ = lang;
        let number =
            (customer.wrapping_mul(7_919_311).wrapping_add(1_234_567)) % self.customer_modulus;
        self.customer_id.clear();
        self.customer_id
            .push_str(&format!("K{number:0w$}", w = self.customer_width));
    }

    fn set_agent(&mut self, persona: usize, team: u64) {
        self.agent_used[team as usize * PERSONAS.len() + persona] = true;
        self.agent_id.clear();
        self.agent_id.push_str(PERSONAS[persona].id);
        if team > 0 {
            self.agent_id.push_str(&format!("-{:03}", team + 1));
        }
        self.slots.agent = PERSONAS[persona].name;
    }

    /// Slot values: the customer's own (stable over repeat contacts) and the
    /// conversation's.
    fn fill_slots(
        &mut self,
        rng: &mut Rng,
        lang: &'static Lang,
        customer: u64,
        start: u32,
        earlier: Option<((usize, u32, bool), usize)>,
    ) {
        let mut own = Rng::derive(self.seed, 2, customer);
        let s = &mut self.slots;
        s.cname.clear();
        s.cname.push_str(own.pick(lang.first_names));
        s.cname.push(' ');
        s.cname.push_str(own.pick(lang.surnames));
        s.postcode = format!(
            "{} {}{}",
            own.between(1011, 9999),
            char::from(b'A' + own.below(26) as u8),
            char::from(b'B' + own.below(24) as u8)
        );
        s.postcode.push_str(&format!(", {}", own.between(1, 180)));
        s.cnum = format!("{}", own.between(3_000_000, 8_999_999));
        s.birth = format!(
            "{} {} {}",
            own.between(1, 28),
            lang.months[own.below(12) as usize],
            own.between(1946, 2003)
        );
        s.order = format!("{}", own.between(40_000_000, 49_999_999));
        s.item = own.pick(lang.items);
        s.appliance = own.pick(lang.appliances);
        let (euros, cents) = (rng.between(24, 389), rng.below(100));
        s.amount = if lang.decimal_comma {
            format!("€ {euros},{cents:02}")
        } else {
            format!("€{euros}.{cents:02}")
        };
        s.hello = if start < 12 * 3600 {
            rng.pick(lang.hello_morning)
        } else {
            rng.pick(lang.hello_afternoon)
        };
        s.recap.clear();
        (s.day, s.prev) = match earlier {
            Some(((day, end, chat), today)) => (
                if day == today && end < 12 * 3600 && start >= 12 * 3600 {
                    lang.this_morning
                } else if day == today {
                    lang.earlier_today
                } else if day + 1 == today {
                    lang.yesterday
                } else {
                    lang.weekdays[day]
                },
                if chat { lang.chatted } else { lang.called },
            ),
            None => ("", ""),
        };
    }

    /// Starts a new turn with `phrasing`, slots filled.
    fn say(&mut self, agent: bool, phrasing: &str) {
        if self.len == self.turns.len() {
            self.turns.push(Turn::default());
        }
        let turn = &mut self.turns[self.len];
        self.len += 1;
        turn.agent = agent;
        turn.hold = false;
        turn.text.clear();
        fill(&mut turn.text, phrasing, &self.slots);
    }

    /// Adds `phrasing` to the current turn.
    fn and(&mut self, phrasing: &str) {
        let Some(turn) = self.turns[..self.len].last_mut() else {
            return;
        };
        let after_comma = turn.text.ends_with(',');
        if !turn.text.is_empty() && !phrasing.is_empty() {
            turn.text.push(' ');
        }
        let start = turn.text.len();
        fill(&mut turn.text, phrasing, &self.slots);
        if after_comma {
            // "Hoi, ik heb..." rather than "Hoi, Ik heb...".
            let mut rest = turn.text.split_off(start);
            lowercase_first(&mut rest, true);
            turn.text.push_str(&rest);
        }
    }

    fn last_is_customer(&self) -> bool {
        self.turns[..self.len].last().is_some_and(|t| !t.agent)
    }

    /// The first sentence of the latest agent turn, as `{recap}`.
    fn remember_recap(&mut self, english: bool) {
        let Some(turn) = self.turns[..self.len].iter().rev().find(|t| t.agent) else {
            return;
        };
        let sentence = turn
            .text
            .split_inclusive(['.', '!', '?'])
            .next()
            .unwrap_or("")
            .trim();
        self.slots.recap.clear();
        self.slots.recap.push_str(sentence);
        lowercase_first(&mut self.slots.recap, english);
    }

    /// Assigns a time to every turn and gives customer turns their channel's
    /// style (fillers in calls; typed casualness in chats).
    fn time(&mut self, rng: &mut Rng, start: u32, chat: bool) {
        let mut second = start;
        let mut previous: Option<(u32, bool)> = None;
        for (i, turn) in self.turns[..self.len].iter_mut().enumerate() {
            if !turn.agent && i > 1 {
                if chat {
                    if rng.chance(25) {
                        lowercase_first(&mut turn.text, true);
                    }
                    if rng.chance(35) && turn.text.ends_with('.') && !turn.text.ends_with("..") {
                        turn.text.pop();
                    }
                }
            }
            let length = turn.text.chars().count() as u32;
            if let Some((previous_length, hold)) = previous {
                let gap = if chat {
                    // Reading the other's message, then typing this one.
                    let typing = if turn.agent { length / 7 } else { length / 4 };
                    typing + rng.between(8, 40) as u32
                } else {
                    // Speaking the previous turn, then a short pause.
                    (previous_length / 14).max(1) + rng.between(1, 3) as u32
                };
                second += gap + if hold { rng.between(25, 80) as u32 } else { 0 };
            }
            turn.second = second;
            previous = Some((length, turn.hold));
        }
    }
}

/// Lowercases the first letter, except English "I" and "I'm".
fn lowercase_first(text: &mut String, english: bool) {
    if english && (text.starts_with("I ") || text.starts_with("I'") || text == "I") {
        return;
    }
    if let Some(first) = text.chars().next()
        && first.is_ascii_uppercase()
    {
        // Keep acronyms and ids ("KPN", "W47") as they are.
        if text.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase()) {
            return;
        }
        text.replace_range(..1, &first.to_ascii_lowercase().to_string());
    }
}

/// Appends `phrasing` with `{slot}`s replaced.
fn fill(out: &mut String, phrasing: &str, slots: &Slots) {
    let mut rest = phrasing;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let value: &str = match &after[..close] {
            "hello" => slots.hello,
            "agent" => slots.agent,
            "cname" => &slots.cname,
            "order" => &slots.order,
            "postcode" => &slots.postcode,
            "cnum" => &slots.cnum,
            "amount" => &slots.amount,
            "birth" => &slots.birth,
            "item" => slots.item,
            "appliance" => slots.appliance,
            "day" => slots.day,
            "prev" => slots.prev,
            "recap" => &slots.recap,
            _ => &rest[open..open + close + 2],
        };
        out.push_str(value);
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

fn digits(n: u64) -> usize {
    n.max(1).ilog10() as usize + 1
}

/// How one regular conversation deviates from the ideal course.
struct Plan {
    good: bool,
    threat: bool,
    passive_aggressive: bool,
    jump: bool,
    cue: Option<&'static CueBank>,
    /// The root cause is named early, unprompted.
    cue_early: bool,
    /// The agent does not take the root cause up.
    miss: bool,
    aggressive: bool,
    aggressive_early: bool,
    disappointed: bool,
    repeat: bool,
}

impl Plan {
    fn new(rng: &mut Rng, persona: &Persona, scenario: &'static Scenario, repeat: bool) -> Plan {
        let habit = persona.habit;
        let problem = scenario.problem;
        let threat = habit == Habit::Threatens && problem && rng.chance(40);
        let passive_aggressive = if habit == Habit::PassiveAggressive {
            rng.chance(40)
        } else {
            rng.chance(1)
        };
        let jump = problem
            && if habit == Habit::JumpsToConclusions {
                rng.chance(55)
            } else {
                rng.chance(5)
            };
        let cue_share = match scenario.topic {
            Topic::PaymentArrangement => 60,
            Topic::Repair => 35,
            Topic::Complaint => 30,
            Topic::Delivery | Topic::Contract | Topic::Outage => 25,
            Topic::Billing => 15,
            Topic::Account => 10,
            Topic::Information => 0,
        };
        let cue =
            (!scenario.cues.is_empty() && rng.chance(cue_share)).then(|| rng.pick(scenario.cues));
        let miss = cue.is_some()
            && (threat
                || match habit {
                    Habit::MissesRootCauses => rng.chance(75),
                    Habit::JumpsToConclusions => rng.chance(35),
                    _ => rng.chance(8),
                });
        let aggressive = !threat
            && rng.chance(match (repeat, scenario.topic) {
                (true, _) => 22,
                (false, Topic::Complaint) => 18,
                (false, Topic::Information) => 1,
                (false, _) => 6,
            });
        let disappointed = !aggressive && (threat || rng.chance(if repeat { 45 } else { 16 }));
        Plan {
            good: habit == Habit::None,
            threat,
            passive_aggressive,
            jump,
            cue,
            cue_early: cue.is_some_and(|c| rng.chance(unprompted(c.cue))),
            miss,
            aggressive,
            aggressive_early: rng.chance(50),
            disappointed,
            repeat,
        }
    }
}

/// How often customers name a root cause before anyone asks (in percent):
/// urgency comes out by itself, money trouble and grief need room.
fn unprompted(cue: Cue) -> u64 {
    match cue {
        Cue::BirthdayPresent | Cue::Travel | Cue::WorkFromHome => 60,
        Cue::RepeatDefect => 55,
        Cue::Illness | Cue::Separation => 40,
        Cue::LostJob | Cue::Bereavement => 30,
    }
}

/// What happened, for the decision whether the customer comes back.
struct Outcome {
    accepted_jump: bool,
}

impl Generator {
    /// The turns of a regular conversation.
    fn converse(
        &mut self,
        rng: &mut Rng,
        l: &'static Lang,
        s: &'static Scenario,
        plan: &Plan,
        chat: bool,
    ) -> Outcome {
        let english = l.code == "en";
        let mut cue_named = false;
        let mut outcome = Outcome {
            accepted_jump: false,
        };
        let aggressive_early = plan.aggressive && plan.aggressive_early;

        // The reason for contact.
        if !chat {
            self.say(true, rng.pick(l.greet_call));
            self.say(false, rng.pick(l.hello_call));
        } else {
            self.say(false, rng.pick(l.hello_chat));
        }
        if plan.repeat {
            self.and(rng.pick(l.repeat));
        }
        self.and(rng.pick(s.open));
        if !chat && rng.chance(45) {
            self.say(true, rng.pick(l.backchannel));
            self.say(false, rng.pick(s.detail));
            if rng.chance(30) {
                let filler = rng.pick(l.fillers);
                prefix(&mut self.turns[self.len - 1].text, filler, english);
            }
        }
        if let Some(cue) = plan.cue
            && plan.cue_early
        {
            self.and(rng.pick(cue.mention));
            cue_named = true;
        }
        if plan.disappointed && rng.chance(50) {
            self.and(rng.pick(l.disappointed));
        }
        if aggressive_early {
            self.and(rng.pick(l.aggression_open));
        }
        if chat {
            self.say(true, rng.pick(l.greet_chat));
        }

        if !s.problem {
            return self.inform(rng, l, s, plan, chat);
        }

        // First response and identification. A good agent takes up a root
        // cause named at the start right away, and a repeat contact too.
        let (id_ask, id_answers) = rng.pick(if chat { l.id_chat } else { l.id_call });
        let early_cue = plan.cue.filter(|_| cue_named && !plan.miss);
        let mut acked = false;
        if plan.threat {
            self.say(true, rng.pick(l.threat));
            self.say(false, rng.pick(l.threat_reaction));
            self.say(true, id_ask);
        } else if aggressive_early {
            self.say(true, rng.pick(if plan.good { l.calm_down } else { l.curt }));
            if let Some(cue) = early_cue {
                self.and(rng.pick(cue.ack));
                acked = true;
            }
            self.and(id_ask);
        } else if early_cue.is_none() && (plan.jump || plan.miss || (!plan.good && rng.chance(50)))
        {
            if chat {
                self.and(id_ask);
            } else {
                self.say(true, id_ask);
            }
        } else {
            let ack = match early_cue {
                Some(cue) => {
                    acked = true;
                    cue.ack
                }
                None if plan.repeat && plan.good => l.repeat_ack,
                None if !s.ack.is_empty() => s.ack,
                None => l.ack,
            };
            if !chat {
                self.say(true, rng.pick(ack));
            } else {
                self.and(rng.pick(ack));
            }
            self.and(id_ask);
        }
        self.say(false, rng.pick(id_answers));
        self.say(true, rng.pick(l.id_found));

        // Exploring, or not. A good agent who has not heard the root cause
        // yet gives room for it with the first question.
        let draw_out = plan.cue.filter(|_| !cue_named && !plan.miss && !plan.jump);
        let first = if s.reason_first && plan.good {
            0
        } else {
            rng.below(s.explore.len() as u64) as usize
        };
        let mut solved = false;
        if plan.jump {
            self.and(rng.pick(s.jump));
            self.remember_recap(english);
            if rng.chance(55) {
                self.say(false, rng.pick(s.correct));
                self.say(true, rng.pick(l.ack_short));
                self.and(s.explore[first].0);
                self.say(false, s.explore[first].1);
            } else {
                self.say(false, rng.pick(l.accept_jump));
                solved = true;
                outcome.accepted_jump = true;
            }
        } else if let Some(cue) = draw_out {
            self.and(rng.pick(cue.prompt));
            self.say(false, rng.pick(cue.mention));
            cue_named = true;
        } else {
            self.and(s.explore[first].0);
            self.say(false, s.explore[first].1);
            if !chat && s.explore.len() > 1 && rng.chance(35) {
                let second =
                    (first + 1 + rng.below(s.explore.len() as u64 - 1) as usize) % s.explore.len();
                self.say(true, rng.pick(l.ack_short));
                self.and(s.explore[second].0);
                self.say(false, s.explore[second].1);
            }
        }

        // The root cause: named, drawn out, taken up or ignored.
        let mut taken_up = None;
        if let Some(cue) = plan.cue {
            if !cue_named {
                if !plan.miss {
                    self.say(true, rng.pick(cue.prompt));
                    self.say(false, rng.pick(cue.mention));
                } else if self.last_is_customer() {
                    self.and(rng.pick(cue.mention));
                } else {
                    self.say(false, rng.pick(cue.mention));
                }
            }
            if !plan.miss {
                if !acked {
                    self.say(true, rng.pick(cue.ack));
                    self.say(false, rng.pick(cue.thanks));
                }
                taken_up = Some(cue);
            }
        }

        // The solution.
        if !solved {
            if !chat && rng.chance(30) {
                self.say(true, rng.pick(l.hold));
                self.turns[self.len - 1].hold = true;
                self.say(false, rng.pick(l.hold_ok));
                self.say(true, rng.pick(l.back));
                self.and(rng.pick(s.solve));
            } else {
                self.say(true, rng.pick(s.solve));
            }
            self.remember_recap(english);
            if let Some(cue) = taken_up {
                self.and(rng.pick(cue.extra));
            }
        } else if let Some(cue) = taken_up {
            self.say(true, rng.pick(cue.extra));
        }
        if !solved || taken_up.is_some() || plan.aggressive {
            self.reaction(rng, l, plan, aggressive_early);
        }
        if !chat && rng.chance(35) {
            self.say(true, rng.pick(l.confirm));
        }
        if plan.passive_aggressive {
            self.say(false, rng.pick(s.follow));
            self.say(true, rng.pick(l.passive_aggressive));
            self.say(false, rng.pick(l.ok));
        }
        self.close(rng, l, chat);
        outcome
    }

    /// A question that is not a problem: answer, follow-up, close.
    fn inform(
        &mut self,
        rng: &mut Rng,
        l: &'static Lang,
        s: &'static Scenario,
        plan: &Plan,
        chat: bool,
    ) -> Outcome {
        let english = l.code == "en";
        if chat {
            self.and(rng.pick(l.info_ack));
        } else {
            self.say(true, rng.pick(l.info_ack));
        }
        self.and(rng.pick(s.solve));
        self.remember_recap(english);
        let (question, answer) = rng.pick(s.explore);
        self.say(false, question);
        self.say(true, answer);
        self.reaction(rng, l, plan, false);
        if plan.passive_aggressive {
            self.say(false, rng.pick(s.follow));
            self.say(true, rng.pick(l.passive_aggressive));
            self.say(false, rng.pick(l.ok));
        }
        self.close(rng, l, chat);
        Outcome {
            accepted_jump: false,
        }
    }

    /// The customer's reaction to the solution.
    fn reaction(&mut self, rng: &mut Rng, l: &'static Lang, plan: &Plan, aggressive_early: bool) {
        if plan.aggressive && !aggressive_early {
            self.say(false, rng.pick(l.aggression_late));
            self.say(true, rng.pick(if plan.good { l.calm_down } else { l.curt }));
            self.say(false, rng.pick(l.grudging));
        } else {
            self.say(false, rng.pick(l.accept));
            if plan.disappointed && rng.chance(50) {
                self.and(rng.pick(l.disappointed));
            }
        }
    }

    fn close(&mut self, rng: &mut Rng, l: &'static Lang, chat: bool) {
        self.say(true, rng.pick(l.close_ask));
        self.say(false, rng.pick(l.close_no));
        self.say(true, rng.pick(if chat { l.bye_chat } else { l.bye_call }));
        if !chat && rng.chance(40) {
            self.say(false, rng.pick(l.bye_customer));
        }
    }
}

/// Puts a spoken opener ("Ja, eh,") before a turn.
fn prefix(text: &mut String, filler: &str, english: bool) {
    lowercase_first(text, english);
    text.insert(0, ' ');
    text.insert_str(0, filler);
}
