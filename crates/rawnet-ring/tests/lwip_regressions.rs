//! Regression tests named after the index bugs lwIP's MQTT output ring had, each
//! describing the failure it rules out.

use rawnet_ring::{Ring, RingBuffer, RingRef};

/// All stored bytes, oldest first.
fn contents<S: AsRef<[u8]> + AsMut<[u8]>>(ring: &RingBuffer<S>) -> Vec<u8> {
    let (a, b) = ring.readable_pair();
    [a, b].concat()
}

/// Streams `total` bytes (a counting pattern) through `ring` in messages of varying
/// sizes, draining through `readable()` like the output step, and checks every byte
/// comes out once and in order.
fn stream_in_order<S: AsRef<[u8]> + AsMut<[u8]>>(ring: &mut RingBuffer<S>, total: usize) {
    let cap = ring.capacity();
    let (mut sent, mut received) = (0usize, 0usize);
    let mut size = 1;
    while received < total {
        let message: Vec<u8> = (sent..sent + size).map(|i| i as u8).collect();
        if ring.push_all(&message).is_ok() {
            sent += size;
        }
        size = size % cap + 1;
        let chunk = ring.readable();
        assert!(!chunk.is_empty(), "data stored but nothing readable");
        let take = chunk.len().min(size);
        for (i, &byte) in chunk[..take].iter().enumerate() {
            assert_eq!(
                byte,
                (received + i) as u8,
                "capacity {cap}, byte {received}"
            );
        }
        ring.consume(take);
        received += take;
    }
}

/// savannah #51525 "MQTT_OUTPUT_RINGBUF_SIZE validation": lwIP computed storage
/// indices as `index & (SIZE - 1)`, which is only the remainder when SIZE is a power of
/// two; any other size silently skipped or overwrote bytes. (The fix made indices wrap
/// by compare-and-subtract.) Here: every capacity from 1 to 300, most of them not powers
/// of two, streams bytes in order.
#[test]
fn lwip_51525_non_power_of_two_capacities_keep_every_byte_in_order() {
    for cap in 1..=300 {
        let mut memory = vec![0u8; cap];
        let mut ring = RingRef::new(&mut memory);
        stream_in_order(&mut ring, 4 * cap + 50);
    }
    let mut ring = Ring::<1000>::new();
    stream_in_order(&mut ring, 100_000);
}

/// savannah #51602 "MQTT Ring buffer 'get'": lwIP wrapped the read index only when it
/// went *past* the end (`get > SIZE` instead of `>=`). Consuming exactly up to the end of
/// the storage left it equal to SIZE: the read pointer pointed one past the buffer and
/// the linear read length was `SIZE - get = 0`, so the output step sent nothing while
/// data was waiting (a stalled connection), or read out of bounds. Here: for every
/// capacity and every way to land the read index exactly on the end, the next
/// readable chunk starts at the beginning of the storage and holds the pending bytes.
#[test]
fn lwip_51602_read_index_landing_on_the_end_wraps_to_the_start() {
    for cap in 2..=64 {
        // At least one byte stays before the end (a ring that empties rewinds to the
        // start anyway).
        for wrapped in 1..cap {
            // Fill the ring, free `wrapped` bytes at the front, and push `wrapped`
            // bytes that therefore land at the start of the storage.
            let mut memory = vec![0u8; cap];
            let mut ring = RingRef::new(&mut memory);
            let first: Vec<u8> = (0..cap).map(|i| i as u8).collect();
            ring.push_all(&first).unwrap();
            assert_eq!(ring.consume(wrapped), wrapped);
            let second: Vec<u8> = (cap..cap + wrapped).map(|i| i as u8).collect();
            ring.push_all(&second).unwrap();
            assert!(ring.is_full());

            // Consume exactly what lies before the end of the storage.
            let before_end = ring.readable().len();
            assert_eq!(before_end, cap - wrapped);
            ring.consume(before_end);

            assert_eq!(ring.len(), wrapped);
            assert_eq!(ring.readable(), &second[..], "capacity {cap}");
            assert_eq!(ring.readable_pair().1, b"");
            ring.consume(wrapped);
            assert!(ring.is_empty());
        }
    }
}

/// The same landing, reached through reservations: a reservation that ends exactly at
/// the end of the storage must leave the next write position at its start, and the
/// reader consuming up to the end must find the next message there.
#[test]
fn lwip_51602_reservation_ending_on_the_end_of_storage() {
    let mut ring = Ring::<7>::new();
    ring.push_all(b"abc").unwrap();
    let mut r = ring.reserve(4).unwrap();
    r.write(b"defg").unwrap();
    r.commit().unwrap();
    assert!(ring.is_full());
    assert_eq!(ring.consume(7), 7);
    ring.push_all(b"hij").unwrap();
    ring.consume(1);
    let mut r = ring.reserve(5).unwrap();
    r.write(b"klmno").unwrap(); // positions 3..=6, then 0
    r.commit().unwrap();
    assert_eq!(contents(&ring), b"ijklmno");
    assert_eq!(ring.readable(), b"ijklmn");
    ring.consume(6); // read index lands exactly on the end
    assert_eq!(ring.readable(), b"o");
}

/// Not a filed lwIP bug but the same family, read in lwIP's current `mqtt.c`: its length
/// is `put - get`, and `mqtt_output_check_space` admits a message that fills the ring
/// exactly, after which `put == get` and the length reads 0, so a whole ring of data
/// vanishes. Here a ring filled to exactly its capacity is full, not empty, and gives
/// every byte back.
#[test]
fn filling_to_exactly_capacity_is_full_not_empty() {
    for cap in 1..=40 {
        for offset in 0..cap {
            let mut memory = vec![0u8; cap];
            let mut ring = RingRef::new(&mut memory);
            // Leave one byte stored at storage index `offset`, then fill the rest.
            ring.push_all(&vec![0xff; offset + 1]).unwrap();
            ring.consume(offset);
            let message: Vec<u8> = (0..cap - 1).map(|i| i as u8).collect();
            ring.push_all(&message).unwrap();

            assert_eq!(ring.len(), cap);
            assert!(ring.is_full() && !ring.is_empty());
            assert_eq!(contents(&ring), [&[0xff][..], &message].concat());
            assert_eq!(ring.consume(cap), cap);
        }
    }
}
