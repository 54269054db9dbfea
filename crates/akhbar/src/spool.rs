//! Lines kept on disk instead of in memory: a batch is read in order of publication and its
//! output is only final once the whole batch is in, so `process` must hold every input line
//! and every output line until the end. A spool keeps them in a temporary file and only their
//! places in memory: a batch's memory is then what linking needs, not the size of its text.

use anyhow::{Context, Result};
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

/// An append-only file of lines, read back by the place [`Spool::push`] gave each. The file
/// is removed when the spool is dropped.
pub(crate) struct Spool {
    path: PathBuf,
    writer: BufWriter<File>,
    reader: Option<File>,
    len: u64,
}

/// Where a line is in its spool.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Place {
    offset: u64,
    len: u32,
}

impl Spool {
    /// A new, empty spool in the system's temporary directory.
    pub(crate) fn new(purpose: &str) -> Result<Self> {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!(
            "akhbar-{purpose}-{}-{n}-{}.spool",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos())
        ));
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("cannot create the spool file {}", path.display()))?;
        Ok(Self { path, writer: BufWriter::new(file), reader: None, len: 0 })
    }

    /// Appends a line (without its newline) and returns its place.
    pub(crate) fn push(&mut self, line: &str) -> Result<Place> {
        let len = u32::try_from(line.len()).context("a line of 4 GB or more")?;
        let place = Place { offset: self.len, len };
        self.writer.write_all(line.as_bytes()).context("cannot write the spool file")?;
        self.len += u64::from(len);
        Ok(place)
    }

    /// The line at `place`.
    pub(crate) fn get(&mut self, place: Place) -> Result<String> {
        self.writer.flush().context("cannot write the spool file")?;
        // A handle of its own: a cloned one would share the writer's position.
        let reader = match &mut self.reader {
            Some(r) => r,
            None => {
                self.reader.insert(File::open(&self.path).context("cannot read the spool file")?)
            }
        };
        reader.seek(SeekFrom::Start(place.offset))?;
        let mut buf = vec![0; place.len as usize];
        reader.read_exact(&mut buf).context("cannot read the spool file")?;
        // Only whole `&str`s are written, and places only come from `push`.
        String::from_utf8(buf).context("the spool file was changed")
    }
}

impl Drop for Spool {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Numbered lines a batch reads by number, in any order: held in memory (a small batch made
/// in the program) or spooled from a reader (a file or standard input of any size).
pub(crate) trait LineSource {
    /// How many lines there are, empty ones included.
    fn count(&self) -> usize;
    /// Line `i` (0-based).
    fn line(&mut self, i: usize) -> Result<std::borrow::Cow<'_, str>>;
}

impl LineSource for Vec<String> {
    fn count(&self) -> usize {
        self.len()
    }
    fn line(&mut self, i: usize) -> Result<std::borrow::Cow<'_, str>> {
        Ok(std::borrow::Cow::Borrowed(&self[i]))
    }
}

/// The lines of a reader, spooled as read.
pub(crate) struct SpooledLines {
    spool: Spool,
    places: Vec<Place>,
}

impl SpooledLines {
    /// Reads every line of `reader` into a spool; `what` names the input in errors.
    pub(crate) fn read(reader: impl std::io::BufRead, what: &str) -> Result<Self> {
        let mut spool = Spool::new("lines")?;
        let mut places = Vec::new();
        for (n, line) in reader.lines().enumerate() {
            let line = line.with_context(|| format!("cannot read line {} of {what}", n + 1))?;
            places.push(spool.push(&line)?);
        }
        Ok(Self { spool, places })
    }
}

impl LineSource for SpooledLines {
    fn count(&self) -> usize {
        self.places.len()
    }
    fn line(&mut self, i: usize) -> Result<std::borrow::Cow<'_, str>> {
        Ok(std::borrow::Cow::Owned(self.spool.get(self.places[i])?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_come_back_in_any_order_and_the_file_goes() -> Result<()> {
        let mut s = Spool::new("test")?;
        let a = s.push(r#"{"id":"a","title":"وصول الوفد"}"#)?;
        let b = s.push("")?;
        let c = s.push("ثالث")?;
        assert_eq!(s.get(c)?, "ثالث");
        assert_eq!(s.get(a)?, r#"{"id":"a","title":"وصول الوفد"}"#);
        assert_eq!(s.get(b)?, "");
        // Written after reading began: still found.
        let d = s.push("رابع")?;
        assert_eq!(s.get(d)?, "رابع");
        let path = s.path.clone();
        assert!(path.exists());
        drop(s);
        assert!(!path.exists());
        Ok(())
    }

    #[test]
    fn spooled_lines_are_the_readers_lines_by_number() -> Result<()> {
        let text = "الأول\n\n{\"id\": 3}\r\nالأخير";
        let mut lines = SpooledLines::read(text.as_bytes(), "the test")?;
        assert_eq!(lines.count(), 4);
        assert_eq!(lines.line(2)?, "{\"id\": 3}");
        assert_eq!(lines.line(1)?, "");
        assert_eq!(lines.line(3)?, "الأخير");
        assert_eq!(lines.line(0)?, "الأول");
        let broken: &[u8] = b"ok\n\xff\xfe\n";
        let Err(err) = SpooledLines::read(broken, "the test") else {
            panic!("invalid UTF-8 read as text")
        };
        assert!(err.to_string().contains("line 2 of the test"), "{err}");
        Ok(())
    }
}
