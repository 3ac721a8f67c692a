//! The contract's defaults and time units.

use crate::{Callbacks, Clock, Connection, Duration, Instant};

/// A connection that records every call made on it.
#[derive(Default)]
struct Recorder(Vec<&'static str>);

impl Connection for Recorder {
    type Error = ();
    fn send_space(&self) -> usize {
        16
    }
    fn write(&mut self, data: &[u8]) -> nb::Result<usize, ()> {
        self.0.push("write");
        Ok(data.len())
    }
    fn output(&mut self) -> Result<(), ()> {
        self.0.push("output");
        Ok(())
    }
    fn close(&mut self) -> Result<(), ()> {
        self.0.push("close");
        Ok(())
    }
    fn abort(&mut self) {
        self.0.push("abort");
    }
    fn set_nodelay(&mut self, _: bool) {
        self.0.push("nodelay");
    }
    fn set_keep_alive(&mut self, _: Option<Duration>) {
        self.0.push("keep_alive");
    }
    fn is_connected(&self) -> bool {
        true
    }
}

/// A layer that implements only the two required callbacks.
struct Minimal;
impl<C: Connection> Callbacks<C> for Minimal {
    fn recv(&mut self, _: &mut C, data: &[u8], _: Instant) -> usize {
        data.len()
    }
    fn err(&mut self, _: C::Error, _: Instant) {}
}

#[test]
fn default_callbacks_leave_the_connection_alone() {
    let mut conn = Recorder::default();
    let now = Instant::from_ticks(7);
    Minimal.connected(&mut conn, now);
    Minimal.sent(&mut conn, 3, now);
    Minimal.poll(&mut conn, now);
    Minimal.eof(&mut conn, now);
    assert!(conn.0.is_empty(), "{:?}", conn.0);
}

#[test]
fn time_is_in_milliseconds() {
    let a = Instant::from_ticks(1_500);
    assert_eq!(
        a - Instant::from_ticks(0),
        Duration::from_secs(1) + Duration::from_millis(500)
    );
    assert_eq!((a + Duration::from_secs(2)).as_ticks(), 3_500);
}

#[test]
fn a_closure_is_a_clock() {
    let mut ms = 0;
    let mut clock = || {
        ms += 10;
        Instant::from_ticks(ms)
    };
    assert_eq!(Clock::now(&mut clock).as_ticks(), 10);
    assert_eq!(Clock::now(&mut clock).as_ticks(), 20);
}

#[cfg(feature = "std")]
#[test]
fn std_clock_starts_at_zero_and_follows_the_host() {
    let mut clock = crate::StdClock::new();
    let start = clock.now();
    assert!(start.as_ticks() < 1_000, "{start:?}");
    std::thread::sleep(std::time::Duration::from_millis(30));
    let later = clock.now();
    assert!(
        later - start >= Duration::from_millis(30),
        "{start:?} {later:?}"
    );
}
