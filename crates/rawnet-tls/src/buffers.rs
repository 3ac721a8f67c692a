//! The memory of one TLS connection, sized at compile time: the staging scratch of
//! [`Shared`], the read buffer and the write buffer, in one [`TlsBuffers`] a firmware declares
//! as a `static` from its configuration's constants, with no arithmetic of its own:
//!
//! ```
//! use rawnet_tls::{read_buffer_len, write_buffer_len_for, MaxFragmentLength, TlsBuffers};
//!
//! const MFL: MaxFragmentLength = MaxFragmentLength::Bits10;
//! const BROKER: &str = "broker.example";
//! type Buffers = TlsBuffers<{ read_buffer_len(Some(MFL)) }, { write_buffer_len_for(BROKER.len(), 0, 0) }>;
//! static mut _BUFFERS: Buffers = Buffers::new(); // 512 + 1,285 + 695 bytes of .bss
//! assert_eq!(read_buffer_len(Some(MFL)), 1_285);
//! ```
//!
//! [`crate::session`] checks the sizes again at run time against the [`crate::ClientConfig`]
//! and names the size it needs if one is short.

use embedded_tls::MaxFragmentLength;

use crate::driver::{CLIENT_HELLO_BASE, RECORD_OVERHEAD, WRITE_BUFFER_RESERVE};
use crate::pipe::Shared;

/// The [`Shared`] staging scratch [`TlsBuffers`] holds unless told otherwise: 128 bytes per
/// queue.
pub const SCRATCH_LEN: usize = 512;

/// The read buffer that holds any record a server may send when asked for records of at most
/// `max_fragment_length` (`None`: 2^14 bytes): the record's plaintext, the 256 bytes of
/// expansion RFC 8446 §5.2 allows, and its 5-byte header.
pub const fn read_buffer_len(max_fragment_length: Option<MaxFragmentLength>) -> usize {
    let plaintext = match max_fragment_length {
        Some(MaxFragmentLength::Bits9) => 512,
        Some(MaxFragmentLength::Bits10) => 1024,
        Some(MaxFragmentLength::Bits11) => 2048,
        Some(MaxFragmentLength::Bits12) => 4096,
        None => 16384,
    };
    plaintext + 256 + 5
}

/// The write buffer for a server name of `server_name_len` bytes, ALPN protocol names of
/// `alpn_len` bytes in all (each name's length plus one), and a client certificate of
/// `client_certificate_len` bytes (0: none): room for the ClientHello or the Certificate
/// message, and embedded-tls's reserve. With a pre-shared key (feature `psk`) use
/// [`crate::write_buffer_len`] of the configuration.
pub const fn write_buffer_len_for(
    server_name_len: usize,
    alpn_len: usize,
    client_certificate_len: usize,
) -> usize {
    let hello = CLIENT_HELLO_BASE + server_name_len + alpn_len;
    let cert = if client_certificate_len == 0 {
        0
    } else {
        client_certificate_len + 16
    };
    WRITE_BUFFER_RESERVE + RECORD_OVERHEAD + if hello > cert { hello } else { cert }
}

/// All the memory one TLS connection needs, in one place: the staging scratch of `SCRATCH`
/// bytes, a read buffer of `READ` bytes and a write buffer of `WRITE` bytes (see the module
/// documentation). A larger scratch than the default [`SCRATCH_LEN`] means fewer polls of the
/// session per record (a host moving 16 KiB records may give it a few KiB); any size from 64
/// works.
///
/// The parts cannot be mismatched: [`split`](Self::split) lends all three to one session at a
/// time, and the session, which carries its staging, drives one transport at a time.
///
/// ```compile_fail,E0499
/// # use core::pin::pin;
/// # use rawnet_tls::*;
/// # fn f(config: &ClientConfig<'_>, rng: impl rand_core::CryptoRngCore + Copy) {
/// let mut buffers = TlsBuffers::<{ read_buffer_len(None) }, 1024>::new();
/// let (shared, read, write) = buffers.split();
/// let first = session(&shared, config, Time::NoEarlierThan(0), read, write, rng, NoSigner);
/// let (shared, read, write) = buffers.split(); // no: the first session holds them
/// let second = session(&shared, config, Time::NoEarlierThan(0), read, write, rng, NoSigner);
/// # drop((first, second));
/// # }
/// ```
///
/// ```compile_fail,E0499
/// # use core::pin::pin;
/// # use rawnet_tls::*;
/// # fn f(config: &ClientConfig<'_>, rng: impl rand_core::CryptoRngCore + Copy) {
/// let mut buffers = TlsBuffers::<{ read_buffer_len(None) }, 1024>::new();
/// let (shared, read, write) = buffers.split();
/// let session = session(&shared, config, Time::NoEarlierThan(0), read, write, rng, NoSigner);
/// let mut session = pin!(session.unwrap());
/// let a = Tls::new(session.as_mut(), ());
/// let b = Tls::new(session.as_mut(), ()); // no: one session, one transport
/// # drop((a, b));
/// # }
/// ```
#[derive(Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TlsBuffers<const READ: usize, const WRITE: usize, const SCRATCH: usize = SCRATCH_LEN> {
    scratch: [u8; SCRATCH],
    read: [u8; READ],
    write: [u8; WRITE],
}

impl<const READ: usize, const WRITE: usize, const SCRATCH: usize> TlsBuffers<READ, WRITE, SCRATCH> {
    /// Zeroed buffers (a `static` of them costs `.bss` only).
    pub const fn new() -> Self {
        const { assert!(SCRATCH >= 64, "the staging scratch needs 64 bytes at least") };
        TlsBuffers {
            scratch: [0; SCRATCH],
            read: [0; READ],
            write: [0; WRITE],
        }
    }

    /// The staging and the two record buffers, for [`crate::session`].
    pub fn split(&mut self) -> (Shared<'_>, &mut [u8], &mut [u8]) {
        (
            Shared::new(&mut self.scratch),
            &mut self.read,
            &mut self.write,
        )
    }
}

impl<const READ: usize, const WRITE: usize, const SCRATCH: usize> Default
    for TlsBuffers<READ, WRITE, SCRATCH>
{
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ClientConfig, MaxFragmentLength, Verification};

    #[test]
    fn the_const_sizes_are_the_configurations() {
        let alpn: &[&[u8]] = &[b"mqtt", b"x-amzn-mqtt-ca"];
        for (name, alpn, cert) in [
            ("broker.example", None, None),
            ("a.very.long.name.of.a.broker.example.com", Some(alpn), None),
            ("broker.example", None, Some(&[0u8; 900][..])),
        ] {
            let mut config =
                ClientConfig::new(name, Verification::dangerous_accept_any_server_insecure())
                    .unwrap();
            let mut alpn_len = 0;
            if let Some(a) = alpn {
                config = config.with_alpn(a);
                alpn_len = a.iter().map(|p| p.len() + 1).sum();
            }
            let cert_len = cert.map_or(0, <[u8]>::len);
            if let Some(c) = cert {
                config = config.with_client_certificate(c);
            }
            assert_eq!(
                crate::write_buffer_len(&config),
                write_buffer_len_for(name.len(), alpn_len, cert_len)
            );
            for mfl in [
                None,
                Some(MaxFragmentLength::Bits9),
                Some(MaxFragmentLength::Bits12),
            ] {
                let config = config.with_max_fragment_length_opt(mfl);
                assert_eq!(config.read_buffer_len(), read_buffer_len(mfl));
            }
        }
    }
}
