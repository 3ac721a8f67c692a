//! # frdm-k64f: rawnet on NXP's FRDM-K64F
//!
//! Board support for the FRDM-K64F (MK64FN1M0VLL12: Cortex-M4F, 1 MiB flash, 256 KiB SRAM;
//! KSZ8081RNA Ethernet PHY on RMII with a 50 MHz reference; OpenSDA serial on UART0): the
//! drivers and the memory map, nothing of the application. [`Board::init`] brings
//! everything up once and hands out:
//!
//! | field | what | lwIP / C counterpart |
//! |---|---|---|
//! | [`Board::eth`] | the ENET MAC and KSZ8081 PHY, a [`rawnet_eth::EthernetDriver`] ([`kinetis::enet`], host-tested) | `netif` + `ethernetif.c`, `fsl_enet.c`, `fsl_phy.c` |
//! | [`Board::clock`] | monotonic milliseconds as [`rawnet_tcp::Instant`] (PIT 0+1 chained) | `sys_now()` |
//! | [`Board::uart`] | UART0 at 115200: the log, defmt frames ([`log`]) | `PRINTF` / debug console |
//! | [`Board::rng`] | ChaCha20 seeded from the RNGA through SHA-256 ([`rng`]) | `mbedtls_hardware_poll` |
//! | [`Board::led`] | the RGB LED | `LED_*` macros |
//! | [`Board::reset_cause`] | why the MCU last reset (RCM) | — |
//!
//! A panic, a HardFault or an unexpected interrupt logs its reason on UART0 and resets
//! ([`fault`]).
//!
//! ## Memory map (memory.x)
//!
//! | address | what | used as |
//! |---|---|---|
//! | `0x0000_0000` 1 MiB | program flash | vector table, flash configuration field at `0x400` ([`FLASH_CONFIG`]), code from `0x410` |
//! | `0x1FFF_0000` 64 KiB | SRAM_L | the stack, alone |
//! | `0x2000_0000` 192 KiB | SRAM_U | `.data`, `.bss`: the application's buffers, the ENET rings |
//! | `0x4006_A000` | UART0 (PTB16/17) | [`Uart`] |
//! | `0x4003_7000` | PIT | [`Clock`] |
//! | `0x4002_9000` | RNGA | [`rng::Rng`] |
//! | `0x400C_0000` | ENET (RMII on PTA5, PTA12..17; MDIO PTB0/1) | [`eth::Eth`] |
//!
//! Register access is the generated `mk64f12-pac` (boards/mk64f12-pac, from the vendor SVD),
//! except the ENET's, which [`kinetis::enet`] names itself so it can be tested on the host.
#![no_std]
#![warn(missing_docs)]

pub mod clock;
pub mod eth;
pub mod fault;
pub mod led;
pub mod log;
pub mod rng;
pub mod stack;
pub mod uart;

pub use clock::Clock;
pub use led::{Color, Led};
pub use uart::Uart;

use mk64f12_pac as pac;

/// The flash configuration field, at `0x400..0x410` (memory.x): backdoor key unused, no
/// flash region protected, FSEC = `0xfe` — unsecured (SEC = 0b10), mass erase enabled
/// (MEEN = 0b11), factory access granted, backdoor key disabled — and FOPT = `0xff` (normal
/// boot, EzPort and NMI as after reset; the board turns the NMI pin into a GPIO). A wrong
/// FSEC can lock the part for good, so `cargo xtask board` reads these bytes back from the
/// ELF and compares them with the same bytes kept in xtask.
#[link_section = ".flash_config"]
#[used]
pub static FLASH_CONFIG: [u8; 16] = [
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, // backdoor comparison key
    0xff, 0xff, 0xff, 0xff, // FPROT3..0
    0xfe, // FSEC
    0xff, // FOPT
    0xff, // FEPROT
    0xff, // FDPROT
];

