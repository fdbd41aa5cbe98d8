//! Which topic a conversation is about, and its contact moment.
//!
//! The export's own topic wins when it has one: an alias of a lexicon topic
//! (`Betalingsregeling`, `Facturen`) is reported under the topic's id
//! (`payment_arrangement`, `billing`), any other value as it is. When the
//! export has no topic, the topic lexicons (`[[topic]]` tables) assign one
//! from what the customer says first: every topic's matcher is run over the
//! customer's first [`CUSTOMER_TURNS`] turns, and the topic with the most
//! matches wins; a tie goes to the topic defined first (so a lexicon lists
//! specific topics before general ones such as `complaint`). No match leaves
//! the topic unknown.
//!
//! The customer's opening turns are where the reason for contact is said
//! ("mijn factuur klopt niet"); later turns wander (the agent's solution, a
//! second question) and would blur the assignment.

use crate::engine::matching::View;
use crate::lexicon::compiled::{ContactMoment, Lexicons};
use crate::model::Speaker;
use crate::record::TopicSource;
use crate::text::normalize;

/// Customer turns, from the start, searched for topic words.
pub const CUSTOMER_TURNS: usize = 3;

/// Matches of one topic so far: how many, and where the first one was
/// (turn, byte offset in the normalised text).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TopicScore {
    pub matches: u32,
    pub first: Option<(u32, u32)>,
}

/// The customer's first turns.
fn opening_turns<'a>(view: &'a View<'a>) -> impl Iterator<Item = u32> + 'a {
    view.conversation
        .turns
        .iter()
        .enumerate()
        .filter(|(_, t)| t.speaker == Speaker::Customer)
        .map(|(i, _)| i as u32)
        .take(CUSTOMER_TURNS)
}

/// Adds the matches of the view's language's topic matchers to `scores`
/// (indexed like [`Lexicons::topics`]).
pub fn score(view: &View<'_>, scores: &mut [TopicScore]) {
    for &(topic, matcher) in &view.language.topic_matchers {
        let Some(score) = scores.get_mut(topic) else {
            continue;
        };
        let matcher = &view.language.matchers[matcher as usize];
        for turn in opening_turns(view) {
            for hit in view.all_in_turn(matcher, turn) {
                score.matches += 1;
                let at = (hit.turn, hit.start);
                if score.first.is_none_or(|f| at < f) {
                    score.first = Some(at);
                }
            }
        }
    }
}

/// The topic to report, where it came from, and its contact moment.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assigned {
    pub topic: Option<String>,
    pub source: Option<TopicSource>,
    pub contact_moment: Option<ContactMoment>,
}

/// The lexicon topic an export value stands for: equal to its id or one of
/// its aliases, compared after normalisation.
pub fn canonical(lexicons: &Lexicons, export_topic: &str) -> Option<usize> {
    let normalized = normalize(export_topic);
    lexicons
        .topics
        .iter()
        .position(|t| *t.id == *normalized || t.aliases.contains(&normalized))
}

/// Decides the topic from the export's value, else from the scores.
pub fn assign(lexicons: &Lexicons, export_topic: Option<&str>, scores: &[TopicScore]) -> Assigned {
    if let Some(value) = export_topic {
        return match canonical(lexicons, value) {
            Some(index) => {
                let info = &lexicons.topics[index];
                Assigned {
                    topic: Some(info.id.to_string()),
                    source: Some(TopicSource::Alias),
                    contact_moment: Some(info.contact_moment),
                }
            }
            None => Assigned {
                topic: Some(value.to_string()),
                source: Some(TopicSource::Export),
                contact_moment: None,
            },
        };
    }
    let best = scores
        .iter()
        .enumerate()
        .filter(|(_, s)| s.matches > 0)
        .min_by(|(ia, a), (ib, b)| b.matches.cmp(&a.matches).then(ia.cmp(ib)));
    match best.and_then(|(index, _)| lexicons.topics.get(index)) {
        Some(info) => Assigned {
            topic: Some(info.id.to_string()),
            source: Some(TopicSource::Lexicon),
            contact_moment: Some(info.contact_moment),
        },
        None => Assigned::default(),
    }
}
