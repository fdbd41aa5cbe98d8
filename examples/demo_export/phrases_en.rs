//! English: the building blocks every conversation uses, and the root causes
//! customers name. Zuidwind's English-speaking customers are mostly people
//! who moved to the Netherlands; agents are the same Dutch team.

use super::banks::{Cue, CueBank, Lang};
use super::topics_en::SCENARIOS;

pub static EN: Lang = Lang {
    code: "en",
    hello_morning: &["Good morning"],
    hello_afternoon: &["Good afternoon"],
    weekdays: [
        "on Monday",
        "on Tuesday",
        "on Wednesday",
        "on Thursday",
        "on Friday",
    ],
    yesterday: "yesterday",
    this_morning: "this morning",
    earlier_today: "earlier today",
    called: "called",
    chatted: "chatted with you",
    first_names: &[
        "Emma", "James", "Priya", "Tom", "Sofia", "Daniel", "Aisha", "Michael", "Laura", "Raj",
        "Chloe", "David", "Elena", "Marco", "Hannah", "Oliver", "Mei", "Lucas", "Sarah", "Kwame",
        "Anna", "Chris", "Fatou", "Ben",
    ],
    surnames: &[
        "Clarke", "Murphy", "Patel", "Walsh", "Rossi", "Kowalski", "Nguyen", "Smith", "Garcia",
        "O'Brien", "Schmidt", "Khan", "Taylor", "Novak", "Silva", "Brown", "Mensah", "Wright",
        "Ivanova", "Chen",
    ],
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    decimal_comma: false,
    items: &[
        "vacuum cleaner",
        "coffee machine",
        "TV",
        "laptop",
        "air fryer",
        "tablet",
        "pair of headphones",
        "games console",
        "printer",
        "smartwatch",
        "microwave",
        "kettle",
    ],
    appliances: &[
        "washing machine",
        "dishwasher",
        "fridge",
        "dryer",
        "cooktop",
        "oven",
        "freezer",
        "cooker hood",
        "combi microwave",
    ],

    greet_call: &[
        "{hello}, you're speaking with {agent} at Zuidwind. How can I help?",
        "{hello}, Zuidwind customer service, this is {agent}. What can I do for you?",
        "{hello}, {agent} speaking. How can I help you today?",
        "{hello}, this is {agent} from Zuidwind customer service.",
        "{hello}, thanks for calling Zuidwind, my name is {agent}.",
    ],
    greet_chat: &[
        "Hi, you're chatting with {agent} from Zuidwind.",
        "Hello! My name is {agent}, happy to help.",
        "Hi there, this is {agent}. Thanks for waiting.",
        "{hello}, {agent} here from Zuidwind. Thanks for your message.",
        "Hello, you're talking to {agent}. Let me read through your message.",
    ],
    hello_call: &[
        "{hello}, this is {cname}.",
        "Hi, yes, {cname} here.",
        "Hello, my name is {cname}.",
        "{hello}. It's {cname} speaking.",
        "Hi, it's {cname}.",
    ],
    hello_chat: &[
        "Hi,",
        "Hello,",
        "{hello},",
        "",
        "Hi there!",
        "Hello, quick question.",
    ],
    repeat: &[
        "I {prev} {day} about this as well.",
        "I already {prev} {day}, and it still isn't sorted.",
        "This is the second time this week, I {prev} {day} too.",
        "I {prev} {day} and was told it would be fixed.",
        "I {prev} {day} and nothing has happened since.",
    ],
    repeat_ack: &[
        "I'm sorry you've had to get in touch again. I can see the note from last time.",
        "Sorry it still isn't sorted. I'll make sure it's done properly this time.",
        "That should have been fixed last time, I apologise.",
    ],
    backchannel: &[
        "Yes.",
        "Mm-hm.",
        "Okay.",
        "Right, I see.",
        "I'm listening.",
        "Oh dear.",
        "Go on.",
        "Sure.",
    ],
    fillers: &[
        "Yeah, so,",
        "Well,",
        "Um,",
        "So,",
        "Yeah, um,",
        "Right, so,",
    ],
    ack: &[
        "I'm sorry to hear that.",
        "Oh, that's not great.",
        "That sounds really annoying.",
        "That's frustrating, I understand.",
        "That's definitely not how it should be, I apologise.",
        "Thanks for letting us know, let's get to the bottom of it.",
        "Oh no, sorry about that.",
        "I can see why you're getting in touch.",
    ],
    ack_short: &[
        "Okay.",
        "I see.",
        "Got it.",
        "Right.",
        "Thanks.",
        "Understood.",
        "Ah, I see.",
    ],
    info_ack: &[
        "Good question.",
        "Sure, I can tell you.",
        "Happy to help with that.",
        "Of course.",
        "Yes, let me explain.",
    ],
    id_call: &[
        (
            "Could I have your postcode and house number first?",
            &["Yes, it's {postcode}.", "{postcode}.", "Sure, {postcode}."],
        ),
        (
            "For security, could you give me your postcode, house number and date of birth?",
            &[
                "Um, {postcode}. Date of birth {birth}.",
                "It's {postcode}, and I was born on {birth}.",
            ],
        ),
        (
            "Do you have your customer number handy?",
            &[
                "My customer number is {cnum}.",
                "I don't have that to hand, but my postcode is {postcode}.",
                "Let me see... {cnum}.",
            ],
        ),
        (
            "Let me look you up. What's your postcode and house number?",
            &["{postcode}.", "It's {postcode}."],
        ),
    ],
    id_chat: &[
        (
            "Could you send me your order number or customer number?",
            &[
                "{cnum}",
                "customer number {cnum}",
                "The order number is {order}.",
                "{order}",
            ],
        ),
        (
            "Can I have your customer number, please?",
            &["{cnum}", "My customer number is {cnum}.", "it's {cnum}"],
        ),
        (
            "Could you give me your postcode and house number?",
            &["{postcode}", "Postcode {postcode}", "It's {postcode}."],
        ),
    ],
    id_found: &[
        "Thank you, I've found you.",
        "Thanks, I can see your details.",
        "Great, I have your account in front of me.",
        "Perfect, got it.",
        "Thanks, I can see you on the system.",
    ],
    hold: &[
        "Let me check the system, one moment please.",
        "Do you mind if I put you on hold for a moment? I'll check with a colleague.",
        "Bear with me, I'll look into it for you.",
        "I'll just look that up, can you hold on?",
    ],
    hold_ok: &[
        "Sure.",
        "Of course.",
        "Yes, that's fine.",
        "No problem.",
        "Okay, I'll wait.",
    ],
    back: &[
        "Thanks for holding.",
        "Sorry about the wait.",
        "I'm back, thanks for your patience.",
        "Right, thanks for waiting.",
    ],
    accept: &[
        "Okay, great.",
        "Brilliant, thank you.",
        "Fine, I'll wait for that then.",
        "Okay, that sounds good.",
        "Great, I'm glad that's sorted.",
        "Good, at least I know where I stand.",
        "Thanks, that really helps.",
        "Yes, that works.",
    ],
    accept_jump: &[
        "Okay, if you think that'll help.",
        "Um, well, okay then.",
        "Well, I'll try that.",
        "Okay... fine.",
        "Right, I'll wait and see then.",
    ],
    confirm: &[
        "You'll get a confirmation by email today.",
        "I've added a note to your account so a colleague can see it too.",
        "You'll receive an email with all the details.",
        "If anything else comes up, just give us a call.",
        "You don't need to do anything else.",
    ],
    ok: &[
        "Okay.",
        "Right, okay.",
        "Fine.",
        "Yes, I understand.",
        "Sure.",
    ],
    close_ask: &[
        "Is there anything else I can do for you?",
        "Is there anything else I can help you with today?",
        "Do you have any other questions?",
        "Was that everything for now?",
        "Anything else I can help with?",
    ],
    close_no: &[
        "No, that's it. Thank you.",
        "No, thanks.",
        "No, that's everything.",
        "No, that's all. Thanks for your help.",
        "No, you've been very helpful.",
    ],
    bye_call: &[
        "You're welcome. Have a nice day!",
        "My pleasure, have a good day, bye!",
        "You're welcome, enjoy the rest of your day.",
        "Thanks for calling, have a great day!",
        "No problem at all, bye now!",
    ],
    bye_chat: &[
        "You're welcome! Have a nice day, I'll close the chat now.",
        "Glad I could help. Have a great day!",
        "You're welcome, enjoy your day!",
        "Thanks for chatting with us, have a good day.",
    ],
    bye_customer: &[
        "Bye!",
        "Thanks, bye.",
        "You too, bye.",
        "Cheers, bye.",
        "Bye, thanks.",
    ],
    threat: &[
        "If we take this to court, you won't stand a chance.",
        "You do realise we can hand this over to our legal department?",
        "I can close your account, you know.",
        "If you want to escalate this, fine, but then it goes through our lawyers and that won't be pleasant for you.",
        "If you keep pushing, we'll simply terminate the contract.",
        "We can also pass this on to a debt collection agency, if you'd prefer that.",
    ],
    threat_reaction: &[
        "Sorry? I'm not threatening anyone, I just want it fixed.",
        "What? Why would you say that? I'm only asking for help.",
        "Um... I'm just calling to report it.",
        "Wow, that's one way to greet a customer.",
        "That escalated quickly, I was just explaining what happened.",
        "Honestly, that's a bit of a shock. I just want a solution.",
    ],
    passive_aggressive: &[
        "As I already said, {recap}",
        "As I explained earlier, {recap}",
        "Like I said, {recap}",
        "Per my last email, {recap}",
        "Again: {recap}",
        "As I've already mentioned twice, {recap}",
        "It's all in the email we sent you. But once more: {recap}",
        "If you'd been listening, you'd have heard it: {recap}",
    ],
    aggression_open: &[
        "I'm absolutely sick of you people.",
        "You lot are a bunch of crooks.",
        "What a useless company you are.",
        "If this isn't sorted today, I'll sue you.",
        "I'm taking you to court, I promise you that.",
        "For God's sake, how hard can it be?",
        "I'm posting this everywhere, everyone will know what clowns you are.",
        "This is daylight robbery.",
    ],
    aggression_late: &[
        "You can't be serious. What a shambles.",
        "Ridiculous. You're all completely incompetent.",
        "Oh, give me a break, I don't believe a word of it. Bunch of amateurs.",
        "Then I'll see you in court, I've had enough.",
        "Are you stupid or just pretending?",
        "You know what, I'm getting a lawyer.",
        "What a load of rubbish. I want to speak to your manager.",
    ],
    calm_down: &[
        "I can hear you're really upset, and I understand. I'll do my best to sort it out today.",
        "I get why you're frustrated. Let's see what I can do for you right now.",
        "I'm really sorry it's gone this way. Let me help you.",
        "You have every reason to be unhappy. I'll take it from here.",
        "I understand you're fed up. I'll make sure it's put right.",
    ],
    curt: &[
        "There's no need to talk to me like that.",
        "Swearing isn't going to help.",
        "It's not my fault, you know.",
        "Please calm down, I'm trying to help.",
        "That's not necessary.",
    ],
    grudging: &[
        "Yeah, okay. Sorry, I'm just fed up.",
        "Fine. But I really hope it's sorted this time.",
        "Yeah, yeah. We'll see.",
        "Okay. It's nothing personal, but this is ridiculous.",
        "Well, fine. I'll wait and see.",
    ],
    disappointed: &[
        "I'm honestly quite disappointed.",
        "I really expected better from you.",
        "It's a shame, I've always been happy with you.",
        "It's just really annoying, all of it.",
        "I'm pretty gutted about it, to be honest.",
        "I shouldn't have to keep chasing this.",
    ],
    scenarios: SCENARIOS,
};

