//! Dutch: the building blocks every conversation uses, and the root causes
//! customers name. The company is Zuidwind, which sells appliances, energy
//! and internet; agents say "u", in calls and in chats.

use super::banks::{Cue, CueBank, Lang};
use super::topics_nl::SCENARIOS;

pub static NL: Lang = Lang {
    code: "nl",
    hello_morning: &["Goedemorgen"],
    hello_afternoon: &["Goedemiddag"],
    weekdays: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
    yesterday: "gisteren",
    this_morning: "vanochtend",
    earlier_today: "eerder vandaag",
    called: "gebeld",
    chatted: "gechat",
    first_names: &[
        "Peter", "Marieke", "Jan", "Annemiek", "Henk", "Mohamed", "Yvonne", "Kees", "Linda", "Wim",
        "Sandra", "Ahmed", "Anouk", "Gerard", "Petra", "Bram", "Femke", "Ricardo", "Els", "Thijs",
        "Karin", "Dennis", "Monique", "Hans", "Samira", "Jeroen", "Ellen", "Rob", "Natasja",
        "Erik", "Mieke", "Sem", "Lotte", "Hatice", "Joost", "Wilma",
    ],
    surnames: &[
        "de Vries",
        "Jansen",
        "van Dijk",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
        "Mulder",
        "de Groot",
        "Bos",
        "Vos",
        "Peters",
        "Hendriks",
        "van Leeuwen",
        "Dekker",
        "Brouwer",
        "de Wit",
        "Dijkstra",
        "Kok",
        "Yilmaz",
        "El Amrani",
        "Koster",
        "Prins",
        "Huisman",
        "van der Linden",
        "Verhoeven",
        "Postma",
        "Kramer",
        "Schouten",
        "Boukhari",
        "van den Berg",
    ],
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    decimal_comma: true,
    items: &[
        "stofzuiger",
        "koffiemachine",
        "televisie",
        "laptop",
        "airfryer",
        "tablet",
        "koptelefoon",
        "spelcomputer",
        "printer",
        "smartwatch",
        "magnetron",
        "waterkoker",
    ],
    appliances: &[
        "wasmachine",
        "vaatwasser",
        "koelkast",
        "droger",
        "kookplaat",
        "oven",
        "vriezer",
        "afzuigkap",
        "combimagnetron",
    ],

    greet_call: &[
        "{hello}, u spreekt met {agent} van Zuidwind. Waarmee kan ik u helpen?",
        "{hello}, klantenservice van Zuidwind, met {agent}. Wat kan ik voor u doen?",
        "{hello}, met {agent} van Zuidwind.",
        "{hello}, met {agent} van de klantenservice. Waar kan ik u mee helpen?",
        "{hello}, Zuidwind klantenservice, u spreekt met {agent}.",
        "{hello}, u spreekt met {agent}. Waarmee kan ik u van dienst zijn?",
        "Zuidwind, u spreekt met {agent}, goedendag.",
    ],
    greet_chat: &[
        "Hallo, u spreekt met {agent} van Zuidwind.",
        "Hallo! Mijn naam is {agent}, ik help u graag verder.",
        "Hoi, met {agent} van de klantenservice. Bedankt voor het wachten.",
        "{hello}, u chat met {agent}. Dank voor uw bericht.",
        "Hallo, {agent} hier van Zuidwind. Ik lees even mee.",
        "Goedendag, u spreekt met {agent}. Fijn dat u contact opneemt.",
    ],
    hello_call: &[
        "{hello}, met {cname}.",
        "{hello}, u spreekt met {cname}.",
        "Ja, hallo, met {cname}.",
        "Hallo, met {cname}.",
        "{hello}. Met {cname} hier.",
        "Goedendag, met {cname}.",
    ],
    hello_chat: &[
        "Hoi,",
        "Hallo,",
        "{hello},",
        "",
        "Hallo, ik heb een vraag.",
        "Goedendag,",
        "Hoi!",
    ],
    repeat: &[
        "Ik heb {day} ook al {prev} hierover.",
        "Ik heb {day} al {prev}, maar het is nog steeds niet opgelost.",
        "Ik heb hier {day} al over {prev} en toen zou het geregeld worden.",
        "Het is de tweede keer deze week, ik heb {day} ook al {prev}.",
        "Ik heb {day} al {prev} en er is nog niks gebeurd.",
    ],
    repeat_ack: &[
        "Vervelend dat u er opnieuw contact over moet opnemen. Ik zie de notitie van de vorige keer.",
        "Wat vervelend dat het nog niet is opgelost. Ik ga ervoor zorgen dat het nu wel goed komt.",
        "Sorry dat u er nog een keer voor terug moet komen.",
        "Dat had de vorige keer al opgelost moeten zijn, excuses daarvoor.",
    ],
    backchannel: &[
        "Ja.",
        "Mhm.",
        "Oké.",
        "Ja, ik begrijp het.",
        "Ja, ik hoor u.",
        "Hm-hm.",
        "Oei.",
        "Ja?",
        "Oké, vertelt u verder.",
    ],
    fillers: &[
        "Ja, eh,", "Nou,", "Eh,", "Kijk,", "Ja, dus", "Nou ja,", "Ja,",
    ],
    ack: &[
        "Vervelend om te horen.",
        "Oei, dat is niet fijn.",
        "Wat vervelend, dat snap ik.",
        "Dat is balen, zeg.",
        "Dat klinkt echt vervelend.",
        "Ach, wat vervelend voor u.",
        "Dat is natuurlijk niet de bedoeling.",
        "Dank u dat u het meldt, dat gaan we uitzoeken.",
        "Dat is niet zoals het hoort, excuses daarvoor.",
        "Ik begrijp dat dat frustrerend is.",
    ],
    ack_short: &[
        "Oké.",
        "Ik begrijp het.",
        "Duidelijk.",
        "Helder.",
        "Ah, op die manier.",
        "Dank u.",
        "Oké, dank u.",
    ],
    info_ack: &[
        "Goede vraag.",
        "Dat kan ik u vertellen.",
        "Zeker, ik help u graag.",
        "Ja, dat kan ik uitleggen.",
        "Natuurlijk.",
    ],
    id_call: &[
        (
            "Mag ik eerst uw postcode en huisnummer?",
            &[
                "Ja, dat is {postcode}.",
                "{postcode}.",
                "Postcode {postcode}.",
                "Eh, {postcode}.",
            ],
        ),
        (
            "Zou ik uw postcode en huisnummer mogen hebben?",
            &["Ja, {postcode}.", "{postcode}.", "Dat is {postcode}."],
        ),
        (
            "Mag ik voor de controle uw postcode, huisnummer en geboortedatum?",
            &[
                "Eh, {postcode}. En geboortedatum {birth}.",
                "Ja, dat is {postcode}, en ik ben geboren op {birth}.",
                "{postcode}, en {birth}.",
            ],
        ),
        (
            "Wat is uw klantnummer, als u dat bij de hand heeft?",
            &[
                "Het klantnummer is {cnum}.",
                "Dat heb ik niet bij de hand, maar mijn postcode is {postcode}.",
                "Even kijken... {cnum}.",
            ],
        ),
        (
            "Dan zoek ik u even op. Wat is uw postcode en huisnummer?",
            &["{postcode}.", "Ja, dat is {postcode}."],
        ),
    ],
    id_chat: &[
        (
            "Mag ik uw ordernummer of klantnummer?",
            &[
                "{cnum}",
                "klantnummer {cnum}",
                "Het ordernummer is {order}.",
                "{order}",
            ],
        ),
        (
            "Kunt u mij uw klantnummer sturen?",
            &[
                "{cnum}",
                "Mijn klantnummer is {cnum}.",
                "klantnummer is {cnum}",
            ],
        ),
        (
            "Wilt u uw postcode en huisnummer even doorgeven?",
            &["{postcode}", "Postcode {postcode}", "{postcode}."],
        ),
        (
            "Mag ik uw klantnummer, dan zoek ik het voor u op.",
            &["{cnum}", "Dat is {cnum}."],
        ),
        (
            "Om u te kunnen helpen heb ik uw postcode en huisnummer nodig.",
            &["{postcode}", "Dat is {postcode}."],
        ),
    ],
    id_found: &[
        "Dank u, ik heb u gevonden.",
        "Dank u wel, ik zie uw gegevens.",
        "Fijn, ik heb uw dossier voor me.",
        "Top, ik heb het gevonden.",
        "Ja, ik zie u staan.",
        "Dank u. Ik heb alles voor me.",
    ],
    hold: &[
        "Ik kijk even in het systeem, een ogenblikje.",
        "Mag ik u even in de wacht zetten? Dan overleg ik met een collega.",
        "Momentje, ik zoek het even voor u uit.",
        "Ik ga het even voor u nakijken, blijft u aan de lijn?",
    ],
    hold_ok: &[
        "Ja hoor.",
        "Prima.",
        "Ja, is goed.",
        "Natuurlijk.",
        "Ja, ik wacht wel.",
    ],
    back: &[
        "Zo, daar ben ik weer, dank u voor het wachten.",
        "Bedankt voor uw geduld.",
        "Ik ben er weer.",
        "Sorry dat het even duurde.",
    ],
    accept: &[
        "Oké, fijn.",
        "Top, dank u wel.",
        "Prima, dan wacht ik dat af.",
        "Oké, dat klinkt goed.",
        "Fijn, daar ben ik blij mee.",
        "Goed, dan weet ik waar ik aan toe ben.",
        "Dank u, dat helpt me echt.",
        "Ja, dat is goed.",
    ],
    accept_jump: &[
        "Oké, als u denkt dat dat helpt.",
        "Eh, nou, oké dan.",
        "Nou, dan probeer ik dat.",
        "Oké... prima.",
        "Ja, goed, dan wacht ik het af.",
    ],
    confirm: &[
        "U krijgt vandaag nog een bevestiging per mail.",
        "Ik zet het ook even in uw dossier, dan kan een collega het terugzien.",
        "U ontvangt een mail met alle details.",
        "Mocht er nog iets zijn, dan kunt u ons gewoon bellen.",
        "U hoeft verder niets te doen.",
    ],
    ok: &["Oké.", "Ja, oké.", "Goed.", "Ja, dat begrijp ik.", "Prima."],
    close_ask: &[
        "Kan ik verder nog iets voor u doen?",
        "Is er verder nog iets waarmee ik u kan helpen?",
        "Heeft u verder nog vragen?",
        "Was dat het voor nu?",
        "Kan ik u nog ergens anders mee helpen?",
    ],
    close_no: &[
        "Nee, dat was het. Dank u wel.",
        "Nee hoor, bedankt.",
        "Nee, dat was alles.",
        "Nee, verder niks. Bedankt voor de hulp.",
        "Nee, u heeft me goed geholpen.",
    ],
    bye_call: &[
        "Graag gedaan. Nog een fijne dag!",
        "Dan wens ik u een fijne dag, dag!",
        "Graag gedaan, een prettige dag verder.",
        "Dank u voor het bellen, fijne dag!",
        "Graag gedaan, dag!",
    ],
    bye_chat: &[
        "Graag gedaan! Fijne dag nog, ik sluit de chat.",
        "Fijn dat ik u kon helpen. Fijne dag!",
        "Graag gedaan, nog een prettige dag!",
        "Bedankt voor het chatten en een fijne dag verder.",
    ],
    bye_customer: &[
        "Dag!",
        "Dank u, dag.",
        "Ja, u ook, doei.",
        "Fijne dag, dag.",
        "Dag, bedankt.",
    ],
    threat: &[
        "Als we hiermee naar de rechter gaan, zult u geen kans maken.",
        "U weet dat we dit ook aan onze juristen kunnen overdragen?",
        "Ik kan uw account ook gewoon afsluiten, hoor.",
        "Als u dit hogerop wilt gooien, prima, maar dan gaat het via onze advocaat en dat wordt voor u niet leuk.",
        "Als u blijft aandringen, dan stoppen we gewoon de overeenkomst.",
        "We kunnen dit ook via een incassobureau laten lopen, als u dat liever heeft.",
        "Ik zeg het maar vast: als het op een rechtszaak aankomt, trekt u aan het kortste eind.",
    ],
    threat_reaction: &[
        "Pardon? Ik dreig toch nergens mee? Ik wil alleen dat het opgelost wordt.",
        "Wat? Waarom zegt u dat nou? Ik vraag gewoon om hulp.",
        "Eh... ik bel alleen om het te melden, hoor.",
        "Nou, dat is ook een manier om een klant te begroeten.",
        "Dat vind ik wel heel snel dreigen, ik vertelde gewoon wat er aan de hand is.",
        "Ik schrik hier eerlijk gezegd van. Ik wil gewoon een oplossing.",
    ],
    passive_aggressive: &[
        "Zoals ik al zei: {recap}",
        "Zoals ik net al uitlegde, {recap}",
        "Ik zei het net al, {recap}",
        "Nogmaals: {recap}",
        "Zoals ik al eerder aangaf, {recap}",
        "Dat staat ook gewoon in de mail die u van ons heeft gekregen. Maar goed, nog een keer: {recap}",
        "Ik heb het u nu al twee keer uitgelegd: {recap}",
        "Als u even had opgelet, had u het gehoord: {recap}",
    ],
    aggression_open: &[
        "Ik ben het echt spuugzat met jullie.",
        "Jullie zijn echt een stelletje oplichters.",
        "Wat een waardeloze club zijn jullie, zeg.",
        "Als dit vandaag niet geregeld wordt, stap ik naar de rechter.",
        "Ik ga jullie aanklagen, dat beloof ik je.",
        "Verdomme, hoe moeilijk kan het zijn?",
        "Ik zet dit op Facebook, iedereen mag weten wat voor prutsers jullie zijn.",
        "Jullie hebben echt maling aan je klanten, hè.",
        "Dit is gewoon diefstal.",
    ],
    aggression_late: &[
        "Dat meen je niet. Wat een klantonvriendelijk zootje.",
        "Belachelijk. Jullie zijn echt incompetent.",
        "Hou toch op, ik geloof er niks meer van. Stelletje amateurs.",
        "Dan stap ik naar de rechter, ik ben er klaar mee.",
        "Ben je nou echt zo dom of doe je alsof?",
        "Weet je wat, ik schakel een advocaat in.",
        "Wat een gelul. Ik wil je leidinggevende spreken.",
    ],
    calm_down: &[
        "Ik hoor dat u echt boos bent, en dat begrijp ik. Ik ga mijn best doen om het vandaag op te lossen.",
        "Ik snap uw frustratie. Laten we samen kijken wat ik nu voor u kan doen.",
        "Dat het zo gelopen is, spijt me echt. Ik help u graag verder.",
        "U heeft alle reden om ontevreden te zijn. Ik neem het van u over.",
        "Ik begrijp dat u het zat bent. Ik ga ervoor zorgen dat het nu goed komt.",
    ],
    curt: &[
        "Zo hoeft u niet tegen mij te praten.",
        "Met schelden komen we niet verder.",
        "Ik kan er ook niks aan doen, hoor.",
        "Rustig aan graag, ik probeer u te helpen.",
        "Dat is niet nodig.",
    ],
    grudging: &[
        "Ja, oké. Sorry, ik ben er gewoon klaar mee.",
        "Goed dan. Maar ik hoop echt dat het nu opgelost wordt.",
        "Ja ja. We zullen zien.",
        "Oké. Het ligt niet aan u persoonlijk, maar dit is gewoon te gek.",
        "Nou, goed. Dan wacht ik het af.",
    ],
    disappointed: &[
        "Ik ben eerlijk gezegd best teleurgesteld.",
        "Dit had ik echt niet verwacht van jullie.",
        "Jammer, want ik was altijd heel tevreden.",
        "Het is gewoon heel vervelend allemaal.",
        "Ik baal er wel echt van.",
        "Ik vind het wel jammer dat het zo moet.",
        "Het is toch niet de bedoeling dat ik hier steeds achteraan moet zitten.",
    ],
    scenarios: SCENARIOS,
};

