//! The conversation grammar: the course a regular conversation takes, and
//! where an agent's habit, the customer's mood or a root cause makes it
//! deviate.

use super::assemble::{Generator, lowercase_first};
use super::banks::{Cue, CueBank, Lang, Scenario};
use super::{Habit, Persona, Rng, Topic};

/// How one regular conversation deviates from the ideal course.
pub(super) struct Plan {
    pub(super) good: bool,
    pub(super) threat: bool,
    pub(super) passive_aggressive: bool,
    pub(super) jump: bool,
    pub(super) cue: Option<&'static CueBank>,
    /// The root cause is named early, unprompted.
    pub(super) cue_early: bool,
    /// The agent does not take the root cause up.
    pub(super) miss: bool,
    pub(super) aggressive: bool,
    pub(super) aggressive_early: bool,
    pub(super) disappointed: bool,
    pub(super) repeat: bool,
}

impl Plan {
    pub(super) fn new(
        rng: &mut Rng,
        persona: &Persona,
        scenario: &'static Scenario,
        repeat: bool,
    ) -> Plan {
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
pub(super) struct Outcome {
    pub(super) accepted_jump: bool,
}

impl Generator {
    /// The turns of a regular conversation.
    pub(super) fn converse(
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
        // When there is a root cause, it is the answer to the question about
        // the reason, so that question is not asked separately.
        let draw_out = plan.cue.filter(|_| !cue_named && !plan.miss);
        let first = if plan.cue.is_some() && s.reason_first && s.explore.len() > 1 {
            1 + rng.below(s.explore.len() as u64 - 1) as usize
        } else if s.reason_first && plan.good {
            0
        } else {
            rng.below(s.explore.len() as u64) as usize
        };
        let mut solved = false;
        if plan.jump {
            let jump = rng.pick(s.jump);
            self.and(jump);
            self.remember_recap(jump, english);
            if rng.chance(55) {
                self.say(false, rng.pick(s.correct));
                self.say(true, rng.pick(l.ack_short));
                if let Some(cue) = draw_out {
                    self.and(rng.pick(cue.prompt));
                    self.say(false, rng.pick(cue.mention));
                    cue_named = true;
                } else {
                    self.and(s.explore[first].0);
                    self.say(false, s.explore[first].1);
                }
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
            }
            let solution = rng.pick(s.solve);
            if self.last_is_customer() {
                self.say(true, solution);
            } else {
                self.and(solution);
            }
            self.remember_recap(solution, english);
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
            if self.last_is_customer() {
                self.and(rng.pick(s.follow));
            } else {
                self.say(false, rng.pick(s.follow));
            }
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
        let answer = rng.pick(s.solve);
        self.and(answer);
        self.remember_recap(answer, english);
        let (question, answer) = rng.pick(s.explore);
        self.say(false, question);
        self.say(true, answer);
        self.reaction(rng, l, plan, false);
        if plan.passive_aggressive {
            if self.last_is_customer() {
                self.and(rng.pick(s.follow));
            } else {
                self.say(false, rng.pick(s.follow));
            }
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
        if self.last_is_customer() {
            self.say(true, rng.pick(l.close_ask));
        } else {
            self.and(rng.pick(l.close_ask));
        }
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
