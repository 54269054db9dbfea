//! The binary tables akhbar counts from the shared corpora (`lexicon.bin`, `name_contexts.bin`,
//! `clusters.bin`): each row a word's [`crate::word_hash`] and a fixed number of counts or
//! classes. Words are hashes, never text, and the tables are binary: smaller than text, read
//! without parsing, and nothing in them reads as prose.
//!
//! Layout (little-endian): the magic `AKHT\xff\x01`, then `meta` (u32: what the whole table
//! counts over, such as the number of documents), `columns` (u32) and `rows` (u32), then each
//! row as its hash (u64) and `columns` values (u32).

use std::io::Write;

const MAGIC: &[u8] = b"AKHT\xff\x01";

/// A table read back.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HashedTable {
    /// The table's own figure (the lexicon's document count; 0 where there is none).
    pub meta: u32,
    /// Values per row.
    pub columns: usize,
    hashes: Vec<u64>,
    values: Vec<u32>,
}

impl HashedTable {
    /// Reads a table; `None` when the bytes are not one (wrong magic, cut short).
    #[must_use]
    pub fn read(bytes: &[u8]) -> Option<Self> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let u32_at = |b: &[u8], i: usize| -> Option<u32> {
            Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
        };
        let (meta, columns, rows) = (u32_at(rest, 0)?, u32_at(rest, 4)? as usize, u32_at(rest, 8)?);
        let body = rest.get(12..)?;
        let row_len = 8 + 4 * columns;
        if body.len() != row_len * rows as usize {
            return None;
        }
        let mut t = HashedTable { meta, columns, ..Default::default() };
        for row in body.chunks_exact(row_len) {
            t.hashes.push(u64::from_le_bytes(row[..8].try_into().ok()?));
            for c in 0..columns {
                t.values.push(u32_at(row, 8 + 4 * c)?);
            }
        }
        Some(t)
    }

    /// The rows: each word hash with its values.
    pub fn rows(&self) -> impl Iterator<Item = (u64, &[u32])> {
        self.hashes.iter().copied().zip(self.values.chunks_exact(self.columns.max(1)))
    }

    /// How many rows.
    #[must_use]
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether it has no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// Writes a table: `rows` in the order given, each with `columns` values.
///
/// # Errors
/// When writing fails, or a row has another number of values.
pub fn write_table(
    out: &mut impl Write,
    meta: u32,
    columns: usize,
    rows: &[(u64, Vec<u32>)],
) -> std::io::Result<()> {
    let n = |x: usize| {
        u32::try_from(x).map_err(|_| std::io::Error::other("table too large for its format"))
    };
    out.write_all(MAGIC)?;
    out.write_all(&meta.to_le_bytes())?;
    out.write_all(&n(columns)?.to_le_bytes())?;
    out.write_all(&n(rows.len())?.to_le_bytes())?;
    for (h, values) in rows {
        if values.len() != columns {
            return Err(std::io::Error::other("a row with another number of values"));
        }
        out.write_all(&h.to_le_bytes())?;
        for v in values {
            out.write_all(&v.to_le_bytes())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_reads_back_and_is_not_text() {
        let rows = vec![(crate::word_hash("كاسياس"), vec![3, 41, 700]), (1, vec![0, 0, 9])];
        let mut bytes = Vec::new();
        write_table(&mut bytes, 62_070, 3, &rows).expect("write");
        assert!(std::str::from_utf8(&bytes).is_err(), "the magic is no UTF-8");
        let t = HashedTable::read(&bytes).expect("read");
        assert_eq!((t.meta, t.columns, t.len()), (62_070, 3, 2));
        let back: Vec<(u64, Vec<u32>)> = t.rows().map(|(h, v)| (h, v.to_vec())).collect();
        assert_eq!(back, rows);
        assert_eq!(HashedTable::read(&bytes[..bytes.len() - 1]), None, "cut short");
        assert_eq!(HashedTable::read(b"hash\t1\n"), None);
        assert!(write_table(&mut Vec::new(), 0, 2, &rows).is_err());
    }
}
