//! Sessions for tests (feature `testkit`; std, not for firmware): [`crate::test_session!`]
//! assembles one in a single statement on [`TestBuffers`], the way a firmware does on its
//! own [`TlsBuffers`], with the record buffers cut to what the configuration needs, so that a
//! test sees the records the least buffers give.
//!
//! ```
//! use rawnet_tls::{ClientConfig, NoSigner, Time, Tls, Verification};
//!
//! let anyone = Verification::dangerous_accept_any_server_insecure();
//! let config = ClientConfig::new("broker.example", anyone).unwrap();
//! let time = Time::NoEarlierThan(0);
//! rawnet_tls::test_session!(let session = &config, time, rand_core::OsRng, NoSigner);
//! let tls = Tls::new(session, ());
//! # drop(tls);
//! ```

use crate::TlsBuffers;

/// Room for any configuration a test uses: records of up to 2^14 bytes, a write buffer of
/// 4 KiB (a ClientHello with a long name, ALPN and a PSK, or a client certificate of up to
/// ~3.9 KB).
pub type TestBuffers = TlsBuffers<TEST_READ_LEN, 4096>;

/// The read buffer of [`TestBuffers`]: any record up to 2^14 bytes, `read_buffer_len(None)`
/// (a test checks they agree). Written out because calling the `const fn` here makes rustc
/// 1.95 report a query cycle when this crate's own tests build with optimizations (its MIR
/// is wanted while the tests that use this type are type-checked); other crates can call it.
pub const TEST_READ_LEN: usize = 16384 + 256 + 5;

#[cfg(test)]
#[test]
fn test_read_len_is_any_record() {
    assert_eq!(TEST_READ_LEN, crate::read_buffer_len(None));
}

/// `test_session!(let name = config, time, rng, signer)`: a session for `config` (a
/// `&ClientConfig`) pinned in the caller's frame as `name`, on [`TestBuffers`] declared there
/// (a macro, because the session borrows them). The read buffer is cut to
/// `config.read_buffer_len()`, the write buffer to [`crate::write_buffer_len`] of `config`,
/// or to `n` bytes with a trailing `write: n`. Panics if the buffers cannot hold the
/// configuration. Hand `name` to [`crate::Tls::new`] or an [`crate::io`] adapter.
#[macro_export]
macro_rules! test_session {
    (
        let $session:ident = $config:expr, $time:expr, $rng:expr, $signer:expr
        $(, write: $write:expr)? $(,)?
    ) => {
        let config: &$crate::ClientConfig<'_> = $config;
        let mut buffers = $crate::test_session::TestBuffers::new();
        let (shared, read, write) = buffers.split();
        let read = &mut read[..config.read_buffer_len()];
        #[allow(unused_variables)]
        let write_len = $crate::write_buffer_len(config);
        $(let write_len = $write;)?
        let write = &mut write[..write_len];
        let $session = $crate::session(&shared, config, $time, read, write, $rng, $signer)
            .expect("TestBuffers hold the configuration");
        let $session = ::core::pin::pin!($session);
    };
}