pub static LOST_JOB: CueBank = CueBank {
    cue: Cue::LostJob,
    mention: &[
        "I lost my job last month, so money's a bit tight.",
        "I've been out of work for a few weeks now.",
        "My contract wasn't renewed and my benefits haven't started yet.",
        "I was made redundant in a reorganisation and things are tight at the moment.",
    ],
    prompt: &[
        "Can I ask what's making it difficult right now?",
        "Is something going on that makes it hard at the moment?",
        "How are things for you financially at the moment, if you don't mind me asking?",
    ],
    ack: &[
        "I'm sorry to hear about your job, that's a big blow.",
        "That's a huge change, losing your job. Thanks for telling me.",
        "I'm sorry about your job. I understand things are tight then.",
    ],
    extra: &[
        "If paying gets difficult in the coming months, you can always get a payment plan; I'll note that on your account.",
        "I'll also send you the details of our debt advice partner; they can look at things with you for free.",
        "I'll add a note so you won't get any reminder fees for the next few months.",
        "I'll lower your monthly advance for now, so you have a bit more room.",
    ],
    thanks: &[
        "Thanks, that's kind of you to ask.",
        "Yes, it's a tough time. Thanks.",
        "I really appreciate that.",
    ],
};

pub static LOST_JOB_BILL: CueBank = CueBank {
    cue: Cue::LostJob,
    mention: &[
        "I lost my job last month, so this really comes at a bad time.",
        "I've been out of work for a few weeks, I really can't miss this money.",
        "Since I lost my job I'm watching every euro.",
    ],
    prompt: &[
        "Is this coming at a difficult time for you?",
        "What does this amount mean for you at the moment, if you don't mind me asking?",
    ],
    ack: &[
        "I'm sorry to hear about your job, this must hit even harder then.",
        "That's a huge change, losing your job. Thanks for telling me.",
    ],
    extra: &[
        "I'll make sure the money is back in your account this week.",
        "I'll also send you the details of our debt advice partner; they can look at things with you for free.",
    ],
    thanks: &[
        "Thanks, that's kind of you to ask.",
        "Yes, it's a tough time. Thanks.",
    ],
};