pub static LOST_JOB: CueBank = CueBank {
    cue: Cue::LostJob,
    mention: &[
        "Ik ben vorige maand mijn baan kwijtgeraakt, dus het is even krap.",
        "Ik zit sinds kort zonder werk, vandaar.",
        "Mijn contract is niet verlengd en mijn uitkering loopt nog niet.",
        "Ik ben ontslagen bij een reorganisatie en het is allemaal wat krap nu.",
        "Sinds ik mijn werk kwijt ben, lukt het gewoon niet meer zo goed met betalen.",
    ],
    prompt: &[
        "Mag ik vragen hoe het komt dat het nu lastig is?",
        "Speelt er iets waardoor het op dit moment niet lukt?",
        "Wat is er veranderd waardoor het nu niet lukt, als ik vragen mag?",
        "Hoe staat u er op dit moment financieel voor, als ik dat mag vragen?",
    ],
    ack: &[
        "Wat vervelend dat u uw baan kwijt bent, dat is een flinke klap.",
        "Dat is een hele verandering, ineens zonder werk. Goed dat u het vertelt.",
        "Wat naar om te horen van uw werk. Dan begrijp ik dat het nu even krap is.",
        "Dank u dat u dat deelt. Zonder werk is alles onzeker, dat snap ik.",
    ],
    extra: &[
        "Als betalen de komende tijd lastig wordt, kunt u altijd een regeling krijgen; dat zet ik alvast in uw dossier.",
        "Ik stuur u ook de gegevens van onze schuldhulppartner; die kijken gratis met u mee.",
        "Ik zet er een notitie bij, zodat u de komende maanden geen aanmaningskosten krijgt.",
        "Ik verlaag uw voorschot tijdelijk, dan houdt u wat meer ruimte.",
    ],
    thanks: &[
        "Dank u, fijn dat u dat vraagt.",
        "Ja, het is even een zware tijd. Dank u.",
        "Dat waardeer ik, echt.",
    ],
};

