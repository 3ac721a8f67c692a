//! The rawnet-mqtt client over rawnet-tls over the host stack — `Tls<Client<App>>` on a
//! rawnet-tcp connection through restricted slirp — against a Mosquitto TLS listener. Used by
//! `tests/tests/mqtt_tls.rs` and the demo.

use crate::certs::Pki;
use crate::host::{buffer, dhcp_stack, now, wait_for_lease};
use crate::mqtt::App;
use crate::tls::{unix_now, BROKER_IP, BROKER_PORT};
use rawnet_eth::host::{SlirpConfig, SlirpDevice};
use rawnet_eth::SmoltcpDevice;
use rawnet_mqtt::client::{Buffers, Client, Options};
use rawnet_tcp::smoltcp::wire::IpAddress;
use rawnet_tcp::{Stack, TcpConn, TcpHandle};
use rawnet_tls::{ClientConfig, MaxFragmentLength, NoSigner, Tls, TlsConn, Verification};
use std::net::SocketAddrV4;
use std::time::{Duration, Instant as StdInstant};

/// The MQTT client as it sits above TLS.
pub type SecureClient = Client<'static, App>;

/// A connected-or-connecting secure client and the stack under it.
pub struct Secure<'s, 'b> {
    /// The rawnet stack.
    pub stack: Stack<'static, SmoltcpDevice<SlirpDevice>>,
    /// The TCP connection to the broker.
    pub handle: TcpHandle,
    /// TLS with the MQTT client above it.
    pub tls: Tls<'s, 'b, SecureClient>,
}

impl<'b> Secure<'_, 'b> {
    /// The application's handler.
    pub fn app(&self) -> &App {
        self.tls.inner().handler()
    }

    /// The superloop: poll, drive, until `done(app)`; fails after 15 s or when the client
    /// is disconnected while waiting for `what`.
    pub fn run_until(
        &mut self,
        what: &str,
        mut done: impl FnMut(&App) -> bool,
    ) -> Result<(), String> {
        let until = StdInstant::now() + Duration::from_secs(15);
        loop {
            let t = now();
            let busy = self.stack.poll(t);
            self.stack.drive(&mut self.handle, &mut self.tls, t);
            let app = self.app();
            if done(app) {
                return Ok(());
            }
            if !app.disconnects.is_empty() {
                return Err(format!("{what}: disconnected {:?}", app.disconnects));
            }
            if StdInstant::now() > until {
                return Err(format!("{what}: not done within 15 s"));
            }
            if !busy {
                std::thread::sleep(Duration::from_micros(300));
            }
        }
    }

    /// Run a client command from the superloop (through `Tls::with_connection`).
    pub fn command<R>(
        &mut self,
        f: impl FnOnce(&mut SecureClient, &mut TlsConn<'_, 'b, TcpConn<'_, 'static>>) -> R,
    ) -> R {
        let mut tcp = self.stack.connection(&mut self.handle);
        self.tls.with_connection(&mut tcp, now(), f)
    }
}

/// Open a secure client to the TLS listener at `127.0.0.1:tls_port` (reached as
/// `BROKER_IP:BROKER_PORT` through slirp), expecting `server_name` in a certificate from
/// `pki`'s CA, with 1 KiB records, and hand it to `f` once TCP is connecting; the MQTT
/// CONNECT follows the handshake by itself.
pub fn with_secure_client<R>(
    pki: &Pki,
    tls_port: u16,
    server_name: &str,
    options: Options<'static>,
    f: impl FnOnce(&mut Secure<'_, '_>) -> Result<R, String>,
) -> Result<R, String> {
    let anchors: [&[u8]; 1] = [&pki.ca_der];
    let config = ClientConfig::new(
        server_name,
        Verification::new(&anchors).map_err(|e| format!("{e:?}"))?,
    )
    .map_err(|e| format!("{e:?}"))?
    .with_max_fragment_length(MaxFragmentLength::Bits10);
    rawnet_tls::test_session!(let session = &config, unix_now(), rand_core::OsRng, NoSigner);
    let client = Client::new(
        App::default(),
        options,
        Buffers {
            output: buffer(1024),
            receive: buffer(1024),
            store: buffer(2048),
        },
    );

    let mut slirp = SlirpDevice::new(SlirpConfig::default()).map_err(|e| e.to_string())?;
    slirp
        .forward(SocketAddrV4::new(BROKER_IP, BROKER_PORT), tls_port)
        .map_err(|e| e.to_string())?;
    let mut stack = dhcp_stack(slirp, u64::from(tls_port));
    wait_for_lease(&mut stack, Duration::from_secs(10))?;
    let mut handle = stack
        .tcp_socket(buffer(4096), buffer(4096))
        .map_err(|e| format!("{e:?}"))?;
    stack
        .connect(&mut handle, IpAddress::Ipv4(BROKER_IP), BROKER_PORT, now())
        .map_err(|e| format!("{e:?}"))?;
    let mut secure = Secure {
        stack,
        handle,
        tls: Tls::new(session, client),
    };
    f(&mut secure)
}
