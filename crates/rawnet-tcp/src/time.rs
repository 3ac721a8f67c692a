//! Time helpers: conversions between rawnet's `fugit` time and smoltcp's, and `since`.

use crate::{Duration, Instant};

/// A rawnet instant as smoltcp's instant (both count from the board's epoch).
#[cfg(feature = "smoltcp")]
pub(crate) fn to_smol(now: Instant) -> smoltcp::time::Instant {
    smoltcp::time::Instant::from_millis(i64::try_from(now.as_ticks()).unwrap_or(i64::MAX))
}

/// A smoltcp instant as a rawnet instant (negative instants clamp to the epoch).
#[cfg(feature = "smoltcp")]
pub(crate) fn from_smol(at: smoltcp::time::Instant) -> Instant {
    Instant::from_ticks(u64::try_from(at.total_millis()).unwrap_or(0))
}

/// A rawnet duration as smoltcp's duration.
#[cfg(feature = "smoltcp")]
pub(crate) fn dur_to_smol(d: Duration) -> smoltcp::time::Duration {
    smoltcp::time::Duration::from_millis(d.as_ticks())
}

/// `later - earlier`, zero when `later` is not after `earlier`.
pub(crate) fn since(later: Instant, earlier: Instant) -> Duration {
    later
        .checked_duration_since(earlier)
        .unwrap_or(Duration::from_ticks(0))
}
