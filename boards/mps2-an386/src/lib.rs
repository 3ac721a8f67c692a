//! # mps2-an386: rawnet on QEMU's Cortex-M4 board
//!
//! Board support for ARM's MPS2 with the AN386 FPGA image (Cortex-M4F at 25 MHz) as QEMU
//! models it (`qemu-system-arm -M mps2-an386`): the drivers and the memory map, nothing of
//! the application. [`Board::init`] brings everything up once and hands out:
//!
//! | field | what | lwIP / C counterpart |
//! |---|---|---|
//! | [`Board::eth`] | the LAN9118 Ethernet controller, a [`rawnet_eth::EthernetDriver`] | `netif` + `ethernetif.c` |
//! | [`Board::clock`] | monotonic milliseconds as [`rawnet_tcp::Instant`] | `sys_now()` |
//! | [`Board::uart`] | UART0 for logs: the firmware's defmt frames ([`log`]), the bring-up programs' [`println!`] | `PRINTF` / debug console |
//! | [`Board::rng`] | entropy from the host (semihosting, **emulator only**) | `mbedtls_hardware_poll` |
//!
//! and [`exit`] ends the emulation with a status that `cargo run` (QEMU) returns. A panic,
//! a HardFault or an unexpected interrupt logs its reason on UART0 and exits non-zero
//! ([`fault`]).
//!
//! ## Memory map (AN386 application note; QEMU `hw/arm/mps2.c`)
//!
//! | address | what | used as |
//! |---|---|---|
//! | `0x0000_0000` 4 MiB | ZBT SSRAM1 | code, vector table (`FLASH` in `memory.x`) |
//! | `0x2000_0000` 4 MiB | ZBT SSRAM2/3 | data, stack (`RAM`) |
//! | `0x4000_0000` | CMSDK APB timer 0, IRQ 8 | [`Clock`] |
//! | `0x4000_4000` | CMSDK APB UART0 | [`Uart`] |
//! | `0x4020_0000` | LAN9118 (LAN9220 on the real board), IRQ 13 (unused: polled) | [`Eth`] |
//!
//! ## Example: the superloop's skeleton
//!
//! ```ignore
//! use mps2_an386::{println, Board};
//! let board = Board::init().unwrap_or_else(|e| { println!("{e}"); mps2_an386::exit(1) });
//! let mac = rawnet_eth::EthernetDriver::mac_address(&*board.eth);
//! let config = rawnet_tcp::Config::new_dhcp(mac, board.rng.seed());
//! let mut stack = rawnet_tcp::Stack::new(
//!     rawnet_eth::SmoltcpDevice::new(board.eth), config, &mut sockets, board.clock.now());
//! stack.enable_dhcp(&mut dhcp_storage);
//! loop {
//!     let now = board.clock.now();
//!     stack.poll(now);
//!     // stack.drive(&mut conn, &mut app, now); ...
//! }
//! ```
//! `src/bin/bringup.rs` is the whole program: DHCP, then a TCP echo through QEMU's
//! restricted user network.
#![no_std]
#![warn(missing_docs)]

pub mod clock;
pub mod fault;
pub mod log;
pub mod semihosting;
pub mod stack;
pub mod uart;

pub use clock::Clock;
pub use semihosting::{exit, EntropyError, HostRng};
pub use uart::Uart;

use lan9118::Lan9118;

/// The LAN9118's base address.
const LAN9118_BASE: usize = 0x4020_0000;

/// The board's Ethernet driver.
pub type Eth = Lan9118<Mmio>;

/// The LAN9118's registers, read and written with volatile 32-bit accesses.
#[derive(Debug)]
pub struct Mmio(());

impl lan9118::Regs for Mmio {
    fn read(&mut self, offset: u16) -> u32 {
        let addr = LAN9118_BASE + usize::from(offset & 0xfc);
        // SAFETY: inside the chip's 256-byte window, word aligned; `Mmio` exists once.
        unsafe { core::ptr::read_volatile(addr as *const u32) }
    }

    fn write(&mut self, offset: u16, value: u32) {
        let addr = LAN9118_BASE + usize::from(offset & 0xfc);
        // SAFETY: as for `read`.
        unsafe { core::ptr::write_volatile(addr as *mut u32, value) }
    }
}

/// Everything the application gets from the board.
pub struct Board {
    /// The Ethernet controller (station address from its EEPROM: QEMU's `-nic ...,mac=`).
    pub eth: &'static mut Eth,
    /// Milliseconds since boot.
    pub clock: Clock,
    /// UART0, the log.
    pub uart: Uart,
    /// Entropy from the host's `/dev/urandom` (semihosting: emulator only).
    pub rng: HostRng,
}

/// Why [`Board::init`] failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, defmt::Format)]
pub enum BoardError {
    /// `Board::init` was called before.
    AlreadyTaken,
    /// The Ethernet controller did not come up.
    Eth(lan9118::Error),
    /// The host's entropy could not be opened.
    Entropy(EntropyError),
}

impl core::fmt::Display for BoardError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            BoardError::AlreadyTaken => f.write_str("Board::init called twice"),
            BoardError::Eth(e) => write!(f, "{e}"),
            BoardError::Entropy(e) => write!(f, "{e}"),
        }
    }
}

impl Board {
    /// Bring the board up: UART0, the clock (and its interrupt), the host entropy, the
    /// LAN9118 (reset, address from its EEPROM, MAC on). Once per boot.
    pub fn init() -> Result<Board, BoardError> {
        let uart = Uart::init();
        let taken = cortex_m::singleton!(: bool = true);
        if taken.is_none() {
            return Err(BoardError::AlreadyTaken);
        }
        let clock = Clock::init();
        let rng = HostRng::open().map_err(BoardError::Entropy)?;
        let eth = Lan9118::new(Mmio(()), None).map_err(BoardError::Eth)?;
        let eth = cortex_m::singleton!(: Eth = eth).ok_or(BoardError::AlreadyTaken)?;
        Ok(Board {
            eth,
            clock,
            uart,
            rng,
        })
    }
}
