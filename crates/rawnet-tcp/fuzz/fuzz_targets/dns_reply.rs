//! Arbitrary bytes as a DNS server's reply: the resolver's reply parser must never panic,
//! loop or read out of bounds. The input is read as the reply to a query for
//! `broker.rawnet.test` with the transaction id the input itself carries (so the parser
//! gets past the id check), and once more with a question name taken from the input's
//! first byte of labels, so that names given by the fuzzer are compared too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = rawnet_tcp::fuzzing::dns_reply(data, "broker.rawnet.test");
    if let Some((&n, rest)) = data.split_first() {
        let n = usize::from(n).min(rest.len());
        if let Ok(name) = core::str::from_utf8(&rest[..n]) {
            let _ = rawnet_tcp::fuzzing::dns_reply(&rest[n..], name);
        }
    }
});
