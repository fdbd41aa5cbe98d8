//! Turning an export's speaker labels into [`Speaker`]s.
//!
//! Every platform names its participants differently (`Agent`, `medewerker`,
//! `rep`, `end-user`, `IVR`, `Agent 2`, ...). One table here serves all
//! readers so a label means the same in CSV and JSON Lines. The user's
//! `--speakers agent=LABEL` and `--speaker-map LABEL=SPEAKER` are checked
//! first, so they can both add labels and override built-in ones; then a
//! format's own vocabulary (Connect's `AGENT`, Genesys' `acd`, ...), then
//! the built-in table. `--speakers` names the agent's label of a diarised
//! transcript (`SPEAKER_00`); when it names no customer label, every other
//! label is the customer, because a two-party call has only one other
//! side. An unknown label is a fatal error rather than a guess: a wrong
//! speaker silently corrupts every measure that depends on who said what.

use crate::model::Speaker;

const AGENT: &[&str] = &[
    "agent",
    "medewerker",
    "rep",
    "representative",
    "employee",
    "advisor",
    "adviseur",
    "operator",
    "staff",
    "support",
    "csr",
    "associate",
    "admin",
    "teammate",
    "human_agent",
    "callcenter",
    "servicedesk",
    "klantenservice",
    "customer_service",
];

const CUSTOMER: &[&str] = &[
    "customer", "klant", "caller", "beller", "client", "user", "visitor", "end_user", "enduser",
    "consumer", "contact", "member", "guest", "lead", "patient", "prospect",
];

const SYSTEM: &[&str] = &[
    "system", "systeem", "ivr", "action", "note", "event", "log", "internal",
];

const BOT: &[&str] = &[
    "bot",
    "chatbot",
    "virtual_agent",
    "va",
    "assistant",
    "automated",
    "auto",
    "automation",
    "workflow",
    "flow",
];

/// The built-in labels per speaker, for help texts and error messages.
pub fn builtin_labels(speaker: Speaker) -> &'static [&'static str] {
    match speaker {
        Speaker::Agent => AGENT,
        Speaker::Customer => CUSTOMER,
        Speaker::System => SYSTEM,
        Speaker::Bot => BOT,
    }
}

/// The speaker a label stands for, or `None` when it is unknown.
///
/// The user's `speaker_map` is consulted first (trimmed, case-insensitive),
/// then the built-in labels, where spaces and hyphens count as `_` and a
/// trailing number is ignored (`Agent 1`, `agent_2`, `agent3`).
pub fn normalize_speaker(label: &str, speaker_map: &[(String, Speaker)]) -> Option<Speaker> {
    let trimmed = label.trim();
    let lower = trimmed.to_lowercase();
    if let Some((_, speaker)) = speaker_map
        .iter()
        .find(|(from, _)| from.trim().to_lowercase() == lower)
    {
        return Some(*speaker);
    }
    let canonical: String = lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("_");
    if let Some(speaker) = builtin(&canonical) {
        return Some(speaker);
    }
    let without_number = canonical
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim_end_matches(['_', '#']);
    if without_number.len() < canonical.len() && !without_number.is_empty() {
        return builtin(without_number);
    }
    None
}

fn builtin(canonical: &str) -> Option<Speaker> {
    Speaker::ALL
        .into_iter()
        .find(|&s| builtin_labels(s).contains(&canonical))
}

/// The message for an unknown speaker label, without location: names the
/// value, lists what is accepted and how to map it.
pub fn unknown_speaker_message(label: &str) -> String {
    let shown = label.trim();
    let accepted: Vec<String> = Speaker::ALL
        .into_iter()
        .map(|s| format!("{s}: {}", builtin_labels(s).join(", ")))
        .collect();
    let example = if shown.is_empty() || shown.contains([' ', '=']) {
        "VALUE".to_string()
    } else {
        shown.to_string()
    };
    if shown.is_empty() {
        format!(
            "empty speaker value. Accepted values ({}). Map other values with --speaker-map {example}=agent|customer|system|bot",
            accepted.join("; ")
        )
    } else {
        format!(
            "unknown speaker \"{shown}\". Accepted values ({}). Map it with --speaker-map {example}=agent|customer|system|bot, or name the agent with --speakers agent={example} (every other label is then the customer)",
            accepted.join("; ")
        )
    }
}

