//! Deciding which raw hits count: a [`Matcher`] applies its speaker filter,
//! exceptions, negation, reported-speech and question filters to the hits of
//! its phrase list. [`View::cancel`] says which filter cancelled a hit, for
//! `lexicon try`; the engine only asks whether it survives.

use crate::engine::hits::{Hit, Hits};
use crate::lexicon::compiled::{ExceptionScope, Language, Matcher, QuestionFilter};
use crate::model::Conversation;
use crate::text::scan::{in_question, inside_quotes, negator_span_before, sentence_bounds};

/// Why a raw hit does not count. Byte ranges are in the normalised
/// conversation text, like [`Hit`]'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cancel {
    /// Overlapped by this match of the matcher's exceptions.
    Exception(Hit),
    /// A negator shortly before the match, in the same clause.
    Negated { start: u32, end: u32 },
    /// Inside double quotes (reported speech) and `skip_quoted` is on.
    Quoted,
    /// `question = "only"` and the match is not in a question.
    NotAQuestion,
    /// `question = "never"` and the match is in a question.
    Question,
}

/// A conversation prepared for matching in one language.
pub struct View<'a> {
    pub conversation: &'a Conversation,
    pub language: &'a Language,
    /// Normalised conversation text; turns separated by `\n`.
    pub norm: &'a str,
    /// Byte range of each turn in `norm`.
    pub turns: &'a [(u32, u32)],
    pub hits: Hits<'a>,
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
    #[inline]
    pub fn survives(&self, matcher: &Matcher, hit: &Hit) -> bool {
        self.cancel(matcher, hit).is_none()
    }

    /// Why a raw hit of the matcher's list does not count, or `None` when
    /// it survives every filter. The filters run in a fixed order
    /// (exceptions, negation, quotes, question) and the first that cancels
    /// is reported; the answer is a small `Copy` value, so the hot path pays
    /// nothing for the explanation `lexicon try` gets from it.
    pub fn cancel(&self, matcher: &Matcher, hit: &Hit) -> Option<Cancel> {
        let (text, base) = self.turn_text(hit.turn);
        let start = (hit.start - base) as usize;
        let end = (hit.end - base) as usize;
        if let Some(exceptions) = matcher.exceptions {
            let candidates = self.hits.of_list_in_turn(exceptions, hit.turn);
            if !candidates.is_empty() {
                let (from, to) = match matcher.exception_scope {
                    ExceptionScope::Overlap => (hit.start, hit.end),
                    ExceptionScope::Sentence => {
                        let (lo, hi) = sentence_bounds(text, start, end);
                        (base + lo as u32, base + hi as u32 + 1)
                    }
                };
                if let Some(exception) = candidates.iter().find(|e| e.start < to && from < e.end) {
                    return Some(Cancel::Exception(*exception));
                }
            }
        }
        if let Some(window) = matcher.negation_window {
            let lang = self.language;
            let negated = negator_span_before(
                text,
                start,
                window as usize,
                |w| lang.negators.contains(w),
                |w| lang.clause_breakers.contains(w),
            );
            if let Some((from, to)) = negated {
                return Some(Cancel::Negated {
                    start: base + from as u32,
                    end: base + to as u32,
                });
            }
        }
        if matcher.skip_quoted && inside_quotes(text, start) {
            return Some(Cancel::Quoted);
        }
        match matcher.question {
            Some(QuestionFilter::Only) if !in_question(text, end) => Some(Cancel::NotAQuestion),
            Some(QuestionFilter::Never) if in_question(text, end) => Some(Cancel::Question),
            _ => None,
        }
    }

    /// The first surviving hit of the matcher in `turn`.
    pub fn first_in_turn(&self, matcher: &Matcher, turn: u32) -> Option<Hit> {
        if !self.speaker_matches(matcher, turn) {
            return None;
        }
        self.hits
            .of_list_in_turn(matcher.list, turn)
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
        self.hits
            .of_list_in_turn(matcher.list, turn)
            .iter()
            .filter(move |h| speaker_ok && self.survives(matcher, h))
            .copied()
    }

    /// The turns where the matcher matches, each with its first surviving
    /// hit, in turn order.
    pub fn turns_matching<'s>(&'s self, matcher: &'s Matcher) -> impl Iterator<Item = Hit> + 's {
        let hits = self.hits.of_list(matcher.list);
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
