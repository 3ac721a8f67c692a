//! Arbitrary bytes as a server's certificate chain: the DER reader, the X.509 view and path
//! validation must never panic. The input is cut into certificates at 0xff 0x00 markers;
//! the first piece is also used as the trust anchor, so signature checks are reached.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rawnet_tls::{verify_server_chain, ServerName, Time};

fuzz_target!(|data: &[u8]| {
    let pieces: Vec<&[u8]> = data.split(|&b| b == 0xff).take(8).collect();
    let anchors = [pieces[0]];
    for name in ["broker.example", "127.0.0.1"] {
        let name = ServerName::parse(name).unwrap();
        let _ = verify_server_chain(&pieces, &anchors, &name, Time::Now(1_900_000_000));
        let _ = verify_server_chain(&pieces[1..], &anchors, &name, Time::NoEarlierThan(0));
    }
});
