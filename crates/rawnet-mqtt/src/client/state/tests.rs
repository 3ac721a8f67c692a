//! The transition validators as tables, and the two session tables.
#![cfg_attr(not(feature = "v5"), allow(unused))]

use super::*;
use crate::wire::PacketType as T;

const STATES: [OutState; 6] = [
    OutState::Queued,
    OutState::AwaitPubAck,
    OutState::AwaitPubRec,
    OutState::AwaitPubComp,
    OutState::AwaitSubAck,
    OutState::AwaitUnsubAck,
];
const ACKS: [T; 5] = [T::PubAck, T::PubRec, T::PubComp, T::SubAck, T::UnsubAck];

fn id(n: u16) -> PacketId {
    PacketId::new(n).unwrap()
}

#[test]
fn every_ack_in_every_state() {
    use Next::{Complete, Release};
    // (state, ack, failed) -> expected; everything not listed is Invalid.
    let allowed: &[(OutState, T, bool, Next)] = &[
        (OutState::AwaitPubAck, T::PubAck, false, Complete),
        (OutState::AwaitPubAck, T::PubAck, true, Complete),
        (OutState::AwaitPubRec, T::PubRec, false, Release),
        (OutState::AwaitPubRec, T::PubRec, true, Complete),
        (OutState::AwaitPubComp, T::PubComp, false, Complete),
        (OutState::AwaitPubComp, T::PubComp, true, Complete),
        (OutState::AwaitSubAck, T::SubAck, false, Complete),
        (OutState::AwaitSubAck, T::SubAck, true, Complete),
        (OutState::AwaitUnsubAck, T::UnsubAck, false, Complete),
        (OutState::AwaitUnsubAck, T::UnsubAck, true, Complete),
    ];
    for state in STATES {
        for ack in ACKS {
            for failed in [false, true] {
                let want = allowed
                    .iter()
                    .find(|(s, a, f, _)| (*s, *a, *f) == (state, ack, failed))
                    .map(|(.., n)| *n)
                    .ok_or(Invalid);
                assert_eq!(
                    on_ack(state, ack, failed),
                    want,
                    "{state:?} {ack:?} {failed}"
                );
            }
        }
    }
}

#[test]
fn first_send_and_resume_tables() {
    assert_eq!(on_sent(Kind::Publish(QoS::AtMostOnce)), None);
    assert_eq!(
        on_sent(Kind::Publish(QoS::AtLeastOnce)),
        Some(OutState::AwaitPubAck)
    );
    assert_eq!(
        on_sent(Kind::Publish(QoS::ExactlyOnce)),
        Some(OutState::AwaitPubRec)
    );
    assert_eq!(on_sent(Kind::Subscribe(2)), Some(OutState::AwaitSubAck));
    assert_eq!(on_sent(Kind::Unsubscribe(1)), Some(OutState::AwaitUnsubAck));
    let table = [
        (OutState::Queued, Resume::Keep, Resume::Keep),
        (
            OutState::AwaitPubAck,
            Resume::ResendPublish,
            Resume::Requeue,
        ),
        (
            OutState::AwaitPubRec,
            Resume::ResendPublish,
            Resume::Requeue,
        ),
        (
            OutState::AwaitPubComp,
            Resume::ResendPubRel,
            Resume::Complete,
        ),
        (OutState::AwaitSubAck, Resume::Fail, Resume::Fail),
        (OutState::AwaitUnsubAck, Resume::Fail, Resume::Fail),
    ];
    for (state, present, absent) in table {
        assert_eq!(on_resume(state, true), present, "{state:?}");
        assert_eq!(on_resume(state, false), absent, "{state:?}");
    }
    let unacked: Vec<_> = STATES.iter().filter(|s| s.is_unacked_publish()).collect();
    assert_eq!(
        unacked,
        [
            &OutState::AwaitPubAck,
            &OutState::AwaitPubRec,
            &OutState::AwaitPubComp
        ]
    );
}

fn record(id: Option<PacketId>, state: OutState) -> Record {
    Record {
        id,
        kind: Kind::Publish(QoS::AtLeastOnce),
        state,
        sent_at: Instant::from_ticks(0),
        stored: None,
        pending: state == OutState::Queued,
        seq: 0,
    }
}

#[test]
fn outgoing_table_ids_order_and_bounds() {
    let mut t = Outgoing::<3>::new();
    let a = t.free_id().unwrap();
    t.insert(record(Some(a), OutState::Queued)).unwrap();
    let b = t.free_id().unwrap();
    assert_ne!(a, b, "an identifier in use is never handed out again");
    t.insert(record(Some(b), OutState::AwaitPubAck)).unwrap();
    t.insert(record(None, OutState::Queued)).unwrap();
    assert!(t.is_full());
    assert!(t.insert(record(None, OutState::Queued)).is_err());
    assert_eq!(t.unacked_publishes(), 1);
    // Oldest queued is the first inserted.
    assert_eq!(t.oldest(|r| r.pending), t.find(a));
    t.remove(t.find(a).unwrap());
    assert_eq!(t.oldest(|r| r.pending), Some(2));
    assert_eq!(t.len(), 2);
    // Identifiers wrap around without ever being zero or a held one.
    let mut t = Outgoing::<1>::new();
    t.insert(record(Some(id(2)), OutState::AwaitPubAck))
        .unwrap();
    let ids: Vec<u16> = (0..70_000).map(|_| t.free_id().unwrap().get()).collect();
    assert!(ids.iter().all(|&i| i != 2));
}

#[test]
fn stored_offsets_shift_down() {
    let mut t = Outgoing::<3>::new();
    for (n, offset) in [(1, 0), (2, 10), (3, 25)] {
        let mut r = record(Some(id(n)), OutState::AwaitPubAck);
        r.stored = Some(Stored { offset, len: 10 });
        t.insert(r).unwrap();
    }
    t.remove(0);
    t.shift_stored(0, 10);
    let offsets: Vec<_> = t
        .slots()
        .map(|s| t.get(s).unwrap().stored.unwrap().offset)
        .collect();
    assert_eq!(offsets, [0, 15]);
}

#[test]
fn incoming_qos2_exactly_once() {
    let mut t = IncomingQos2::<2>::new();
    assert_eq!(t.receive(id(7)), Ok(Received::New));
    assert_eq!(t.receive(id(7)), Ok(Received::Duplicate));
    assert_eq!(t.receive(id(8)), Ok(Received::New));
    assert_eq!(t.receive(id(9)), Err(Full));
    assert!(t.holds(id(8)));
    assert!(t.release(id(7)));
    assert!(!t.release(id(7)), "second PUBREL: not held any more");
    assert_eq!(
        t.receive(id(7)),
        Ok(Received::New),
        "a new message after release"
    );
    t.clear();
    assert!(t.is_empty());
}
