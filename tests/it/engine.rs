//! The engine on small hand-written lexicons: each rule operator and rule
//! type, with hits and near-misses.

use convoscan::model::Severity;

use crate::common::{fired, lexicons, run};

const THREAT: &str = r#"
[[rule]]
id = "threat.legal"
category = "threat"
severity = "medium"
message = "Dreigt met juridische stappen: {match}"
why = "Consequences as leverage escalate the conversation."
phrases = ["naar de rechter", "deurwaarder*", "juridische stappen"]
patterns = ['\bincasso\s?bureau\b']
exceptions = ["juridische stappen zetten tegen ons"]
skip_quoted = true
unless_after = { speaker = "customer", phrases = ["rechter", "juridisch"], question = "only", within_turns = 2 }
escalate = { severity = "high", first_turns = 4, unless_after_category = "customer_aggression" }

[[rule]]
id = "customer.insult"
category = "customer_aggression"
severity = "medium"
message = "Scheldt"
why = "x"
phrases = ["idioot", "waardeloos bedrijf"]
"#;

#[test]
fn phrase_rule_fires_for_the_agent_only_and_quotes_the_original_words() {
    let lex = lexicons(&[("nl/r.toml", THREAT)]);
    let a = run(
        &lex,
        "klant: Ik ga naar de rechter hoor.\nagent: Dan stuur ik het door naar de Deurwaarders van ons kantoor.",
    );
    assert_eq!(fired(&a), vec![(1, "threat.legal".to_string())]);
    let f = &a.findings[0];
    assert_eq!(f.message, "Dreigt met juridische stappen: Deurwaarders");
    let (from, to) = f.highlight.unwrap();
    assert_eq!(&f.quote[from as usize..to as usize], "Deurwaarders");
    assert_eq!(a.language.as_deref(), Some("nl"));
}

#[test]
fn negation_exceptions_quotes_and_word_boundaries_cancel_matches() {
    let lex = lexicons(&[("nl/r.toml", THREAT)]);
    for transcript in [
        "klant: hallo\nagent: We gaan zeker niet naar de rechter, dat beloof ik u.",
        "klant: hallo\nagent: U kunt natuurlijk juridische stappen zetten tegen ons als u dat wilt.",
        "klant: hallo\nagent: Uw buurman zei \"we gaan naar de rechter\" maar dat is niet zo.",
        "klant: hallo\nagent: Dat is de rechterhand van de directeur.",
    ] {
        assert_eq!(fired(&run(&lex, transcript)), vec![], "{transcript}");
    }
    // The comma ends the negator's clause: still a threat.
    let a = run(
        &lex,
        "klant: hallo\nagent: Als u niet betaalt, gaan we naar de rechter.",
    );
    assert_eq!(fired(&a), vec![(1, "threat.legal".into())]);
}

#[test]
fn regex_patterns_match_through_their_prefilter() {
    let lex = lexicons(&[("nl/r.toml", THREAT)]);
    let a = run(
        &lex,
        "klant: hallo\nagent: Dan gaat het dossier naar een incassobureau.",
    );
    assert_eq!(fired(&a), vec![(1, "threat.legal".into())]);
}

#[test]
fn a_customers_legal_question_makes_the_answer_neutral() {
    let lex = lexicons(&[("nl/r.toml", THREAT)]);
    let a = run(
        &lex,
        "klant: Kan ik hiermee naar de rechter?\nagent: Ja, u kunt naar de rechter stappen als u het er niet mee eens bent.",
    );
    assert_eq!(fired(&a), vec![]);
}

#[test]
fn early_unprovoked_threats_are_escalated() {
    let lex = lexicons(&[("nl/r.toml", THREAT)]);
    let early = run(
        &lex,
        "klant: Mijn kookplaat is weer kapot.\nagent: Als we hiermee naar de rechter gaan maakt u geen kans.",
    );
    assert_eq!(early.findings[0].severity, Severity::High);
    let provoked = run(
        &lex,
        "klant: Jullie zijn een waardeloos bedrijf.\nagent: Dan gaan we naar de rechter.",
    );
    assert_eq!(
        fired(&provoked),
        vec![(0, "customer.insult".into()), (1, "threat.legal".into())]
    );
    assert_eq!(provoked.findings[1].severity, Severity::Medium);
    let late = run(
        &lex,
        "klant: a\nagent: b\nklant: c\nagent: d\nklant: e\nagent: Dan gaan we naar de rechter.",
    );
    assert_eq!(late.findings[0].severity, Severity::Medium);
}

