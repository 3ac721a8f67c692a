//! Unit tests: every operation, the edge capacities (0, 1), the index arithmetic.
//!
//! The model-based property tests are in `tests/model.rs`, the lwIP regressions in
//! `tests/lwip_regressions.rs`.

extern crate std;

use std::format;
use std::string::ToString;
use std::vec;
use std::vec::Vec;

use crate::ring::{split_range, wrap_add};
use crate::{Full, Incomplete, Ring, RingBuffer, RingRef};

/// All stored bytes, oldest first.
fn contents<S: AsRef<[u8]> + AsMut<[u8]>>(ring: &RingBuffer<S>) -> Vec<u8> {
    let (a, b) = ring.readable_pair();
    [a, b].concat()
}

/// A ring of capacity 8 holding `6, 7, 8, 9` stored across the end of the storage
/// (storage indices 6, 7, 0, 1).
fn wrapped_ring() -> Ring<8> {
    let mut ring = Ring::<8>::new();
    ring.push_all(&[0, 1, 2, 3, 4, 5, 6, 7]).unwrap();
    assert_eq!(ring.consume(6), 6);
    ring.push_all(&[8, 9]).unwrap();
    ring.assert_invariants();
    ring
}

// ---- construction and getters ----

#[test]
fn new_ring_is_empty() {
    let ring = Ring::<5>::new();
    assert_eq!(ring.capacity(), 5);
    assert_eq!(ring.len(), 0);
    assert_eq!(ring.free(), 5);
    assert!(ring.is_empty());
    assert!(!ring.is_full());
    assert_eq!(ring.readable(), b"");
    assert_eq!(ring.readable_pair(), (&[][..], &[][..]));
    ring.assert_invariants();
}

#[test]
fn default_equals_new() {
    let ring: Ring<3> = Ring::default();
    assert_eq!((ring.capacity(), ring.len()), (3, 0));
}

#[test]
fn ring_ref_takes_capacity_from_slice_and_ignores_old_content() {
    let mut memory = [0xa5u8; 100];
    {
        let mut ring = RingRef::new(&mut memory);
        assert_eq!(ring.capacity(), 100);
        assert!(ring.is_empty());
        ring.push_all(b"xyz").unwrap();
        assert_eq!(ring.readable(), b"xyz");
    }
    assert_eq!(&memory[..4], b"xyz\xa5");
}

#[test]
fn from_storage_accepts_a_vec_and_gives_it_back() {
    let mut ring = RingBuffer::from_storage(vec![0u8; 7]);
    assert_eq!(ring.capacity(), 7);
    ring.push_all(b"1234567").unwrap();
    assert!(ring.is_full());
    let storage = ring.into_storage();
    assert_eq!(storage, b"1234567");
}

#[test]
fn clone_copies_contents_and_indices() {
    let ring = wrapped_ring();
    let mut copy = ring.clone();
    assert_eq!(contents(&copy), [6, 7, 8, 9]);
    copy.consume(1);
    assert_eq!(contents(&ring), [6, 7, 8, 9]);
}

#[test]
fn debug_shows_indices_not_storage() {
    let ring = wrapped_ring();
    let text = format!("{ring:?}");
    assert_eq!(text, "RingBuffer { capacity: 8, head: 6, len: 4 }");
}

// ---- capacity 0 and 1 ----

