//! Topic assignment with the built-in topic lexicons, and its contact
//! moments.

use convoscan::engine::{AnalysisOptions, Scratch, analyze};
use convoscan::lexicon::compiled::ContactMoment;
use convoscan::lexicon::{LexiconChoice, Lexicons, load};
use convoscan::record::{Analysis, TopicSource};

fn builtin() -> Lexicons {
    load(&LexiconChoice::BuiltIn)
        .expect("built-in lexicons")
        .lexicons
}

fn analyse(lexicons: &Lexicons, topic: Option<&str>, transcript: &str) -> Analysis {
    let mut conversation = convoscan::transcript::parse("t", transcript).expect("transcript");
    conversation.topic = topic.map(str::to_string);
    let record = analyze(
        &conversation,
        lexicons,
        &AnalysisOptions::default(),
        &mut Scratch::default(),
    );
    record.analysis().expect("analysed").clone()
}

fn assigned(lexicons: &Lexicons, transcript: &str) -> Option<String> {
    analyse(lexicons, None, transcript).topic
}

#[test]
fn every_builtin_topic_has_a_contact_moment_and_both_languages() {
    let lexicons = builtin();
    let ids: Vec<&str> = lexicons.topics.iter().map(|t| &*t.id).collect();
    for id in [
        "billing",
        "payment_arrangement",
        "refund",
        "delivery",
        "repair",
        "outage",
        "account",
        "contract",
        "moving",
        "complaint",
        "information",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    for language in &lexicons.languages {
        assert_eq!(
            language.topic_matchers.len(),
            lexicons.topics.len(),
            "every topic has phrases in {}",
            language.code
        );
    }
    assert_eq!(
        lexicons
            .topic("payment_arrangement")
            .map(|t| t.contact_moment),
        Some(ContactMoment::Settle)
    );
    assert_eq!(
        lexicons.topic("repair").map(|t| t.contact_moment),
        Some(ContactMoment::Deliver)
    );
    assert_eq!(
        lexicons.topic("contract").map(|t| t.contact_moment),
        Some(ContactMoment::Promise)
    );
}

#[test]
fn topics_are_assigned_from_the_customers_first_turns() {
    let lexicons = builtin();
    for (transcript, topic) in [
        (
            "klant: Mijn factuur klopt niet, het maandbedrag is te hoog.\nagent: Ik kijk mee.",
            "billing",
        ),
        (
            "klant: Kan ik een betalingsregeling treffen? Ik heb een achterstand.\nagent: Ja.",
            "payment_arrangement",
        ),
        (
            "klant: Mijn pakket is niet bezorgd.\nagent: Vervelend.",
            "delivery",
        ),
        (
            "klant: De kookplaat is alweer stuk, net na de reparatie.\nagent: Oei.",
            "repair",
        ),
        (
            "klant: Ik heb al twee dagen een storing, geen internet.\nagent: Oei.",
            "outage",
        ),
        (
            "klant: Ik kan niet inloggen, mijn wachtwoord werkt niet.\nagent: Ik help u.",
            "account",
        ),
        (
            "klant: Ik wil mijn abonnement opzeggen.\nagent: Jammer.",
            "contract",
        ),
        (
            "klant: Ik ga verhuizen naar een nieuwe woning.\nagent: Leuk.",
            "moving",
        ),
        (
            "customer: My parcel never arrived.\nagent: Sorry.",
            "delivery",
        ),
        (
            "customer: I was overcharged on my last bill.\nagent: Let me look.",
            "billing",
        ),
        (
            "customer: I want to cancel my contract.\nagent: Sure.",
            "contract",
        ),
        (
            "customer: I can't log in, I forgot my password.\nagent: Let me help.",
            "account",
        ),
    ] {
        assert_eq!(
            assigned(&lexicons, transcript).as_deref(),
            Some(topic),
            "{transcript}"
        );
    }
}

#[test]
fn negation_does_not_hide_the_topic() {
    let lexicons = builtin();
    let analysis = analyse(
        &lexicons,
        None,
        "klant: Ik heb geen factuur ontvangen.\nagent: Ik stuur hem.",
    );
    assert_eq!(analysis.topic.as_deref(), Some("billing"));
    assert_eq!(analysis.topic_source, Some(TopicSource::Lexicon));
    assert_eq!(analysis.contact_moment, Some(ContactMoment::Settle));
}

#[test]
fn a_tie_goes_to_the_topic_listed_first_and_general_topics_come_last() {
    let lexicons = builtin();
    // One billing word, one complaint word: billing is listed before complaint.
    assert_eq!(
        assigned(
            &lexicons,
            "klant: Ik heb een klacht over mijn factuur.\nagent: Vertel."
        )
        .as_deref(),
        Some("billing")
    );
    // More matches win over order.
    assert_eq!(
        assigned(
            &lexicons,
            "klant: Klacht: ik ben ontevreden en teleurgesteld over de factuur.\nagent: Vertel."
        )
        .as_deref(),
        Some("complaint")
    );
}

#[test]
fn only_the_customers_opening_turns_count() {
    let lexicons = builtin();
    let analysis = analyse(
        &lexicons,
        None,
        "agent: Goedemorgen, gaat het over uw factuur?\nklant: Hallo.\nagent: Waarmee kan ik helpen?\nklant: Ja.\nagent: Fijn.\nklant: Goed.\nagent: En?\nklant: Mijn factuur klopt niet.",
    );
    assert_eq!(analysis.topic, None);
    assert_eq!(analysis.topic_source, None);
}

#[test]
fn export_topics_win_and_aliases_map_to_the_topic_id() {
    let lexicons = builtin();
    let text = "klant: Mijn pakket is niet bezorgd.\nagent: Vervelend.";
    let alias = analyse(&lexicons, Some("Betalingsregeling"), text);
    assert_eq!(alias.topic.as_deref(), Some("payment_arrangement"));
    assert_eq!(alias.topic_source, Some(TopicSource::Alias));
    assert_eq!(alias.contact_moment, Some(ContactMoment::Settle));
    let english_alias = analyse(&lexicons, Some("INVOICES"), text);
    assert_eq!(english_alias.topic.as_deref(), Some("billing"));
    let raw = analyse(&lexicons, Some("Zakelijk 2e lijn"), text);
    assert_eq!(raw.topic.as_deref(), Some("Zakelijk 2e lijn"));
    assert_eq!(raw.topic_source, Some(TopicSource::Export));
    assert_eq!(raw.contact_moment, None);
}

#[test]
fn a_user_directory_with_its_own_rules_keeps_the_builtin_topics() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(super::LEXICONS);
    let lexicons = load(&LexiconChoice::Replace(dir))
        .expect("fixture lexicons")
        .lexicons;
    assert!(lexicons.topic("billing").is_some());
    assert_eq!(
        assigned(
            &lexicons,
            "klant: Mijn factuur klopt niet.\nagent: Ik kijk."
        )
        .as_deref(),
        Some("billing")
    );
}