#[test]
fn position_and_proximity_operators() {
    let lex = lexicons(&[(
        "en/r.toml",
        r#"
[[rule]]
id = "pa.opening"
category = "passive_aggressive"
severity = "low"
message = "m"
why = "w"
phrases = ["as i said"]
position = { first_turns = 2 }

[[rule]]
id = "threat.account"
category = "threat"
severity = "medium"
message = "m"
why = "w"
phrases = ["close", "block"]
near = { phrases = ["your account"], within_words = 3 }
"#,
    )]);
    let a = run(
        &lex,
        "customer: hi there\nagent: As I said, we will close your account if this goes on.\ncustomer: what?\nagent: As I said, we block cards.",
    );
    assert_eq!(
        fired(&a),
        vec![(1, "pa.opening".into()), (1, "threat.account".into())]
    );
}

const JUMPING: &str = r#"
[[set]]
id = "problem"
phrases = ["werkt niet", "kapot", "niet ontvangen"]
negation = false

[[set]]
id = "solution"
phrases = ["ik stuur u", "u moet gewoon", "dat is vast"]

[[set]]
id = "exploring"
patterns = ['\b(wat|hoe|sinds wanneer|waarom)\b[^.?!]*\?']
exceptions = ["ordernummer", "postcode"]
negation = false

[[rule]]
id = "jumping.solution_first"
type = "sequence"
category = "jumping_to_conclusions"
severity = "medium"
message = "Oplossing zonder doorvragen na het probleem in beurt {trigger_turn}"
why = "w"
after = { speaker = "customer", set = "problem" }
when = { speaker = "agent", set = "solution" }
before_any = { speaker = "agent", set = "exploring" }
window = { turns = 6 }
explained_words = 40
measures = { count_before = "questions_before_first_solution", seconds_to_first = "seconds_to_first_solution" }
"#;

#[test]
fn sequence_fires_on_a_solution_before_any_exploring_question() {
    let lex = lexicons(&[("nl/j.toml", JUMPING)]);
    let a = run(
        &lex,
        "[0:00] klant: Hoi, mijn pakket is niet ontvangen.\n[0:10] agent: Vervelend, wat is uw ordernummer?\n[0:20] klant: 123\n[0:30] agent: Ik stuur u morgen een nieuwe.",
    );
    assert_eq!(fired(&a), vec![(3, "jumping.solution_first".into())]);
    assert_eq!(
        a.findings[0].message,
        "Oplossing zonder doorvragen na het probleem in beurt 0"
    );
    assert_eq!(a.measure("questions_before_first_solution"), Some(0.0));
    assert_eq!(a.measure("seconds_to_first_solution"), Some(30.0));
}

#[test]
fn sequence_near_misses() {
    let lex = lexicons(&[("nl/j.toml", JUMPING)]);
    // Explored first.
    let a = run(
        &lex,
        "klant: Mijn router werkt niet.\nagent: Sinds wanneer merkt u dat? En wat heeft u al geprobeerd?\nklant: Sinds gisteren.\nagent: Dan is het vast de update, ik stuur u een nieuwe.",
    );
    assert_eq!(fired(&a), vec![]);
    assert_eq!(a.measure("questions_before_first_solution"), Some(2.0));
    // Question and solution in one turn: the order inside the turn counts.
    let a = run(
        &lex,
        "klant: Mijn tv is kapot.\nagent: Hoe is dat gebeurd? Ik stuur u alvast een formulier.",
    );
    assert_eq!(fired(&a), vec![]);
    let a = run(
        &lex,
        "klant: Mijn tv is kapot.\nagent: Ik stuur u een formulier. Hoe is dat gebeurd?",
    );
    assert_eq!(fired(&a), vec![(1, "jumping.solution_first".into())]);
    // No problem reported: an informational question answered at once.
    let a = run(
        &lex,
        "klant: Wat zijn uw openingstijden?\nagent: Ik stuur u de link.",
    );
    assert_eq!(fired(&a), vec![]);
    assert_eq!(a.measure("questions_before_first_solution"), None);
    // The customer explained everything in detail already.
    let long = "Mijn wasmachine is kapot, sinds vorige week dinsdag geeft hij foutcode E21 na het spoelen, \
                ik heb de filter al schoongemaakt, de stekker eruit gehaald en opnieuw opgestart, \
                de afvoerslang zit niet geknikt en het water blijft gewoon in de trommel staan.";
    let a = run(
        &lex,
        &format!("klant: {long}\nagent: Dan is het vast de pomp, ik stuur u een monteur."),
    );
    assert_eq!(fired(&a), vec![]);
}

