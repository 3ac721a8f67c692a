//! One run of a tool: the client's options and buffers from the command line, the
//! connection (host or embedded stack), TLS when asked for, the loop.

use core::pin::pin;

use rand_core::OsRng;
use rawnet_altcp::StdClock;
use rawnet_eth::EthernetDriver;
use rawnet_mqtt::client::{Buffers, Client, Options};
use rawnet_mqtt::wire::{Properties, Will};
use rawnet_tcp::host::HostTcp;
use rawnet_tls::{
    read_buffer_len, session, ClientConfig, P256Signer, Tls, TlsBuffers, Verification,
};

use crate::args::{Config, StackKind};
use crate::exit::{self, Failure};
use crate::link::{self, App, Limits, StackNet, Tap};
use crate::props::{self, PropCommand, PropValue};
use crate::tls::{self, KeySigner, Material};

/// The client's buffers: 64 KiB each. The output ring is what streams a large message out,
/// the receive buffer holds any packet but a PUBLISH payload (larger payloads arrive in
/// pieces), the store keeps QoS 1 and 2 messages until acknowledged.
const BUFFER: usize = 64 * 1024;

/// The TLS buffers: any record a server may send (16 KiB, no Max Fragment Length), records
/// of 16 KiB out (room too for a ClientHello with a long name and ALPN, or a client
/// certificate of up to ~16 KB), and a 4 KiB staging scratch (fewer session polls per record).
type HostBuffers = TlsBuffers<{ read_buffer_len(None) }, { 16 * 1024 + 512 }, 4096>;

/// Run the tool `app` as `cfg` says.
pub fn run<A: App>(cfg: &Config, app: A) -> Result<(), Failure> {
    let material = match cfg.tls.enabled() {
        true => Some(Material::load(&cfg.tls)?),
        false => None,
    };
    if material.as_ref().is_some_and(|m| m.insecure) && !cfg.quiet {
        eprintln!("{}", tls::INSECURE_WARNING);
    }
    let client_id = cfg.client_id();
    let will_props = props::for_command(&cfg.props, PropCommand::Will);
    let mut options = Options::new(&client_id);
    options.version = cfg.version;
    options.keep_alive = cfg.keepalive;
    // A broker that accepted the connection answers CONNECT at once: wait for the CONNACK
    // no longer than the keep-alive the user chose (at most 10 s).
    options.connect_timeout =
        rawnet_altcp::Duration::from_secs(u64::from(cfg.keepalive).clamp(1, 10));
    options.clean_start = cfg.clean;
    options.session_expiry = cfg.session_expiry.unwrap_or(0);
    options.username = cfg.username.as_deref();
    options.password = cfg.password.as_deref().map(str::as_bytes);
    options.max_packet_size = cfg.props.iter().find_map(|p| match p.value {
        PropValue::MaximumPacketSize(n) => Some(n),
        _ => None,
    });
    options.will = cfg.will.as_ref().map(|w| Will {
        qos: w.qos,
        retain: w.retain,
        topic: &w.topic,
        payload: &w.payload,
        properties: Properties::from_slice(&will_props),
    });
    let (mut out, mut rx, mut store) = (vec![0; BUFFER], vec![0; BUFFER], vec![0; BUFFER]);
    let client = Client::new(
        app,
        options,
        Buffers {
            output: &mut out,
            receive: &mut rx,
            store: &mut store,
        },
    );
    let mut tap = Tap::new(client);
    let mut clock = StdClock::new();
    let limits = Limits {
        deadline: cfg.timeout.map(|s| link::after_secs(&mut clock, s)),
        version: cfg.version,
        keepalive: cfg.keepalive,
    };
    let port = cfg.port();
    match &cfg.stack {
        StackKind::Host => {
            let addrs = crate::net::resolve(&cfg.host, port)?;
            if cfg.debug {
                eprintln!("rawnet: connecting to {:?} over the host's TCP", addrs);
            }
            let mut tcp: HostTcp = crate::net::host(&addrs, cfg.nodelay)?;
            match &material {
                None => link::run(&mut tcp, &mut tap, &mut clock, limits),
                Some(m) => with_tls(cfg, m, tap, &mut clock, |tls, clock| {
                    link::run(&mut tcp, tls, clock, limits)
                })
                .and_then(|r| r),
            }
        }
        StackKind::Slirp => {
            let addrs = crate::net::resolve(&cfg.host, port)?;
            let mut net = crate::net::slirp(&addrs, &mut clock, cfg.debug)?;
            let result = on_stack(cfg, material.as_ref(), tap, &mut net, &mut clock, limits);
            // libslirp accepts the stack's connection itself and resets it when the host
            // side fails: say what failed.
            let broker = addrs.iter().copied().find(std::net::SocketAddr::is_ipv4);
            result.map_err(|f| match broker {
                Some(b) => crate::net::slirp_diagnosis(&net, b).unwrap_or(f),
                None => f,
            })
        }
        StackKind::Tap(name) => {
            let mut net = crate::net::tap(name, &cfg.host, port, &mut clock, cfg.debug)?;
            on_stack(cfg, material.as_ref(), tap, &mut net, &mut clock, limits)
        }
    }
}