#[test]
fn capacity_zero_refuses_every_byte_and_never_panics() {
    let mut ring = Ring::<0>::new();
    assert_eq!(ring.capacity(), 0);
    assert!(ring.is_empty());
    assert!(ring.is_full());
    assert_eq!(ring.free(), 0);
    assert_eq!(ring.push_all(b""), Ok(()));
    assert_eq!(
        ring.push_all(b"a"),
        Err(Full {
            requested: 1,
            free: 0
        })
    );
    assert_eq!(
        ring.reserve(1).err(),
        Some(Full {
            requested: 1,
            free: 0
        })
    );
    let mut empty = ring.reserve(0).unwrap();
    assert_eq!(empty.unwritten_mut(), (&mut [][..], &mut [][..]));
    assert!(empty.write(b"").is_ok());
    assert!(empty.write(b"a").is_err());
    assert_eq!(empty.commit(), Ok(()));
    assert_eq!(ring.consume(3), 0);
    assert_eq!(ring.read(&mut [0; 4]), 0);
    assert_eq!(ring.readable(), b"");
    assert_eq!(ring.readable_pair(), (&[][..], &[][..]));
    ring.clear();
    ring.assert_invariants();

    let mut nothing: [u8; 0] = [];
    let mut borrowed = RingRef::new(&mut nothing);
    assert_eq!(borrowed.capacity(), 0);
    assert!(borrowed.push_all(b"a").is_err());
    assert_eq!(borrowed.consume(1), 0);
    borrowed.assert_invariants();
}

#[test]
fn capacity_one_cycles_a_byte_at_a_time() {
    let mut ring = Ring::<1>::new();
    for i in 0..=255u8 {
        ring.push_all(&[i]).unwrap();
        assert!(ring.is_full());
        assert_eq!(
            ring.push_all(&[i]),
            Err(Full {
                requested: 1,
                free: 0
            })
        );
        assert_eq!(ring.readable(), &[i]);
        assert_eq!(ring.readable_pair(), (&[i][..], &[][..]));
        assert_eq!(ring.consume(1), 1);
        assert!(ring.is_empty());
        ring.assert_invariants();

        let mut one = ring.reserve(1).unwrap();
        assert_eq!(one.unwritten_mut().0.len(), 1);
        one.write(&[i]).unwrap();
        one.commit().unwrap();
        let mut out = [0; 2];
        assert_eq!(ring.read(&mut out), 1);
        assert_eq!(out[0], i);
        ring.assert_invariants();
    }
}

// ---- push_all ----

#[test]
fn push_all_fills_to_exactly_capacity() {
    let mut ring = Ring::<4>::new();
    ring.push_all(b"ab").unwrap();
    ring.push_all(b"cd").unwrap();
    assert!(ring.is_full());
    assert_eq!((ring.len(), ring.free()), (4, 0));
    assert_eq!(ring.readable(), b"abcd");
}

#[test]
fn push_all_that_does_not_fit_changes_nothing() {
    let mut ring = wrapped_ring();
    assert_eq!(
        ring.push_all(&[1, 2, 3, 4, 5]),
        Err(Full {
            requested: 5,
            free: 4
        })
    );
    assert_eq!(contents(&ring), [6, 7, 8, 9]);
    assert_eq!(ring.free(), 4);
    // Even a slice larger than the capacity is just refused.
    assert!(ring.push_all(&[0; 100]).is_err());
    assert_eq!(contents(&ring), [6, 7, 8, 9]);
}

#[test]
fn push_all_empty_slice_succeeds_on_a_full_ring() {
    let mut ring = Ring::<2>::new();
    ring.push_all(b"ab").unwrap();
    assert_eq!(ring.push_all(b""), Ok(()));
    assert_eq!(ring.readable(), b"ab");
}

#[test]
fn push_all_wraps_around_the_end() {
    let mut ring = Ring::<5>::new();
    ring.push_all(b"abc").unwrap();
    ring.consume(2);
    ring.push_all(b"defg").unwrap(); // storage: f g c d e, head at 2
    assert!(ring.is_full());
    assert_eq!(ring.readable_pair(), (&b"cde"[..], &b"fg"[..]));
    ring.assert_invariants();
}

// ---- readable, readable_pair ----

#[test]
fn readable_is_the_chunk_up_to_the_end_of_storage() {
    let mut ring = wrapped_ring();
    assert_eq!(ring.readable(), [6, 7]);
    assert_eq!(ring.readable_pair(), (&[6, 7][..], &[8, 9][..]));
    ring.consume(2);
    assert_eq!(ring.readable(), [8, 9]);
    assert_eq!(ring.readable_pair(), (&[8, 9][..], &[][..]));
}