pub static LOST_JOB_BILL: CueBank = CueBank {
    cue: Cue::LostJob,
    mention: &[
        "Ik ben vorige maand mijn baan kwijtgeraakt, dus dit komt echt op een slecht moment.",
        "Ik zit sinds kort zonder werk, ik kan dit geld nu echt niet missen.",
        "Sinds ik mijn werk kwijt ben, let ik op elke euro.",
    ],
    prompt: &[
        "Komt dit op een lastig moment voor u?",
        "Wat betekent dit bedrag voor u op dit moment, als ik vragen mag?",
    ],
    ack: &[
        "Wat vervelend dat u uw baan kwijt bent, dan komt dit extra hard aan.",
        "Dat is een hele verandering, ineens zonder werk. Goed dat u het vertelt.",
        "Wat naar om te horen van uw werk. Dan snap ik dat elke euro telt.",
    ],
    extra: &[
        "Ik zorg dat het geld deze week nog op uw rekening staat.",
        "Ik stuur u ook de gegevens van onze schuldhulppartner; die kijken gratis met u mee.",
        "Ik verlaag uw voorschot tijdelijk, dan houdt u wat meer ruimte.",
    ],
    thanks: &[
        "Dank u, fijn dat u dat vraagt.",
        "Ja, het is even een zware tijd. Dank u.",
    ],
};