/// The loop on the embedded stack, with or without TLS.
fn on_stack<A: App, D: EthernetDriver>(
    cfg: &Config,
    material: Option<&Material>,
    mut tap: Tap<'_, A>,
    net: &mut StackNet<'static, D>,
    clock: &mut StdClock,
    limits: Limits,
) -> Result<(), Failure> {
    match material {
        None => link::run(net, &mut tap, clock, limits),
        Some(m) => with_tls(cfg, m, tap, clock, |tls, clock| {
            link::run(net, tls, clock, limits)
        })
        .and_then(|r| r),
    }
}

/// `f` with rawnet-tls between the client and the connection: verified against the
/// anchors of `m` as `-h` names the broker (or not at all with `--insecure`), the client
/// certificate when there is one, 16 KiB records (no Max Fragment Length: a host has the
/// memory, and brokers do not all support it).
fn with_tls<'b, A: App, R>(
    cfg: &Config,
    m: &Material,
    tap: Tap<'b, A>,
    clock: &mut StdClock,
    f: impl FnOnce(&mut Tls<'_, '_, Tap<'b, A>>, &mut StdClock) -> R,
) -> Result<R, Failure> {
    let anchors: Vec<&[u8]> = m.anchors.iter().map(Vec::as_slice).collect();
    let verification = match m.insecure {
        true => Verification::dangerous_accept_any_server_insecure(),
        false => Verification::new(&anchors).map_err(|e| {
            Failure::new(
                exit::TLS,
                format!("Error: a CA certificate cannot be used: {e:?}."),
            )
        })?,
    };
    let mut config = ClientConfig::new(&cfg.host, verification).map_err(|e| {
        Failure::new(
            exit::TLS,
            format!(
                "Error: '{}' cannot be checked against a certificate: {e:?}.",
                cfg.host
            ),
        )
    })?;
    let alpn: Vec<&[u8]> = m.alpn.iter().map(Vec::as_slice).collect();
    if !alpn.is_empty() {
        config = config.with_alpn(&alpn);
    }
    let signer = match &m.client {
        Some((cert, key)) => {
            config = config.with_client_certificate(cert);
            KeySigner(Some(P256Signer::from_bytes(key).ok_or_else(|| {
                Failure::new(exit::USAGE, "Error: the --key is not a valid P-256 key.")
            })?))
        }
        None => KeySigner(None),
    };
    let mut buffers = Box::new(HostBuffers::new());
    let (shared, read, write) = buffers.split();
    let session = session(&shared, &config, tls::now(), read, write, OsRng, signer)
        .map_err(|e| Failure::new(exit::TLS, format!("Error: TLS: {e}.")))?;
    let session = pin!(session);
    let mut layer = Tls::new(session, tap);
    Ok(f(&mut layer, clock))
}
