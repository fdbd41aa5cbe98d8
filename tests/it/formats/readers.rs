//! Each format read from its fixture: ids, speakers, texts, times, agent,
//! channel, language and topic.

use convoscan::input::{InputFormat, detect::detect_format};
use convoscan::model::Speaker::{Agent, Bot, Customer, System};
use tempfile::TempDir;

use super::{fixture, ms, offsets, only, speakers, with_speakers};
use crate::common::{read, read_with, texts, write};

#[test]
fn every_fixture_is_recognised_by_its_content() {
    for (path, format) in [
        ("connect/contact-lens-call.json", InputFormat::Connect),
        ("connect/contact-lens-chat.json", InputFormat::Connect),
        (
            "transcribe/call-analytics-retour-8812.json",
            InputFormat::Transcribe,
        ),
        ("genesys/transcript-call.json", InputFormat::Genesys),
        ("ccai/chat-20240503-0931.json", InputFormat::Ccai),
        ("zendesk/ticket-48213.json", InputFormat::Zendesk),
        (
            "intercom/conversation-1911149811.json",
            InputFormat::Intercom,
        ),
        ("twilio/messages-whatsapp.json", InputFormat::Twilio),
        ("whisper/call-0612.json", InputFormat::Whisper),
        ("vtt/call-0613.vtt", InputFormat::Vtt),
        ("srt/call-0614.srt", InputFormat::Srt),
        ("text/chat-0615.txt", InputFormat::Text),
    ] {
        assert_eq!(detect_format(&fixture(path)).unwrap(), format, "{path}");
    }
    // Content, not the name: subtitles and transcripts under other names.
    let dir = TempDir::new().unwrap();
    let vtt = std::fs::read(fixture("vtt/call-0613.vtt")).unwrap();
    let srt = std::fs::read(fixture("srt/call-0614.srt")).unwrap();
    assert_eq!(
        detect_format(&write(&dir, "a.txt", &vtt)).unwrap(),
        InputFormat::Vtt
    );
    assert_eq!(
        detect_format(&write(&dir, "b", &srt)).unwrap(),
        InputFormat::Srt
    );
}

