//! Property tests: random operation sequences run on a ring and on a `VecDeque<u8>`
//! model must agree after every step, for several capacities (powers of two or not,
//! 0 and 1 included) and for owned, borrowed and vector storage.

use std::collections::VecDeque;

use proptest::collection::vec;
use proptest::prelude::*;
use rawnet_ring::{Full, Incomplete, Ring, RingBuffer, RingRef};

/// One step of a sequence. Lengths may exceed the capacity on purpose.
#[derive(Debug, Clone)]
enum Op {
    /// `push_all` of this many bytes.
    Push(usize),
    /// `reserve(len)`, `write` in these chunk sizes (clipped), the rest, `commit`.
    ReserveWrite { len: usize, chunks: Vec<usize> },
    /// `reserve(len)`, fill through `unwritten_mut` + `advance` in these steps, `commit`.
    ReserveInPlace { len: usize, steps: Vec<usize> },
    /// `reserve(len)`, write `written` bytes (clipped), drop.
    ReserveDrop { len: usize, written: usize },
    /// `reserve(len)`, write fewer than `len` bytes, `commit`: must be refused.
    ReserveIncomplete { len: usize, written: usize },
    /// `consume(n)`.
    Consume(usize),
    /// Take up to `n` bytes from `readable()` and consume them (the output step).
    TakeReadable(usize),
    /// `read` into a buffer of `n` bytes.
    Read(usize),
    /// `clear()`.
    Clear,
}

fn op(cap: usize) -> impl Strategy<Value = Op> {
    let len = 0..=cap + 2;
    let chunks = vec(0..=cap + 1, 0..4);
    prop_oneof![
        4 => len.clone().prop_map(Op::Push),
        3 => (len.clone(), chunks.clone()).prop_map(|(len, chunks)| Op::ReserveWrite { len, chunks }),
        2 => (len.clone(), chunks).prop_map(|(len, steps)| Op::ReserveInPlace { len, steps }),
        1 => (len.clone(), len.clone()).prop_map(|(len, written)| Op::ReserveDrop { len, written }),
        1 => (len.clone(), len.clone())
            .prop_map(|(len, written)| Op::ReserveIncomplete { len, written }),
        2 => len.clone().prop_map(Op::Consume),
        4 => len.clone().prop_map(Op::TakeReadable),
        1 => len.prop_map(Op::Read),
        1 => Just(Op::Clear),
    ]
}

fn ops(cap: usize) -> impl Strategy<Value = Vec<Op>> {
    vec(op(cap), 1..150)
}

/// The ring under test next to its model, with a byte counter so that every byte
/// pushed is different from its neighbours and order mistakes show.
struct Harness<S> {
    ring: RingBuffer<S>,
    model: VecDeque<u8>,
    next: u8,
}

