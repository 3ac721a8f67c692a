//! What the footprint images share and do not measure: the stand-in MAC driver (one receive
//! and one transmit buffer whose "DMA" state is read with volatile loads, so nothing is
//! optimised away; a real MAC driver and its descriptor memory are counted separately, as in
//! the anchors), the SysTick millisecond clock, `wfi` and the panic handler.
#![no_std]

use core::ptr::{addr_of, addr_of_mut};
use core::sync::atomic::{AtomicU32, Ordering};
use cortex_m_rt::exception;
use rawnet_eth::{Capabilities, EthernetDriver, LinkState, RxToken, TxToken};
use rawnet_tcp::Instant;

/// Frame buffer size.
pub const FRAME: usize = rawnet_eth::MAX_FRAME_LEN;

/// The stand-in MAC: one receive and one transmit buffer.
pub struct Mac {
    rx: [u8; FRAME],
    tx: [u8; FRAME],
}

impl Mac {
    /// Both buffers empty.
    pub const fn new() -> Self {
        Mac {
            rx: [0; FRAME],
            tx: [0; FRAME],
        }
    }
}

impl Default for Mac {
    fn default() -> Self {
        Self::new()
    }
}

/// Frame length the "DMA" left in the RX buffer (0: none). Written by the hardware.
static mut RX_LEN: u32 = 0;
/// Frame length handed to the "DMA" for transmission (0: TX buffer free).
static mut TX_LEN: u32 = 0;

pub struct Rx<'a>(&'a mut [u8]);
pub struct Tx<'a>(&'a mut [u8; FRAME]);

impl RxToken for Rx<'_> {
    fn consume<R>(self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        let r = f(self.0);
        // SAFETY: single-threaded superloop; the "hardware" owns nothing else.
        unsafe { addr_of_mut!(RX_LEN).write_volatile(0) };
        r
    }
}

impl TxToken for Tx<'_> {
    fn consume<R>(self, len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
        let r = f(&mut self.0[..len]);
        // SAFETY: as above.
        unsafe { addr_of_mut!(TX_LEN).write_volatile(len as u32) };
        r
    }
}

fn rx_len() -> usize {
    // SAFETY: as above.
    (unsafe { addr_of!(RX_LEN).read_volatile() } as usize).min(FRAME)
}

fn tx_free() -> bool {
    // SAFETY: as above.
    unsafe { addr_of!(TX_LEN).read_volatile() == 0 }
}

impl EthernetDriver for Mac {
    type RxToken<'a> = Rx<'a>;
    type TxToken<'a> = Tx<'a>;

    fn receive(&mut self) -> Option<(Rx<'_>, Tx<'_>)> {
        let len = rx_len();
        (len != 0 && tx_free()).then(|| (Rx(&mut self.rx[..len]), Tx(&mut self.tx)))
    }

    fn transmit(&mut self) -> Option<Tx<'_>> {
        tx_free().then(|| Tx(&mut self.tx))
    }

    fn mac_address(&self) -> [u8; 6] {
        [0x02, 0x00, 0x00, 0x00, 0x00, 0x01]
    }

    fn link_state(&mut self) -> LinkState {
        LinkState::Up
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }
}

/// Milliseconds since reset, counted by SysTick.
static MILLIS: AtomicU32 = AtomicU32::new(0);

#[exception]
fn SysTick() {
    MILLIS.fetch_add(1, Ordering::Relaxed);
}

pub fn now() -> Instant {
    Instant::from_ticks(u64::from(MILLIS.load(Ordering::Relaxed)))
}

/// Sleep until the next interrupt.
pub fn wfi() {
    // SAFETY: WFI has no memory effects.
    unsafe { core::arch::asm!("wfi", options(nomem, nostack, preserves_flags)) };
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {
        wfi();
    }
}

/// The images' stand-in application on a connection (TCP, or TLS in `footprint/tls`): greets
/// when connected, echoes what fits, counts, and remembers a failure. The `tls` and `mqtt`
/// images use it as (part of) their baseline, so `image - baseline` leaves it out.
#[derive(Debug, Default)]
pub struct Echo {
    /// Bytes received.
    pub received: usize,
    /// Bytes the peer acknowledged.
    pub acked: usize,
    /// The connection failed (set by `err`; the superloop clears it when it reconnects).
    pub failed: bool,
}

impl<C: rawnet_tcp::Connection> rawnet_tcp::Callbacks<C> for Echo {
    fn connected(&mut self, conn: &mut C, _now: Instant) {
        let _ = conn.write(b"hello from the footprint image");
        let _ = conn.output();
    }

    fn recv(&mut self, conn: &mut C, data: &[u8], _now: Instant) -> usize {
        self.received += data.len();
        conn.write(data).unwrap_or(0)
    }

    fn sent(&mut self, _conn: &mut C, len: usize, _now: Instant) {
        self.acked += len;
    }

    fn eof(&mut self, conn: &mut C, _now: Instant) {
        let _ = conn.close();
    }

    fn err(&mut self, _err: C::Error, _now: Instant) {
        self.failed = true;
    }
}
