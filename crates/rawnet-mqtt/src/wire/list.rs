//! Zero-copy lists: the topic filters of SUBSCRIBE and UNSUBSCRIBE and the reason codes of
//! SUBACK and UNSUBACK.

use core::fmt;

use super::codec::{field_len, Reader, Sink};
use super::subscribe::{Subscription, SubscriptionOptions};
use super::{Error, ReasonCode};

mod sealed {
    use super::super::codec::{Reader, Sink};
    use super::super::Error;

    /// An element of a [`List`](super::List): how it is read and written. Sealed.
    pub trait Item<'a>: Copy + Sized {
        /// Reads an element that the packet parser already validated.
        fn read(r: &mut Reader<'a>) -> Result<Self, Error>;
        /// Encoded length.
        fn encoded_len(&self) -> usize;
        /// Writes the element (validation is the packet's job).
        fn write<S: Sink>(&self, w: &mut S) -> Result<(), Error>;
    }
}

pub(crate) use sealed::Item;

/// A list of packet elements held without allocation: either the raw bytes of a parsed
/// packet (checked when the packet was parsed) or a caller's slice.
///
/// Like [`Properties`](super::Properties), two lists are equal when they iterate to equal
/// sequences, whichever form they are in.
#[derive(Clone, Copy)]
pub struct List<'a, T> {
    repr: ListRepr<'a, T>,
}

#[derive(Clone, Copy)]
enum ListRepr<'a, T> {
    Encoded(&'a [u8]),
    Slice(&'a [T]),
}

/// The subscriptions (topic filter and options) of a SUBSCRIBE.
pub type Subscriptions<'a> = List<'a, Subscription<'a>>;
/// The topic filters of an UNSUBSCRIBE.
pub type TopicFilters<'a> = List<'a, &'a str>;
/// The reason codes (3.1.1: return codes) of a SUBACK or UNSUBACK.
pub type ReasonCodes<'a> = List<'a, ReasonCode>;

impl<'a, T: Item<'a>> List<'a, T> {
    /// The empty list.
    pub const fn empty() -> Self {
        List {
            repr: ListRepr::Encoded(&[]),
        }
    }

    /// A list to emit.
    pub const fn from_slice(items: &'a [T]) -> Self {
        List {
            repr: ListRepr::Slice(items),
        }
    }

    /// Wraps bytes that the packet parser validated.
    pub(crate) const fn encoded(bytes: &'a [u8]) -> Self {
        List {
            repr: ListRepr::Encoded(bytes),
        }
    }

    /// The raw bytes, if this list was parsed.
    pub const fn as_encoded(&self) -> Option<&'a [u8]> {
        match self.repr {
            ListRepr::Encoded(bytes) => Some(bytes),
            ListRepr::Slice(_) => None,
        }
    }

    /// Whether the list is empty.
    pub const fn is_empty(&self) -> bool {
        match self.repr {
            ListRepr::Encoded(bytes) => bytes.is_empty(),
            ListRepr::Slice(items) => items.is_empty(),
        }
    }

    /// Number of elements (walks the bytes of a parsed list).
    pub fn len(&self) -> usize {
        match self.repr {
            ListRepr::Encoded(_) => self.iter().count(),
            ListRepr::Slice(items) => items.len(),
        }
    }

    /// The elements in order.
    pub fn iter(&self) -> ListIter<'a, T> {
        ListIter {
            repr: match self.repr {
                ListRepr::Encoded(bytes) => ListIterRepr::Encoded(Reader::new(bytes)),
                ListRepr::Slice(items) => ListIterRepr::Slice(items.iter()),
            },
        }
    }

    /// Encoded length of all elements.
    pub(crate) fn encoded_len(&self) -> usize {
        match self.repr {
            ListRepr::Encoded(bytes) => bytes.len(),
            ListRepr::Slice(items) => items
                .iter()
                .fold(0usize, |acc, item| acc.saturating_add(item.encoded_len())),
        }
    }

    /// Writes every element, after `check` accepted it (with [`Sink::CHECK`]).
    pub(crate) fn write_checked<S: Sink>(
        &self,
        w: &mut S,
        mut check: impl FnMut(&T) -> Result<(), Error>,
    ) -> Result<(), Error> {
        if !S::CHECK {
            return self.write_trusted(w);
        }
        for item in self.iter() {
            check(&item)?;
            item.write(w)?;
        }
        Ok(())
    }
}

impl<'a, T: Item<'a>> List<'a, T> {
    /// Writes every element without checks, for [`Checked::emit`](super::Checked::emit): a
    /// parsed list is its wire form; a slice is walked directly. Inlined where it is called.
    #[inline(always)]
    pub(crate) fn write_trusted<S: Sink>(&self, w: &mut S) -> Result<(), Error> {
        match self.repr {
            ListRepr::Encoded(bytes) => w.put(bytes),
            ListRepr::Slice(items) => items.iter().try_for_each(|item| item.write(w)),
        }
    }
}

impl<'a, T: Item<'a>> Default for List<'a, T> {
    fn default() -> Self {
        Self::empty()
    }
}

impl<'a, T: Item<'a> + PartialEq> PartialEq for List<'a, T> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl<'a, T: Item<'a> + Eq> Eq for List<'a, T> {}

impl<'a, T: Item<'a> + fmt::Debug> fmt::Debug for List<'a, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a, T: Item<'a>> IntoIterator for &List<'a, T> {
    type Item = T;
    type IntoIter = ListIter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over a [`List`].
#[derive(Debug, Clone)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ListIter<'a, T> {
    repr: ListIterRepr<'a, T>,
}

#[derive(Debug, Clone)]
enum ListIterRepr<'a, T> {
    Encoded(Reader<'a>),
    Slice(core::slice::Iter<'a, T>),
}

impl<'a, T: Item<'a>> Iterator for ListIter<'a, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match &mut self.repr {
            ListIterRepr::Encoded(r) => {
                if r.is_empty() {
                    return None;
                }
                // Validated at parse time; a failure ends the iteration instead of panicking.
                let item = T::read(r).ok();
                if item.is_none() {
                    r.take_rest();
                }
                item
            }
            ListIterRepr::Slice(it) => it.next().copied(),
        }
    }
}

impl<'a> Item<'a> for &'a str {
    fn read(r: &mut Reader<'a>) -> Result<Self, Error> {
        r.string()
    }
    fn encoded_len(&self) -> usize {
        field_len(self.len())
    }
    fn write<S: Sink>(&self, w: &mut S) -> Result<(), Error> {
        w.string(self)
    }
}

impl<'a> Item<'a> for Subscription<'a> {
    fn read(r: &mut Reader<'a>) -> Result<Self, Error> {
        let filter = r.string()?;
        let options = SubscriptionOptions::from_byte(r.u8()?)?;
        Ok(Subscription { filter, options })
    }
    fn encoded_len(&self) -> usize {
        field_len(self.filter.len()).saturating_add(1)
    }
    fn write<S: Sink>(&self, w: &mut S) -> Result<(), Error> {
        w.string(self.filter)?;
        w.u8(self.options.to_byte())
    }
}

impl<'a> Item<'a> for ReasonCode {
    fn read(r: &mut Reader<'a>) -> Result<Self, Error> {
        ReasonCode::from_u8(r.u8()?).ok_or(Error::InvalidReasonCode)
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn write<S: Sink>(&self, w: &mut S) -> Result<(), Error> {
        w.u8(self.to_u8())
    }
}