impl<S: AsRef<[u8]> + AsMut<[u8]>> Harness<S> {
    fn new(ring: RingBuffer<S>) -> Self {
        Self {
            ring,
            model: VecDeque::new(),
            next: 0,
        }
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n)
            .map(|_| {
                self.next = self.next.wrapping_add(1);
                self.next
            })
            .collect()
    }

    fn cap(&self) -> usize {
        self.ring.capacity()
    }

    fn free(&self) -> usize {
        self.cap() - self.model.len()
    }

    fn apply(&mut self, op: &Op) -> Result<(), TestCaseError> {
        match *op {
            Op::Push(n) => {
                let data = self.bytes(n);
                let free = self.free();
                let result = self.ring.push_all(&data);
                if n <= free {
                    prop_assert_eq!(result, Ok(()));
                    self.model.extend(&data);
                } else {
                    prop_assert_eq!(result, Err(Full { requested: n, free }));
                }
            }
            Op::ReserveWrite { len, ref chunks } => {
                let Some(data) = self.try_reserve(len)? else {
                    return Ok(());
                };
                let mut r = self.ring.reserve(len).unwrap();
                let mut at = 0;
                for &chunk in chunks {
                    let chunk = chunk.min(len - at);
                    r.write(&data[at..at + chunk]).unwrap();
                    at += chunk;
                    prop_assert_eq!((r.written(), r.remaining()), (at, len - at));
                }
                // One byte too many is refused and changes nothing.
                let over = vec![0xee; len - at + 1];
                prop_assert_eq!(
                    r.write(&over),
                    Err(Full {
                        requested: over.len(),
                        free: len - at
                    })
                );
                prop_assert_eq!(r.written(), at);
                r.write(&data[at..]).unwrap();
                prop_assert_eq!(r.commit(), Ok(()));
                self.model.extend(&data);
            }
            Op::ReserveInPlace { len, ref steps } => {
                let Some(data) = self.try_reserve(len)? else {
                    return Ok(());
                };
                let mut r = self.ring.reserve(len).unwrap();
                let mut at = 0;
                for step in steps.iter().copied().chain([len]) {
                    let step = step.min(len - at);
                    let (first, second) = r.unwritten_mut();
                    prop_assert_eq!(first.len() + second.len(), len - at);
                    prop_assert!(second.is_empty() || !first.is_empty());
                    let in_first = step.min(first.len());
                    first[..in_first].copy_from_slice(&data[at..at + in_first]);
                    second[..step - in_first].copy_from_slice(&data[at + in_first..at + step]);
                    r.advance(step).unwrap();
                    at += step;
                }
                prop_assert_eq!(
                    r.advance(1),
                    Err(Full {
                        requested: 1,
                        free: 0
                    })
                );
                prop_assert_eq!(r.commit(), Ok(()));
                self.model.extend(&data);
            }
            Op::ReserveDrop { len, written } => {
                let Some(_) = self.try_reserve(len)? else {
                    return Ok(());
                };
                let garbage = vec![0xee; written.min(len)];
                let mut r = self.ring.reserve(len).unwrap();
                r.write(&garbage).unwrap();
                // `r` goes out of scope here without a commit.
            }
            Op::ReserveIncomplete { len, written } => {
                let Some(_) = self.try_reserve(len)? else {
                    return Ok(());
                };
                if len == 0 {
                    return Ok(());
                }
                let written = written % len;
                let garbage = vec![0xee; written];
                let mut r = self.ring.reserve(len).unwrap();
                r.write(&garbage).unwrap();
                prop_assert_eq!(
                    r.commit(),
                    Err(Incomplete {
                        reserved: len,
                        written
                    })
                );
            }
            Op::Consume(n) => {
                let expected = n.min(self.model.len());
                prop_assert_eq!(self.ring.consume(n), expected);
                self.model.drain(..expected);
            }
            Op::TakeReadable(n) => {
                let chunk = self.ring.readable();
                let take = n.min(chunk.len());
                let expected: Vec<u8> = self.model.drain(..take).collect();
                prop_assert_eq!(&chunk[..take], &expected[..]);
                prop_assert_eq!(self.ring.consume(take), take);
            }
            Op::Read(n) => {
                let mut out = vec![0u8; n];
                let got = self.ring.read(&mut out);
                let expected: Vec<u8> = self.model.drain(..n.min(self.model.len())).collect();
                prop_assert_eq!(&out[..got], &expected[..]);
            }
            Op::Clear => {
                self.ring.clear();
                self.model.clear();
            }
        }
        Ok(())
    }

    /// Checks `reserve(len)` against the free space; returns the message bytes to
    /// write if the reservation is possible.
    fn try_reserve(&mut self, len: usize) -> Result<Option<Vec<u8>>, TestCaseError> {
        let free = self.free();
        if len > free {
            prop_assert_eq!(
                self.ring.reserve(len).err(),
                Some(Full {
                    requested: len,
                    free
                })
            );
            return Ok(None);
        }
        Ok(Some(self.bytes(len)))
    }

    /// Everything observable agrees with the model.
    fn check(&self) -> Result<(), TestCaseError> {
        let ring = &self.ring;
        let len = self.model.len();
        prop_assert_eq!(ring.len(), len);
        prop_assert_eq!(ring.free(), self.cap() - len);
        prop_assert_eq!(ring.is_empty(), len == 0);
        prop_assert_eq!(ring.is_full(), len == self.cap());
        let (first, second) = ring.readable_pair();
        prop_assert_eq!(ring.readable(), first);
        // lwIP #51602: data pending but nothing linearly readable stalls the output.
        prop_assert_eq!(first.is_empty(), len == 0);
        prop_assert!(second.is_empty() || !first.is_empty());
        let (model_first, model_second) = self.model.as_slices();
        let all: Vec<u8> = first.iter().chain(second).copied().collect();
        let expected: Vec<u8> = model_first.iter().chain(model_second).copied().collect();
        prop_assert_eq!(all, expected);
        Ok(())
    }
}

fn run<S: AsRef<[u8]> + AsMut<[u8]>>(ring: RingBuffer<S>, ops: &[Op]) -> Result<(), TestCaseError> {
    let mut harness = Harness::new(ring);
    harness.check()?;
    for op in ops {
        harness.apply(op)?;
        harness.check()?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn matches_model_capacity_0(ops in ops(0)) {
        run(Ring::<0>::new(), &ops)?;
    }

    #[test]
    fn matches_model_capacity_1(ops in ops(1)) {
        run(Ring::<1>::new(), &ops)?;
    }

    #[test]
    fn matches_model_capacity_2(ops in ops(2)) {
        run(Ring::<2>::new(), &ops)?;
    }

    #[test]
    fn matches_model_capacity_3(ops in ops(3)) {
        run(Ring::<3>::new(), &ops)?;
    }

    #[test]
    fn matches_model_capacity_7(ops in ops(7)) {
        run(Ring::<7>::new(), &ops)?;
    }

    #[test]
    fn matches_model_capacity_64(ops in ops(64)) {
        run(Ring::<64>::new(), &ops)?;
    }

    #[test]
    fn matches_model_capacity_100(ops in ops(100)) {
        run(Ring::<100>::new(), &ops)?;
    }

    /// The borrowed-slice ring over a slice of any length.
    #[test]
    fn ring_ref_matches_model_any_capacity(
        (cap, ops) in (0usize..=130).prop_flat_map(|cap| (Just(cap), ops(cap)))
    ) {
        let mut memory = vec![0xa5u8; cap];
        run(RingRef::new(&mut memory), &ops)?;
    }

    /// Any other storage, here a vector.
    #[test]
    fn vec_storage_matches_model(ops in ops(13)) {
        run(RingBuffer::from_storage(vec![0u8; 13]), &ops)?;
    }
}
