//! Deciding which raw hits count: a [`Matcher`] applies its speaker filter,
//! exceptions, negation, reported-speech and question filters to the hits of
//! its phrase list.

use crate::engine::hits::{Hit, of_list, of_list_in_turn};
use crate::lexicon::compiled::{ExceptionScope, Language, Matcher, QuestionFilter};
use crate::model::Conversation;
use crate::text::scan::{in_question, inside_quotes, negator_before, sentence_bounds};

/// A conversation prepared for matching in one language.
pub struct View<'a> {
    pub conversation: &'a Conversation,
    pub language: &'a Language,
    /// Normalised conversation text; turns separated by `\n`.
    pub norm: &'a str,
    /// Byte range of each turn in `norm`.
    pub turns: &'a [(u32, u32)],
    pub hits: &'a [Hit],
}

impl<'a> View<'a> {
    pub fn turn_count(&self) -> u32 {
        self.turns.len() as u32
    }

    fn turn_text(&self, turn: u32) -> (&'a str, u32) {
        let (start, end) = self.turns[turn as usize];
        (
            self.norm.get(start as usize..end as usize).unwrap_or(""),
            start,
        )
    }

    pub fn speaker_matches(&self, matcher: &Matcher, turn: u32) -> bool {
        matcher
            .speaker
            .is_none_or(|s| self.conversation.turns[turn as usize].speaker == s)
    }

    /// Whether a raw hit of the matcher's list survives its filters.
    pub fn survives(&self, matcher: &Matcher, hit: &Hit) -> bool {
        let (text, base) = self.turn_text(hit.turn);
        let start = (hit.start - base) as usize;
        let end = (hit.end - base) as usize;
        if let Some(exceptions) = matcher.exceptions {
            let candidates = of_list_in_turn(self.hits, exceptions, hit.turn);
            if !candidates.is_empty() {
                let (from, to) = match matcher.exception_scope {
                    ExceptionScope::Overlap => (hit.start, hit.end),
                    ExceptionScope::Sentence => {
                        let (lo, hi) = sentence_bounds(text, start, end);
                        (base + lo as u32, base + hi as u32 + 1)
                    }
                };
                if candidates.iter().any(|e| e.start < to && from < e.end) {
                    return false;
                }
            }
        }
        if let Some(window) = matcher.negation_window {
            let lang = self.language;
            let negated = negator_before(
                text,
                start,
                window as usize,
                |w| lang.negators.contains(w),
                |w| lang.clause_breakers.contains(w),
            );
            if negated.is_some() {
                return false;
            }
        }
        if matcher.skip_quoted && inside_quotes(text, start) {
            return false;
        }
        match matcher.question {
            Some(QuestionFilter::Only) if !in_question(text, end) => return false,
            Some(QuestionFilter::Never) if in_question(text, end) => return false,
            _ => {}
        }
        true
    }

    /// The first surviving hit of the matcher in `turn`.
    pub fn first_in_turn(&self, matcher: &Matcher, turn: u32) -> Option<Hit> {
        if !self.speaker_matches(matcher, turn) {
            return None;
        }
        of_list_in_turn(self.hits, matcher.list, turn)
            .iter()
            .find(|h| self.survives(matcher, h))
            .copied()
    }

    /// All surviving hits of the matcher in `turn`.
    pub fn all_in_turn<'s>(
        &'s self,
        matcher: &'s Matcher,
        turn: u32,
    ) -> impl Iterator<Item = Hit> + 's {
        let speaker_ok = self.speaker_matches(matcher, turn);
        of_list_in_turn(self.hits, matcher.list, turn)
            .iter()
            .filter(move |h| speaker_ok && self.survives(matcher, h))
            .copied()
    }

    /// The turns where the matcher matches, each with its first surviving
    /// hit, in turn order.
    pub fn turns_matching<'s>(&'s self, matcher: &'s Matcher) -> impl Iterator<Item = Hit> + 's {
        let hits = of_list(self.hits, matcher.list);
        let mut index = 0;
        std::iter::from_fn(move || {
            while index < hits.len() {
                let turn = hits[index].turn;
                let mut found = None;
                while index < hits.len() && hits[index].turn == turn {
                    if found.is_none()
                        && self.speaker_matches(matcher, turn)
                        && self.survives(matcher, &hits[index])
                    {
                        found = Some(hits[index]);
                    }
                    index += 1;
                }
                if found.is_some() {
                    return found;
                }
            }
            None
        })
    }

    /// The turn's offset in milliseconds since the conversation started.
    pub fn offset_ms(&self, turn: u32) -> Option<u64> {
        self.conversation.turns.get(turn as usize)?.offset_ms
    }
}
