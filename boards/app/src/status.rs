//! The status message: what the device publishes every period (JSON, so that any dashboard
//! can read it), written without `core::fmt`.

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
    /// Turns of the superloop since boot (each polls the network stack once, then the board
    /// sleeps until its next event): how busy the device keeps its core.
    pub polls: u32,
}

impl Status {
    /// The message, e.g.
    /// `{"count":3,"uptime_ms":15020,"connections":1,"polls":212,"free_stack":52104}`.
    pub fn to_json(self) -> heapless::String<MAX_STATUS> {
        let mut s = heapless::String::new();
        let _ = s.push_str("{\"count\":");
        push_decimal(&mut s, self.count.into());
        let _ = s.push_str(",\"uptime_ms\":");
        push_decimal(&mut s, self.uptime_ms);
        let _ = s.push_str(",\"connections\":");
        push_decimal(&mut s, self.connections.into());
        let _ = s.push_str(",\"polls\":");
        push_decimal(&mut s, self.polls.into());
        if let Some(free) = self.free_stack {
            let _ = s.push_str(",\"free_stack\":");
            push_decimal(&mut s, free as u64);
        }
        let _ = s.push('}');
        s
    }
}

/// Append `n` in decimal (what `write!(s, "{n}")` would, without the formatting machinery).
fn push_decimal<const N: usize>(s: &mut heapless::String<N>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        let _ = s.push(char::from(d));
    }
}