#[test]
fn connect_voice() {
    let read = read(&fixture("connect/contact-lens-call.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "7f3c9d2e-5a41-4b7e-9c1d-2e8f6a0b4c11");
    assert_eq!(speakers(c), [Agent, Customer, Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "Ik heb een brief gekregen over een achterstand, maar ik ben mijn baan kwijt."
    );
    assert_eq!(
        offsets(c),
        [Some(0), Some(3900), Some(9800), Some(14800), Some(21450)]
    );
    assert_eq!(c.channel.as_deref(), Some("call"));
    assert_eq!(c.language.as_deref(), Some("nl-NL"));
    assert_eq!(c.topic.as_deref(), Some("Betalingsregeling"));
    assert!(c.agents.is_empty());
    assert_eq!(c.turns[4].line, 5);
}

#[test]
fn connect_chat_skips_events_and_times_from_absolute_time() {
    let read = read(&fixture("connect/contact-lens-chat.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "9a8b7c6d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");
    assert_eq!(speakers(c), [Customer, Agent, Customer]);
    assert_eq!(
        c.turn_text(1),
        "Thanks for waiting. What is your order number?"
    );
    assert_eq!(offsets(c), [Some(0), Some(26_588), Some(64_602)]);
    assert_eq!(c.started_at_ms, Some(ms("2024-05-02T10:15:05.402Z")));
    assert_eq!(c.channel.as_deref(), Some("chat"));
    assert_eq!(c.language.as_deref(), Some("en-US"));
    assert_eq!(c.topic, None);
}

#[test]
fn transcribe_call_analytics() {
    let read = read(&fixture("transcribe/call-analytics-retour-8812.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "retour-8812");
    assert_eq!(speakers(c), [Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "The cooktop you repaired last month is broken again."
    );
    assert_eq!(offsets(c), [Some(200), Some(4800), Some(9100)]);
    assert_eq!(c.channel.as_deref(), Some("call"));
    assert_eq!(c.language.as_deref(), Some("en-US"));
    assert_eq!(c.topic.as_deref(), Some("repeat-repair"));
}

#[test]
fn genesys_transcript() {
    let read = read(&fixture("genesys/transcript-call.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "b6f0e3a2-2c71-4d9b-a8f4-5e6d7c8b9a01");
    assert_eq!(speakers(c), [System, Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(2),
        "Mijn kookplaat is na de reparatie weer kapot."
    );
    assert_eq!(
        offsets(c),
        [Some(400), Some(31_200), Some(35_000), Some(40_100)]
    );
    assert_eq!(c.started_at_ms, Some(1_714_555_800_000));
    assert_eq!(c.agents, ["0f9e8d7c-6b5a-4c3d-2e1f-a0b9c8d7e6f5"]);
    assert_eq!(
        c.agent_of_turn(3),
        Some("0f9e8d7c-6b5a-4c3d-2e1f-a0b9c8d7e6f5")
    );
    assert_eq!(c.channel.as_deref(), Some("call"));
    assert_eq!(c.language.as_deref(), Some("nl-nl"));
    assert_eq!(c.topic.as_deref(), Some("Reparatie"));
}

#[test]
fn ccai_entries() {
    let read = read(&fixture("ccai/chat-20240503-0931.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "chat-20240503-0931");
    assert_eq!(speakers(c), [Customer, Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(2),
        "Ik ben verhuisd en heb geen glasvezel meer."
    );
    assert_eq!(
        offsets(c),
        [Some(0), Some(12_500), Some(41_000), Some(70_250)]
    );
    assert_eq!(c.started_at_ms, Some(1_714_728_660_000));
    assert_eq!(c.channel.as_deref(), Some("chat"));
    assert!(c.agents.is_empty());
}

#[test]
fn zendesk_ticket_with_notes_and_html() {
    let read = read(&fixture("zendesk/ticket-48213.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "48213");
    assert_eq!(speakers(c), [Customer, System, Agent, Customer]);
    assert_eq!(
        c.turn_text(1),
        "Intern: klant belt voor de tweede keer, monteur heeft slang niet vervangen."
    );
    assert_eq!(
        c.turn_text(2),
        "Beste Marieke,\n\nWat vervelend dat de machine opnieuw lekt. Zoals ik al zei in mijn vorige mail komt er morgen een monteur.\n\nMet vriendelijke groet,\nYoussef"
    );
    assert_eq!(
        offsets(c),
        [Some(0), Some(5_238_000), Some(5_566_000), Some(21_026_000)]
    );
    assert_eq!(c.started_at_ms, Some(ms("2024-05-06T08:12:44Z")));
    assert_eq!(c.agents, ["381204455902"]);
    assert_eq!(c.customer_id.as_deref(), Some("392017755311"));
    assert_eq!(c.channel.as_deref(), Some("email"));
    assert_eq!(c.topic, None);
}

#[test]
fn zendesk_pages_of_tickets_and_bare_comments() {
    let dir = TempDir::new().unwrap();
    let tickets = r#"{"tickets": [
        {"id": 1, "requester_id": 10, "via": {"channel": "chat"}, "comments": [
            {"author_id": 10, "body": "hoi", "public": true, "created_at": "2024-05-01T10:00:00Z"},
            {"author_id": 20, "body": "hallo", "public": true, "created_at": "2024-05-01T10:01:00Z"}]},
        {"id": 2, "requester_id": 11, "comments": []},
        {"id": 1, "requester_id": 10, "comments": [{"author_id": 20, "body": "x"}]}],
        "next_page": null, "count": 3}"#;
    let read = read(&write(&dir, "page.json", tickets)).unwrap();
    assert_eq!(read.items.len(), 3);
    let c = read.conversation("1");
    assert_eq!(speakers(c), [Customer, Agent]);
    assert_eq!(c.channel.as_deref(), Some("chat"));
    let skipped = read.skipped();
    assert_eq!(skipped[0].reason.as_str(), "empty");
    assert_eq!(skipped[1].reason.as_str(), "duplicate_id");
    // A comments page alone: the first author is the requester.
    let comments = r#"{"comments": [{"author_id": 7, "body": "Mijn rekening klopt niet"},
                                     {"author_id": 8, "html_body": "<p>Ik kijk&nbsp;mee</p>"}]}"#;
    let read = crate::common::read(&write(&dir, "48999.json", comments)).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "48999");
    assert_eq!(speakers(c), [Customer, Agent]);
    assert_eq!(texts(c), ["Mijn rekening klopt niet", "Ik kijk mee"]);
}

#[test]
fn intercom_conversation() {
    let read = read(&fixture("intercom/conversation-1911149811.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "1911149811");
    assert_eq!(speakers(c), [Customer, Agent, System, Agent, Customer]);
    assert_eq!(
        c.turn_text(1),
        "Hi Emma,\n\nI'm sorry about that — let me check your invoices."
    );
    assert_eq!(
        c.turn_text(0),
        "Hi, I was charged twice for my subscription this month."
    );
    assert_eq!(
        offsets(c),
        [
            Some(0),
            Some(90_000),
            Some(200_000),
            Some(300_000),
            Some(420_000)
        ]
    );
    assert_eq!(c.started_at_ms, Some(1_714_644_000_000));
    assert_eq!(c.agents, ["814860"]);
    assert_eq!(c.customer_id.as_deref(), Some("6630e0c1f2a9b84d1c7e5a21"));
    assert_eq!(c.channel.as_deref(), Some("chat"));
}

#[test]
fn twilio_messages_grouped_ordered_and_roles_inferred() {
    let read = read(&fixture("twilio/messages-whatsapp.json")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "CH6c2b8f5e0e5a4a3d9b1f7c2e4d6a8b0c");
    assert_eq!(speakers(c), [Customer, Agent, Customer]);
    assert_eq!(c.turn_text(2), "Het is een cadeau voor mijn dochter.");
    assert_eq!(offsets(c), [Some(0), Some(72_000), Some(157_000)]);
    assert_eq!(c.agents, ["lotte.visser@example.nl"]);
    assert_eq!(c.customer_id.as_deref(), Some("whatsapp:+31612345678"));
    assert_eq!(c.channel.as_deref(), Some("messaging"));

    // Two chat identities: the user says which one is the agent.
    let dir = TempDir::new().unwrap();
    let chat = r#"[{"conversation_sid": "CH1", "author": "kees", "body": "hoi", "index": 0},
                   {"conversation_sid": "CH1", "author": "support-anna", "body": "hallo", "index": 1},
                   {"conversation_sid": "CH2", "author": "agent_bob", "body": "Goedemiddag", "index": 0},
                   {"conversation_sid": "CH2", "author": "system", "body": "Chat gesloten", "index": 1}]"#;
    let path = write(&dir, "chats.json", chat);
    let err = crate::common::read(&path).unwrap_err().to_string();
    assert!(
        err.contains("$[0].author: unknown speaker \"kees\""),
        "{err}"
    );
    assert!(err.contains("--speakers agent=kees"), "{err}");
    let read = read_with(&path, &with_speakers(&[(Agent, "support-anna")])).unwrap();
    let ch1 = read.conversation("CH1");
    assert_eq!(speakers(ch1), [Customer, Agent]);
    assert_eq!(ch1.agents, ["support-anna"]);
    assert_eq!(ch1.channel.as_deref(), Some("chat"));
    let ch2 = read.conversation("CH2");
    assert_eq!(speakers(ch2), [Agent, System]);
    assert_eq!(ch2.agents, ["agent_bob"]);
}

#[test]
fn whisper_segments_with_diarised_speakers() {
    let path = fixture("whisper/call-0612.json");
    let err = read(&path).unwrap_err().to_string();
    assert!(err.contains("$.segments[0].speaker"), "{err}");
    assert!(err.contains("--speakers agent=SPEAKER_00"), "{err}");
    let read = read_with(&path, &with_speakers(&[(Agent, "SPEAKER_00")])).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "call-0612");
    assert_eq!(speakers(c), [Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "Hallo, ik bel over mijn factuur. Die is veel te hoog."
    );
    assert_eq!(offsets(c), [Some(0), Some(3600), Some(7500)]);
    assert_eq!(c.language.as_deref(), Some("nl"));
    assert_eq!(c.channel.as_deref(), Some("call"));
}

#[test]
fn whisper_text_prefixes_and_language_names() {
    let dir = TempDir::new().unwrap();
    let json = r#"{"language": "dutch", "segments": [
        {"start": 0.0, "end": 1.0, "text": " Agent: Goedemiddag."},
        {"start": 1.2, "end": 2.0, "text": " Waarmee kan ik helpen?"},
        {"start": 2.5, "end": 4.0, "text": " Klant: Mijn pas is geblokkeerd."}]}"#;
    let read = read(&write(&dir, "w.json", json)).unwrap();
    let c = only(&read);
    assert_eq!(speakers(c), [Agent, Customer]);
    assert_eq!(
        texts(c),
        [
            "Goedemiddag. Waarmee kan ik helpen?",
            "Mijn pas is geblokkeerd."
        ]
    );
    assert_eq!(c.language.as_deref(), Some("nl"));
}

#[test]
fn webvtt_voices_merged_cues_and_entities() {
    let read = read(&fixture("vtt/call-0613.vtt")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "call-0613");
    assert_eq!(speakers(c), [Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "Mijn internet valt steeds weg, al drie dagen & niemand belt terug. Ik ben het echt zat."
    );
    assert_eq!(offsets(c), [Some(0), Some(4100), Some(10_000)]);
    assert_eq!(c.turns[1].line, 13);
    assert_eq!(c.channel.as_deref(), Some("call"));
}

#[test]
fn srt_prefixes_and_continuations() {
    let read = read(&fixture("srt/call-0614.srt")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "call-0614");
    assert_eq!(speakers(c), [Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(1),
        "Mijn pakket is beschadigd aangekomen. De doos was helemaal ingedeukt."
    );
    assert_eq!(offsets(c), [Some(0), Some(3300), Some(8900)]);
}

#[test]
fn plain_text_transcript() {
    let read = read(&fixture("text/chat-0615.txt")).unwrap();
    let c = only(&read);
    assert_eq!(c.id, "chat-0615");
    assert_eq!(speakers(c), [Customer, Agent, Customer, Agent]);
    assert_eq!(
        c.turn_text(2),
        "Toch heb ik niets ontvangen. Let op: ik heb ook in mijn spam gekeken."
    );
    assert_eq!(
        offsets(c),
        [Some(0), Some(41_000), Some(65_000), Some(90_000)]
    );
    let lines: Vec<u64> = c.turns.iter().map(|t| t.line).collect();
    assert_eq!(lines, [1, 2, 3, 5]);
}

#[test]
fn diarised_plain_text_with_speakers() {
    let dir = TempDir::new().unwrap();
    let text = "SPEAKER_01: Hallo?\nSPEAKER_00: Goedemorgen.\nSPEAKER_01: Mijn tv is kapot.\n";
    let path = write(&dir, "t.txt", text);
    let err = read(&path).unwrap_err().to_string();
    assert!(
        err.contains("t.txt:1: unknown speaker \"SPEAKER_01\""),
        "{err}"
    );
    let read = read_with(&path, &with_speakers(&[(Agent, "SPEAKER_00")])).unwrap();
    assert_eq!(speakers(only(&read)), [Customer, Agent, Customer]);
    let both = with_speakers(&[(Agent, "SPEAKER_00"), (Bot, "SPEAKER_01")]);
    let read = read_with(&path, &both).unwrap();
    assert_eq!(speakers(only(&read)), [Bot, Agent, Bot]);
}
