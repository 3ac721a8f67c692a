//! `bench-scale <sessions>`: how many TLS MQTT sessions one host process holds against one
//! Mosquitto. Each session is its own rawnet-tls session (TLS 1.3, the certificate verified,
//! records of at most 1 KiB by max_fragment_length, as the firmware asks) and rawnet-mqtt
//! client with its own buffers, in a task of one single-threaded tokio runtime, on its own
//! loopback socket (a kernel socket: not each its own smoltcp stack). They connect 32 at a
//! time (more at once overflow Mosquitto's listen backlog, which resets them);
//! once every one is up, each publishes one QoS 1 message and waits for its PUBACK, then
//! all stay connected while the process's memory is read.
//!
//! Prints `result sessions` (up at once), `result connect_seconds` (from the first SYN to the
//! last CONNACK), `result rss_kb_before`, `result rss_kb_after`, `result acked`.

use embedded_io_adapters::tokio_1::FromTokio;
use rawnet_bench::result;
use rawnet_mqtt::client::{BufferStorage, Client, Options, Publication};
use rawnet_mqtt::io::Driver;
use rawnet_mqtt::wire::QoS;
use rawnet_tests::certs::{Pki, BROKER_NAME};
use rawnet_tests::mosquitto::{Config, Mosquitto};
use rawnet_tls::io::{StdClock, TlsStream};
use rawnet_tls::{ClientConfig, MaxFragmentLength, NoSigner, Time, Verification};
use std::cell::Cell;
use std::net::SocketAddr;
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Resident set size in kB, from /proc/self/status.
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// Room for `n` sockets here and in the broker (which inherits the limit).
fn raise_fd_limit(n: u64) {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit/setrlimit with a valid pointer to a local rlimit.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) == 0 && lim.rlim_cur < n {
            lim.rlim_cur = n.min(lim.rlim_max);
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
        }
    }
}

/// Sessions in their TCP, TLS and MQTT connect at once.
const CONNECTING: usize = 32;

struct Shared {
    up: Cell<usize>,
    acked: Cell<usize>,
    failed: Cell<usize>,
    release: tokio::sync::Notify,
    /// Sessions connecting at once (Mosquitto's listen backlog resets a SYN storm).
    connecting: tokio::sync::Semaphore,
    all_up: tokio::sync::Notify,
}

async fn session(
    i: usize,
    addr: SocketAddr,
    config: &ClientConfig<'_>,
    shared: Rc<Shared>,
    n: usize,
) -> Result<(), String> {
    let permit = shared
        .connecting
        .acquire()
        .await
        .map_err(|e| e.to_string())?;
    let tcp = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| e.to_string())?;
    tcp.set_nodelay(true).map_err(|e| e.to_string())?;
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_err(|e| e.to_string())?
        .as_secs();
    let mut buffers = rawnet_tls::TlsBuffers::<{ 1024 + 256 + 5 }, 1536>::new();
    let (shared_tls, read, write) = buffers.split();
    let s = rawnet_tls::session(
        &shared_tls,
        config,
        Time::Now(now),
        read,
        write,
        rand_core::OsRng,
        NoSigner,
    )
    .map_err(|e| format!("{e:?}"))?;
    let s = std::pin::pin!(s);
    let tls = TlsStream::new(s, FromTokio::new(tcp), StdClock::new());
    let mut storage = BufferStorage::<512, 512, 512>::new();
    let id = format!("scale-{i}");
    let mut client: Client<'_, ()> = Client::new((), Options::new(&id), storage.buffers());
    let (mut rx, mut tx) = ([0u8; 256], [0u8; 256]);
    let mut mqtt = Driver::new(&mut client, tls, StdClock::new(), &mut rx, &mut tx);
    mqtt.connect().await.map_err(|e| format!("{e:?}"))?;
    drop(permit);
    shared.up.set(shared.up.get() + 1);
    if shared.up.get() + shared.failed.get() == n {
        shared.all_up.notify_one();
    }
    shared.release.notified().await;
    let msg = Publication::new("bench/scale", b"hello").qos(QoS::AtLeastOnce);
    let _published = mqtt
        .command(|c, conn, now| c.publish(conn, &msg, now))
        .map_err(|e| format!("{e:?}"))?;
    mqtt.run_until(|c| c.in_flight() == 0)
        .await
        .map_err(|e| format!("{e:?}"))?;
    shared.acked.set(shared.acked.get() + 1);
    // Stay up until the process ends (memory is read with every session live).
    std::future::pending::<()>().await;
    Ok(())
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| {
            eprintln!("usage: bench-scale <sessions>");
            std::process::exit(2)
        });
    raise_fd_limit(2 * n as u64 + 256);
    let pki = Pki::generate(&[BROKER_NAME]).expect("PKI");
    let broker = Mosquitto::start(Config {
        tls: Some(pki.listener(false)),
        extra: vec!["max_connections -1".into()],
        ..Config::default()
    })
    .expect("mosquitto");
    let ca: &'static [u8] = Box::leak(pki.ca_der.clone().into_boxed_slice());
    let anchors: &'static [&'static [u8]] = Box::leak(Box::new([ca]));
    let config = ClientConfig::new(BROKER_NAME, Verification::new(anchors).expect("CA"))
        .expect("config")
        .with_max_fragment_length(MaxFragmentLength::Bits10);
    let config: &'static ClientConfig<'static> = Box::leak(Box::new(config));
    let addr = broker.tls.expect("TLS listener");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .expect("runtime");
    let local = tokio::task::LocalSet::new();
    let shared = Rc::new(Shared {
        up: Cell::new(0),
        acked: Cell::new(0),
        failed: Cell::new(0),
        release: tokio::sync::Notify::new(),
        connecting: tokio::sync::Semaphore::new(CONNECTING),
        all_up: tokio::sync::Notify::new(),
    });
    let before = rss_kb();
    local.block_on(&rt, async {
        let start = Instant::now();
        for i in 0..n {
            let shared = shared.clone();
            tokio::task::spawn_local(async move {
                if let Err(e) = session(i, addr, config, shared.clone(), n).await {
                    if shared.failed.get() == 0 {
                        eprintln!("session {i}: {e}");
                    }
                    shared.failed.set(shared.failed.get() + 1);
                    if shared.up.get() + shared.failed.get() == n {
                        shared.all_up.notify_one();
                    }
                }
            });
        }
        let _ = tokio::time::timeout(Duration::from_secs(300), shared.all_up.notified()).await;
        let connect = start.elapsed();
        let up = shared.up.get();
        shared.release.notify_waiters();
        let until = Instant::now() + Duration::from_secs(60);
        while shared.acked.get() + shared.failed.get() < n && Instant::now() < until {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        result("sessions", up);
        result("failed", shared.failed.get());
        result("connect_seconds", connect.as_secs_f64());
        result("acked", shared.acked.get());
        result("rss_kb_before", before);
        result("rss_kb_after", rss_kb());
    });
    drop(broker);
}
