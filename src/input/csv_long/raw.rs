//! Rows of one conversation as raw field bytes, kept until a worker thread
//! interprets them.
//!
//! The reading thread copies each record's field bytes and field bounds into
//! one buffer per conversation (no allocation per row) and hands the whole
//! conversation over; interpreting the fields happens where the conversation
//! is analysed.

use std::ops::Range;

use csv::ByteRecord;

use crate::model::Origin;

/// Read access to one row's fields, whether from the csv crate's record or
/// from [`RawRows`].
pub(super) trait Fields {
    /// All field bytes, concatenated.
    fn as_slice(&self) -> &[u8];
    /// The byte range of field `index` in [`Fields::as_slice`].
    fn range(&self, index: usize) -> Option<Range<usize>>;

    fn get(&self, index: usize) -> Option<&[u8]> {
        self.range(index).and_then(|r| self.as_slice().get(r))
    }
}

impl Fields for ByteRecord {
    fn as_slice(&self) -> &[u8] {
        ByteRecord::as_slice(self)
    }
    fn range(&self, index: usize) -> Option<Range<usize>> {
        ByteRecord::range(self, index)
    }
}

/// The rows of one conversation, as read.
#[derive(Debug, Default)]
pub(super) struct RawRows {
    pub id: Vec<u8>,
    pub origin: Origin,
    /// The conversation outgrew the size limit; its rows are no longer kept.
    pub too_large: bool,
    data: Vec<u8>,
    /// End offset (in `data`) of every field of every row.
    ends: Vec<u32>,
    /// Per row: index of its first field in `ends`, its field count, and its
    /// 1-based line.
    rows: Vec<(u32, u32, u64)>,
}

impl RawRows {
    pub fn new(id: &[u8], origin: Origin) -> Self {
        RawRows {
            id: id.to_vec(),
            origin,
            ..RawRows::default()
        }
    }

    /// Appends a record. Returns false when the conversation's bytes would
    /// no longer fit the 32-bit offsets (the builder's limits skip it long
    /// before that).
    pub fn push(&mut self, record: &ByteRecord, line: u64) -> bool {
        let bytes = record.as_slice();
        if self.data.len() + bytes.len() > u32::MAX as usize {
            return false;
        }
        let base = self.data.len() as u32;
        self.data.extend_from_slice(bytes);
        let first = self.ends.len() as u32;
        for index in 0..record.len() {
            let end = record.range(index).map_or(0, |r| r.end as u32);
            self.ends.push(base + end);
        }
        self.rows.push((first, record.len() as u32, line));
        true
    }

    pub fn bytes(&self) -> usize {
        self.data.len()
    }

    /// The rows, each with its line.
    pub fn rows(&self) -> impl Iterator<Item = (RawRow<'_>, u64)> + '_ {
        self.rows.iter().map(move |&(first, count, line)| {
            let ends = &self.ends[first as usize..(first + count) as usize];
            let start = if first == 0 {
                0
            } else {
                self.ends[first as usize - 1] as usize
            };
            let end = ends.last().map_or(start, |&e| e as usize);
            (
                RawRow {
                    data: &self.data[start..end],
                    base: start as u32,
                    ends,
                },
                line,
            )
        })
    }
}

/// One row of [`RawRows`].
pub(super) struct RawRow<'a> {
    data: &'a [u8],
    base: u32,
    ends: &'a [u32],
}

impl Fields for RawRow<'_> {
    fn as_slice(&self) -> &[u8] {
        self.data
    }

    fn range(&self, index: usize) -> Option<Range<usize>> {
        let end = (*self.ends.get(index)? - self.base) as usize;
        let start = match index {
            0 => 0,
            _ => (self.ends[index - 1] - self.base) as usize,
        };
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_fields_and_lines() {
        let mut rows = RawRows::new(b"c1", Origin::default());
        let a = ByteRecord::from(vec!["c1", "agent", "hallo"]);
        let b = ByteRecord::from(vec!["c1", "", "tekst, met komma"]);
        assert!(rows.push(&a, 2) && rows.push(&b, 3));
        let collected: Vec<(Vec<String>, u64)> = rows
            .rows()
            .map(|(row, line)| {
                let fields = (0..3)
                    .map(|i| String::from_utf8_lossy(row.get(i).unwrap()).into_owned())
                    .collect();
                (fields, line)
            })
            .collect();
        assert_eq!(
            collected[0],
            (vec!["c1".into(), "agent".into(), "hallo".into()], 2)
        );
        assert_eq!(
            collected[1],
            (vec!["c1".into(), "".into(), "tekst, met komma".into()], 3)
        );
        let (row, _) = rows.rows().nth(1).unwrap();
        assert_eq!(row.as_slice(), b"c1tekst, met komma");
        assert!(row.get(3).is_none());
    }
}