pub static ILLNESS_MONEY: CueBank = CueBank {
    cue: Cue::Illness,
    mention: &[
        "Mijn man ligt in het ziekenhuis, dus ik heb mijn hoofd er even niet bij.",
        "Ik ben al een paar weken ziek, daarom heb ik het laten liggen.",
        "Ik zit in de ziektewet en krijg nu minder binnen.",
        "Mijn moeder is ernstig ziek en ik ben bijna elke dag bij haar.",
    ],
    prompt: &[
        "Is er iets waar we rekening mee moeten houden?",
        "Speelt er nog iets anders waardoor dit extra lastig is?",
        "Hoe gaat het verder met u, als ik vragen mag?",
    ],
    ack: &[
        "Wat naar om te horen. Dan gaan we het u zo makkelijk mogelijk maken.",
        "Ach, wat vervelend, en dan dit er nog bij. Sterkte.",
        "Dat is heftig. Goed dat u het zegt, dan houd ik daar rekening mee.",
        "Wat verdrietig om te horen. Ik wens u veel sterkte.",
    ],
    extra: &[
        "Ik zet de betaaltermijn dertig dagen later, dat geeft wat lucht.",
        "Ik zet een notitie in uw dossier, zodat u niet alles opnieuw hoeft uit te leggen.",
        "Als het beter uitkomt, handel ik de rest per mail af, dan hoeft u niet meer te bellen.",
    ],
    thanks: &[
        "Dank u, dat is lief.",
        "Ja, het is even een zware tijd. Dank u.",
        "Fijn dat u daar rekening mee houdt.",
    ],
};