#[test]
fn readable_is_empty_only_when_the_ring_is() {
    let mut ring = wrapped_ring();
    while !ring.is_empty() {
        assert!(!ring.readable().is_empty());
        ring.consume(1);
    }
    assert!(ring.readable().is_empty());
}

// ---- consume, read ----

#[test]
fn consume_more_than_stored_consumes_what_is_there() {
    let mut ring = wrapped_ring();
    assert_eq!(ring.consume(0), 0);
    assert_eq!(ring.len(), 4);
    assert_eq!(ring.consume(3), 3);
    assert_eq!(contents(&ring), [9]);
    assert_eq!(ring.consume(usize::MAX), 1);
    assert!(ring.is_empty());
    assert_eq!(ring.consume(usize::MAX), 0);
    ring.assert_invariants();
}

#[test]
fn consuming_a_full_ring_in_one_call_works() {
    // lwIP asserted `len < MQTT_OUTPUT_RINGBUF_SIZE` here.
    let mut ring = Ring::<3>::new();
    ring.push_all(b"abc").unwrap();
    assert_eq!(ring.consume(3), 3);
    assert!(ring.is_empty());
}

#[test]
fn emptying_the_ring_rewinds_so_the_next_message_is_contiguous() {
    let mut ring = Ring::<4>::new();
    ring.push_all(b"abc").unwrap();
    ring.consume(3);
    ring.push_all(b"wxyz").unwrap();
    assert_eq!(ring.readable(), b"wxyz");
}

#[test]
fn read_copies_and_consumes_across_the_wrap() {
    let mut ring = wrapped_ring();
    let mut out = [0u8; 3];
    assert_eq!(ring.read(&mut out), 3);
    assert_eq!(out, [6, 7, 8]);
    let mut big = [0u8; 10];
    assert_eq!(ring.read(&mut big), 1);
    assert_eq!(big[0], 9);
    assert_eq!(ring.read(&mut big), 0);
    assert_eq!(ring.read(&mut []), 0);
}

#[test]
fn clear_empties_and_rewinds() {
    let mut ring = wrapped_ring();
    ring.clear();
    assert!(ring.is_empty());
    assert_eq!(ring.free(), 8);
    ring.push_all(&[1; 8]).unwrap();
    assert_eq!(ring.readable(), [1; 8]);
    ring.assert_invariants();
}

// ---- reserve ----

#[test]
fn reservation_is_invisible_until_committed() {
    let mut ring = Ring::<8>::new();
    ring.push_all(b"ab").unwrap();
    let mut r = ring.reserve(3).unwrap();
    assert_eq!((r.reserved(), r.written(), r.remaining()), (3, 0, 3));
    r.write(b"c").unwrap();
    r.write(b"").unwrap();
    r.write(b"de").unwrap();
    assert_eq!((r.written(), r.remaining()), (3, 0));
    r.commit().unwrap();
    assert_eq!(ring.readable(), b"abcde");
    ring.assert_invariants();
}

#[test]
fn reserve_more_than_free_is_refused() {
    let mut ring = wrapped_ring();
    assert_eq!(
        ring.reserve(5).err(),
        Some(Full {
            requested: 5,
            free: 4
        })
    );
    assert!(ring.reserve(4).is_ok());
    assert_eq!(contents(&ring), [6, 7, 8, 9]);
}

#[test]
fn dropped_reservation_publishes_nothing() {
    let mut ring = wrapped_ring();
    {
        let mut r = ring.reserve(4).unwrap();
        r.write(&[0xee; 4]).unwrap();
    } // dropped without commit
    assert_eq!(contents(&ring), [6, 7, 8, 9]);
    assert_eq!(ring.free(), 4);
    // The space is still usable, and what the dropped reservation wrote is not seen.
    ring.push_all(&[10, 11]).unwrap();
    assert_eq!(contents(&ring), [6, 7, 8, 9, 10, 11]);
}

