//! [`Clock`]: where a driver that owns a byte stream reads the time.

use crate::Instant;

/// Where a driver reads the time it hands to the layers (the state machines themselves
/// never read a clock: they take `now` as an argument).
///
/// Used by the `embedded-io` adapters of rawnet-tls (the handshake deadline) and rawnet-mqtt
/// (keep-alive and request timers). Any `FnMut() -> Instant` is a clock: on a board, the
/// millisecond tick (`|| Instant::from_ticks(ticks_ms())`); with embassy,
/// `|| Instant::from_ticks(embassy_time::Instant::now().as_millis())`; with `std`,
/// [`StdClock`](crate::StdClock) (feature `std`).
pub trait Clock {
    /// Now, in milliseconds of any fixed origin. Never earlier than a previous reading.
    fn now(&mut self) -> Instant;
}

impl<F: FnMut() -> Instant> Clock for F {
    fn now(&mut self) -> Instant {
        self()
    }
}

/// The host's monotonic clock, in milliseconds since the value was made (feature `std`).
#[cfg(feature = "std")]
#[derive(Debug, Clone, Copy)]
pub struct StdClock(std::time::Instant);

#[cfg(feature = "std")]
impl StdClock {
    /// A clock starting at 0 now.
    pub fn new() -> Self {
        StdClock(std::time::Instant::now())
    }
}

#[cfg(feature = "std")]
impl Default for StdClock {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(feature = "std")]
impl Clock for StdClock {
    fn now(&mut self) -> Instant {
        Instant::from_ticks(self.0.elapsed().as_millis() as u64)
    }
}