const ROOT_CAUSE: &str = r#"
[[rule]]
id = "missed.life_event"
type = "conditional"
category = "missed_root_cause"
severity = "high"
message = "Klant noemt '{trigger}', medewerker gaat er niet op in"
why = "w"
trigger = { speaker = "customer", phrases = ["baan kwijt", "ontslagen", "ziek"] }
requires = { speaker = "agent", phrases = ["vervelend om te horen", "wat naar", "hoe gaat het nu"], within_turns = 3 }

[[rule]]
id = "missed.reason_not_explored"
type = "conditional"
category = "missed_root_cause"
severity = "low"
message = "Reden niet gevraagd"
why = "w"
trigger = { speaker = "any", phrases = ["betalingsregeling"], topics = ["payment_arrangement"] }
requires = { speaker = "agent", phrases = ["hoe komt het", "wat is er aan de hand"], scope = "conversation" }
"#;

#[test]
fn conditional_fires_when_the_cue_is_never_taken_up() {
    let lex = lexicons(&[("nl/m.toml", ROOT_CAUSE)]);
    let a = run(
        &lex,
        "klant: Ik heb een herinnering gekregen. Ik ben mijn baan kwijt.\nagent: Ik zet een betalingsregeling voor u klaar.\nklant: Fijn.\nagent: Prima, fijne dag.",
    );
    assert_eq!(
        fired(&a),
        vec![
            (0, "missed.life_event".into()),
            (1, "missed.reason_not_explored".into())
        ]
    );
    assert_eq!(
        a.findings[0].message,
        "Klant noemt 'baan kwijt', medewerker gaat er niet op in"
    );
}

#[test]
fn conditional_near_misses() {
    let lex = lexicons(&[("nl/m.toml", ROOT_CAUSE)]);
    for transcript in [
        // Taken up at once, and in other words two turns later.
        "klant: Ik ben ontslagen.\nagent: Wat naar. Hoe komt het dat het nu niet lukt?",
        "klant: Ik ben ontslagen.\nagent: Moment.\nklant: Ja.\nagent: Dat is vervelend om te horen. Wat is er aan de hand?",
        // Negated cue; the agent's own use of the cue word.
        "klant: Ik ben niet ziek geweest hoor.\nagent: Goed zo.",
        "klant: Hallo.\nagent: Bent u ziek geweest?",
    ] {
        assert_eq!(fired(&run(&lex, transcript)), vec![], "{transcript}");
    }
}

#[test]
fn sequence_measures_describe_the_first_solution_even_outside_the_window() {
    // Regression: the measures were only recorded when the first solution
    // came inside the window, so the conversations where the agent explored
    // longest had no `questions_before_first_solution` at all.
    let lex = lexicons(&[("nl/j.toml", &JUMPING.replace("turns = 6", "turns = 2"))]);
    let a = run(
        &lex,
        "[0:00] klant: Mijn tv is kapot.\n[0:10] agent: Hoe is dat gebeurd?\n[0:20] klant: Gevallen.\n[0:30] agent: Wat ziet u nu?\n[0:40] klant: Een barst.\n[0:50] agent: Ik stuur u een monteur.",
    );
    assert_eq!(fired(&a), vec![]);
    assert_eq!(a.measure("questions_before_first_solution"), Some(2.0));
    assert_eq!(a.measure("seconds_to_first_solution"), Some(50.0));
}

#[test]
fn sequence_counts_a_match_that_ends_on_its_question_mark_in_its_own_sentence() {
    // Regression: a `before_any` pattern that takes in its `?` was counted
    // with the sentence after it, so two questions in a row counted as one.
    let lex = lexicons(&[(
        "nl/j.toml",
        &JUMPING.replace(
            r#"patterns = ['\b(wat|hoe|sinds wanneer|waarom)\b[^.?!]*\?']"#,
            r#"patterns = ['\b(wat|hoe|waarom)\b[^.?!]*\?']
phrases = ["sinds wanneer"]"#,
        ),
    )]);
    let a = run(
        &lex,
        "klant: Mijn router werkt niet.\nagent: Wat ziet u? Sinds wanneer speelt het\nklant: Sinds gisteren.\nagent: Dat is vast de update.",
    );
    assert_eq!(fired(&a), vec![]);
    assert_eq!(a.measure("questions_before_first_solution"), Some(2.0));
}

