//! The per-connection timers every rawnet-tcp connection keeps (smoltcp's and the host's).

use crate::Duration;

/// Per-connection timers of the TCP adapter (the values lwIP fixes at compile time).
///
/// The timeouts are enforced by rawnet, not by smoltcp, so that the error a layer is given
/// ([`TcpError::TimedOut`](crate::TcpError::TimedOut)) is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TcpTimers {
    /// How long a connection may stay in SYN-SENT before it fails with `TimedOut`
    /// (lwIP: `TCP_SYNMAXRTX` retransmissions).
    pub connect_timeout: Duration,
    /// How long data (or a FIN) may wait for an acknowledgement without any progress before
    /// the connection fails with `TimedOut` (lwIP: `TCP_MAXRTX` retransmissions).
    pub data_timeout: Duration,
    /// Interval of [`Callbacks::poll`](crate::Callbacks::poll) (lwIP's `tcp_poll` interval;
    /// 500 ms is lwIP's coarse timer with an interval of 1).
    pub poll_interval: Duration,
}

impl Default for TcpTimers {
    fn default() -> Self {
        TcpTimers {
            connect_timeout: Duration::from_secs(20),
            data_timeout: Duration::from_secs(60),
            poll_interval: Duration::from_millis(500),
        }
    }
}