pub static ILLNESS_VISIT: CueBank = CueBank {
    cue: Cue::Illness,
    mention: &[
        "Ik ben net geopereerd en kom eigenlijk nauwelijks de trap af.",
        "Ik ben ziek thuis en lig het grootste deel van de dag op bed.",
        "Ik loop met krukken sinds mijn heupoperatie, dus ik kan niet even ergens heen.",
        "Mijn vrouw ligt in het ziekenhuis en ik ben daar bijna de hele dag.",
    ],
    prompt: &[
        "Is er iets waar we rekening mee moeten houden als er iemand langskomt?",
        "Hoe komt het voor u het beste uit?",
        "Speelt er nog iets anders waardoor dit extra lastig is?",
    ],
    ack: &[
        "Wat vervelend, en dan ook nog dit erbij. Beterschap!",
        "Ach, wat naar. Dan maken we het u zo makkelijk mogelijk.",
        "Dat is heftig, goed dat u het zegt. Daar houd ik rekening mee.",
        "Wat rot voor u. Veel sterkte.",
    ],
    extra: &[
        "Ik vraag of ze een half uur van tevoren bellen, dan hoeft u niet de hele dag klaar te zitten.",
        "Ik zet erbij dat het even kan duren voordat u de deur opendoet.",
        "Ik zet in het dossier dat u slecht ter been bent, dan houdt iedereen die langskomt daar rekening mee.",
        "Ik plan het op een moment dat u zeker thuis bent: u krijgt een mail waarin u zelf het tijdstip kiest.",
    ],
    thanks: &[
        "Dank u, dat is fijn.",
        "Fijn dat u daar rekening mee houdt.",
        "Ja, dat zou echt helpen.",
    ],
};

