//! The built-in jumping-to-conclusions rules (nl and en) on fixture-like
//! conversations: where they fire, what the finding says, and the
//! per-conversation measures.

use convoscan::lexicon::{LexiconChoice, Lexicons, load};

use crate::common::{fired, run};

const RULE: &str = "jumping_to_conclusions.solution_before_exploration";

fn builtin() -> Lexicons {
    load(&LexiconChoice::BuiltIn)
        .expect("built-in lexicons compile")
        .lexicons
}

#[test]
fn seed_001_chat_fires_on_the_certainty_after_the_order_number() {
    let lex = builtin();
    let a = run(
        &lex,
        "[0:00] klant: Hi, ik heb een vraagje, ik heb eergisteren iets besteld, maar nog niet ontvangen.\n\
         [0:29] agent: Vervelend, mag ik uw ordernummer hebben, dan kan ik kijken wat er aan de hand is.\n\
         [0:54] klant: Ja hoor, 4471203.\n\
         [1:41] agent: Aha, ik zie dat het onderweg is, morgen is het al bij u binnen.",
    );
    assert_eq!(a.language.as_deref(), Some("nl"));
    assert_eq!(fired(&a), vec![(3, RULE.to_string())]);
    let finding = &a.findings[0];
    assert!(
        finding.quote.contains("morgen is het al bij u binnen"),
        "{}",
        finding.quote
    );
    assert_eq!(
        finding.message,
        "Solution before any exploring question: \"morgen is het al bij u binnen\", \
         for the problem reported in turn 0 (\"niet ontvangen\")"
    );
    // The order-number question is identification, not exploration.
    assert_eq!(a.measure("questions_before_first_solution"), Some(0.0));
    assert_eq!(a.measure("seconds_to_first_solution"), Some(101.0));
}

#[test]
fn exploring_first_is_counted_and_does_not_fire() {
    let lex = builtin();
    let a = run(
        &lex,
        "[0:00] klant: Mijn router werkt niet.\n\
         [0:25] agent: Vervelend. Sinds wanneer speelt dit? En wat ziet u aan de lampjes?\n\
         [1:05] klant: Sinds vanochtend, het lampje knippert rood.\n\
         [2:30] agent: Dan stuur ik u een nieuwe router.",
    );
    assert_eq!(fired(&a), vec![]);
    assert_eq!(a.measure("questions_before_first_solution"), Some(2.0));
    assert_eq!(a.measure("seconds_to_first_solution"), Some(150.0));

    let a = run(
        &lex,
        "[0:00] customer: My laptop won't turn on.\n\
         [0:40] agent: I'm sorry to hear that. When did this start, and what happens when you press the power button?\n\
         [1:30] customer: Since yesterday, the light blinks orange.\n\
         [2:40] agent: That sounds like the battery, I'll send you a new one.",
    );
    assert_eq!(a.language.as_deref(), Some("en"));
    assert_eq!(fired(&a), vec![]);
    // One sentence with two question words is one question.
    assert_eq!(a.measure("questions_before_first_solution"), Some(1.0));
    assert_eq!(a.measure("seconds_to_first_solution"), Some(160.0));
}

#[test]
fn identification_questions_then_a_solution_fire_in_english() {
    let lex = builtin();
    let a = run(
        &lex,
        "[0:00] customer: My parcel arrived damaged.\n\
         [0:20] agent: Sorry to hear that. Can I have your order number?\n\
         [0:41] customer: It's 40-1182.\n\
         [1:00] agent: And the postcode on the order?\n\
         [1:12] customer: SW1 2AB.\n\
         [2:02] agent: Thank you, I'll send you a replacement today.",
    );
    assert_eq!(fired(&a), vec![(5, RULE.to_string())]);
    assert!(a.findings[0].message.contains("reported in turn 0"));
    assert_eq!(a.measure("questions_before_first_solution"), Some(0.0));
    assert_eq!(a.measure("seconds_to_first_solution"), Some(122.0));
}

#[test]
fn no_problem_report_means_no_finding_and_no_measures() {
    let lex = builtin();
    for transcript in [
        "klant: Wat zijn jullie openingstijden op zaterdag?\nagent: Op zaterdag zijn we open van tien tot vier, ik stuur u de link.",
        "customer: Can I change the delivery address on my order?\nagent: Of course, I'll update it for you now.",
    ] {
        let a = run(&lex, transcript);
        assert_eq!(fired(&a), vec![], "{transcript}");
        assert_eq!(a.measure("questions_before_first_solution"), None);
        assert_eq!(a.measure("seconds_to_first_solution"), None);
    }
}

#[test]
fn a_detailed_explanation_is_not_jumping_but_is_still_measured() {
    let lex = builtin();
    let a = run(
        &lex,
        "customer: Hi, my boiler is broken. Since Monday it shows error F28 every morning and there is no hot water until I reset it. \
         I've already checked the gas meter, topped up the pressure to 1.5 bar and bled the radiators, \
         and the engineer who serviced it in March said it was fine then.\n\
         agent: Thanks for all that detail. That must be the ignition lead, I'll book an engineer for tomorrow morning.",
    );
    assert_eq!(fired(&a), vec![]);
    assert_eq!(a.measure("questions_before_first_solution"), Some(0.0));
    // Without times there is no duration.
    assert_eq!(a.measure("seconds_to_first_solution"), None);
}
