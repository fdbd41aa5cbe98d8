//! Parsing the time values exports carry: absolute timestamps and offsets
//! from the start of a conversation.
//!
//! Exports disagree on formats: ISO 8601 with an offset, civil date-times
//! without a zone (which we read as UTC, because a week of exports from one
//! contact centre shares one zone and only differences matter for offsets),
//! Dutch Excel's `1-5-2024 09:30` and `12,5` seconds, and subtitle-like
//! `[00:12]`. These are pure functions that return `None` for anything they
//! do not understand; the readers decide whether that is an error. Negative
//! and non-finite offsets are `None`: an offset is time since the start.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::TimeZone;

/// Milliseconds since the Unix epoch (UTC) of a timestamp.
///
/// Accepts `2024-05-01T09:30:00Z`, `2024-05-01T09:30:00+02:00`, civil
/// date-times `2024-05-01 09:30:00` / `2024-05-01T09:30:00.250` (read as
/// UTC), a date alone (midnight UTC), and Dutch day-first dates with hyphens
/// `1-5-2024`, `01-05-2024 09:30` and `01-05-2024 09:30:15`.
pub fn parse_timestamp_ms(value: &str) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() || value.len() > 64 {
        return None;
    }
    if let Some(ms) = fast_iso_ms(value.as_bytes()) {
        return Some(ms);
    }
    if let Ok(ts) = value.parse::<Timestamp>() {
        return Some(ts.as_millisecond());
    }
    let civil = value
        .parse::<DateTime>()
        .ok()
        .or_else(|| {
            value
                .parse::<Date>()
                .ok()
                .map(|d| d.to_datetime(Time::midnight()))
        })
        .or_else(|| parse_dutch_datetime(value))?;
    TimeZone::UTC
        .to_timestamp(civil)
        .ok()
        .map(Timestamp::as_millisecond)
}