pub static REPEAT_DEFECT: CueBank = CueBank {
    cue: Cue::RepeatDefect,
    mention: &[
        "Hij is vorige maand pas gerepareerd en nu is hij alweer kapot.",
        "Het is al de derde keer dit jaar dat hij stukgaat.",
        "Dit is precies hetzelfde probleem als voor de vorige reparatie.",
        "De monteur is drie weken geleden nog geweest, en nu weer dit.",
    ],
    prompt: &[
        "Heeft u eerder problemen met dit apparaat gehad?",
        "Is dit de eerste keer dat dit gebeurt?",
        "Is er al eerder iets aan gedaan?",
    ],
    ack: &[
        "Wat vervelend dat het na de reparatie alweer misgaat, dat had niet mogen gebeuren.",
        "Dat hij alweer kapot is, is echt niet de bedoeling. Excuses daarvoor.",
        "De zoveelste keer, dan snap ik dat u er klaar mee bent.",
        "Nee, dat hij zo snel na de reparatie weer stukgaat, is niet goed.",
    ],
    extra: &[
        "Omdat het een herhaalde storing is, vraag ik ook direct een vervangend apparaat aan als de monteur het niet in één keer oplost.",
        "Ik markeer het als herhaalreparatie, dus er komt een senior monteur en u betaalt niets.",
        "Als het daarna nog een keer misgaat, krijgt u een nieuw exemplaar; dat zet ik nu al in uw dossier.",
    ],
    thanks: &[
        "Ja, ik ben het eerlijk gezegd wel zat.",
        "Dank u, fijn dat u het erkent.",
        "Precies, daarom neem ik ook contact op.",
    ],
};

