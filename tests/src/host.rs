//! A rawnet stack on the host: any `EthernetDriver`, DHCP, and a wall-clock superloop.

use rawnet_eth::{EthernetDriver, SmoltcpDevice};
use rawnet_tcp::smoltcp::iface::SocketStorage;
use rawnet_tcp::{Callbacks, Config, DhcpState, Instant, Stack, TcpConn, TcpHandle};
use std::time::{Duration, Instant as StdInstant};

/// Milliseconds since the first call in this process: the board's monotonic timer.
pub fn now() -> Instant {
    static START: std::sync::OnceLock<StdInstant> = std::sync::OnceLock::new();
    let start = START.get_or_init(StdInstant::now);
    Instant::from_ticks(start.elapsed().as_millis() as u64)
}

/// Socket slots for a host stack: the DHCP client, DNS, and a few TCP connections. Leaked:
/// a test's stack lives as long as the test.
pub fn slots(n: usize) -> &'static mut [SocketStorage<'static>] {
    Box::leak((0..n).map(|_| SocketStorage::EMPTY).collect())
}

/// A buffer of `n` bytes that lives as long as the test.
pub fn buffer(n: usize) -> &'static mut [u8] {
    Box::leak(vec![0u8; n].into_boxed_slice())
}

/// A stack on `driver` that asks DHCP for its address.
pub fn dhcp_stack<D: EthernetDriver>(driver: D, seed: u64) -> Stack<'static, SmoltcpDevice<D>> {
    let config = Config::new_dhcp(driver.mac_address(), seed);
    let mut stack = Stack::new(SmoltcpDevice::new(driver), config, slots(6), now()).expect("stack");
    stack
        .enable_dhcp(Box::leak(Box::new(rawnet_tcp::DhcpStorage::new())))
        .expect("DHCP client");
    stack
}

/// Poll `stack` until it holds a DHCP lease, or fail after `timeout`.
pub fn wait_for_lease<D: EthernetDriver>(
    stack: &mut Stack<'static, SmoltcpDevice<D>>,
    timeout: Duration,
) -> Result<(), String> {
    let until = StdInstant::now() + timeout;
    while stack.dhcp_state() != DhcpState::Bound {
        if StdInstant::now() > until {
            return Err(format!("no DHCP lease within {timeout:?}"));
        }
        if !stack.poll(now()) {
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    Ok(())
}

/// The superloop for one connection: poll the stack, drive the connection, until `done`
/// says so or `timeout` passes (then an error naming `what`).
pub fn run_until<D, C>(
    stack: &mut Stack<'static, SmoltcpDevice<D>>,
    conn: &mut TcpHandle,
    callbacks: &mut C,
    timeout: Duration,
    what: &str,
    mut done: impl FnMut(&C) -> bool,
) -> Result<(), String>
where
    D: EthernetDriver,
    C: for<'s> Callbacks<TcpConn<'s, 'static>>,
{
    let until = StdInstant::now() + timeout;
    loop {
        let t = now();
        let busy = stack.poll(t);
        stack.drive(conn, callbacks, t);
        if done(callbacks) {
            return Ok(());
        }
        if StdInstant::now() > until {
            return Err(format!("{what}: not done within {timeout:?}"));
        }
        if !busy {
            std::thread::sleep(Duration::from_micros(200));
        }
    }
}