/// Why the MCU last reset (`RCM_SRS0` / `SRS1`), for the boot log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, defmt::Format)]
pub enum ResetCause {
    /// Power on.
    PowerOn,
    /// The reset pin (the board's reset button, or OpenSDA after flashing).
    Pin,
    /// The watchdog.
    Watchdog,
    /// The core locked up (a fault inside a fault handler).
    Lockup,
    /// Software: SYSRESETREQ, what [`fault`] does after a panic or fault.
    Software,
    /// A debugger through the MDM-AP.
    Debugger,
    /// Low voltage, loss of clock or loss of PLL lock.
    Clock,
    /// Something else (wake-up, JTAG, EzPort, stop-mode acknowledge error).
    Other,
}

impl ResetCause {
    fn read() -> ResetCause {
        // SAFETY: reads of the RCM's status registers.
        let rcm = unsafe { pac::Rcm::steal() };
        let (s0, s1) = (rcm.srs0().read(), rcm.srs1().read());
        if s0.por().bit_is_set() {
            ResetCause::PowerOn
        } else if s1.sw().bit_is_set() {
            ResetCause::Software
        } else if s1.lockup().bit_is_set() {
            ResetCause::Lockup
        } else if s0.wdog().bit_is_set() {
            ResetCause::Watchdog
        } else if s1.mdm_ap().bit_is_set() {
            ResetCause::Debugger
        } else if s0.pin().bit_is_set() {
            ResetCause::Pin
        } else if s0.lvd().bit_is_set() || s0.loc().bit_is_set() || s0.lol().bit_is_set() {
            ResetCause::Clock
        } else {
            ResetCause::Other
        }
    }
}

/// Everything the application gets from the board.
pub struct Board {
    /// The Ethernet MAC and PHY (station address from the chip's unique id).
    pub eth: eth::Eth,
    /// Milliseconds since boot.
    pub clock: Clock,
    /// UART0, the log.
    pub uart: Uart,
    /// The CSPRNG, seeded from the RNGA.
    pub rng: rng::Rng,
    /// The RGB LED.
    pub led: Led,
    /// Why the MCU last reset.
    pub reset_cause: ResetCause,
}

/// Why [`Board::init`] failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, defmt::Format)]
pub enum BoardError {
    /// `Board::init` was called before.
    AlreadyTaken,
    /// The ENET did not come out of reset (no RMII reference clock?).
    Eth(kinetis::enet::Error),
    /// The RNGA could not seed the generator.
    Entropy(rng::EntropyError),
}

impl Board {
    /// Bring the board up, in this order: watchdog off, clocks to 120 MHz, UART0, the NMI
    /// pin made a GPIO (so the SW3 button cannot raise an NMI), LED, PIT clock, RNGA seed,
    /// ENET (pins, MPU off, MAC reset and configuration). Once per boot.
    pub fn init() -> Result<Board, BoardError> {
        clock::disable_watchdog();
        if cortex_m::singleton!(: bool = true).is_none() {
            return Err(BoardError::AlreadyTaken);
        }
        clock::init();
        let uart = Uart::init(clock::CORE_HZ);
        // SAFETY: SIM gate and PORTA's PCR4 (the NMI_b / SW3 pin) only.
        let (sim, porta) = unsafe { (pac::Sim::steal(), pac::Porta::steal()) };
        sim.scgc5().modify(|_, w| w.porta().set_bit());
        porta.pcr(4).write(|w| w.mux().set(1));
        let led = Led::init();
        let reset_cause = ResetCause::read();
        let clock = Clock::init();
        let rng = rng::Rng::init().map_err(BoardError::Entropy)?;
        let eth = eth::init(eth::mac_from_unique_id()).map_err(BoardError::Eth)?;
        Ok(Board {
            eth,
            clock,
            uart,
            rng,
            led,
            reset_cause,
        })
    }
}

/// The flash configuration field as the flash holds it (read from `0x400`), for the boot log.
pub fn flash_config_in_flash() -> [u8; 16] {
    // SAFETY: program flash at 0x400..0x410, always readable; volatile so the compiler reads
    // the flash rather than the constant it knows.
    core::array::from_fn(|i| unsafe { core::ptr::read_volatile((0x400 + i) as *const u8) })
}
