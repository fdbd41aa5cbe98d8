//! The generator's state across a week: who a conversation is with and
//! when, returning customers, agent ids, slot values, turn timing and the
//! channel's style. What is said is decided in `converse` (regular
//! conversations) and `stories` (scripted ones).
//!
//! Randomness is drawn per conversation and per customer from the seed
//! (`Rng::derive`), so a customer keeps their name, postcode and numbers on
//! every contact, and one conversation's choices never shift another's.

use std::collections::VecDeque;

use super::banks::{Lang, Story};
use super::converse::Plan;
use super::{
    CONVERSATIONS_PER_PENDING, Conversation, MIN_PENDING, PERSONAS, Rng, Schedule, Summary, Topic,
    phrases_en, phrases_nl, stories,
};

/// One turn of the conversation being built.
#[derive(Debug, Default)]
pub struct Turn {
    pub agent: bool,
    pub text: String,
    /// Second of the day.
    pub second: u32,
    /// The agent puts the customer on hold after this turn.
    pub(super) hold: bool,
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
    max_pending: usize,
    next_customer: u64,
    agent_used: Vec<bool>,
    summary: Summary,
    id: String,
    agent_id: String,
    customer_id: String,
    pub(super) turns: Vec<Turn>,
    pub(super) len: usize,
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
            pending: VecDeque::new(),
            max_pending: ((conversations / CONVERSATIONS_PER_PENDING) as usize).max(MIN_PENDING),
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
            Some(story) => self.story(&mut rng, story, index, start),
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
        index: u64,
        start: u32,
    ) -> (&'static str, Topic) {
        let lang = &phrases_nl::NL;
        let customer = self.new_customer();
        self.set_customer(customer);
        // Each block of stories goes to the next team.
        self.set_agent(story.persona, stories::block(index) % self.teams);
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
        (if story.chat { "chat" } else { "call" }, story.topic)
    }

    fn regular(&mut self, rng: &mut Rng, day: usize, start: u32) -> (&'static str, Topic) {
        // Who: a returning customer about an unresolved issue (the oldest
        // one, if it is at least two hours old), or a new one.
        let returning = if rng.chance(9)
            && self
                .pending
                .front()
                .is_some_and(|p| p.day < day || p.end + 2 * 3600 <= start)
        {
            self.pending.pop_front()
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
        self.set_customer(customer);
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
            if self.pending.len() >= self.max_pending {
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

    fn set_customer(&mut self, customer: u64) {
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
        let (euros, cents) = (own.between(24, 389), own.below(100));
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
    pub(super) fn say(&mut self, agent: bool, phrasing: &str) {
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
    pub(super) fn and(&mut self, phrasing: &str) {
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

    pub(super) fn last_is_customer(&self) -> bool {
        self.turns[..self.len].last().is_some_and(|t| !t.agent)
    }

    /// Remembers the last sentence of a solution (where the action is) as
    /// `{recap}`, for an agent who repeats it pointedly.
    pub(super) fn remember_recap(&mut self, solution: &str, english: bool) {
        let mut filled = String::new();
        fill(&mut filled, solution, &self.slots);
        let sentence = filled
            .split_inclusive(['.', '!', '?'])
            .map(str::trim)
            .rfind(|s| !s.is_empty())
            .unwrap_or("");
        self.slots.recap.clear();
        self.slots.recap.push_str(sentence);
        lowercase_first(&mut self.slots.recap, english);
    }

    /// Assigns a time to every turn, and gives customers' chat messages a
    /// typed casualness (a lowercase start, no final full stop).
    fn time(&mut self, rng: &mut Rng, start: u32, chat: bool) {
        let mut second = start;
        let mut previous: Option<(u32, bool)> = None;
        for (i, turn) in self.turns[..self.len].iter_mut().enumerate() {
            if chat && !turn.agent && i > 1 {
                if rng.chance(25) {
                    lowercase_first(&mut turn.text, true);
                }
                if rng.chance(35) && turn.text.ends_with('.') && !turn.text.ends_with("..") {
                    turn.text.pop();
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
pub(super) fn lowercase_first(text: &mut String, english: bool) {
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
