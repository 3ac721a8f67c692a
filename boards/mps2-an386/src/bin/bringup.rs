//! Bring-up of QEMU's mps2-an386 (Cortex-M4F, LAN9118): everything below the application.
//!
//! Boots, logs on UART0, checks the clock against the host's, reads a seed from the host's
//! entropy, brings the LAN9118 up, gets a DHCP lease, resolves `broker.rawnet.test` when the
//! lease names a DNS server (the host's `rawnet_tests::qemu_net` network does; QEMU's
//! restricted user network does not, and then the echo address is `10.0.2.100`), opens TCP
//! to that address on port 7 (forwarded to an echo server on the host's 127.0.0.1), sends
//! 16 KiB, checks every byte of the echo, closes, and exits 0 through semihosting. Every
//! failure logs why and exits non-zero.
//!
//! ```text
//! cargo run --release --bin bringup    # runner: .cargo/config.toml (guestfwd to `cat`)
//! ```
#![no_std]
#![no_main]

use cortex_m_rt::entry;
use mps2_an386::{exit, println, semihosting, Board, Clock};
use rawnet_eth::{EthernetDriver, SmoltcpDevice};
use rawnet_tcp::smoltcp::iface::SocketStorage;
use rawnet_tcp::smoltcp::phy::Device;
use rawnet_tcp::smoltcp::wire::IpAddress;
use rawnet_tcp::smoltcp::wire::Ipv4Address;
use rawnet_tcp::{
    Callbacks, Config, Connection, DhcpState, DhcpStorage, DnsStorage, Duration, Instant, Stack,
    TcpError,
};

/// The echo server's name, looked up when the lease names a DNS server.
const ECHO_NAME: &str = "broker.rawnet.test";
/// The echo server's address without DNS (QEMU forwards it to the host).
const ECHO_ADDR: Ipv4Address = Ipv4Address::new(10, 0, 2, 100);
const ECHO_PORT: u16 = 7;
/// Bytes sent and expected back.
const TOTAL: usize = 16 * 1024;

/// Exit statuses of this program (the board's own are 101-103).
const EXIT_CLOCK: i32 = 2;
const EXIT_BOARD: i32 = 3;
const EXIT_DHCP: i32 = 4;
const EXIT_TCP: i32 = 5;
const EXIT_DNS: i32 = 6;

fn pattern(i: usize) -> u8 {
    (i.wrapping_mul(31) ^ (i >> 9)) as u8
}

/// Sends the pattern, checks what comes back.
#[derive(Default)]
struct Echo {
    peer: Option<IpAddress>,
    written: usize,
    received: usize,
    mismatch: Option<usize>,
    closing: bool,
    eof: bool,
    failed: Option<TcpError>,
}

impl Echo {
    fn push<C: Connection>(&mut self, conn: &mut C) {
        let mut chunk = [0u8; 536];
        while self.written < TOTAL {
            let n = chunk.len().min(TOTAL - self.written);
            for (k, b) in chunk[..n].iter_mut().enumerate() {
                *b = pattern(self.written + k);
            }
            match conn.write(&chunk[..n]) {
                Ok(k) => self.written += k,
                Err(_) => break,
            }
        }
        let _ = conn.output();
    }
}

impl<C: Connection<Error = TcpError>> Callbacks<C> for Echo {
    fn connected(&mut self, conn: &mut C, now: Instant) {
        if let Some(peer) = self.peer {
            println!("[{now}] tcp: connected to {peer}:{ECHO_PORT}");
        }
        self.push(conn);
    }

    fn recv(&mut self, conn: &mut C, data: &[u8], _now: Instant) -> usize {
        for (k, &b) in data.iter().enumerate() {
            if self.mismatch.is_none() && b != pattern(self.received + k) {
                self.mismatch = Some(self.received + k);
            }
        }
        self.received += data.len();
        if self.received >= TOTAL && !self.closing {
            self.closing = true;
            let _ = conn.close();
        }
        data.len()
    }

    fn sent(&mut self, conn: &mut C, _len: usize, _now: Instant) {
        self.push(conn);
    }

    fn poll(&mut self, conn: &mut C, _now: Instant) {
        self.push(conn);
    }

    fn eof(&mut self, _conn: &mut C, _now: Instant) {
        self.eof = true;
    }

    fn err(&mut self, err: TcpError, _now: Instant) {
        self.failed = Some(err);
    }
}

fn fail(code: i32, what: core::fmt::Arguments<'_>) -> ! {
    println!("bring-up FAILED: {what}");
    exit(code)
}

/// The IPv4 address of `name` from the lease's DNS server, or exit with `EXIT_DNS`.
fn resolve<D: Device>(stack: &mut Stack<'_, D>, clock: Clock, name: &str) -> IpAddress {
    let mut query = stack
        .dns_query(name)
        .unwrap_or_else(|e| fail(EXIT_DNS, format_args!("dns: {name}: {e:?}")));
    let deadline = clock.now() + Duration::from_secs(5);
    loop {
        stack.poll(clock.now());
        match stack.dns_result(&mut query) {
            Ok(addr) => {
                println!("[{}] dns: {name} -> {addr}", clock.now());
                return addr;
            }
            Err(nb::Error::Other(e)) => fail(EXIT_DNS, format_args!("dns: {name}: {e}")),
            Err(nb::Error::WouldBlock) if clock.now() > deadline => {
                fail(EXIT_DNS, format_args!("dns: {name}: no answer in 5 s"))
            }
            Err(nb::Error::WouldBlock) => {}
        }
    }
}

