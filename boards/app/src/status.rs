//! The status message: what the device publishes every period (JSON, so that any dashboard
//! can read it).

use core::fmt::Write as _;

/// The longest status message.
pub const MAX_STATUS: usize = 160;

/// What a status message says.
#[derive(Debug, Clone, Copy)]
pub struct Status {
    /// Its number since boot (1, 2, ...).
    pub count: u32,
    /// Milliseconds since boot.
    pub uptime_ms: u64,
    /// Bytes of stack never used, if the board measures it.
    pub free_stack: Option<usize>,
    /// Connections made to the broker since boot (1 before any reconnect).
    pub connections: u32,
}

impl Status {
    /// The message, e.g. `{"count":3,"uptime_ms":15020,"free_stack":52104,"connections":1}`.
    pub fn to_json(self) -> heapless::String<MAX_STATUS> {
        let mut s = heapless::String::new();
        let _ = write!(
            s,
            "{{\"count\":{},\"uptime_ms\":{},\"connections\":{}",
            self.count, self.uptime_ms, self.connections
        );
        if let Some(free) = self.free_stack {
            let _ = write!(s, ",\"free_stack\":{free}");
        }
        let _ = s.push('}');
        s
    }
}