pub static ILLNESS_MONEY: CueBank = CueBank {
    cue: Cue::Illness,
    mention: &[
        "My husband is in hospital, so I haven't had my head in it.",
        "I've been ill for a few weeks, that's why I let it slide.",
        "I'm on sick leave and getting less money in.",
    ],
    prompt: &[
        "Is there anything we should take into account?",
        "Is anything else going on that makes this harder?",
    ],
    ack: &[
        "I'm so sorry to hear that. Let's make this as easy as possible for you.",
        "Oh, that's awful, and then this on top of it. I hope things get better soon.",
        "That's a lot to deal with. Thanks for telling me, I'll keep it in mind.",
    ],
    extra: &[
        "I'll move the payment date back thirty days to give you some breathing room.",
        "I'll put a note on your account so you don't have to explain it all again.",
        "If it's easier, I can handle the rest by email so you don't need to call.",
    ],
    thanks: &[
        "Thank you, that's kind.",
        "Yes, it's a tough time. Thanks.",
        "I appreciate you taking that into account.",
    ],
};

pub static ILLNESS_VISIT: CueBank = CueBank {
    cue: Cue::Illness,
    mention: &[
        "I've just had surgery and can barely manage the stairs.",
        "I'm ill at home and in bed most of the day.",
        "I'm on crutches after a hip operation, so I can't just pop out.",
    ],
    prompt: &[
        "Is there anything we should take into account when someone comes round?",
        "What would work best for you?",
    ],
    ack: &[
        "Oh, that's rotten, and this on top of it. Get well soon!",
        "I'm sorry to hear that. Let's make it as easy as we can for you.",
        "That's tough, thanks for telling me. I'll keep that in mind.",
    ],
    extra: &[
        "I'll ask them to call half an hour before, so you don't have to wait around all day.",
        "I'll add a note that it may take you a moment to get to the door.",
        "I'll note that you have limited mobility, so whoever comes knows.",
    ],
    thanks: &[
        "Thanks, that's good to know.",
        "I appreciate you taking that into account.",
        "Yes, that would really help.",
    ],
};