pub static REPEAT_OUTAGE: CueBank = CueBank {
    cue: Cue::RepeatDefect,
    mention: &[
        "Het is al de derde storing in twee weken.",
        "Vorige week lag het ook al een hele dag plat.",
        "Dit gebeurt nu elke avond, al een week lang.",
    ],
    prompt: &[
        "Heeft u vaker last van storingen?",
        "Is dit de eerste keer dat het uitvalt?",
    ],
    ack: &[
        "Dat het steeds terugkomt is echt vervelend, en niet zoals het hoort.",
        "Drie keer in twee weken, dat is te veel. Dat begrijp ik heel goed.",
        "Dat het telkens weer misgaat, is niet goed. Daar gaan we echt naar kijken.",
    ],
    extra: &[
        "Omdat het telkens terugkomt, laat ik de lijn vanaf de straatkast doormeten.",
        "Ik zet een compensatie voor de uitval op uw volgende factuur.",
        "Ik open een apart onderzoek naar de herhaalde storingen, zodat het niet weer gebeurt.",
    ],
    thanks: &[
        "Ja, ik ben het eerlijk gezegd wel zat.",
        "Dank u, fijn dat u het erkent.",
    ],
};

pub static BIRTHDAY: CueBank = CueBank {
    cue: Cue::BirthdayPresent,
    mention: &[
        "Het is een cadeau voor mijn dochter, ze is vandaag jarig.",
        "Het is bedoeld voor de verjaardag van mijn zoon, morgen.",
        "Ik had het besteld als verjaardagscadeau voor mijn vrouw, en het feest is vanavond.",
        "Het is een cadeautje voor mijn moeder, die wordt zaterdag tachtig.",
    ],
    prompt: &[
        "Had u iets leuks besteld? Is het voor een speciale gelegenheid?",
        "Heeft u het voor een bepaalde datum nodig?",
        "Is het voor iets bijzonders?",
    ],
    ack: &[
        "Oh, een verjaardagscadeau! Dan snap ik helemaal dat u het op tijd wilt hebben.",
        "Wat jammer, juist voor een verjaardag. Gefeliciteerd alvast!",
        "Dan moeten we zorgen dat het er op tijd is, het is voor een verjaardag.",
    ],
    extra: &[
        "Ik laat het vandaag nog met een koerier bij u bezorgen, vóór zes uur.",
        "Ik leg het in onze winkel klaar, dan kunt u het vanmiddag ophalen.",
        "Ik stuur er vandaag nog een nieuw exemplaar met de spoedkoerier heen.",
    ],
    thanks: &[
        "Dank u! Ze kijkt er al weken naar uit.",
        "Ja, het zou echt zonde zijn als het te laat is.",
        "Dank u, het moet echt op tijd zijn.",
    ],
};

pub static TRAVEL: CueBank = CueBank {
    cue: Cue::Travel,
    mention: &[
        "Ik vertrek morgenochtend voor drie weken naar het buitenland, dus het moet echt vóór die tijd.",
        "Ik vlieg zaterdag naar mijn familie in Marokko en heb het daar nodig.",
        "Ik ga vrijdag op reis en ben dan een maand weg.",
    ],
    prompt: &[
        "Heeft u het op een bepaald moment nodig?",
        "Is er een reden dat het snel moet?",
    ],
    ack: &[
        "Ah, u gaat op reis, dan moeten we het vóór die tijd rond hebben.",
        "Dan is er haast bij, dat begrijp ik. Goede reis alvast!",
        "Dan is de tijd krap, daar houd ik rekening mee.",
    ],
    extra: &[
        "Ik zet er spoed op, zodat het vóór uw vertrek geregeld is.",
        "Ik zorg dat het vandaag nog rond is, dan hoeft u er op reis niet meer aan te denken.",
        "Ik geef u mijn directe mailadres, mocht er onderweg nog iets zijn.",
    ],
    thanks: &[
        "Ja, precies, daarom is het zo dringend.",
        "Dank u, dat scheelt een hoop stress.",
    ],
};

