//! Scripted conversations: the three cases from the seed articles, and the
//! same situations handled well by a colleague. Each block of 400
//! conversations holds all six, at fixed positions, so they appear once in
//! the demo week and keep their share at any volume.
//!
//! * 000: a reminder, a payment arrangement, a customer who lost their job,
//!   and an agent who never asks why.
//! * 001: a parcel not received; the agent asks the order number and says it
//!   comes tomorrow, while it is a present for a daughter whose birthday is
//!   today.
//! * 004: a cooktop broken again after a repair; the agent threatens with
//!   court in the first minute.

use super::Topic;
use super::banks::{Story, StoryFlags};

/// Conversations per block, and where in a block each story sits.
const BLOCK: u64 = 400;
const POSITIONS: [(u64, usize); 6] = [(12, 0), (63, 1), (141, 2), (212, 3), (268, 4), (337, 5)];

/// The block of stories conversation `index` belongs to.
pub fn block(index: u64) -> u64 {
    index / BLOCK
}

/// The story planted at conversation `index`, if any.
pub fn at(index: u64) -> Option<&'static Story> {
    let position = index % BLOCK;
    POSITIONS
        .iter()
        .find(|(p, _)| *p == position)
        .map(|&(_, story)| &STORIES[story])
}

const A: bool = true;
const K: bool = false;