pub static REPEAT_DEFECT: CueBank = CueBank {
    cue: Cue::RepeatDefect,
    mention: &[
        "It was only repaired last month and now it's broken again.",
        "This is the third time this year it's broken down.",
        "It's exactly the same fault as before the last repair.",
        "The engineer was here three weeks ago, and now this again.",
    ],
    prompt: &[
        "Have you had problems with this appliance before?",
        "Is this the first time this has happened?",
    ],
    ack: &[
        "I'm sorry it's gone wrong again after the repair, that shouldn't have happened.",
        "It really shouldn't be broken again so soon. I apologise for that.",
        "Yet another time, so I completely understand you've had enough.",
    ],
    extra: &[
        "Because it's a repeat fault, I'll request a replacement appliance straight away if the engineer can't fix it first time.",
        "I'm marking it as a repeat repair, so a senior engineer will come and you won't pay anything.",
        "If it goes wrong once more, you'll get a new one; I'm putting that on your file now.",
    ],
    thanks: &[
        "Yes, honestly, I'm fed up with it.",
        "Thanks for acknowledging that.",
        "Exactly, that's why I'm getting in touch.",
    ],
};

pub static REPEAT_OUTAGE: CueBank = CueBank {
    cue: Cue::RepeatDefect,
    mention: &[
        "It's the third outage in two weeks.",
        "It was down for a whole day last week as well.",
        "This has been happening every evening for a week now.",
    ],
    prompt: &[
        "Have you had outages like this before?",
        "Is this the first time it's dropped out?",
    ],
    ack: &[
        "I'm sorry it keeps coming back, that's not how it should be.",
        "Three times in two weeks is too many. I completely understand.",
    ],
    extra: &[
        "Because it keeps happening, I'll have the line measured from the street cabinet.",
        "I'll add compensation for the downtime to your next bill.",
    ],
    thanks: &[
        "Yes, honestly, I'm fed up with it.",
        "Thanks for acknowledging that.",
    ],
};

