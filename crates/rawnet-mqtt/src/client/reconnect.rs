//! Reconnecting with exponential backoff and jitter (bounded): when to try again.
//!
//! Sans-IO like the client: the caller opens the connection (rawnet-tcp's
//! `Stack::connect`), gives the time and a random number, and reports how each attempt
//! went. The client itself resumes the session on the new connection (its options, its
//! stored messages) as soon as the connection below reports `connected`.
//!
//! ```
//! use rawnet_mqtt::client::Backoff;
//! use rawnet_altcp::{Duration, Instant};
//!
//! let mut backoff = Backoff::new(Duration::from_ticks(1_000), Duration::from_ticks(60_000));
//! let t0 = Instant::from_ticks(0);
//! assert!(backoff.due(t0)); // the first attempt is immediate
//! backoff.failed(t0, 0x1234_5678); // refused: wait about 1 s (plus up to half again)
//! let next = backoff.next_attempt().unwrap();
//! assert!(next >= t0 + Duration::from_ticks(1_000) && next <= t0 + Duration::from_ticks(1_500));
//! assert_eq!(backoff.attempts(), 1);
//! backoff.succeeded(); // connected: the next loss retries at once
//! assert!(backoff.due(t0));
//! ```

use rawnet_altcp::{Duration, Instant};

/// Exponential backoff with jitter: after `n` failed attempts in a row the next one waits
/// `min(max, base × 2^(n-1))` plus a random part of up to half of that, bounded by `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Backoff {
    base: Duration,
    max: Duration,
    failures: u32,
    next: Option<Instant>,
}

impl Backoff {
    /// Backoff starting at `base`, never waiting more than `max`.
    pub const fn new(base: Duration, max: Duration) -> Self {
        Backoff {
            base,
            max,
            failures: 0,
            next: None,
        }
    }

    /// Whether an attempt may start now.
    pub fn due(&self, now: Instant) -> bool {
        self.next.is_none_or(|t| now >= t)
    }

    /// When the next attempt may start (`None`: now).
    pub fn next_attempt(&self) -> Option<Instant> {
        self.next
    }

    /// Failed attempts in a row.
    pub fn attempts(&self) -> u32 {
        self.failures
    }

    /// An attempt (or the connection) failed at `now`; `random` is any random number (the
    /// jitter). Returns the delay before the next attempt.
    pub fn failed(&mut self, now: Instant, random: u32) -> Duration {
        self.failures = self.failures.saturating_add(1);
        let shift = self.failures.saturating_sub(1).min(31);
        let base_ms = self.base.as_ticks().max(1);
        let max_ms = self.max.as_ticks().max(base_ms);
        let delay = base_ms.saturating_mul(1u64 << shift).min(max_ms);
        let jitter = (delay / 2)
            .saturating_mul(u64::from(random))
            .checked_div(u64::from(u32::MAX))
            .unwrap_or(0);
        let delay = Duration::from_ticks(delay.saturating_add(jitter).min(max_ms));
        self.next = Some(super::session::after(now, delay));
        delay
    }

    /// The connection is up (CONNACK accepted): start over.
    pub fn succeeded(&mut self) {
        self.failures = 0;
        self.next = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_up_to_the_bound_and_jitter_stays_inside() {
        let mut b = Backoff::new(Duration::from_ticks(100), Duration::from_ticks(1_000));
        let t = Instant::from_ticks(0);
        let no_jitter: Vec<u64> = (0..6).map(|_| b.failed(t, 0).as_ticks()).collect();
        assert_eq!(no_jitter, [100, 200, 400, 800, 1000, 1000]);
        b.succeeded();
        let full: Vec<u64> = (0..5).map(|_| b.failed(t, u32::MAX).as_ticks()).collect();
        assert_eq!(full, [150, 300, 600, 1000, 1000], "jitter never passes max");
        for _ in 0..100 {
            b.failed(t, u32::MAX);
        }
        assert_eq!(
            b.failed(t, 7).as_ticks(),
            1000,
            "no overflow after many failures"
        );
        assert!(!b.due(t) && b.due(t + Duration::from_ticks(1000)));
    }
}
