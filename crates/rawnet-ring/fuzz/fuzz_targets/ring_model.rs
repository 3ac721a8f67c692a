//! rawnet-ring against a model: a `VecDeque<u8>` of the same capacity.
//!
//! Input: one byte for the capacity (0..=255, so 0 and 1 are covered), then a program of
//! operations, each an opcode byte and its operands: push a run of bytes, reserve and fill a
//! message (by `write`, by `unwritten_mut` + `advance`, or half-way and dropped, or committed
//! incomplete), consume, read into a buffer of some size, clear. After every operation the
//! ring must hold exactly the model's bytes in order (`readable_pair`), `readable` must be
//! the first of the two slices, the length and free space must agree, and every error must
//! be the one the model predicts, with the ring unchanged.
#![no_main]

use std::collections::VecDeque;

use libfuzzer_sys::fuzz_target;
use rawnet_ring::RingBuffer;

/// Reads operands from the input; an exhausted input ends the program.
struct Input<'a>(&'a [u8]);

impl Input<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }
    fn len(&mut self) -> Option<usize> {
        self.byte().map(usize::from)
    }
}

/// Bytes to store: a counter, so that a misplaced or repeated byte shows.
struct Source(u8);

impl Source {
    fn take(&mut self, n: usize) -> Vec<u8> {
        (0..n)
            .map(|_| {
                self.0 = self.0.wrapping_add(1);
                self.0
            })
            .collect()
    }
}

fn check(ring: &RingBuffer<Vec<u8>>, model: &VecDeque<u8>) {
    let (first, second) = ring.readable_pair();
    assert!(second.is_empty() || !first.is_empty());
    assert_eq!(ring.readable(), first);
    let mut all = first.to_vec();
    all.extend_from_slice(second);
    assert_eq!(all, model.iter().copied().collect::<Vec<_>>());
    assert_eq!(ring.len(), model.len());
    assert_eq!(ring.is_empty(), model.is_empty());
    assert_eq!(ring.free(), ring.capacity() - model.len());
    assert_eq!(ring.is_full(), ring.free() == 0);
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input(data);
    let Some(capacity) = input.len() else {
        return;
    };
    let mut ring = RingBuffer::from_storage(vec![0u8; capacity]);
    let mut model = VecDeque::with_capacity(capacity);
    let mut source = Source(0);
    while let Some(op) = input.byte() {
        let free = capacity - model.len();
        match op % 8 {
            // push_all: all or nothing.
            0 => {
                let Some(n) = input.len() else { break };
                let bytes = source.take(n);
                match ring.push_all(&bytes) {
                    Ok(()) => model.extend(&bytes),
                    Err(full) => {
                        assert!(n > free);
                        assert_eq!((full.requested, full.free), (n, free));
                    }
                }
            }
            // reserve, write in pieces, commit.
            1 => {
                let (Some(n), Some(piece)) = (input.len(), input.len()) else {
                    break;
                };
                let piece = piece.max(1);
                match ring.reserve(n) {
                    Ok(mut r) => {
                        assert!(n <= free);
                        let bytes = source.take(n);
                        for chunk in bytes.chunks(piece) {
                            r.write(chunk).unwrap();
                        }
                        assert_eq!(r.remaining(), 0);
                        // One byte more than reserved is refused.
                        assert!(r.write(&[0]).is_err());
                        r.commit().unwrap();
                        model.extend(&bytes);
                    }
                    Err(full) => {
                        assert!(n > free);
                        assert_eq!((full.requested, full.free), (n, free));
                    }
                }
            }
            // reserve, fill in place through unwritten_mut + advance, commit.
            2 => {
                let (Some(n), Some(step)) = (input.len(), input.len()) else {
                    break;
                };
                let step = step.max(1);
                let Ok(mut r) = ring.reserve(n) else {
                    assert!(n > free);
                    continue;
                };
                let bytes = source.take(n);
                let mut done = 0;
                while done < n {
                    let (a, b) = r.unwritten_mut();
                    assert_eq!(a.len() + b.len(), n - done);
                    assert!(!a.is_empty());
                    let k = step.min(a.len());
                    a[..k].copy_from_slice(&bytes[done..done + k]);
                    r.advance(k).unwrap();
                    done += k;
                }
                assert!(r.advance(1).is_err());
                r.commit().unwrap();
                model.extend(&bytes);
            }
            // reserve, write part, drop: nothing changes.
            3 => {
                let (Some(n), Some(part)) = (input.len(), input.len()) else {
                    break;
                };
                if let Ok(mut r) = ring.reserve(n) {
                    let bytes = source.take(part.min(n));
                    r.write(&bytes).unwrap();
                    drop(r);
                }
            }
            // reserve, write less than reserved, commit: Incomplete, nothing published.
            4 => {
                let Some(n) = input.len() else { break };
                if n == 0 {
                    continue;
                }
                if let Ok(mut r) = ring.reserve(n) {
                    r.write(&source.take(n - 1)).unwrap();
                    let e = r.commit().unwrap_err();
                    assert_eq!((e.reserved, e.written), (n, n - 1));
                }
            }
            // consume.
            5 => {
                let Some(n) = input.len() else { break };
                let expect = n.min(model.len());
                assert_eq!(ring.consume(n), expect);
                model.drain(..expect);
            }
            // read into a buffer.
            6 => {
                let Some(n) = input.len() else { break };
                let mut out = vec![0xAA; n];
                let got = ring.read(&mut out);
                assert_eq!(got, n.min(model.len()));
                let expect: Vec<u8> = model.drain(..got).collect();
                assert_eq!(&out[..got], &expect[..]);
                assert!(out[got..].iter().all(|&b| b == 0xAA));
            }
            // clear.
            _ => {
                ring.clear();
                model.clear();
            }
        }
        check(&ring, &model);
    }
});
