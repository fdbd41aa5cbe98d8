//! Dutch: the reasons for contact, per topic, with what an agent asks, does,
//! and jumps to.

use super::Topic;
use super::banks::Scenario;
use super::phrases_nl::{
    BEREAVEMENT, BIRTHDAY, ILLNESS_MONEY, ILLNESS_VISIT, LOST_JOB, LOST_JOB_BILL, REPEAT_DEFECT,
    REPEAT_OUTAGE, SEPARATION, TRAVEL, WORK_FROM_HOME,
};

/// Corrections that fit any premature solution.
const NOT_SO_FAST: &str =
    "Nou, ik weet niet of dat het is. Kunt u eerst even kijken wat er precies gebeurd is?";

pub static SCENARIOS: &[Scenario] = &[
    Scenario {
        topic: Topic::Billing,
        problem: true,
        open: &[
            "Ik zie dat jullie deze maand twee keer {amount} hebben afgeschreven.",
            "Er is twee keer geld van mijn rekening gehaald voor dezelfde factuur.",
            "Volgens mij is er iets misgegaan met de incasso: ik ben twee keer afgeschreven.",
            "Ik heb een vraag over mijn factuur. Het bedrag van {amount} staat er twee keer op.",
        ],
        detail: &[
            "Op mijn bankafschrift staan twee bedragen van {amount} op dezelfde dag.",
            "Het gaat om de factuur van deze maand, die is er twee keer af gegaan.",
            "En ik heb maar één factuur gekregen.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Op welke datums zijn de bedragen afgeschreven?",
                "Allebei op de vijfentwintigste, een paar uur na elkaar.",
            ),
            (
                "Heeft u misschien ook zelf al betaald via de betaallink in de herinnering?",
                "Eh, ja, eigenlijk wel. Ik kreeg een herinnering en heb toen meteen betaald.",
            ),
            (
                "Wat ziet u precies op uw afschrift staan?",
                "Twee keer Zuidwind, allebei {amount}, met hetzelfde kenmerk.",
            ),
        ],
        jump: &[
            "Dan stort ik het dubbele bedrag meteen terug.",
            "Dat is vast een fout in de incassorun, ik zet het terug.",
            "Dat ligt aan uw bank, daar moet u even langs.",
        ],
        correct: &[
            "Nee, zo zit het volgens mij niet. Ik heb ook zelf nog iets betaald via de link.",
            NOT_SO_FAST,
        ],
        solve: &[
            "Ik zie het: de incasso is gelukt én u heeft via de betaallink betaald. Ik stort {amount} binnen vijf werkdagen terug op uw rekening.",
            "U heeft gelijk, er is twee keer geïncasseerd. Ik zet een terugbetaling van {amount} in gang; die staat binnen vijf werkdagen op uw rekening.",
            "Het tweede bedrag is inderdaad te veel. Ik zet het om in een tegoed op uw volgende factuur, tenzij u het liever terug op uw rekening heeft.",
        ],
        follow: &[
            "Dus wanneer krijg ik dat geld nou terug?",
            "En hoe weet ik zeker dat het teruggestort wordt?",
        ],
        cues: &[&LOST_JOB_BILL, &ILLNESS_MONEY],
    },
    Scenario {
        topic: Topic::Billing,
        problem: true,
        open: &[
            "Ik heb mijn jaarafrekening gekregen en ik moet ineens {amount} bijbetalen.",
            "Mijn eindafrekening is veel hoger dan vorig jaar, dat klopt toch niet?",
            "Ik schrok me rot van de jaarafrekening, ik moet {amount} bijbetalen.",
        ],
        detail: &[
            "We zijn niet anders gaan wonen en ik stook niet meer dan anders.",
            "Vorig jaar kreeg ik juist geld terug.",
            "Mijn voorschot is het hele jaar hetzelfde gebleven.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Heeft u de meterstanden zelf doorgegeven, of zijn ze geschat?",
                "Goeie vraag. Ik denk geschat, ik heb dit jaar niks doorgegeven.",
            ),
            (
                "Is er in uw huishouden iets veranderd het afgelopen jaar?",
                "Nou, mijn schoonmoeder woont sinds de zomer bij ons in.",
            ),
            (
                "Wat staat er bij de meterstand op de afrekening?",
                "Er staat 'geschat' achter de stand van januari.",
            ),
            (
                "Wanneer heeft u voor het laatst uw voorschot aangepast?",
                "Eigenlijk nooit, dat stond er gewoon zo in.",
            ),
        ],
        jump: &[
            "Dan verhoog ik uw voorschot, dan heeft u daar volgend jaar geen last meer van.",
            "Dat is vast een schatting van de meterstand, ik pas het aan.",
            "Dat komt gewoon door de hogere energieprijzen, daar kan ik niks aan doen.",
        ],
        correct: &[
            "Nee, wacht, ik wil eerst weten waarom het zo hoog is.",
            "Dat kan toch niet, vorig jaar betaalde ik hetzelfde tarief.",
            NOT_SO_FAST,
        ],
        solve: &[
            "Ik zie dat de stand van januari geschat was. Als u mij de huidige meterstand geeft, maak ik een nieuwe afrekening en pas ik uw voorschot aan.",
            "Uw verbruik is echt hoger geweest. Ik kan het bedrag in zes termijnen voor u verdelen, zonder extra kosten.",
            "Ik laat de afrekening opnieuw berekenen met een gecorrigeerde stand; u krijgt binnen twee weken de nieuwe afrekening.",
        ],
        follow: &[
            "Maar moet ik dat bedrag nu wel of niet betalen?",
            "Dus ik hoef nu nog niets te betalen?",
        ],
        cues: &[&LOST_JOB_BILL, &ILLNESS_MONEY],
    },
    Scenario {
        topic: Topic::Billing,
        problem: true,
        open: &[
            "Ik krijg nog steeds een factuur voor een tv-pakket dat ik al heb opgezegd.",
            "Er staat nog {amount} voor een pakket op mijn factuur dat ik in september heb opgezegd.",
            "Waarom betaal ik nog voor het sportpakket? Dat heb ik allang opgezegd.",
        ],
        detail: &[
            "Ik heb daar toen ook een bevestiging van gekregen.",
            "Het is nu al de tweede maand.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Weet u nog hoe u het heeft opgezegd, via de website of telefonisch?",
                "Telefonisch, in september. Ik heb er toen een mail van gekregen.",
            ),
            (
                "Heeft u die bevestiging nog?",
                "Ja, die heb ik nog in mijn mail staan.",
            ),
            (
                "Om welk pakket gaat het precies?",
                "Het sportpakket, dat wordt nog steeds afgeschreven.",
            ),
        ],
        jump: &[
            "Dan zet ik het pakket nu voor u stop.",
            "Dat is vast niet goed doorgekomen, ik zet het stop.",
            "Dan moet u het gewoon opnieuw opzeggen via Mijn Zuidwind.",
        ],
        correct: &[
            "Maar ik heb het al opgezegd, ik wil ook het geld terug van de afgelopen maanden.",
            "Ja, maar hoe zit het dan met wat ik al te veel betaald heb?",
        ],
        solve: &[
            "Ik zie de opzegging in september, maar die is niet verwerkt. Ik zet het pakket stop per die datum en crediteer de {amount} die u te veel betaald heeft.",
            "De opzegging is blijven hangen, excuses. Ik verwerk hem alsnog met terugwerkende kracht en u krijgt het bedrag terug.",
        ],
        follow: &[
            "En dat geld krijg ik dus terug?",
            "Dus dat pakket staat nu echt uit?",
        ],
        cues: &[&LOST_JOB_BILL],
    },
    Scenario {
        topic: Topic::PaymentArrangement,
        problem: true,
        open: &[
            "Ik heb een herinnering gekregen voor een openstaande factuur, maar ik kan het nu niet in één keer betalen.",
            "Ik heb een aanmaning gekregen van {amount}. Kan ik dat in termijnen betalen?",
            "Ik wil graag een betalingsregeling treffen voor mijn achterstand.",
            "Ik kreeg een brief dat ik een betalingsachterstand heb. Kan ik dat gespreid betalen?",
        ],
        detail: &[
            "Het gaat om de factuur van vorige maand en die van deze maand.",
            "Ik wil het echt wel betalen, maar niet alles tegelijk.",
            "Ik wil voorkomen dat er nog meer kosten bij komen.",
        ],
        ack: &[
            "Dat kunnen we zeker samen bekijken.",
            "Goed dat u contact opneemt, dan kijken we samen naar een oplossing.",
            "Daar kunnen we vast iets voor regelen.",
        ],
        reason_first: true,
        explore: &[
            (
                "Mag ik vragen hoe het komt dat het op dit moment niet lukt?",
                "De auto moest onverwacht naar de garage, en toen was het gewoon op.",
            ),
            (
                "Hoeveel zou u per maand kunnen missen, denkt u?",
                "Een euro of vijftig per maand, meer lukt echt niet.",
            ),
            (
                "Hoe ziet uw situatie er op dit moment uit?",
                "Het is even lastig, ik moet alles goed plannen.",
            ),
            (
                "Lukt het om de nieuwe facturen gewoon te betalen, naast de regeling?",
                "Dat weet ik eerlijk gezegd niet zeker.",
            ),
        ],
        jump: &[
            "Dat kan. Ik zet een regeling klaar in drie termijnen.",
            "Geen probleem, ik maak een regeling voor u aan van drie maanden.",
            "Prima, dan splits ik het bedrag in drie delen.",
        ],
        correct: &[
            "Drie termijnen is eigenlijk te veel per keer voor mij.",
            "Maar wacht, ik weet niet of ik dat per maand wel kan opbrengen.",
        ],
        solve: &[
            "Ik zet een regeling klaar in zes maandelijkse termijnen; de eerste wordt op de achtentwintigste afgeschreven.",
            "Ik maak een betalingsregeling van vier termijnen en zet de incassokosten voor u op nul.",
            "Dan spreken we een regeling af van vijftig euro per maand; u krijgt het overzicht per mail.",
        ],
        follow: &[
            "Dus hoeveel moet ik nu precies per maand betalen?",
            "En wanneer is de eerste betaling dan?",
        ],
        cues: &[
            &LOST_JOB,
            &LOST_JOB,
            &ILLNESS_MONEY,
            &BEREAVEMENT,
            &SEPARATION,
        ],
    },
    Scenario {
        topic: Topic::PaymentArrangement,
        problem: true,
        open: &[
            "Ik heb een termijn van mijn betalingsregeling gemist.",
            "Ik heb een brief gekregen dat mijn betalingsregeling vervalt, omdat ik een keer niet betaald heb.",
            "De afschrijving voor mijn regeling is deze maand mislukt.",
        ],
        detail: &[
            "Er stond te weinig op mijn rekening op het moment van afschrijven.",
            "Ik wil niet dat alles nu ineens in één keer betaald moet worden.",
        ],
        ack: &[
            "Dat kunnen we zeker samen bekijken.",
            "Goed dat u contact opneemt, dan kijken we samen naar een oplossing.",
            "Daar kunnen we vast iets voor regelen.",
        ],
        reason_first: true,
        explore: &[
            (
                "Wat maakte dat het deze maand niet lukte?",
                "Mijn salaris kwam later binnen dan de afschrijving.",
            ),
            (
                "Zou een andere afschrijfdatum helpen?",
                "Ja, als het na de vijfentwintigste is, dan lukt het wel.",
            ),
        ],
        jump: &[
            "Dan schrijf ik de gemiste termijn volgende maand dubbel af.",
            "Ik zet de regeling gewoon weer aan, dan is het opgelost.",
        ],
        correct: &[
            "Dubbel gaat echt niet lukken.",
            "Maar dan gebeurt volgende maand precies hetzelfde.",
        ],
        solve: &[
            "Ik zet de afschrijfdatum op de achtentwintigste en schuif de gemiste termijn naar het einde van de regeling.",
            "De regeling blijft gewoon staan; de gemiste termijn komt achteraan en er komen geen kosten bij.",
        ],
        follow: &[
            "Dus de regeling vervalt nu niet?",
            "En er komen echt geen kosten bij?",
        ],
        cues: &[&LOST_JOB, &ILLNESS_MONEY, &SEPARATION],
    },
    Scenario {
        topic: Topic::Delivery,
        problem: true,
        open: &[
            "Ik heb eergisteren een {item} besteld, maar ik heb nog niks ontvangen.",
            "Mijn bestelling had gisteren geleverd moeten worden, maar er is niks gekomen.",
            "Volgens de track-and-trace is mijn pakket bezorgd, maar ik heb niks gekregen.",
            "Waar blijft mijn {item}? Ik heb hem vorige week besteld.",
        ],
        detail: &[
            "Ik ben de hele dag thuis geweest.",
            "Er lag ook geen briefje in de bus.",
            "De bezorgdatum is nu al twee keer verschoven.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Wat ziet u in de track-and-trace staan?",
                "Daar staat 'bezorgd bij de buren', maar bij welke buren weet ik niet.",
            ),
            (
                "Heeft u al bij de buren gevraagd?",
                "Ja, aan beide kanten, niemand heeft iets.",
            ),
            (
                "Wanneer heeft u de laatste update gekregen?",
                "Gisterochtend, toen stond er dat hij onderweg was.",
            ),
        ],
        jump: &[
            "Ik stuur u een nieuwe.",
            "Dat is vast bij de buren afgegeven, kijkt u daar even.",
            "Ik zie dat hij onderweg is, morgen is hij bij u.",
            "Dan stuur ik u gewoon een nieuwe, dan is het opgelost.",
        ],
        correct: &[
            "Nee, ik heb al bij de buren gekeken, daar is hij niet.",
            "Wacht even, ik wil eerst weten waar de eerste gebleven is.",
            NOT_SO_FAST,
        ],
        solve: &[
            "Ik heb een onderzoek bij de vervoerder gestart, en ik stuur u vandaag een nieuwe {item}; die is morgen bij u.",
            "Het pakket staat als bezorgd op een ander huisnummer. Ik laat de bezorger het daar vandaag ophalen en bij u afleveren.",
            "Het pakket is door een adresfout teruggegaan naar ons magazijn. Ik verstuur het vandaag opnieuw met voorrang.",
        ],
        follow: &[
            "Dus wanneer is hij er nou precies?",
            "En moet ik daarvoor thuisblijven?",
        ],
        cues: &[&BIRTHDAY, &BIRTHDAY, &TRAVEL, &ILLNESS_VISIT],
    },
    Scenario {
        topic: Topic::Delivery,
        problem: true,
        open: &[
            "Mijn {item} is vandaag bezorgd, maar de doos was helemaal ingedeukt en hij is beschadigd.",
            "De {item} die ik heb ontvangen heeft een barst.",
            "Er zat een flinke deuk in mijn {item} toen ik hem uitpakte.",
        ],
        detail: &[
            "De doos was aan de zijkant opengescheurd.",
            "Ik heb er meteen foto's van gemaakt.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Kunt u omschrijven wat er precies beschadigd is?",
                "Er zit een barst in de voorkant, en de hoek is gedeukt.",
            ),
            (
                "Werkt hij verder nog wel, of gaat hij niet aan?",
                "Hij gaat wel aan, maar het ziet er niet uit.",
            ),
            (
                "Heeft u foto's van de doos en van het apparaat?",
                "Ja, die heb ik gemaakt toen de bezorger er nog was.",
            ),
        ],
        jump: &[
            "Dan stuur ik u een nieuwe.",
            "Dat is bij het transport gebeurd, ik stuur u een retourlabel.",
            "Ik zet een vervanging voor u klaar, dan is het opgelost.",
        ],
        correct: &[
            "Ja, maar ik wil niet weer twee weken wachten.",
            "Kan ik hem niet gewoon houden met korting? Hij werkt verder wel.",
        ],
        solve: &[
            "Als u de foto's mailt, stuur ik vandaag een nieuwe {item} en neemt de bezorger de beschadigde meteen mee terug.",
            "Omdat hij het verder goed doet, kan ik u twintig procent korting geven als u hem wilt houden; anders ruilen we hem om.",
            "Ik laat hem morgen ophalen en de bezorger brengt dan meteen een nieuwe mee.",
        ],
        follow: &[
            "Dus ik hoef zelf niks op te sturen?",
            "En wanneer wordt hij dan opgehaald?",
        ],
        cues: &[&BIRTHDAY, &TRAVEL],
    },
    Scenario {
        topic: Topic::Delivery,
        problem: true,
        open: &[
            "Ik heb de verkeerde {item} ontvangen.",
            "Er zat een ander model in de doos dan ik besteld had.",
            "Ik heb een zwarte {item} besteld, maar er is een witte geleverd.",
        ],
        detail: &[
            "Het ordernummer op de pakbon klopt wel.",
            "Ik heb hem nog niet uitgepakt, alleen de doos opengemaakt.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Wat staat er op de pakbon?",
                "Het juiste model, maar er zit een ander in.",
            ),
            (
                "Heeft u hem al gebruikt, of alleen de doos opengemaakt?",
                "Alleen opengemaakt, het plastic zit er nog om.",
            ),
        ],
        jump: &[
            "Dan stuur ik u een nieuwe.",
            "Dat is vast een fout in het magazijn. Ik regel een nieuwe.",
            "U moet hem gewoon terugsturen via het retourformulier.",
        ],
        correct: &[
            "Maar ik wil niet eerst alles terugsturen voordat ik de goede krijg.",
            "Misschien wil ik deze wel houden, als het verschil in prijs klopt.",
        ],
        solve: &[
            "Ik stuur vandaag de juiste {item}, en de bezorger neemt de verkeerde meteen mee.",
            "Ik maak een omruilopdracht: de bezorger brengt morgen de goede en neemt deze mee. U hoeft niks in te pakken.",
        ],
        follow: &[
            "Dus ik hoef hem niet zelf weg te brengen?",
            "En wanneer komt de goede dan?",
        ],
        cues: &[&BIRTHDAY],
    },
    Scenario {
        topic: Topic::Repair,
        problem: true,
        open: &[
            "Mijn {appliance} doet het niet meer.",
            "Mijn {appliance} is kapot, hij geeft een foutcode.",
            "Ik heb een probleem met mijn {appliance}, hij gaat niet meer aan.",
            "De {appliance} die ik vorig jaar bij jullie heb gekocht is stuk.",
        ],
        detail: &[
            "Er knippert alleen een rood lampje.",
            "Hij maakt een raar geluid en dan slaat hij af.",
            "Gisteravond deed hij het nog gewoon.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Wat ziet u precies op het display?",
                "Er staat E4 en dan gaat alles uit.",
            ),
            (
                "Sinds wanneer doet hij dit?",
                "Sinds zondag, eerst af en toe en nu elke keer.",
            ),
            (
                "Gebeurt het meteen bij het aanzetten of pas na een tijdje?",
                "Na een minuut of tien, dan slaat hij af.",
            ),
            (
                "Heeft u al geprobeerd de stekker er even uit te halen?",
                "Ja, dat heb ik gedaan, maar het helpt niet.",
            ),
        ],
        jump: &[
            "Dan plan ik een monteur in.",
            "Dat is vast de software-update, u moet hem even resetten.",
            "Dat is een bekend probleem met dat model, ik stuur u een nieuwe.",
            "U moet gewoon de stekker er een minuutje uit halen, dan doet hij het weer.",
        ],
        correct: &[
            "Nee, de stekker eruit halen heb ik al drie keer gedaan.",
            "Er is helemaal geen update geweest volgens mij.",
            "Wacht even, u weet nog niet eens wat hij doet.",
        ],
        solve: &[
            "Uw {appliance} valt nog onder de garantie. Ik plan een monteur in voor donderdag tussen acht en één, kosteloos.",
            "Die foutcode wijst op de pomp. Ik laat een monteur komen met een nieuw onderdeel; hij kan maandagochtend.",
            "Ik maak een reparatieopdracht aan. U krijgt een mail om zelf een moment te kiezen dat u uitkomt.",
        ],
        follow: &[
            "Dus wanneer komt die monteur nou?",
            "En moet ik daar iets voor betalen?",
        ],
        cues: &[&REPEAT_DEFECT, &REPEAT_DEFECT, &ILLNESS_VISIT],
    },
    Scenario {
        topic: Topic::Repair,
        problem: true,
        open: &[
            "De monteur zou vanochtend komen, maar er is niemand geweest.",
            "Ik heb vrij genomen voor de monteur, en hij is niet gekomen.",
            "Mijn reparatieafspraak is zonder bericht afgezegd.",
        ],
        detail: &[
            "Ik heb ook geen telefoontje of berichtje gehad.",
            "Ik heb er een vrije dag voor opgenomen.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Heeft u een bevestiging van de afspraak gekregen, met een tijdvak?",
                "Ja, tussen acht en één, per mail.",
            ),
            (
                "Heeft u sindsdien nog een bericht van de monteur gehad?",
                "Nee, helemaal niks.",
            ),
        ],
        jump: &[
            "Dan plan ik gewoon een nieuwe afspraak in.",
            "Dat is vast de drukte, er komt morgen iemand.",
            "U moet even in de app van de monteur kijken, daar staat de nieuwe tijd.",
        ],
        correct: &[
            "Ja, maar ik kan niet nog een dag vrij nemen.",
            "Ik heb al in die app gekeken, daar staat niks.",
        ],
        solve: &[
            "Excuses, de afspraak is bij de planning blijven hangen. Ik zet u morgen als eerste op de route, om acht uur, en de monteur belt een half uur van tevoren.",
            "Ik plan u morgen als eerste afspraak in, en voor de gemiste dag krijgt u een vergoeding van vijftig euro.",
        ],
        follow: &[
            "Dus hij komt nu echt morgen?",
            "En als hij morgen weer niet komt?",
        ],
        cues: &[&ILLNESS_VISIT],
    },
    Scenario {
        topic: Topic::Contract,
        problem: true,
        open: &[
            "Ik wil mijn contract opzeggen.",
            "Ik wil graag mijn internetabonnement beëindigen.",
            "Hoe kan ik mijn energiecontract opzeggen? Het lukt me niet online.",
        ],
        detail: &[
            "Het liefst zo snel mogelijk.",
            "Ik heb de opzegtermijn opgezocht, maar ik snap het niet helemaal.",
        ],
        ack: &[
            "Jammer om te horen dat u wilt opzeggen.",
            "Dat kan ik voor u regelen.",
            "Natuurlijk, ik help u daarbij.",
        ],
        reason_first: true,
        explore: &[
            (
                "Mag ik vragen waarom u wilt opzeggen?",
                "Het wordt me gewoon te duur allemaal.",
            ),
            (
                "Per wanneer zou u willen stoppen?",
                "Eind volgende maand, als dat kan.",
            ),
            (
                "Gaat u verhuizen, of stopt u helemaal?",
                "Ik stop helemaal, ik ga bij iemand inwonen.",
            ),
        ],
        jump: &[
            "Dan zet ik de opzegging per het einde van de maand in gang.",
            "Dat kan, ik stuur u het opzegformulier.",
            "U kunt het gewoon opzeggen in Mijn Zuidwind, daar staat een knop voor.",
        ],
        correct: &[
            "Ja, maar ik wil eerst weten of ik een boete moet betalen.",
            "Wacht, misschien is een goedkoper abonnement ook een optie.",
        ],
        solve: &[
            "Uw contract is maandelijks opzegbaar. Ik zet de opzegging per het eind van volgende maand en u krijgt een bevestiging per mail.",
            "U zit nog vier maanden vast, maar ik kan u ook een kleiner pakket aanbieden zonder opzegkosten. Dan betaalt u vanaf volgende maand twintig euro minder.",
        ],
        follow: &[
            "Dus per wanneer is het dan stopgezet?",
            "En ik krijg hier verder geen rekening meer voor?",
        ],
        cues: &[&LOST_JOB_BILL, &BEREAVEMENT, &SEPARATION, &TRAVEL],
    },
    Scenario {
        topic: Topic::Contract,
        problem: true,
        open: &[
            "Ik ga verhuizen en wil mijn contract meenemen naar mijn nieuwe adres.",
            "Ik verhuis volgende maand, hoe regel ik dat met mijn internet en energie?",
            "Ik wil een adreswijziging doorgeven, ik ga verhuizen.",
        ],
        detail: &[
            "De sleuteloverdracht is op de vijftiende.",
            "Het nieuwe huis is in dezelfde stad.",
        ],
        ack: &[
            "Dat regel ik graag voor u.",
            "Dat kunnen we goed regelen.",
            "Natuurlijk, dan zetten we dat samen in orde.",
        ],
        reason_first: false,
        explore: &[
            (
                "Per wanneer heeft u de sleutel van het nieuwe adres?",
                "Op de vijftiende, en het oude huis lever ik eind van de maand in.",
            ),
            (
                "Wilt u op het nieuwe adres hetzelfde pakket houden?",
                "Ik denk het wel, of misschien iets kleiners.",
            ),
        ],
        jump: &[
            "Dan zet ik de verhuizing per de vijftiende voor u in.",
            "U kunt de verhuizing gewoon online doorgeven, dat is het makkelijkst.",
        ],
        correct: &[
            "Maar ik heb een paar weken twee adressen, kan dat wel?",
            "Online lukt het me juist niet, daarom neem ik contact op.",
        ],
        solve: &[
            "Ik zet de verhuizing in per de vijftiende; het oude adres stopt eind van de maand, zodat u twee weken overlap heeft zonder dubbele kosten.",
            "Ik heb de verhuizing aangemaakt. Op het nieuwe adres is internet op de vijftiende actief, en de meterstanden vraag ik per mail bij u op.",
        ],
        follow: &[
            "Dus ik hoef verder niks meer te regelen?",
            "En wanneer werkt het internet dan op het nieuwe adres?",
        ],
        cues: &[&SEPARATION, &SEPARATION, &BEREAVEMENT],
    },
    Scenario {
        topic: Topic::Outage,
        problem: true,
        open: &[
            "Mijn internet doet het al sinds vanochtend niet.",
            "Ik heb geen internet en geen tv.",
            "Het internet valt steeds weg.",
            "Mijn wifi werkt niet meer, alle lampjes van de modem knipperen.",
        ],
        detail: &[
            "Bij de buren werkt het wel, geloof ik.",
            "Ik heb de modem al een keer opnieuw opgestart.",
            "Het lampje van de modem brandt oranje.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Welke lampjes ziet u branden op de modem?",
                "Het bovenste knippert oranje, de rest is uit.",
            ),
            (
                "Sinds wanneer heeft u er last van?",
                "Sinds vanochtend een uur of zeven.",
            ),
            (
                "Werkt het wel als u een kabel rechtstreeks op de modem aansluit?",
                "Nee, met de kabel ook niet.",
            ),
            (
                "Is er in huis iets veranderd, een nieuw apparaat of een andere plek voor de modem?",
                "Nee, alles staat nog zoals het stond.",
            ),
        ],
        jump: &[
            "Dat is vast de update van vannacht, herstart de modem maar even.",
            "Ik stuur u een nieuwe modem.",
            "Er is een storing in uw regio, die is vanavond opgelost.",
            "U moet de modem even resetten, dan doet hij het weer.",
        ],
        correct: &[
            "Die heb ik al drie keer opnieuw opgestart.",
            "Maar bij de buren werkt het gewoon, dus een storing in de wijk is het niet.",
            "Een nieuwe modem? Het werkte vorige week nog prima.",
        ],
        solve: &[
            "Uw modem krijgt geen signaal vanaf de straat. Ik plan een monteur in voor morgenochtend.",
            "Ik heb de lijn op afstand gereset en zie nu weer verbinding. Als het binnen tien minuten niet werkt, komt er morgen een monteur.",
            "Er is een kabelbreuk in uw straat; de monteurs zijn bezig en verwachten dat het om vier uur weer werkt. U krijgt een sms zodra het opgelost is.",
        ],
        follow: &[
            "Dus wanneer werkt het nou weer?",
            "En als het vanavond nog niet werkt?",
        ],
        cues: &[
            &WORK_FROM_HOME,
            &WORK_FROM_HOME,
            &REPEAT_OUTAGE,
            &ILLNESS_VISIT,
        ],
    },
    Scenario {
        topic: Topic::Outage,
        problem: true,
        open: &[
            "Mijn tv-ontvanger geeft geen beeld meer.",
            "Ik krijg een zwart scherm met 'geen signaal' op de tv.",
            "De tv-box start steeds opnieuw op.",
        ],
        detail: &[
            "Het internet doet het wel gewoon.",
            "Het begon gisteravond tijdens het journaal.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Welke melding ziet u precies op het scherm?",
                "Er staat 'geen signaal', foutcode S-12 of zoiets.",
            ),
            (
                "Gaat het om alle zenders of alleen een paar?",
                "Alle zenders, ook de radio via de tv.",
            ),
            (
                "Brandt het lampje op de ontvanger?",
                "Ja, dat brandt gewoon groen.",
            ),
        ],
        jump: &[
            "Dat is vast de HDMI-kabel, die moet u even vervangen.",
            "Ik stuur u een nieuwe tv-ontvanger.",
            "U moet de ontvanger even resetten via het menu.",
        ],
        correct: &[
            "De kabel heb ik al omgewisseld, dat is het niet.",
            "Ik heb hem al gereset, dat maakte geen verschil.",
        ],
        solve: &[
            "Ik heb een nieuw signaal naar uw ontvanger gestuurd. Als het over tien minuten niet werkt, stuur ik een nieuwe ontvanger die morgen bij u is.",
            "De smartcard van uw ontvanger was door een fout bij ons uitgeschakeld. Ik heb hem opnieuw geactiveerd; binnen vijf minuten heeft u weer beeld.",
        ],
        follow: &[
            "Dus over tien minuten moet het werken?",
            "En als het dan nog niet werkt?",
        ],
        cues: &[&REPEAT_OUTAGE, &ILLNESS_VISIT],
    },
    Scenario {
        topic: Topic::Account,
        problem: true,
        open: &[
            "Ik kan niet meer inloggen in Mijn Zuidwind.",
            "Ik krijg steeds de melding dat mijn wachtwoord onjuist is.",
            "Ik ben mijn wachtwoord vergeten en de resetmail komt niet aan.",
        ],
        detail: &[
            "Ik heb het al drie keer geprobeerd.",
            "Ik heb ook in mijn spam gekeken.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Welke melding krijgt u precies?",
                "'Uw account is tijdelijk geblokkeerd.'",
            ),
            (
                "Wat gebeurt er als u op 'wachtwoord vergeten' klikt?",
                "Dan zegt hij dat er een mail is verstuurd, maar die komt nooit aan.",
            ),
            (
                "Heeft u onlangs een ander mailadres gekregen?",
                "O ja, ik ben overgestapt van provider. Dat zou het kunnen zijn.",
            ),
        ],
        jump: &[
            "Ik stuur u een nieuwe inloglink.",
            "U moet gewoon uw cookies wissen, dan lukt het wel.",
            "Dan reset ik uw wachtwoord.",
        ],
        correct: &[
            "Maar die mails komen juist niet aan, dat is het probleem.",
            "Cookies heb ik al gewist.",
        ],
        solve: &[
            "Uw account was geblokkeerd na te veel pogingen. Ik heb hem vrijgegeven en een nieuwe resetlink gestuurd naar het mailadres dat u nu gebruikt.",
            "Ik heb uw mailadres in ons systeem bijgewerkt en een nieuwe link gestuurd. Die is een uur geldig.",
        ],
        follow: &[
            "Dus ik kan nu gewoon inloggen?",
            "En die link, hoe lang werkt die?",
        ],
        cues: &[&TRAVEL, &BEREAVEMENT],
    },
    Scenario {
        topic: Topic::Account,
        problem: true,
        open: &[
            "Ik wil mijn rekeningnummer wijzigen, maar dat lukt niet.",
            "Ik heb een nieuwe bankrekening en wil dat de incasso daarvan gaat.",
            "Ik wil de tenaamstelling van mijn account wijzigen.",
        ],
        detail: &[
            "Mijn oude rekening wordt volgende week opgeheven.",
            "Online krijg ik een foutmelding.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Wat gaat er mis als u het online probeert?",
                "Ik krijg een foutmelding dat het IBAN niet klopt.",
            ),
            (
                "Per wanneer moet de wijziging ingaan?",
                "Liefst meteen, want de oude rekening sluit vrijdag.",
            ),
        ],
        jump: &[
            "Dan pas ik het rekeningnummer nu voor u aan.",
            "U moet gewoon het formulier op de website invullen.",
        ],
        correct: &[
            "Het formulier geeft een foutmelding, daarom neem ik contact op.",
            "Wacht, het gaat niet alleen om het rekeningnummer.",
        ],
        solve: &[
            "Ik heb het nieuwe rekeningnummer ingevoerd; de volgende incasso gaat al van de nieuwe rekening.",
            "Ik heb de wijziging gedaan. U krijgt een mail met een link om de nieuwe machtiging te bevestigen.",
        ],
        follow: &[
            "Dus de volgende afschrijving gaat al van de nieuwe rekening?",
            "Hoef ik verder nog iets te doen?",
        ],
        cues: &[&BEREAVEMENT, &SEPARATION],
    },
    Scenario {
        topic: Topic::Complaint,
        problem: true,
        open: &[
            "Ik wil een klacht indienen over hoe ik vorige week geholpen ben.",
            "Ik ben echt ontevreden over jullie service.",
            "Ik wil een klacht indienen over de monteur die bij mij is geweest.",
        ],
        detail: &[
            "Hij liet modder achter in de hele gang en deed erg kortaf.",
            "Ik ben drie keer doorverbonden en niemand kon me helpen.",
            "Er is me iets beloofd en dat is niet nagekomen.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Wat is er precies gebeurd?",
                "De monteur kwam twee uur te laat en was ook nog onbeleefd.",
            ),
            (
                "Wat had u op dat moment van ons verwacht?",
                "Gewoon dat iemand zegt wanneer het opgelost wordt.",
            ),
            (
                "Wat zou het voor u nu goedmaken?",
                "Een excuus, en dat het eindelijk geregeld wordt.",
            ),
        ],
        jump: &[
            "Dan geef ik u een tegoedbon van vijfentwintig euro.",
            "Ik stuur de klacht door naar de afdeling klachten.",
            "Dat is vast een misverstand geweest.",
        ],
        correct: &[
            "Een tegoedbon, daar gaat het me helemaal niet om.",
            "Doorsturen? Dat is precies wat er de vorige keer ook gebeurde.",
        ],
        solve: &[
            "Ik leg uw klacht vast, en mijn teamleider belt u uiterlijk donderdag terug. Daarnaast zorg ik nu dat de afspraak alsnog nagekomen wordt.",
            "Excuses namens Zuidwind, dit had zo niet mogen gaan. Ik leg de klacht bij de leidinggevende van de monteur en u krijgt binnen vijf werkdagen een reactie.",
        ],
        follow: &[
            "Dus ik hoor uiterlijk donderdag iets?",
            "En wie belt me dan precies?",
        ],
        cues: &[&REPEAT_DEFECT, &ILLNESS_VISIT],
    },
    Scenario {
        topic: Topic::Complaint,
        problem: true,
        open: &[
            "Er is mij beloofd dat ik teruggebeld zou worden, en dat is niet gebeurd.",
            "Mij is vorige week een vergoeding toegezegd, maar die is er nog steeds niet.",
        ],
        detail: &[
            "Ik heb daar zelfs een bevestiging van.",
            "En dat is nu al de tweede keer.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Wat is er precies toegezegd, en door wie?",
                "Een collega van u zei dat ik binnen twee dagen teruggebeld zou worden.",
            ),
            ("Wanneer was dat gesprek?", "Vorige week dinsdag."),
        ],
        jump: &[
            "Dan stort ik die vergoeding nu meteen.",
            "Dan zet ik een terugbelverzoek voor u klaar.",
        ],
        correct: &[
            "Weer een terugbelverzoek? Dat heb ik al gehad.",
            "Het gaat me niet alleen om het geld.",
        ],
        solve: &[
            "Ik zie de toezegging in uw dossier. Ik handel het nu zelf af: de vergoeding staat morgen op uw rekening, en ik bel u vrijdag persoonlijk om te horen of alles goed is.",
            "Dat had niet zo mogen lopen. Ik neem uw zaak zelf over en u hoort uiterlijk morgen van mij.",
        ],
        follow: &[
            "Dus u belt mij vrijdag zelf?",
            "En die vergoeding staat er morgen echt op?",
        ],
        cues: &[],
    },
    Scenario {
        topic: Topic::Information,
        problem: false,
        open: &[
            "Ik heb een vraag: tot hoe laat is jullie winkel in Utrecht open?",
            "Kan ik een bestelling ook in de winkel ophalen?",
        ],
        detail: &[
            "Ik wil er morgen even langs.",
            "Ik werk tot vijf uur, dus het moet daarna.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "En moet ik dan iets meenemen?",
                "Alleen uw ordernummer en een legitimatiebewijs.",
            ),
            (
                "Kan ik daar ook pinnen?",
                "Ja hoor, pinnen en contactloos betalen kan allebei.",
            ),
            (
                "En op zaterdag?",
                "Op zaterdag zijn we open van tien tot vijf.",
            ),
        ],
        jump: &[],
        correct: &[],
        solve: &[
            "Onze winkel in Utrecht is doordeweeks open van negen tot zes, en op donderdag tot negen uur.",
            "Ja, dat kan: u kiest bij het afrekenen voor 'ophalen in de winkel', dan ligt het de volgende dag klaar.",
        ],
        follow: &[
            "Dus tot hoe laat kan ik langskomen?",
            "En wat moest ik nou meenemen?",
        ],
        cues: &[],
    },
    Scenario {
        topic: Topic::Information,
        problem: false,
        open: &[
            "Ik overweeg om voor mijn energie naar jullie over te stappen. Hoe werkt dat?",
            "Wat kost een vast energiecontract voor drie jaar bij jullie?",
        ],
        detail: &[
            "Mijn huidige contract loopt over twee maanden af.",
            "We wonen met z'n vieren in een rijtjeshuis.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Moet ik dan zelf mijn oude leverancier opzeggen?",
                "Nee, dat doen wij voor u, inclusief de overstapdatum.",
            ),
            (
                "Zit er een opzegtermijn aan?",
                "Bij een vast contract betaalt u een opzegvergoeding als u eerder stopt; een variabel contract is maandelijks opzegbaar.",
            ),
        ],
        jump: &[],
        correct: &[],
        solve: &[
            "Overstappen is eenvoudig: u sluit online een contract af en wij zeggen uw oude contract voor u op.",
            "Dat hangt af van uw verbruik. Als u het op de website invult, ziet u direct uw maandbedrag.",
        ],
        follow: &[
            "Dus ik hoef mijn oude contract echt niet zelf op te zeggen?",
            "Maar wat kost het dan ongeveer per maand?",
        ],
        cues: &[],
    },
    Scenario {
        topic: Topic::Information,
        problem: false,
        open: &[
            "Kan ik mijn factuur ook met iDEAL betalen?",
            "Welke betaalmethodes hebben jullie eigenlijk?",
        ],
        detail: &[
            "Ik heb nu een acceptgiro, maar die wil ik niet meer.",
            "Ik betaal liever niet via automatische incasso.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "En kan ik ook automatisch laten afschrijven?",
                "Zeker, dat zet u aan bij 'betaalgegevens' in Mijn Zuidwind.",
            ),
            ("Kost dat extra?", "Nee, alle betaalmethodes zijn gratis."),
        ],
        jump: &[],
        correct: &[],
        solve: &[
            "Ja, onder elke factuur in Mijn Zuidwind staat een betaalknop voor iDEAL.",
            "U kunt betalen met iDEAL, automatische incasso of een gewone overboeking.",
        ],
        follow: &["Dus waar vind ik die betaalknop?", "Dus iDEAL kan gewoon?"],
        cues: &[],
    },
];