static STORIES: [Story; 6] = [
    // 000, as it went: the arrangement is made, the reason never explored.
    Story {
        topic: Topic::PaymentArrangement,
        chat: false,
        persona: 11,
        lines: &[
            (
                A,
                "{hello}, u spreekt met {agent} van Zuidwind, afdeling incasso. Waarmee kan ik u helpen?",
            ),
            (
                K,
                "{hello}, met {cname}. Ik heb een herinnering gekregen voor een factuur die nog openstaat.",
            ),
            (A, "Ja. Mag ik uw klantnummer?"),
            (K, "Dat is {cnum}."),
            (
                A,
                "Ik zie het. Er staat {amount} open en de uiterste betaaldatum is verstreken.",
            ),
            (
                K,
                "Ja, dat klopt. Ik kan het nu niet in één keer betalen. Kan ik een betalingsregeling treffen?",
            ),
            (A, "Dat kan. Ik zet een regeling klaar in drie termijnen."),
            (
                K,
                "Eh, oké. Het is gewoon even lastig, ik ben vorige maand mijn baan kwijtgeraakt.",
            ),
            (
                A,
                "De eerste termijn wordt op de achtentwintigste afgeschreven. U krijgt de regeling per mail.",
            ),
            (
                K,
                "Oké. En de factuur van volgende maand, hoe gaat dat dan?",
            ),
            (
                A,
                "Die moet u gewoon los daarvan betalen. Kan ik verder nog iets voor u doen?",
            ),
            (K, "Nee... nee, dat was het."),
            (A, "Dan wens ik u een fijne dag."),
        ],
        planted: StoryFlags {
            threat: false,
            jumping: true,
            missed_root_cause: true,
            root_cause_named: true,
            disappointed: false,
        },
    },
    // 001, as it went: identification, a delivery date, and no room for why.
    Story {
        topic: Topic::Delivery,
        chat: true,
        persona: 10,
        lines: &[
            (
                K,
                "Hoi, ik heb een vraagje. Ik heb eergisteren een {item} besteld, maar nog niet ontvangen.",
            ),
            (
                A,
                "Hallo, u spreekt met {agent}. Vervelend! Mag ik uw ordernummer, dan kan ik kijken wat er aan de hand is.",
            ),
            (
                K,
                "{order}. Het is een cadeau voor mijn dochter, ze is vandaag jarig.",
            ),
            (
                A,
                "Dank u. Ik zie dat het pakket onderweg is, morgen is het bij u.",
            ),
            (K, "Morgen? Maar ze is vandaag jarig..."),
            (
                A,
                "Het pakket is vandaag aan de vervoerder overgedragen, dus morgen wordt het bezorgd. U ontvangt de track-and-trace per mail.",
            ),
            (K, "oké"),
            (A, "Kan ik u verder nog ergens mee helpen?"),
            (K, "nee"),
            (A, "Fijne dag nog! Ik sluit de chat."),
        ],
        planted: StoryFlags {
            threat: false,
            jumping: true,
            missed_root_cause: true,
            root_cause_named: true,
            disappointed: true,
        },
    },
    // 004, as it went: disappointment answered with a court case.
    Story {
        topic: Topic::Repair,
        chat: false,
        persona: 6,
        lines: &[
            (A, "{hello}, klantenservice Zuidwind, met {agent}."),
            (
                K,
                "{hello}, met {cname}. Ik bel over mijn inductiekookplaat. Die is vorige maand gerepareerd, en nu is hij alweer defect.",
            ),
            (A, "Ja."),
            (
                K,
                "Ik vind het eerlijk gezegd best vervelend dat hij zo kort na de reparatie alweer kapot is.",
            ),
            (
                A,
                "Als we hiermee naar de rechter gaan, dan zult u geen kans maken, en dat zou wel eens vervelend voor u kunnen aflopen.",
            ),
            (
                K,
                "Pardon? Ik heb het toch helemaal niet over een rechter? Ik vind het alleen jammer dat hij weer stuk is.",
            ),
            (
                A,
                "Ik zeg het maar alvast. Mag ik uw postcode en huisnummer?",
            ),
            (K, "{postcode}."),
            (
                A,
                "De reparatie is volgens de voorwaarden uitgevoerd. Als er weer een monteur moet komen, zijn de voorrijkosten voor uw rekening.",
            ),
            (K, "Dat meent u niet. Dan laat ik het wel uitzoeken."),
            (A, "Dat is uw goed recht. Nog een fijne dag."),
        ],
        planted: StoryFlags {
            threat: true,
            jumping: false,
            missed_root_cause: true,
            root_cause_named: true,
            disappointed: true,
        },
    },
    // 000, handled well: why is it hard now, and what does that mean next month?
    Story {
        topic: Topic::PaymentArrangement,
        chat: false,
        persona: 0,
        lines: &[
            (
                A,
                "{hello}, u spreekt met {agent} van Zuidwind. Waarmee kan ik u helpen?",
            ),
            (
                K,
                "{hello}, met {cname}. Ik heb een herinnering gekregen, en ik kan het nu niet in één keer betalen. Kan ik een betalingsregeling treffen?",
            ),
            (
                A,
                "Dat kunnen we zeker samen bekijken. Mag ik eerst uw klantnummer?",
            ),
            (K, "{cnum}."),
            (
                A,
                "Dank u. Er staat {amount} open. Mag ik vragen hoe het komt dat het op dit moment niet lukt?",
            ),
            (
                K,
                "Ja... ik ben vorige maand mijn baan kwijtgeraakt. Mijn uitkering loopt nog niet, dus het is even heel krap.",
            ),
            (
                A,
                "Wat vervelend dat u uw baan kwijt bent, dat is een flinke klap. Fijn dat u het vertelt, dan zoeken we iets wat echt past. Hoeveel kunt u per maand missen, denkt u?",
            ),
            (K, "Een euro of veertig, vijftig. Meer lukt echt niet."),
            (
                A,
                "Dan maak ik een regeling van vijfenveertig euro per maand. En omdat de komende facturen ook lastig kunnen worden: ik kan uw voorschot tijdelijk verlagen en u de gegevens van onze schuldhulppartner sturen, die gratis met u meekijkt. Zal ik dat ook doen?",
            ),
            (K, "Ja, graag. Dat had ik zelf niet durven vragen."),
            (
                A,
                "Daar zijn we voor. U krijgt alles vandaag per mail, en er komen geen extra kosten bij. Kan ik verder nog iets voor u doen?",
            ),
            (K, "Nee, u heeft me echt geholpen. Dank u wel."),
            (
                A,
                "Graag gedaan, en veel succes met het zoeken naar werk. Fijne dag!",
            ),
        ],
        planted: StoryFlags {
            threat: false,
            jumping: false,
            missed_root_cause: false,
            root_cause_named: true,
            disappointed: false,
        },
    },
    // 001, handled well: one question about the parcel changes the solution.
    Story {
        topic: Topic::Delivery,
        chat: true,
        persona: 2,
        lines: &[
            (
                K,
                "Hallo, ik heb eergisteren een {item} besteld, maar ik heb nog niks ontvangen.",
            ),
            (
                A,
                "Hallo, u spreekt met {agent} van Zuidwind. Oh, dat is vervelend! Had u iets leuks gekocht? Is het voor een speciale gelegenheid?",
            ),
            (
                K,
                "Ja, het is een cadeau voor mijn dochter. Ze is vandaag jarig.",
            ),
            (
                A,
                "Ah, gefeliciteerd met uw dochter! Dan moet het natuurlijk vandaag nog bij u zijn. Mag ik uw ordernummer, dan kijk ik meteen wat ik kan doen?",
            ),
            (K, "{order}"),
            (
                A,
                "Het pakket zou pas morgen bezorgd worden. Ik laat het vandaag nog met een koerier bij u brengen, uiterlijk om zes uur. Bent u dan thuis?",
            ),
            (K, "Ja, ik ben thuis! Wat geweldig, dank u wel."),
            (
                A,
                "Graag gedaan. U krijgt zo een sms met de tijd van de koerier. Heel veel plezier vanavond, en een fijne verjaardag voor uw dochter!",
            ),
            (K, "Dank u, dit maakt haar dag goed"),
            (A, "Fijne dag nog! Ik sluit de chat."),
        ],
        planted: StoryFlags {
            threat: false,
            jumping: false,
            missed_root_cause: false,
            root_cause_named: true,
            disappointed: false,
        },
    },
    // 004, handled well: disappointment heard, the repeat defect taken up.
    Story {
        topic: Topic::Repair,
        chat: false,
        persona: 1,
        lines: &[
            (
                A,
                "{hello}, u spreekt met {agent} van Zuidwind. Waarmee kan ik u helpen?",
            ),
            (
                K,
                "{hello}, met {cname}. Ik bel over mijn inductiekookplaat. Die is vorige maand gerepareerd, en nu is hij alweer defect.",
            ),
            (
                A,
                "Oei, zo kort na de reparatie alweer? Dat is echt balen, en zo hoort het niet. Wat gebeurt er precies?",
            ),
            (
                K,
                "Twee kookzones gaan na een paar minuten uit, en dan piept hij. Precies hetzelfde als de vorige keer.",
            ),
            (
                A,
                "Dus hetzelfde probleem als waarvoor de monteur is geweest. Weet u nog wat hij toen vervangen heeft?",
            ),
            (
                K,
                "Een printplaat, geloof ik. Hij zei dat het daarmee opgelost zou zijn.",
            ),
            (
                A,
                "Mag ik uw postcode en huisnummer, dan zoek ik de reparatie erbij?",
            ),
            (K, "{postcode}."),
            (
                A,
                "De printplaat is vier weken geleden vervangen. Omdat het hetzelfde probleem is, valt dit onder de garantie op de reparatie en betaalt u niets. Ik plan een senior monteur in en vraag alvast een nieuwe kookplaat aan voor het geval het weer de printplaat is. Kan het donderdagochtend?",
            ),
            (
                K,
                "Donderdagochtend kan. Fijn dat het zo snel kan. Ik was eerlijk gezegd wel teleurgesteld.",
            ),
            (
                A,
                "Dat snap ik heel goed, en excuses dat u er weer last van heeft. Kunt u tot donderdag nog koken op de andere zones?",
            ),
            (K, "Ja, twee doen het nog, dus ik red me wel."),
            (
                A,
                "Fijn. U krijgt vandaag de bevestiging per mail. Kan ik verder nog iets voor u doen?",
            ),
            (K, "Nee, dank u wel, u heeft me goed geholpen."),
            (A, "Graag gedaan. Fijne dag nog!"),
        ],
        planted: StoryFlags {
            threat: false,
            jumping: false,
            missed_root_cause: false,
            root_cause_named: true,
            disappointed: true,
        },
    },
];