/// The common shapes of export timestamps, parsed without a general parser:
/// `yyyy-mm-ddThh:mm:ss` (or a space for `T`), an optional fraction, and `Z`
/// or an offset `±hh:mm` / `±hhmm` / `±hh`, or nothing (UTC). Anything else,
/// or anything unusual (years before 1970, leap seconds), returns `None` and
/// goes to the general parser; a property test checks both agree.
fn fast_iso_ms(b: &[u8]) -> Option<i64> {
    fn num(b: &[u8]) -> Option<i64> {
        let mut n = 0i64;
        for &d in b {
            if !d.is_ascii_digit() {
                return None;
            }
            n = n * 10 + i64::from(d - b'0');
        }
        Some(n)
    }
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (year, month, day) = (num(&b[0..4])?, num(&b[5..7])?, num(&b[8..10])?);
    let (hour, minute, second) = (num(&b[11..13])?, num(&b[14..16])?, num(&b[17..19])?);
    if year < 1970 || !(1..=12).contains(&month) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if day < 1 || day > month_days[(month - 1) as usize] {
        return None;
    }
    let mut rest = &b[19..];
    let mut millis = 0i64;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|d| d.is_ascii_digit()).count();
        if digits == 0 || digits > 9 {
            return None;
        }
        let mut ms = fraction[..digits.min(3)].to_vec();
        ms.resize(3, b'0');
        millis = num(&ms)?;
        rest = &fraction[digits..];
    }
    let offset_minutes = match rest {
        [] | [b'Z'] | [b'z'] => 0,
        [sign @ (b'+' | b'-'), tail @ ..] => {
            let (h, m) = match tail {
                [h1, h2] => (num(&[*h1, *h2])?, 0),
                [h1, h2, b':', m1, m2] | [h1, h2, m1, m2] => (num(&[*h1, *h2])?, num(&[*m1, *m2])?),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            if *sign == b'+' {
                h * 60 + m
            } else {
                -(h * 60 + m)
            }
        }
        _ => return None,
    };
    // Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

/// `d-m-yyyy`, optionally followed by ` hh:mm` or ` hh:mm:ss`.
fn parse_dutch_datetime(value: &str) -> Option<DateTime> {
    let (date, time) = match value.split_once(' ') {
        Some((date, time)) => (date, Some(time.trim())),
        None => (value, None),
    };
    let mut parts = date.split('-');
    let day: i8 = small_number(parts.next()?, 2)?.try_into().ok()?;
    let month: i8 = small_number(parts.next()?, 2)?.try_into().ok()?;
    let year_part = parts.next()?;
    if parts.next().is_some() || year_part.len() != 4 {
        return None;
    }
    let year: i16 = small_number(year_part, 4)?.try_into().ok()?;
    let date = Date::new(year, month, day).ok()?;
    let time = match time {
        None => Time::midnight(),
        Some(time) => {
            let mut parts = time.split(':');
            let hour: i8 = small_number(parts.next()?, 2)?.try_into().ok()?;
            let minute: i8 = small_number(parts.next()?, 2)?.try_into().ok()?;
            let second: i8 = match parts.next() {
                Some(s) => small_number(s, 2)?.try_into().ok()?,
                None => 0,
            };
            if parts.next().is_some() {
                return None;
            }
            Time::new(hour, minute, second, 0).ok()?
        }
    };
    Some(date.to_datetime(time))
}

/// A run of 1..=`max_digits` ASCII digits.
fn small_number(s: &str, max_digits: usize) -> Option<u32> {
    if s.is_empty() || s.len() > max_digits || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Seconds since the start of the conversation.
///
/// Accepts `12`, `12.5`, `12,5` (decimal comma), `mm:ss`, `hh:mm:ss`,
/// `hh:mm:ss.fff` (or `,fff`), and any of these in square brackets
/// (`[00:12]`).
pub fn parse_offset_seconds(value: &str) -> Option<f64> {
    let mut value = value.trim();
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        value = inner.trim();
    }
    if value.is_empty() || value.len() > 64 {
        return None;
    }
    let seconds = if value.contains(':') {
        parse_clock(value)?
    } else {
        parse_decimal(value)?
    };
    (seconds.is_finite() && seconds >= 0.0).then_some(seconds)
}

/// Milliseconds since the start of the conversation: a non-negative integer
/// (a `.0` fraction, as spreadsheets write, is accepted).
pub fn parse_offset_ms(value: &str) -> Option<u64> {
    let value = value.trim();
    if let Ok(ms) = value.parse::<u64>() {
        return Some(ms);
    }
    let ms = parse_decimal(value)?;
    (ms.is_finite() && ms >= 0.0 && ms < u64::MAX as f64).then(|| ms.round() as u64)
}

/// Seconds as a float to whole milliseconds.
pub fn seconds_to_ms(seconds: f64) -> Option<u64> {
    let ms = (seconds * 1000.0).round();
    (ms.is_finite() && ms >= 0.0 && ms < u64::MAX as f64).then_some(ms as u64)
}

/// A plain decimal number with `.` or `,` as the decimal separator. Rejects
/// what `f64::from_str` would accept but no export means: `inf`, `NaN`,
/// exponents, signs.
fn parse_decimal(value: &str) -> Option<f64> {
    let bytes = value.as_bytes();
    let mut separators = 0;
    for &b in bytes {
        match b {
            b'0'..=b'9' => {}
            b'.' | b',' => separators += 1,
            _ => return None,
        }
    }
    if separators > 1 || !bytes.first()?.is_ascii_digit() {
        return None;
    }
    if separators == 1 && !bytes.last()?.is_ascii_digit() {
        return None;
    }
    if bytes.contains(&b',') {
        value.replace(',', ".").parse().ok()
    } else {
        value.parse().ok()
    }
}

/// `mm:ss`, `hh:mm:ss`, each with an optional fraction on the seconds.
fn parse_clock(value: &str) -> Option<f64> {
    let parts: Vec<&str> = value.split(':').collect();
    let (hours, minutes, seconds) = match parts.as_slice() {
        [m, s] => ("0", *m, *s),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    let hours = small_number(hours, 6)?;
    let minutes = small_number(minutes, 6)?;
    let seconds = parse_decimal(seconds)?;
    if parts.len() == 3 && minutes >= 60 {
        return None;
    }
    if seconds >= 60.0 {
        return None;
    }
    Some(f64::from(hours) * 3600.0 + f64::from(minutes) * 60.0 + seconds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MAY_1_0930_UTC: i64 = 1_714_555_800_000;

    #[test]
    fn timestamps_with_zone_or_offset() {
        assert_eq!(
            parse_timestamp_ms("2024-05-01T09:30:00Z"),
            Some(MAY_1_0930_UTC)
        );
        assert_eq!(
            parse_timestamp_ms("2024-05-01T11:30:00+02:00"),
            Some(MAY_1_0930_UTC)
        );
        assert_eq!(
            parse_timestamp_ms("2024-05-01T09:30:00.250Z"),
            Some(MAY_1_0930_UTC + 250)
        );
    }

    #[test]
    fn civil_times_are_utc() {
        assert_eq!(
            parse_timestamp_ms("2024-05-01 09:30:00"),
            Some(MAY_1_0930_UTC)
        );
        assert_eq!(
            parse_timestamp_ms("2024-05-01T09:30:00"),
            Some(MAY_1_0930_UTC)
        );
        assert_eq!(
            parse_timestamp_ms("2024-05-01T09:30:00.5"),
            Some(MAY_1_0930_UTC + 500)
        );
        assert_eq!(
            parse_timestamp_ms(" 2024-05-01 "),
            Some(MAY_1_0930_UTC - 9 * 3_600_000 - 30 * 60_000)
        );
    }

    #[test]
    fn dutch_day_first_dates() {
        assert_eq!(
            parse_timestamp_ms("01-05-2024 09:30:00"),
            Some(MAY_1_0930_UTC)
        );
        assert_eq!(parse_timestamp_ms("1-5-2024 09:30"), Some(MAY_1_0930_UTC));
        assert_eq!(
            parse_timestamp_ms("1-5-2024"),
            Some(MAY_1_0930_UTC - 34_200_000)
        );
        assert_eq!(parse_timestamp_ms("31-02-2024"), None);
        assert_eq!(parse_timestamp_ms("1-5-24"), None);
    }

    #[test]
    fn bad_timestamps() {
        for bad in [
            "",
            "yesterday",
            "2024-13-01",
            "12:30",
            "2024-05-01 25:00:00",
            "-",
        ] {
            assert_eq!(parse_timestamp_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn offsets_in_seconds() {
        assert_eq!(parse_offset_seconds("12"), Some(12.0));
        assert_eq!(parse_offset_seconds("12.5"), Some(12.5));
        assert_eq!(parse_offset_seconds("12,5"), Some(12.5));
        assert_eq!(parse_offset_seconds("01:02"), Some(62.0));
        assert_eq!(parse_offset_seconds("1:00:02"), Some(3602.0));
        assert_eq!(parse_offset_seconds("00:00:01.250"), Some(1.25));
        assert_eq!(parse_offset_seconds("00:00:01,5"), Some(1.5));
        assert_eq!(parse_offset_seconds("[00:12]"), Some(12.0));
        assert_eq!(parse_offset_seconds(" [ 00:12 ] "), Some(12.0));
        assert_eq!(parse_offset_seconds("75:00"), Some(4500.0));
    }

    #[test]
    fn bad_offsets() {
        for bad in [
            "", "-1", "-0.5", "inf", "NaN", "1e3", "1.2.3", "1,2.3", ".5", "5.", "00:61",
            "1:60:00", "a:b", "1:2:3:4", "[]", "+3",
        ] {
            assert_eq!(parse_offset_seconds(bad), None, "{bad}");
        }
    }

    #[test]
    fn offsets_in_ms() {
        assert_eq!(parse_offset_ms("1500"), Some(1500));
        assert_eq!(parse_offset_ms(" 1500 "), Some(1500));
        assert_eq!(parse_offset_ms("1500.0"), Some(1500));
        assert_eq!(parse_offset_ms("-1"), None);
        assert_eq!(parse_offset_ms("x"), None);
        assert_eq!(seconds_to_ms(12.5), Some(12_500));
        assert_eq!(seconds_to_ms(f64::NAN), None);
        assert_eq!(seconds_to_ms(-1.0), None);
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = parse_timestamp_ms(&s);
            let _ = parse_offset_ms(&s);
            if let Some(x) = parse_offset_seconds(&s) {
                prop_assert!(x.is_finite() && x >= 0.0);
            }
        }

        #[test]
        fn never_panics_on_time_like_strings(s in "[0-9:.,\\[\\] TZ+-]{0,30}") {
            let _ = parse_timestamp_ms(&s);
            let _ = parse_offset_ms(&s);
            if let Some(x) = parse_offset_seconds(&s) {
                prop_assert!(x.is_finite() && x >= 0.0);
            }
        }

        #[test]
        fn decimal_seconds_round_trip(ms in 0u64..10_000_000_000) {
            let text = format!("{}.{:03}", ms / 1000, ms % 1000);
            let parsed = parse_offset_seconds(&text).and_then(seconds_to_ms);
            prop_assert_eq!(parsed, Some(ms));
            let comma = text.replace('.', ",");
            prop_assert_eq!(parse_offset_seconds(&comma).and_then(seconds_to_ms), Some(ms));
        }
    }

    proptest::proptest! {
        /// The fast path agrees with the general parser wherever it answers.
        #[test]
        fn fast_iso_agrees_with_jiff(
            year in 1970i32..2100, month in 1u32..=12, day in 1u32..=31,
            hour in 0u32..24, minute in 0u32..60, second in 0u32..60,
            fraction in proptest::option::of("[0-9]{1,9}"),
            zone in proptest::sample::select(vec!["", "Z", "+01:00", "-05:30", "+0200", "+02", "-11:45"]),
            separator in proptest::sample::select(vec!["T", " "]),
        ) {
            let text = format!(
                "{year:04}-{month:02}-{day:02}{separator}{hour:02}:{minute:02}:{second:02}{}{zone}",
                fraction.map(|f| format!(".{f}")).unwrap_or_default()
            );
            let fast = fast_iso_ms(text.as_bytes());
            let general = {
                let ts = text.replace(' ', "T");
                let with_zone = if zone.is_empty() { format!("{ts}Z") } else { ts };
                let with_zone = if zone == "+0200" || zone == "+02" {
                    with_zone.replace("+0200", "+02:00").replacen("+02", "+02:00", usize::from(zone == "+02"))
                } else {
                    with_zone
                };
                with_zone.parse::<jiff::Timestamp>().ok().map(|t| t.as_millisecond())
            };
            if let Some(fast) = fast {
                proptest::prop_assert_eq!(Some(fast), general, "{}", text);
            } else {
                // Invalid dates (31 February) are rejected by both.
                proptest::prop_assert!(general.is_none(), "{}", text);
            }
        }
    }
}
