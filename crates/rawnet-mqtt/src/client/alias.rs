//! Topic Alias tables (MQTT 5.0 §3.3.2.3.4) in a caller's byte buffer.
//!
//! One table per direction and per network connection: the client's aliases toward the
//! broker (outgoing, up to the broker's Topic Alias Maximum) and the broker's toward the
//! client (incoming, up to the maximum the client advertised). Both are emptied when a
//! connection starts: aliases never outlive the connection that defined them.
//!
//! Entries are packed one after the other: alias (2 bytes, big endian), topic length
//! (2 bytes, big endian), topic bytes. Replacing an entry moves the ones behind it down,
//! like the message store. Lookups are linear: tables hold a handful of topics.

/// Bytes an entry takes besides its topic.
pub(crate) const ENTRY_HEAD: usize = 4;

/// An alias table over a caller's buffer (empty buffer: no aliases).
#[derive(Debug)]
pub(crate) struct AliasTable<'b> {
    buf: &'b mut [u8],
    used: usize,
}

/// One entry: where it is and what it holds.
#[derive(Debug, Clone, Copy)]
struct Entry {
    at: usize,
    alias: u16,
    topic_at: usize,
    end: usize,
}

impl<'b> AliasTable<'b> {
    /// A table over `buf`.
    pub(crate) fn new(buf: &'b mut [u8]) -> Self {
        AliasTable { buf, used: 0 }
    }

    /// Whether the caller gave storage.
    pub(crate) fn has_storage(&self) -> bool {
        !self.buf.is_empty()
    }

    /// Forgets every alias (a new connection).
    pub(crate) fn clear(&mut self) {
        self.used = 0;
    }

    /// The entries in order.
    fn entries(&self) -> impl Iterator<Item = Entry> + '_ {
        let mut at = 0usize;
        core::iter::from_fn(move || {
            if at >= self.used {
                return None;
            }
            let head = self.buf.get(at..at.saturating_add(ENTRY_HEAD))?;
            let alias = u16::from_be_bytes([*head.first()?, *head.get(1)?]);
            let len = usize::from(u16::from_be_bytes([*head.get(2)?, *head.get(3)?]));
            let topic_at = at.saturating_add(ENTRY_HEAD);
            let end = topic_at.saturating_add(len);
            let entry = Entry {
                at,
                alias,
                topic_at,
                end,
            };
            at = end;
            Some(entry)
        })
    }

    fn topic_of(&self, e: Entry) -> &str {
        self.buf
            .get(e.topic_at..e.end)
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or_default()
    }

    /// Number of aliases defined.
    pub(crate) fn len(&self) -> usize {
        self.entries().count()
    }

    /// The topic of `alias`.
    pub(crate) fn get(&self, alias: u16) -> Option<&str> {
        let e = self.entries().find(|e| e.alias == alias)?;
        Some(self.topic_of(e))
    }

    /// The alias of `topic`.
    pub(crate) fn find(&self, topic: &str) -> Option<u16> {
        self.entries()
            .find(|&e| self.topic_of(e) == topic)
            .map(|e| e.alias)
    }

    /// Whether `topic` fits as a new entry (without removing any).
    pub(crate) fn fits(&self, topic: &str) -> bool {
        topic.len() <= usize::from(u16::MAX)
            && self.buf.len().saturating_sub(self.used) >= ENTRY_HEAD.saturating_add(topic.len())
    }

    /// Removes `alias` if defined.
    fn remove(&mut self, alias: u16) {
        let Some(e) = self.entries().find(|e| e.alias == alias) else {
            return;
        };
        let end = e.end.min(self.used);
        if e.at >= end {
            return;
        }
        self.buf.copy_within(end..self.used, e.at);
        self.used = self.used.saturating_sub(end.saturating_sub(e.at));
    }

    /// Defines (or redefines) `alias` as `topic`. `false` when it does not fit: the old
    /// mapping of `alias` is gone then as well.
    pub(crate) fn insert(&mut self, alias: u16, topic: &str) -> bool {
        self.remove(alias);
        if !self.fits(topic) {
            return false;
        }
        let len = u16::try_from(topic.len()).unwrap_or(u16::MAX);
        let at = self.used;
        let end = at.saturating_add(ENTRY_HEAD).saturating_add(topic.len());
        let Some(slot) = self.buf.get_mut(at..end) else {
            return false;
        };
        let (head, body) = slot.split_at_mut(ENTRY_HEAD.min(slot.len()));
        let [a0, a1] = alias.to_be_bytes();
        let [l0, l1] = len.to_be_bytes();
        head.copy_from_slice(&[a0, a1, l0, l1]);
        body.copy_from_slice(topic.as_bytes());
        self.used = end;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn define_find_redefine_and_overflow() {
        let mut buf = [0u8; 20];
        let mut t = AliasTable::new(&mut buf);
        assert!(t.has_storage());
        assert!(t.insert(1, "a/b"));
        assert!(t.insert(2, "cc"));
        assert_eq!(
            (t.get(1), t.get(2), t.get(3)),
            (Some("a/b"), Some("cc"), None)
        );
        assert_eq!((t.find("cc"), t.find("a"), t.len()), (Some(2), None, 2));
        // 7 + 6 bytes used, 7 left: a 3-byte topic fits, a 4-byte one does not.
        assert!(t.fits("xyz") && !t.fits("wxyz"));
        // Redefining 1 frees its old entry first, so a longer topic fits.
        assert!(t.insert(1, "longer/x"));
        assert_eq!((t.get(1), t.get(2)), (Some("longer/x"), Some("cc")));
        assert!(!t.insert(2, "this one is far too long"), "does not fit");
        assert_eq!(t.get(2), None, "the old mapping is gone");
        assert_eq!(t.get(1), Some("longer/x"));
        t.clear();
        assert_eq!((t.len(), t.get(1)), (0, None));
        let mut none = AliasTable::new(&mut []);
        assert!(!none.has_storage() && !none.insert(1, ""));
    }
}
