//! Footprint image for the TLS layer (rawnet-tls: embedded-tls, its crypto, rawnet's
//! verifier and the transport) over rawnet-tcp.
//!
//! Exists only to be measured by `cargo xtask size`: it brings up DHCP, resolves the broker's
//! name, opens one TCP connection and performs one verified TLS 1.3 handshake
//! (TLS_AES_128_GCM_SHA256, secp256r1, server chain checked against the trust anchor in
//! `anchor.der`, name and dates checked, CertificateVerify checked), then writes through the
//! TLS connection. `--features baseline` builds the same program without the TLS layer (the
//! application sits directly on TCP), so `image - baseline` is the TLS layer alone.
//!
//! Stand-ins, as in `footprint/net`: the MAC driver (one RX and one TX buffer read with
//! volatile loads) and the entropy source: [`Rnga`] reads a "hardware" register like the
//! K64F's RNGA and is not random at all. A board supplies its TRNG here.
#![no_std]
#![no_main]

#[cfg(not(feature = "baseline"))]
use core::ptr::addr_of;
use core::ptr::addr_of_mut;
use cortex_m_rt::entry;
use footprint_support::{now, wfi, Echo, Mac};
use rawnet_eth::{EthernetDriver, SmoltcpDevice};
use rawnet_tcp::smoltcp::iface::SocketStorage;
use rawnet_tcp::{Callbacks, Config, DnsStorage, Stack, TcpConn, TcpHandle};
#[cfg(not(feature = "baseline"))]
use rawnet_tls::{
    read_buffer_len, session, ClientConfig, MaxFragmentLength, NoSigner, Time, Tls, TlsBuffers,
    Verification,
};

/// Stand-in for the RNGA's output register, written by the "hardware".
#[cfg(not(feature = "baseline"))]
static mut RNG_OUT: u32 = 0x6a09_e667;

/// Stand-in entropy source (see the crate doc): one volatile register read per word.
#[cfg(not(feature = "baseline"))]
struct Rnga;

#[cfg(not(feature = "baseline"))]
impl rand_core::RngCore for Rnga {
    fn next_u32(&mut self) -> u32 {
        // SAFETY: single-threaded; a volatile read of a word the "hardware" updates.
        unsafe { addr_of!(RNG_OUT).read_volatile() }
    }
    fn next_u64(&mut self) -> u64 {
        u64::from(self.next_u32()) << 32 | u64::from(self.next_u32())
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(4) {
            let w = self.next_u32().to_le_bytes();
            chunk.copy_from_slice(&w[..chunk.len()]);
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

#[cfg(not(feature = "baseline"))]
impl rand_core::CryptoRng for Rnga {}

/// The broker's CA (DER) in flash: a throwaway public certificate whose key was discarded.
#[cfg(not(feature = "baseline"))]
static ANCHOR: &[u8] = include_bytes!("../anchor.der");
/// No RTC: certificates that expired before the firmware was built are refused.
#[cfg(not(feature = "baseline"))]
const BUILD_TIME: u64 = 1_764_000_000;

static mut MAC: Mac = Mac::new();
static mut TCP_RX: [u8; 4096] = [0; 4096];
static mut TCP_TX: [u8; 4096] = [0; 4096];
/// TLS record buffers for max_fragment_length 1024 (what Mosquitto honours; docs/tls.md), a
/// 512-byte write buffer and the default staging scratch, sized from the configuration.
#[cfg(not(feature = "baseline"))]
static mut TLS: TlsBuffers<{ read_buffer_len(Some(MaxFragmentLength::Bits10)) }, 512> =
    TlsBuffers::new();

/// Resolve the broker, connect, and drive `callbacks` until `failed` says the connection ended.
fn connection<'a, D, C>(
    stack: &mut Stack<'a, SmoltcpDevice<D>>,
    conn: &mut TcpHandle,
    callbacks: &mut C,
    failed: impl Fn(&C) -> bool,
) where
    D: EthernetDriver,
    C: for<'s> Callbacks<TcpConn<'s, 'a>>,
{
    let mut query = None;
    loop {
        let t = now();
        stack.poll(t);
        match (&mut query, stack.ipv4_address()) {
            (None, Some(_)) => query = stack.dns_query("broker.example").ok(),
            (Some(q), Some(_)) => {
                if let Ok(addr) = stack.dns_result(q) {
                    let _ = stack.connect(conn, addr, 8883, t);
                }
            }
            _ => {}
        }
        stack.drive(conn, callbacks, t);
        if failed(callbacks) {
            return;
        }
        wfi();
    }
}

#[entry]
fn main() -> ! {
    // SAFETY: `main` runs once; these statics are handed out exactly once, here.
    let (mac, tcp_rx, tcp_tx) = unsafe {
        (
            &mut *addr_of_mut!(MAC),
            &mut *addr_of_mut!(TCP_RX),
            &mut *addr_of_mut!(TCP_TX),
        )
    };
    let mut dhcp = rawnet_tcp::DhcpStorage::new();
    let mut sockets = [SocketStorage::EMPTY; 3];
    let config = Config::new_dhcp(mac.mac_address(), 0x5eed);
    let Ok(mut stack) = Stack::new(SmoltcpDevice::new(mac), config, &mut sockets, now()) else {
        panic!()
    };
    if stack.enable_dhcp(&mut dhcp).is_err() {
        panic!()
    }
    let mut dns: DnsStorage<1> = DnsStorage::new();
    if stack.enable_dns(&mut dns).is_err() {
        panic!()
    }
    let Ok(mut conn) = stack.tcp_socket(tcp_rx, tcp_tx) else {
        panic!()
    };

    #[cfg(feature = "baseline")]
    loop {
        let mut app = Echo::default();
        connection(&mut stack, &mut conn, &mut app, |a| a.failed);
    }

    #[cfg(not(feature = "baseline"))]
    {
        // SAFETY: as above.
        let buffers = unsafe { &mut *addr_of_mut!(TLS) };
        let anchors: [&[u8]; 1] = [ANCHOR];
        let Ok(verification) = Verification::new(&anchors) else {
            panic!()
        };
        let Ok(tls_config) = ClientConfig::new("broker.example", verification) else {
            panic!()
        };
        let tls_config = tls_config.with_max_fragment_length(MaxFragmentLength::Bits10);
        loop {
            let (shared, read, write) = buffers.split();
            let Ok(fut) = session(
                &shared,
                &tls_config,
                Time::NoEarlierThan(BUILD_TIME),
                read,
                write,
                Rnga,
                NoSigner,
            ) else {
                panic!()
            };
            let mut fut = core::pin::pin!(fut);
            let mut tls = Tls::new(fut.as_mut(), Echo::default());
            connection(&mut stack, &mut conn, &mut tls, |t| t.inner().failed);
        }
    }
}