#[test]
fn a_set_takes_in_the_exceptions_of_the_sets_it_includes() {
    // A set of exceptions only (identification questions) can be shared by
    // including it: its exceptions cancel the including set's matches.
    let lex = lexicons(&[(
        "en/j.toml",
        r#"
[[set]]
id = "identification"
exception_patterns = ['\b(account|order) number\b']

[[set]]
id = "exploring"
include = ["identification"]
patterns = ['\b(what|how)\b[^.?!]*\?']
question = "only"

[[rule]]
id = "jumping.solution_first"
type = "sequence"
category = "jumping_to_conclusions"
severity = "medium"
message = "m"
why = "w"
after = { speaker = "customer", phrases = ["broken"] }
when = { speaker = "agent", phrases = ["i'll send you"] }
before_any = { speaker = "agent", set = "exploring" }
measures = { count_before = "questions_before_first_solution" }
"#,
    )]);
    let a = run(
        &lex,
        "customer: My kettle is broken.\nagent: What is your order number?\ncustomer: 123\nagent: I'll send you a new one.",
    );
    assert_eq!(fired(&a), vec![(3, "jumping.solution_first".into())]);
    let a = run(
        &lex,
        "customer: My kettle is broken.\nagent: How did that happen?\ncustomer: It fell.\nagent: I'll send you a new one.",
    );
    assert_eq!(fired(&a), vec![]);
    assert_eq!(a.measure("questions_before_first_solution"), Some(1.0));
}

#[test]
fn sequence_counts_an_exploring_question_asked_before_the_problem_was_named() {
    // The agent asked what was going on; the customer's answer is the first
    // turn that names the problem. That question explored the problem.
    let lex = lexicons(&[("nl/j.toml", JUMPING)]);
    let a = run(
        &lex,
        "klant: Ik bel over mijn tv.\nagent: Wat is er met de tv aan de hand?\nklant: Hij is kapot, het scherm blijft zwart.\nagent: Dat is vast de voeding, ik stuur u een monteur.",
    );
    assert_eq!(fired(&a), vec![]);
    assert_eq!(a.measure("questions_before_first_solution"), Some(1.0));
    // A later episode counts from the end of the previous one: the question
    // before the first solution does not cover the second problem.
    let a = run(
        &lex,
        "klant: Ik bel over mijn tv.\nagent: Wat is er met de tv aan de hand?\nklant: Hij is kapot.\nagent: Ik stuur u een monteur.\nklant: De afstandsbediening werkt niet.\nagent: Ik stuur u een nieuwe.",
    );
    assert_eq!(fired(&a), vec![(5, "jumping.solution_first".into())]);
}

/// The engine runs a list's regexes only when a matcher asks for the list;
/// what it then sees must be what an eager scan of every regex finds.
#[test]
fn lazily_run_regexes_give_the_hits_of_an_eager_scan() {
    use convoscan::engine::hits::{Hits, Marks, Normalized, collect, collect_phrases, reset_lists};
    use convoscan::lexicon::{LexiconChoice, load};

    let lexicons = load(&LexiconChoice::BuiltIn).unwrap().lexicons;
    let texts = [
        "ik ga u niet naar de rechter sturen, maar als u niet betaalt gaat het naar het incassobureau\n\
         wat is er precies aan de hand? heeft u de router al opnieuw opgestart?\n\
         ik heb het pakket vandaag nog verstuurd, morgen is het bij u binnen",
        "we will not take legal action, i promise\n\
         what happened exactly? did you restart it?\n\
         i've already sent a replacement, it is probably the update",
    ];
    for language in &lexicons.languages {
        let scanner = &language.scanner;
        let mut regex_hits = 0;
        for text in texts {
            let mut turns = Vec::new();
            let mut start = 0u32;
            for line in text.split('\n') {
                turns.push((start, start + line.len() as u32));
                start += line.len() as u32 + 1;
            }
            let norm = Normalized {
                text,
                turns: &turns,
            };
            let (mut all, mut marks) = (Vec::new(), Marks::default());
            collect(scanner, &norm, &mut all, &mut marks);
            let (mut phrases, mut lazy_marks, mut lists) =
                (Vec::new(), Marks::default(), Vec::new());
            collect_phrases(scanner, &norm, &mut phrases, &mut lazy_marks);
            reset_lists(&mut lists, scanner);
            let eager = Hits::complete(&all);
            let lazy = Hits::lazy(scanner, norm, &phrases, &lazy_marks, &lists);
            for list in 0..scanner.lists {
                assert_eq!(eager.of_list(list), lazy.of_list(list), "list {list}");
                for turn in 0..turns.len() as u32 {
                    assert_eq!(
                        eager.of_list_in_turn(list, turn),
                        lazy.of_list_in_turn(list, turn)
                    );
                }
                if !scanner.list_regexes[list as usize].is_empty() {
                    regex_hits += eager.of_list(list).len();
                }
            }
        }
        assert!(regex_hits > 0, "the texts exercise some regexes");
    }
}