#[test]
fn incomplete_commit_publishes_nothing() {
    let mut ring = Ring::<8>::new();
    let mut r = ring.reserve(4).unwrap();
    r.write(b"ab").unwrap();
    assert_eq!(
        r.commit(),
        Err(Incomplete {
            reserved: 4,
            written: 2
        })
    );
    assert!(ring.is_empty());
    ring.assert_invariants();
}

#[test]
fn write_past_the_reservation_is_refused_whole() {
    let mut ring = Ring::<8>::new();
    let mut r = ring.reserve(3).unwrap();
    r.write(b"a").unwrap();
    assert_eq!(
        r.write(b"bcd"),
        Err(Full {
            requested: 3,
            free: 2
        })
    );
    assert_eq!(r.written(), 1);
    r.write(b"bc").unwrap();
    r.commit().unwrap();
    assert_eq!(ring.readable(), b"abc");
}

#[test]
fn reservation_writes_wrap_around_the_end() {
    let mut ring = Ring::<8>::new();
    ring.push_all(&[0; 6]).unwrap();
    ring.consume(5); // head 5, one byte stored, write position 6
    let mut r = ring.reserve(7).unwrap();
    r.write(&[1, 2, 3]).unwrap(); // 6, 7, then 0
    r.write(&[4, 5, 6, 7]).unwrap(); // 1..=4
    r.commit().unwrap();
    assert!(ring.is_full());
    assert_eq!(ring.readable_pair(), (&[0, 1, 2][..], &[3, 4, 5, 6, 7][..]));
    ring.assert_invariants();
}

#[test]
fn unwritten_mut_and_advance_fill_in_place() {
    let mut ring = Ring::<8>::new();
    ring.push_all(&[0; 6]).unwrap();
    ring.consume(5);
    let mut r = ring.reserve(7).unwrap();
    {
        let (first, second) = r.unwritten_mut();
        assert_eq!((first.len(), second.len()), (2, 5));
        first.copy_from_slice(&[1, 2]);
        second[0] = 3;
    }
    r.advance(3).unwrap();
    {
        let (first, second) = r.unwritten_mut();
        assert_eq!((first.len(), second.len()), (4, 0));
        first.copy_from_slice(&[4, 5, 6, 7]);
    }
    assert_eq!(
        r.advance(5),
        Err(Full {
            requested: 5,
            free: 4
        })
    );
    r.advance(4).unwrap();
    assert_eq!(r.unwritten_mut(), (&mut [][..], &mut [][..]));
    r.commit().unwrap();
    assert_eq!(contents(&ring), [0, 1, 2, 3, 4, 5, 6, 7]);
}

#[test]
fn zero_length_reservation_commits_nothing() {
    let mut ring = wrapped_ring();
    let r = ring.reserve(0).unwrap();
    assert_eq!(r.remaining(), 0);
    r.commit().unwrap();
    assert_eq!(contents(&ring), [6, 7, 8, 9]);
    let mut full = Ring::<2>::new();
    full.push_all(b"ab").unwrap();
    full.reserve(0).unwrap().commit().unwrap();
    assert_eq!(full.readable(), b"ab");
}

#[test]
fn reservation_debug_is_short() {
    let mut ring = Ring::<8>::new();
    let mut r = ring.reserve(2).unwrap();
    r.write(b"a").unwrap();
    assert_eq!(
        format!("{r:?}"),
        "Reservation { start: 0, reserved: 2, written: 1 }"
    );
}

#[test]
fn errors_display() {
    let full = Full {
        requested: 9,
        free: 2,
    };
    assert_eq!(full.to_string(), "ring full: 9 bytes requested, 2 free");
    let incomplete = Incomplete {
        reserved: 4,
        written: 1,
    };
    assert_eq!(
        incomplete.to_string(),
        "incomplete message: 1 of 4 reserved bytes written, nothing published"
    );
    let _: &dyn core::error::Error = &full;
    let _: &dyn core::error::Error = &incomplete;
}

