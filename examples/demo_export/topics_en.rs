//! English: the reasons for contact, per topic, with what an agent asks,
//! does, and jumps to.

use super::Topic;
use super::banks::Scenario;
use super::phrases_en::{
    BEREAVEMENT, BIRTHDAY, ILLNESS_MONEY, ILLNESS_VISIT, LOST_JOB, LOST_JOB_BILL, REPEAT_DEFECT,
    REPEAT_OUTAGE, SEPARATION, TRAVEL, WORK_FROM_HOME,
};

/// A correction that fits any premature solution.
const NOT_SO_FAST: &str =
    "Hang on, I'm not sure that's it. Could you check what actually happened first?";

pub static SCENARIOS: &[Scenario] = &[
    Scenario {
        topic: Topic::Billing,
        problem: true,
        open: &[
            "I've been charged {amount} twice this month.",
            "You've taken money from my account twice for the same bill.",
            "I think something went wrong with the direct debit, I've been charged twice.",
        ],
        detail: &[
            "My bank statement shows two payments of {amount} on the same day.",
            "And I only got one bill.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "On which dates were the amounts taken?",
                "Both on the 25th, a few hours apart.",
            ),
            (
                "Did you perhaps also pay through the link in the reminder?",
                "Oh, actually, yes. I got a reminder and paid it straight away.",
            ),
            (
                "What exactly does your statement say?",
                "Zuidwind twice, both {amount}, same reference.",
            ),
        ],
        jump: &[
            "I'll refund the double payment right away.",
            "That's probably a glitch in the direct debit run, I'll reverse it.",
            "That's down to your bank, you'll need to contact them.",
        ],
        correct: &[
            "No, I don't think that's it. I also paid something myself through the link.",
            NOT_SO_FAST,
        ],
        solve: &[
            "I can see it: the direct debit went through and you paid through the link as well. I'll refund {amount} within five working days.",
            "You're right, we collected it twice. I've started a refund of {amount}; it'll be in your account within five working days.",
        ],
        follow: &[
            "So when do I actually get that money back?",
            "And how do I know it'll really be refunded?",
        ],
        cues: &[&LOST_JOB_BILL, &ILLNESS_MONEY],
    },
    Scenario {
        topic: Topic::Billing,
        problem: true,
        open: &[
            "I got my annual statement and suddenly I have to pay {amount} extra.",
            "My final bill is way higher than last year, that can't be right.",
            "The annual statement gave me a real fright, I owe {amount}.",
        ],
        detail: &[
            "Nothing's changed at home, we're not using more than usual.",
            "Last year I actually got money back.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Did you submit the meter readings yourself, or were they estimated?",
                "Good question. Estimated, I think, I didn't send anything this year.",
            ),
            (
                "Has anything changed in your household over the past year?",
                "Well, my mother-in-law has been living with us since the summer.",
            ),
            (
                "What does it say next to the meter reading on the statement?",
                "It says 'estimated' next to the January reading.",
            ),
        ],
        jump: &[
            "I'll increase your monthly advance, then you won't have this next year.",
            "That's probably an estimated reading, I'll adjust it.",
            "That's just the higher energy prices, there's nothing I can do about that.",
        ],
        correct: &[
            "No, wait, I want to know why it's so high first.",
            "That can't be it, I paid the same rate last year.",
            NOT_SO_FAST,
        ],
        solve: &[
            "I can see the January reading was estimated. If you give me your current reading, I'll issue a new statement and adjust your advance.",
            "Your usage really was higher. I can split the amount into six instalments for you, at no extra cost.",
        ],
        follow: &[
            "But do I have to pay that amount now or not?",
            "So I don't have to pay anything yet?",
        ],
        cues: &[&LOST_JOB_BILL, &ILLNESS_MONEY],
    },
    Scenario {
        topic: Topic::PaymentArrangement,
        problem: true,
        open: &[
            "I got a reminder for an unpaid bill, but I can't pay it all at once right now.",
            "I've had a final notice for {amount}. Can I pay it in instalments?",
            "I'd like to set up a payment plan for my arrears.",
        ],
        detail: &[
            "It's last month's bill and this month's.",
            "I do want to pay, just not all at once.",
        ],
        ack: &[
            "We can definitely look at that together.",
            "Thanks for getting in touch, let's find something that works.",
            "I'm sure we can sort something out.",
        ],
        reason_first: true,
        explore: &[
            (
                "Can I ask what's making it difficult at the moment?",
                "The car needed an unexpected repair, and that was that.",
            ),
            (
                "How much do you think you could manage each month?",
                "About fifty euros a month, I really can't do more.",
            ),
            (
                "How are things for you at the moment?",
                "It's a bit difficult, I have to plan everything carefully.",
            ),
            (
                "Will you be able to pay the new bills alongside the plan?",
                "To be honest, I'm not sure.",
            ),
        ],
        jump: &[
            "That's fine. I'll set up a plan in three instalments.",
            "No problem, I'll create a three-month payment plan for you.",
        ],
        correct: &[
            "Three instalments is actually too much each time for me.",
            "Hang on, I'm not sure I can manage that every month.",
        ],
        solve: &[
            "I'll set up a plan of six monthly instalments; the first one is collected on the 28th.",
            "I'll make a payment plan of four instalments and waive the collection costs.",
            "Let's agree on fifty euros a month; you'll get the overview by email.",
        ],
        follow: &[
            "So how much exactly do I pay each month?",
            "And when is the first payment?",
        ],
        cues: &[&LOST_JOB, &LOST_JOB, &ILLNESS_MONEY, &SEPARATION],
    },
    Scenario {
        topic: Topic::Delivery,
        problem: true,
        open: &[
            "I ordered a {item} two days ago but I haven't received anything.",
            "My order was supposed to arrive yesterday, but nothing came.",
            "Tracking says my parcel was delivered, but I haven't got it.",
            "Where's my {item}? I ordered it last week.",
        ],
        detail: &[
            "I was home all day.",
            "There wasn't a card through the door either.",
            "The delivery date has already moved twice.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "What does the tracking page say?",
                "It says 'delivered to a neighbour', but it doesn't say which one.",
            ),
            (
                "Have you had a chance to ask the neighbours?",
                "Yes, both sides, nobody has it.",
            ),
            (
                "When did you get the last update?",
                "Yesterday morning, it said it was on its way.",
            ),
        ],
        jump: &[
            "I'll send you a new one.",
            "It's probably with a neighbour, have a look there.",
            "I can see it's on its way, you'll have it tomorrow.",
        ],
        correct: &[
            "No, I've already checked with the neighbours, it's not there.",
            "Tomorrow is too late, honestly.",
            NOT_SO_FAST,
        ],
        solve: &[
            "I've opened an investigation with the carrier, and I'm sending you a new {item} today; you'll have it tomorrow.",
            "The parcel was marked delivered at a different house number. I'll have the driver collect it there today and bring it to you.",
            "The parcel went back to our warehouse because of an address error. I'm sending it again today with priority.",
        ],
        follow: &[
            "So when exactly will it arrive?",
            "And do I need to stay in for it?",
        ],
        cues: &[&BIRTHDAY, &BIRTHDAY, &TRAVEL, &ILLNESS_VISIT],
    },
    Scenario {
        topic: Topic::Delivery,
        problem: true,
        open: &[
            "My {item} arrived today, but the box was crushed and it's damaged.",
            "The {item} I received is cracked.",
            "There was a big dent in my {item} when I unpacked it.",
        ],
        detail: &[
            "The side of the box was torn open.",
            "I took photos straight away.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Could you describe what exactly is damaged?",
                "There's a crack on the front and the corner is dented.",
            ),
            (
                "Does it still work, or won't it turn on?",
                "It turns on, but it looks terrible.",
            ),
        ],
        jump: &[
            "I'll send you a new one.",
            "That happened in transit, I'll send you a return label.",
        ],
        correct: &[
            "Yes, but I don't want to wait another two weeks.",
            "Can't I just keep it with a discount? It works fine otherwise.",
        ],
        solve: &[
            "If you email me the photos, I'll send a new {item} today and the driver will take the damaged one back.",
            "Since it works fine otherwise, I can give you twenty percent off if you'd like to keep it; if not, we'll swap it.",
        ],
        follow: &[
            "So I don't have to send anything back myself?",
            "And when will it be collected?",
        ],
        cues: &[&BIRTHDAY, &TRAVEL],
    },
    Scenario {
        topic: Topic::Repair,
        problem: true,
        open: &[
            "My {appliance} has stopped working.",
            "My {appliance} is broken, it's showing an error code.",
            "I've got a problem with my {appliance}, it won't turn on anymore.",
            "The {appliance} I bought from you last year has broken down.",
        ],
        detail: &[
            "There's just a red light flashing.",
            "It makes a strange noise and then cuts out.",
            "It was working fine last night.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "What exactly do you see on the display?",
                "It says E4 and then everything switches off.",
            ),
            (
                "Since when has it been doing this?",
                "Since Sunday, now and then at first, now every time.",
            ),
            (
                "Does it happen as soon as you switch it on, or after a while?",
                "After about ten minutes, then it cuts out.",
            ),
        ],
        jump: &[
            "I'll book an engineer.",
            "That'll be the software update, you need to reset it.",
            "That's a known problem with that model, I'll send you a new one.",
            "Just unplug it for a minute and it'll work again.",
        ],
        correct: &[
            "No, I've already unplugged it three times.",
            "I don't think there's been any update.",
            "Hang on, you don't even know what it's doing yet.",
        ],
        solve: &[
            "Your {appliance} is still under warranty. I've booked an engineer for Thursday between eight and one, free of charge.",
            "That error code points to the pump. I'll send an engineer with a new part; they can come Monday morning.",
            "I've created a repair order. You'll get an email to pick a time that suits you.",
        ],
        follow: &[
            "So when is the engineer actually coming?",
            "And do I have to pay for that?",
        ],
        cues: &[&REPEAT_DEFECT, &REPEAT_DEFECT, &ILLNESS_VISIT],
    },
    Scenario {
        topic: Topic::Repair,
        problem: true,
        open: &[
            "The engineer was supposed to come this morning, but nobody showed up.",
            "I took a day off for the engineer and he never came.",
        ],
        detail: &[
            "I didn't get a call or a message either.",
            "I used a day of annual leave for it.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Did you get a confirmation of the appointment, with a time slot?",
                "Yes, between eight and one, by email.",
            ),
            (
                "Have you heard anything from the engineer since?",
                "No, nothing at all.",
            ),
        ],
        jump: &[
            "I'll just book you a new appointment.",
            "It's probably been busy, someone will come tomorrow.",
        ],
        correct: &[
            "Yes, but I can't take another day off.",
            "That's what I was told last time.",
        ],
        solve: &[
            "I'm sorry, the appointment got stuck in planning. I've put you first on tomorrow's route, at eight, and the engineer will call half an hour before.",
            "I've booked you in as the first appointment tomorrow, and you'll get fifty euros for the wasted day.",
        ],
        follow: &[
            "So he's definitely coming tomorrow?",
            "And what if he doesn't turn up again?",
        ],
        cues: &[&ILLNESS_VISIT],
    },
    Scenario {
        topic: Topic::Contract,
        problem: true,
        open: &[
            "I'd like to cancel my contract.",
            "I want to end my internet subscription.",
            "How do I cancel my energy contract? I can't do it online.",
        ],
        detail: &[
            "As soon as possible, ideally.",
            "I looked up the notice period but I don't really understand it.",
        ],
        ack: &[
            "Sorry to hear you'd like to leave.",
            "I can sort that out for you.",
            "Of course, I'll help you with that.",
        ],
        reason_first: true,
        explore: &[
            (
                "May I ask why you'd like to cancel?",
                "It's just getting too expensive.",
            ),
            (
                "When would you like it to end?",
                "End of next month, if that's possible.",
            ),
        ],
        jump: &[
            "I'll process the cancellation for the end of the month.",
            "Sure, I'll send you the cancellation form.",
        ],
        correct: &[
            "Yes, but first I want to know if there's a fee.",
            "Wait, maybe a cheaper plan would work too.",
        ],
        solve: &[
            "Your contract can be cancelled monthly. I've set the cancellation for the end of next month and you'll get a confirmation by email.",
            "You've got four months left, but I can offer you a smaller package with no cancellation fee. You'd pay twenty euros less from next month.",
        ],
        follow: &[
            "So when exactly does it stop?",
            "And I won't get any more bills for it?",
        ],
        cues: &[&LOST_JOB_BILL, &BEREAVEMENT, &SEPARATION, &TRAVEL],
    },
    Scenario {
        topic: Topic::Contract,
        problem: true,
        open: &[
            "I'm moving and want to take my contract to my new address.",
            "I'm moving next month, how do I sort out my internet and energy?",
        ],
        detail: &[
            "I get the keys on the fifteenth.",
            "The new place is in the same city.",
        ],
        ack: &[
            "Happy to arrange that for you.",
            "We can sort that out.",
            "Of course, let's get that set up.",
        ],
        reason_first: false,
        explore: &[
            (
                "When do you get the keys to the new place?",
                "On the fifteenth, and I hand back the old flat at the end of the month.",
            ),
            (
                "Would you like to keep the same package at the new address?",
                "I think so, or maybe something smaller.",
            ),
        ],
        jump: &[
            "I'll set the move for the fifteenth.",
            "You can just register the move online, that's easiest.",
        ],
        correct: &[
            "But I'll have two addresses for a couple of weeks, is that okay?",
            "I couldn't do it online, that's why I'm getting in touch.",
        ],
        solve: &[
            "I've set the move for the fifteenth; the old address stops at the end of the month, so you have two weeks' overlap without paying twice.",
            "I've registered the move. Internet at the new address will be active on the fifteenth, and I'll email you for the meter readings.",
        ],
        follow: &[
            "So I don't need to arrange anything else?",
            "And when does the internet work at the new place?",
        ],
        cues: &[&SEPARATION, &SEPARATION, &BEREAVEMENT],
    },
    Scenario {
        topic: Topic::Outage,
        problem: true,
        open: &[
            "My internet hasn't worked since this morning.",
            "I've got no internet and no TV.",
            "The internet keeps dropping out.",
            "My wifi isn't working, all the lights on the modem are flashing.",
        ],
        detail: &[
            "The neighbours seem to have it, I think.",
            "I've already restarted the modem once.",
            "The light on the modem is orange.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Which lights are on on the modem?",
                "The top one is flashing orange, the rest are off.",
            ),
            (
                "Since when has it been a problem?",
                "Since about seven this morning.",
            ),
            (
                "Does it work if you plug a cable straight into the modem?",
                "No, not with the cable either.",
            ),
        ],
        jump: &[
            "That'll be last night's update, just restart the modem.",
            "I'll send you a new modem.",
            "There's an outage in your area, it'll be fixed tonight.",
        ],
        correct: &[
            "I've restarted it three times already.",
            "But the neighbours have internet, so it's not an area outage.",
            "A new modem? It was working fine last week.",
        ],
        solve: &[
            "Your modem isn't getting a signal from the street. I've booked an engineer for tomorrow morning.",
            "I've reset the line remotely and I can see a connection again. If it's not working within ten minutes, an engineer will come tomorrow.",
            "There's a broken cable in your street; the engineers are on it and expect it back by four. You'll get a text when it's fixed.",
        ],
        follow: &[
            "So when will it work again?",
            "And what if it's still not working tonight?",
        ],
        cues: &[
            &WORK_FROM_HOME,
            &WORK_FROM_HOME,
            &REPEAT_OUTAGE,
            &ILLNESS_VISIT,
        ],
    },
    Scenario {
        topic: Topic::Account,
        problem: true,
        open: &[
            "I can't log in to My Zuidwind anymore.",
            "It keeps telling me my password is wrong.",
            "I forgot my password and the reset email never arrives.",
        ],
        detail: &[
            "I've tried three times already.",
            "I've checked my spam folder too.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "What message do you get exactly?",
                "'Your account has been temporarily locked.'",
            ),
            (
                "What happens when you click 'forgot password'?",
                "It says an email has been sent, but it never comes.",
            ),
            (
                "Have you changed your email address recently?",
                "Oh, yes, I switched providers. That could be it.",
            ),
        ],
        jump: &[
            "I'll send you a new login link.",
            "You just need to clear your cookies, then it'll work.",
        ],
        correct: &[
            "But those emails don't arrive, that's the problem.",
            "I've already cleared my cookies.",
        ],
        solve: &[
            "Your account was locked after too many attempts. I've unlocked it and sent a new reset link to the email address you use now.",
            "I've updated your email address on our system and sent a new link. It's valid for an hour.",
        ],
        follow: &[
            "So I can log in now?",
            "And that link, how long does it work?",
        ],
        cues: &[&TRAVEL, &BEREAVEMENT],
    },
    Scenario {
        topic: Topic::Complaint,
        problem: true,
        open: &[
            "I want to make a complaint about how I was treated last week.",
            "I'm really unhappy with your service.",
            "I'd like to complain about the engineer who came to my house.",
        ],
        detail: &[
            "He left mud all over the hallway and was very short with me.",
            "I was transferred three times and nobody could help.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "What happened exactly?",
                "The engineer was two hours late and rude on top of that.",
            ),
            (
                "What would make it right for you now?",
                "An apology, and for it to finally be sorted.",
            ),
        ],
        jump: &[
            "I'll give you a voucher for twenty-five euros.",
            "I'll forward your complaint to the complaints department.",
        ],
        correct: &[
            "A voucher? That's not the point at all.",
            "Forward it? That's exactly what happened last time.",
        ],
        solve: &[
            "I've logged your complaint, and my team leader will call you back by Thursday. I'll also make sure the appointment is honoured.",
            "I'm sorry on behalf of Zuidwind, this shouldn't have happened. I'm taking it to the engineer's manager and you'll hear back within five working days.",
        ],
        follow: &[
            "So I'll hear something by Thursday?",
            "And who exactly will call me?",
        ],
        cues: &[&REPEAT_DEFECT, &ILLNESS_VISIT],
    },
    Scenario {
        topic: Topic::Information,
        problem: false,
        open: &[
            "Quick question: what time does your shop in Utrecht close?",
            "Can I pick up an order in the shop?",
        ],
        detail: &[
            "I'd like to pop in tomorrow.",
            "I work until five, so it has to be after that.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Do I need to bring anything?",
                "Just your order number and some ID.",
            ),
            (
                "Can I pay by card there?",
                "Yes, card and contactless are both fine.",
            ),
        ],
        jump: &[],
        correct: &[],
        solve: &[
            "Our Utrecht shop is open from nine to six on weekdays, and until nine on Thursdays.",
            "Yes, you can: choose 'collect in store' at checkout and it'll be ready the next day.",
        ],
        follow: &[
            "So until what time can I come by?",
            "And what did I need to bring again?",
        ],
        cues: &[],
    },
    Scenario {
        topic: Topic::Information,
        problem: false,
        open: &[
            "I'm thinking of switching my energy to you. How does that work?",
            "Do you offer English-language bills?",
        ],
        detail: &[
            "My current contract ends in two months.",
            "I don't read Dutch very well yet.",
        ],
        ack: &[],
        reason_first: false,
        explore: &[
            (
                "Do I have to cancel with my old supplier myself?",
                "No, we do that for you, including the switch date.",
            ),
            (
                "Is there a notice period?",
                "With a fixed contract there's an early exit fee; a variable contract can be cancelled monthly.",
            ),
        ],
        jump: &[],
        correct: &[],
        solve: &[
            "Switching is easy: you sign up online and we cancel your old contract for you.",
            "Yes, you can set the language to English in My Zuidwind, and all bills and emails will be in English from then on.",
        ],
        follow: &[
            "So I really don't need to cancel my old contract myself?",
            "So where do I change the language?",
        ],
        cues: &[],
    },
];
