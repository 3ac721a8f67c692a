//! Arbitrary broker bytes into a connected rawnet-mqtt client.
//!
//! The client is connected (CONNECT answered by a valid CONNACK), has a subscription and a
//! QoS 1 and a QoS 2 message in flight, accepts 4 Topic Aliases from the broker and uses the
//! broker's 4 (5.0 CONNACK) for its own messages, and then receives the fuzzer's bytes in pieces whose
//! sizes the input chooses, interleaved with acknowledgements (`sent`) and time passing
//! (`poll`). Whatever arrives, nothing may panic, `recv` may never claim more bytes than it
//! was given, and every byte the client writes must parse as valid MQTT of its version.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rawnet_mqtt::client::{Buffers, Client, Handler, Options, Publication};
use rawnet_mqtt::wire::{QoS, Repr, Subscription, SubscriptionOptions, Version};
use rawnet_altcp::{Callbacks, Connection, Duration, Instant};

#[derive(Default)]
struct Wire {
    out: Vec<u8>,
    closed: bool,
}

impl Connection for Wire {
    type Error = &'static str;
    fn send_space(&self) -> usize {
        if self.closed {
            0
        } else {
            4096
        }
    }
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, Self::Error> {
        if self.closed {
            return Err(nb::Error::Other("closed"));
        }
        let n = data.len().min(4096);
        self.out.extend_from_slice(&data[..n]);
        Ok(n)
    }
    fn output(&mut self) -> Result<(), Self::Error> {
        Ok(())
    }
    fn close(&mut self) -> Result<(), Self::Error> {
        self.closed = true;
        Ok(())
    }
    fn abort(&mut self) {
        self.closed = true;
    }
    fn set_nodelay(&mut self, _: bool) {}
    fn set_keep_alive(&mut self, _: Option<Duration>) {}
    fn is_connected(&self) -> bool {
        !self.closed
    }
}

struct Quiet;
impl Handler for Quiet {}

/// Everything written since the last check must be whole, valid packets.
fn check_output(wire: &mut Wire, version: Version) {
    let bytes = core::mem::take(&mut wire.out);
    let mut at = 0;
    while at < bytes.len() {
        match Repr::parse_bytes(&bytes[at..], version) {
            Ok((_, len)) => at += len,
            Err(e) => panic!("the client wrote an invalid packet: {e:?}"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let [v, split, rest @ ..] = data else { return };
    let version = if v & 1 == 0 {
        Version::V311
    } else {
        Version::V5
    };
    let split = usize::from(*split % 64) + 1;
    let mut options = Options::new("fuzz");
    options.version = version;
    options.keep_alive = 10;
    let (mut out, mut rx, mut store) = ([0u8; 256], [0u8; 128], [0u8; 512]);
    let (mut alias_in, mut alias_out) = ([0u8; 64], [0u8; 64]);
    let mut client: Client<'_, Quiet> = Client::new(
        Quiet,
        options,
        Buffers {
            output: &mut out,
            receive: &mut rx,
            store: &mut store,
        },
    )
    .with_incoming_topic_aliases(&mut alias_in, 4)
    .with_outgoing_topic_aliases(&mut alias_out);
    let mut wire = Wire::default();
    let mut now = Instant::from_ticks(0);
    client.connected(&mut wire, now);
    let connack: &[u8] = match version {
        Version::V311 => &[0x20, 2, 0, 0],
        // Topic Alias Maximum 4.
        Version::V5 => &[0x20, 6, 0, 0, 3, 0x22, 0, 4],
    };
    assert_eq!(client.recv(&mut wire, connack, now), connack.len());
    let subs = [Subscription {
        filter: "f/#",
        options: SubscriptionOptions::qos(QoS::ExactlyOnce),
    }];
    let _ = client.subscribe(&mut wire, &subs, now);
    let _ = client.publish(
        &mut wire,
        &Publication::new("f/1", b"one").qos(QoS::AtLeastOnce),
        now,
    );
    let _ = client.publish(
        &mut wire,
        &Publication::new("f/2", b"two").qos(QoS::ExactlyOnce),
        now,
    );
    // Defines an alias, then uses it (5.0).
    let _ = client.publish(&mut wire, &Publication::new("f/1", b"again"), now);
    check_output(&mut wire, version);

    for (i, chunk) in rest.chunks(split).enumerate() {
        let mut piece = chunk;
        // Offer the piece until the client takes nothing more (it may hold back input while
        // its output ring is full).
        while !piece.is_empty() && !wire.closed {
            let taken = client.recv(&mut wire, piece, now);
            assert!(taken <= piece.len(), "recv took more than it was given");
            if taken == 0 {
                break;
            }
            piece = &piece[taken..];
        }
        now = now + Duration::from_millis(700);
        client.sent(&mut wire, 64, now);
        if i % 4 == 0 {
            client.poll(&mut wire, now);
        }
        check_output(&mut wire, version);
        if wire.closed {
            break;
        }
    }
});
