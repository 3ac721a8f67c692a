//! Arbitrary bytes as a DHCP server's reply: the client's reply parser and its state machine
//! in every phase must never panic. The input is read as a reply to the transaction id and
//! hardware address it carries, so the parser gets past those checks.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    rawnet_tcp::fuzzing::dhcp_reply(data);
});