/// A per-file cache in front of [`normalize_speaker`]: an export uses a
/// handful of distinct labels across millions of rows, so rows are resolved
/// by comparing bytes instead of lowercasing and allocating each time.
#[derive(Clone, Debug)]
pub struct SpeakerResolver {
    speaker_map: Vec<(String, Speaker)>,
    /// `--speakers`: labels named per speaker, checked before everything.
    named: Vec<(String, Speaker)>,
    /// A format's own labels, checked after the user's and before the
    /// built-in ones (lowercase).
    format_labels: &'static [(&'static str, Speaker)],
    /// `--speakers` named an agent but no customer: other labels are the
    /// customer.
    others_are_customers: bool,
    cache: Vec<(Box<[u8]>, Speaker)>,
}

/// More distinct labels than this are resolved without caching: a column
/// with that many values is not a speaker column, and the error comes soon.
const CACHE_LIMIT: usize = 64;

impl SpeakerResolver {
    pub fn new(speaker_map: &[(String, Speaker)]) -> Self {
        SpeakerResolver {
            speaker_map: speaker_map.to_vec(),
            named: Vec::new(),
            format_labels: &[],
            others_are_customers: false,
            cache: Vec::new(),
        }
    }

    /// A resolver for `--speaker-map` and `--speakers` (given as
    /// `(speaker, label)` pairs) and a format's own labels.
    pub fn with_names(
        speaker_map: &[(String, Speaker)],
        speakers: &[(Speaker, String)],
        format_labels: &'static [(&'static str, Speaker)],
    ) -> Self {
        SpeakerResolver {
            speaker_map: speaker_map.to_vec(),
            named: speakers
                .iter()
                .map(|(speaker, label)| (label.trim().to_lowercase(), *speaker))
                .collect(),
            format_labels,
            others_are_customers: speakers.iter().any(|(s, _)| *s == Speaker::Agent)
                && !speakers.iter().any(|(s, _)| *s == Speaker::Customer),
            cache: Vec::new(),
        }
    }

    /// True when a label could only be resolved by `--speakers`' "every
    /// other label is the customer".
    pub fn others_are_customers(&self) -> bool {
        self.others_are_customers
    }

    /// The speaker of a label by the user's names, the format's labels and
    /// the built-in ones, without the "others are customers" fallback.
    pub fn resolve_known(&self, label: &str) -> Option<Speaker> {
        let lower = label.trim().to_lowercase();
        if let Some((_, speaker)) = self.named.iter().find(|(l, _)| *l == lower) {
            return Some(*speaker);
        }
        if let Some((_, speaker)) = self
            .speaker_map
            .iter()
            .find(|(from, _)| from.trim().to_lowercase() == lower)
        {
            return Some(*speaker);
        }
        if let Some((_, speaker)) = self.format_labels.iter().find(|(l, _)| *l == lower) {
            return Some(*speaker);
        }
        normalize_speaker(label, &[])
    }

    pub fn resolve(&mut self, label: &str) -> Option<Speaker> {
        if let Some((_, speaker)) = self.cache.iter().find(|(l, _)| **l == *label.as_bytes()) {
            return Some(*speaker);
        }
        let speaker = match self.resolve_known(label) {
            Some(speaker) => speaker,
            None if self.others_are_customers && !label.trim().is_empty() => Speaker::Customer,
            None => return None,
        };
        if self.cache.len() < CACHE_LIMIT {
            self.cache.push((label.as_bytes().into(), speaker));
        }
        Some(speaker)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(label: &str) -> Option<Speaker> {
        normalize_speaker(label, &[])
    }

    #[test]
    fn builtin_labels_in_both_languages() {
        assert_eq!(n("Agent"), Some(Speaker::Agent));
        assert_eq!(n(" MEDEWERKER "), Some(Speaker::Agent));
        assert_eq!(n("Customer Service"), Some(Speaker::Agent));
        assert_eq!(n("customer_service"), Some(Speaker::Agent));
        assert_eq!(n("klant"), Some(Speaker::Customer));
        assert_eq!(n("End-User"), Some(Speaker::Customer));
        assert_eq!(n("end user"), Some(Speaker::Customer));
        assert_eq!(n("IVR"), Some(Speaker::System));
        assert_eq!(n("systeem"), Some(Speaker::System));
        assert_eq!(n("Virtual Agent"), Some(Speaker::Bot));
        assert_eq!(n("virtual_agent"), Some(Speaker::Bot));
        assert_eq!(n("VA"), Some(Speaker::Bot));
    }

    #[test]
    fn numbered_labels() {
        assert_eq!(n("Agent 1"), Some(Speaker::Agent));
        assert_eq!(n("agent_2"), Some(Speaker::Agent));
        assert_eq!(n("agent3"), Some(Speaker::Agent));
        assert_eq!(n("Klant 12"), Some(Speaker::Customer));
        assert_eq!(n("agent #2"), Some(Speaker::Agent));
        assert_eq!(n("42"), None);
        assert_eq!(n("flow1"), Some(Speaker::Bot));
    }

    #[test]
    fn unknown_labels() {
        assert_eq!(n(""), None);
        assert_eq!(n("inbound"), None);
        assert_eq!(n("agentx"), None);
        assert_eq!(n("Jan de Vries"), None);
    }

    #[test]
    fn user_map_first() {
        let map = vec![
            ("Inbound".to_string(), Speaker::Customer),
            ("agent".to_string(), Speaker::Bot),
        ];
        assert_eq!(
            normalize_speaker(" INBOUND ", &map),
            Some(Speaker::Customer)
        );
        assert_eq!(normalize_speaker("Agent", &map), Some(Speaker::Bot));
        assert_eq!(normalize_speaker("Agent 2", &map), Some(Speaker::Agent));
    }

    #[test]
    fn message_names_value_and_remedy() {
        let msg = unknown_speaker_message("inbound");
        assert!(msg.contains("\"inbound\""));
        assert!(msg.contains("--speaker-map inbound=agent|customer|system|bot"));
        assert!(msg.contains("medewerker"));
        assert!(unknown_speaker_message(" ").contains("empty speaker"));
    }

    #[test]
    fn speakers_name_the_agent_and_the_rest_are_customers() {
        let speakers = vec![(Speaker::Agent, "SPEAKER_00".to_string())];
        let mut r = SpeakerResolver::with_names(&[], &speakers, &[]);
        assert_eq!(r.resolve("speaker_00"), Some(Speaker::Agent));
        assert_eq!(r.resolve("SPEAKER_01"), Some(Speaker::Customer));
        assert_eq!(r.resolve("ivr"), Some(Speaker::System));
        assert_eq!(r.resolve(" "), None);
        let both = vec![
            (Speaker::Agent, "Jan".to_string()),
            (Speaker::Customer, "Piet".to_string()),
        ];
        let mut r = SpeakerResolver::with_names(&[], &both, &[("acd", Speaker::System)]);
        assert_eq!(r.resolve("piet"), Some(Speaker::Customer));
        assert_eq!(r.resolve("ACD"), Some(Speaker::System));
        assert_eq!(r.resolve("Kees"), None);
    }

    #[test]
    fn resolver_caches_exact_labels() {
        let mut r = SpeakerResolver::new(&[]);
        assert_eq!(r.resolve("Agent"), Some(Speaker::Agent));
        assert_eq!(r.resolve("Agent"), Some(Speaker::Agent));
        assert_eq!(r.resolve("klant"), Some(Speaker::Customer));
        assert_eq!(r.resolve("nobody"), None);
        assert_eq!(r.cache.len(), 2);
    }
}