pub static BIRTHDAY: CueBank = CueBank {
    cue: Cue::BirthdayPresent,
    mention: &[
        "It's a present for my daughter, it's her birthday today.",
        "It's for my son's birthday tomorrow.",
        "It's a birthday present for my wife and the party is tonight.",
    ],
    prompt: &[
        "Was it something nice? Is it for a special occasion?",
        "Do you need it by a particular date?",
    ],
    ack: &[
        "Oh, a birthday present! Then I completely understand you want it on time.",
        "What a shame, right before a birthday. Happy birthday to her!",
        "Then we need to make sure it gets there in time for the birthday.",
    ],
    extra: &[
        "I'll have a courier bring it to you today, before six.",
        "I'll put one aside in our shop so you can pick it up this afternoon.",
        "I'll send a new one today by express courier.",
    ],
    thanks: &[
        "Thank you! She's been looking forward to it for weeks.",
        "Yes, it would be such a shame if it's late.",
        "Thanks, it really has to be on time.",
    ],
};

pub static TRAVEL: CueBank = CueBank {
    cue: Cue::Travel,
    mention: &[
        "I'm flying out tomorrow morning for three weeks, so I really need it before then.",
        "I'm flying home to see my family on Saturday and I need it there.",
        "I'm going away on Friday for a month.",
    ],
    prompt: &[
        "Do you need it by a certain time?",
        "Is there a reason it needs to be quick?",
    ],
    ack: &[
        "Ah, you're travelling, so we need to get it done before then.",
        "Then it's urgent, I understand. Have a good trip!",
    ],
    extra: &[
        "I'll mark it as urgent so it's done before you leave.",
        "I'll make sure it's all sorted today, so you don't have to think about it while you're away.",
    ],
    thanks: &[
        "Yes, exactly, that's why it's urgent.",
        "Thanks, that takes a lot of stress off.",
    ],
};

pub static BEREAVEMENT: CueBank = CueBank {
    cue: Cue::Bereavement,
    mention: &[
        "My father passed away last month and I'm sorting out his affairs.",
        "It's still in my husband's name, he died in September.",
    ],
    prompt: &[
        "May I ask what the change is for?",
        "May I ask what's going on?",
    ],
    ack: &[
        "I'm very sorry for your loss. Take all the time you need.",
        "I'm so sorry. I'll help you as well as I can.",
    ],
    extra: &[
        "I'll note on your account that you're handling things, so you don't have to explain it again.",
        "If you like, I'll put everything in your name at no cost.",
    ],
    thanks: &["Thank you.", "Thank you, it's all still very raw."],
};

pub static WORK_FROM_HOME: CueBank = CueBank {
    cue: Cue::WorkFromHome,
    mention: &[
        "I work from home and I've got an important job interview on video in an hour.",
        "I'm a freelancer working from home, so I'm losing money right now.",
        "My mother's personal alarm runs over the internet, so that's down too.",
    ],
    prompt: &[
        "What does the outage mean for you?",
        "Do you need the internet for something urgent?",
    ],
    ack: &[
        "That's even more annoying when you work from home.",
        "Oh, then it's really urgent. Thanks for telling me.",
        "That's important, I'll take that into account.",
    ],
    extra: &[
        "I'll make it a high priority and send you a mobile 4G router today so you can get online in the meantime.",
        "I'll add extra mobile data to your SIM so you can use a hotspot until it's fixed.",
    ],
    thanks: &[
        "Yes, exactly, it's really urgent.",
        "Thanks for thinking along.",
    ],
};

pub static SEPARATION: CueBank = CueBank {
    cue: Cue::Separation,
    mention: &[
        "We're splitting up and I need to move out soon.",
        "My partner and I just broke up, so I'm living on my own now.",
    ],
    prompt: &[
        "Is anything changing in your situation that I should know about?",
        "What's changing in your situation?",
    ],
    ack: &[
        "That's a big change, I'm sorry to hear it.",
        "That's a lot to deal with. I'll keep this as simple as I can.",
    ],
    extra: &[
        "I'll also check whether a smaller plan suits you better now you're on your own.",
        "I'll transfer the contract to your name free of charge.",
    ],
    thanks: &["Thanks, it's a lot at once.", "It certainly is. Thank you."],
};