pub static BEREAVEMENT: CueBank = CueBank {
    cue: Cue::Bereavement,
    mention: &[
        "Mijn vader is vorige maand overleden en ik regel nu zijn zaken.",
        "Het staat nog op naam van mijn man, hij is in september overleden.",
        "Mijn moeder is overleden en ik probeer alles af te handelen.",
    ],
    prompt: &[
        "Mag ik vragen wat de aanleiding is?",
        "Mag ik vragen wat er speelt?",
    ],
    ack: &[
        "Gecondoleerd met uw verlies. Neemt u alle tijd.",
        "Wat verdrietig, gecondoleerd. Ik help u zo goed mogelijk.",
        "Mijn deelneming. Dan maken we het zo eenvoudig mogelijk voor u.",
    ],
    extra: &[
        "Ik zet in het dossier dat u de zaken afhandelt, dan hoeft u het niet steeds opnieuw uit te leggen.",
        "Als u wilt, zet ik alles zonder kosten op uw naam.",
        "Als u een kopie van de overlijdensakte mailt, regel ik de rest.",
    ],
    thanks: &[
        "Dank u.",
        "Dank u, het is allemaal nog erg vers.",
        "Dat is fijn, dank u wel.",
    ],
};

pub static WORK_FROM_HOME: CueBank = CueBank {
    cue: Cue::WorkFromHome,
    mention: &[
        "Ik werk thuis en heb over een uur een belangrijk sollicitatiegesprek via video.",
        "Ik ben zzp'er en werk helemaal vanuit huis, ik verlies nu gewoon inkomsten.",
        "Mijn moeder heeft een personenalarm dat via internet gaat, dus dat werkt nu ook niet.",
    ],
    prompt: &[
        "Wat betekent de storing voor u?",
        "Heeft u het internet ergens dringend voor nodig?",
    ],
    ack: &[
        "Dat is extra vervelend als u thuis werkt.",
        "Oei, dan is het echt dringend. Goed dat u het zegt.",
        "Dat is belangrijk, daar houd ik rekening mee.",
    ],
    extra: &[
        "Ik zet er een hoge prioriteit op, en ik stuur u vandaag een mobiele 4G-router zodat u in de tussentijd online kunt.",
        "Ik zet extra mobiele data op uw simkaart, dan kunt u hotspotten tot het opgelost is.",
        "Ik geef dit door als spoedmelding, dan komt de monteur nog vandaag.",
    ],
    thanks: &[
        "Ja, precies, het is echt dringend.",
        "Dank u, fijn dat u meedenkt.",
    ],
};

pub static SEPARATION: CueBank = CueBank {
    cue: Cue::Separation,
    mention: &[
        "We gaan uit elkaar en ik moet op korte termijn verhuizen.",
        "Mijn vriend en ik zijn net uit elkaar, dus ik woon nu alleen.",
        "Ik ga scheiden en moet alles op mijn eigen naam zetten.",
    ],
    prompt: &[
        "Speelt er iets in uw situatie waar ik rekening mee kan houden?",
        "Wat verandert er in uw situatie?",
    ],
    ack: &[
        "Dat is een hele verandering, veel sterkte daarmee.",
        "Wat een ingrijpende tijd. Ik probeer het u zo makkelijk mogelijk te maken.",
        "Vervelend, dan heeft u al genoeg aan uw hoofd.",
    ],
    extra: &[
        "Ik kijk ook even of een kleiner abonnement beter past nu u alleen woont.",
        "Ik zet het contract kosteloos op uw naam over, u hoeft niets nieuws af te sluiten.",
        "Ik zet een notitie in uw dossier, zodat u het niet nog eens hoeft uit te leggen.",
    ],
    thanks: &[
        "Dank u, het is even veel tegelijk.",
        "Ja, dat is het zeker. Dank u.",
    ],
};