#[entry]
fn main() -> ! {
    let mut board = Board::init().unwrap_or_else(|e| fail(EXIT_BOARD, format_args!("{e}")));
    let clock = board.clock;
    let mac = board.eth.mac_address();
    println!(
        "rawnet bring-up on mps2-an386 (Cortex-M4F), LAN9118 {:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
        mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]
    );

    // The clock against the host's (semihosting SYS_CLOCK, centiseconds of real time).
    let host0 = semihosting::host_clock_cs().unwrap_or(0);
    clock.delay(Duration::from_millis(500));
    let host1 = semihosting::host_clock_cs().unwrap_or(0);
    let host_ms = host1.wrapping_sub(host0) * 10;
    println!("clock: 500 ms by timer 0 took {host_ms} ms by the host's clock");
    if !(400..=700).contains(&host_ms) {
        fail(EXIT_CLOCK, format_args!("timer 0 and the host disagree"));
    }
    let seed = board
        .rng
        .seed()
        .unwrap_or_else(|e| fail(EXIT_BOARD, format_args!("{e}")));
    println!("entropy: seed {seed:#018x} from the host's /dev/urandom");

    let mut sockets = [SocketStorage::EMPTY; 3];
    let mut dns: DnsStorage<1> = DnsStorage::new();
    let mut dhcp = DhcpStorage::new();
    let (mut rx, mut tx) = ([0u8; 4096], [0u8; 4096]);
    let config = Config::new_dhcp(mac, seed);
    let device = SmoltcpDevice::new(board.eth);
    let mut stack = match Stack::new(device, config, &mut sockets, clock.now()) {
        Ok(s) => s,
        Err(e) => fail(EXIT_BOARD, format_args!("stack: {e:?}")),
    };
    if let Err(e) = stack.enable_dhcp(&mut dhcp) {
        fail(EXIT_BOARD, format_args!("dhcp: {e:?}"));
    }
    let mut conn = match stack.tcp_socket(&mut rx, &mut tx) {
        Ok(c) => c,
        Err(e) => fail(EXIT_BOARD, format_args!("socket: {e:?}")),
    };

    let dhcp_deadline = clock.now() + Duration::from_secs(10);
    while stack.dhcp_state() != DhcpState::Bound {
        if clock.now() > dhcp_deadline {
            fail(EXIT_DHCP, format_args!("no DHCP lease in 10 s"));
        }
        stack.poll(clock.now());
    }
    let mut has_dns = false;
    if let Some(lease) = stack.dhcp_lease() {
        println!(
            "[{}] dhcp: {} router {:?} dns {:?}",
            clock.now(),
            lease.address,
            lease.router,
            lease.dns_servers.as_slice()
        );
        has_dns = !lease.dns_servers.is_empty();
    }

    let echo_addr = if has_dns {
        if let Err(e) = stack.enable_dns(&mut dns) {
            fail(EXIT_DNS, format_args!("dns: {e:?}"));
        }
        resolve(&mut stack, clock, ECHO_NAME)
    } else {
        println!("dns: the lease names no DNS server; {ECHO_NAME} is {ECHO_ADDR}");
        IpAddress::Ipv4(ECHO_ADDR)
    };

    if let Err(e) = stack.connect(&mut conn, echo_addr, ECHO_PORT, clock.now()) {
        fail(EXIT_TCP, format_args!("connect: {e:?}"));
    }
    let mut echo = Echo {
        peer: Some(echo_addr),
        ..Echo::default()
    };
    let deadline = clock.now() + Duration::from_secs(20);
    let mut closed_at = None;
    loop {
        let now = clock.now();
        stack.poll(now);
        stack.drive(&mut conn, &mut echo, now);
        if let Some(at) = echo.mismatch {
            fail(EXIT_TCP, format_args!("echo differs at byte {at}"));
        }
        if echo.closing && closed_at.is_none() {
            println!("[{now}] tcp: {TOTAL} bytes sent and echoed intact; closing");
            closed_at = Some(now);
        }
        match echo.failed {
            // The host's libslirp forward (rawnet_tests::qemu_net) ends a connection whose
            // server closed with a reset: after our close and the whole echo, that is the end.
            Some(err) if echo.closing => {
                println!("[{now}] tcp: {err} after the close");
                break;
            }
            Some(err) => fail(
                EXIT_TCP,
                format_args!("tcp: {err} after {} bytes back", echo.received),
            ),
            None => {}
        }
        // Give the FIN a moment to leave; the echo is already verified.
        if closed_at.is_some_and(|at| now > at + Duration::from_millis(200)) {
            break;
        }
        if now > deadline {
            let (w, r) = (echo.written, echo.received);
            fail(
                EXIT_TCP,
                format_args!("timeout: {w} bytes written, {r} back"),
            );
        }
    }
    let stats = stack.device_mut().driver_mut().stats();
    println!(
        "lan9118: rx {} frames ({} errors, {} dropped, {} resyncs), tx {} frames ({} errors); peer eof: {}",
        stats.rx_frames,
        stats.rx_errors,
        stats.rx_dropped,
        stats.rx_resyncs,
        stats.tx_frames,
        stats.tx_errors,
        echo.eof
    );
    println!("bring-up OK");
    exit(0)
}