// ---- index arithmetic ----

/// `wrap_add` and `split_range` against plain modular arithmetic, for every valid input
/// of every capacity up to 40.
#[test]
fn index_arithmetic_matches_modular_arithmetic_exhaustively() {
    for cap in 0..=40usize {
        let starts = if cap == 0 { 0..1 } else { 0..cap };
        for start in starts {
            for n in 0..=cap {
                let expected = if cap == 0 { 0 } else { (start + n) % cap };
                assert_eq!(wrap_add(start, n, cap), expected, "{start}+{n} in {cap}");

                let (first, second) = split_range(cap, start, n);
                let indices: Vec<usize> = first.clone().chain(second.clone()).collect();
                let expected: Vec<usize> = (0..n).map(|i| (start + i) % cap).collect();
                assert_eq!(indices, expected, "split {start}+{n} in {cap}");
                assert!(first.end <= cap && second.end <= cap);
                assert!(second.is_empty() || first.end == cap);
            }
        }
    }
}

/// No intermediate value exceeds the capacity, so even capacities and indices at the
/// top of `usize` (impossible for real storage, which is at most `isize::MAX` bytes)
/// give the right answer instead of overflowing.
#[test]
fn index_arithmetic_does_not_overflow_near_usize_max() {
    let reference =
        |start: usize, n: usize, cap: usize| ((start as u128 + n as u128) % cap as u128) as usize;
    let cap = usize::MAX;
    for (start, n) in [
        (cap - 1, cap),
        (cap - 1, 1),
        (cap - 1, cap - 1),
        (cap / 2, cap),
        (cap / 2 + 1, cap / 2 + 1),
        (1, cap - 1),
        (0, cap),
    ] {
        assert_eq!(wrap_add(start, n, cap), reference(start, n, cap));
        let (first, second) = split_range(cap, start, n);
        assert_eq!(first.start, start);
        assert_eq!(first.len() + second.len(), n);
    }
    let cap = isize::MAX as usize;
    assert_eq!(wrap_add(cap - 1, cap, cap), cap - 1);
    assert_eq!(wrap_add(cap - 1, 1, cap), 0);
}

/// Millions of operations over odd capacities: the byte stream comes out in order and
/// the read index and length stay within the capacity all along (the ring has no
/// free-running counter that could creep towards `usize::MAX`).
#[test]
fn long_run_keeps_order_and_bounded_indices() {
    fn run<const N: usize>(bytes: usize) {
        let mut ring = Ring::<N>::new();
        let mut rng = 0x9e37_79b9_7f4a_7c15u64;
        let mut next_in = 0u8;
        let mut next_out = 0u8;
        let mut pushed = 0usize;
        let mut iteration = 0usize;
        let mut message = [0u8; 97];
        while pushed < bytes {
            // xorshift64: cheap, and every bit pattern shows up.
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            let want = (rng as usize) % (N + 1).min(message.len());
            if want <= ring.free() {
                for byte in &mut message[..want] {
                    *byte = next_in;
                    next_in = next_in.wrapping_add(1);
                }
                ring.push_all(&message[..want]).unwrap();
                pushed += want;
            } else {
                assert!(ring.push_all(&message[..want]).is_err());
            }
            let chunk = ring.readable();
            let take = ((rng >> 32) as usize % (N + 1)).min(chunk.len());
            for &byte in &chunk[..take] {
                assert_eq!(byte, next_out);
                next_out = next_out.wrapping_add(1);
            }
            ring.consume(take);
            iteration += 1;
            if iteration % 64 == 0 {
                ring.assert_invariants();
            }
        }
        ring.assert_invariants();
    }
    run::<1>(1_000_000);
    run::<3>(3_000_000);
    run::<7>(3_000_000);
    run::<100>(6_000_000);
    run::<255>(6_000_000);
}
