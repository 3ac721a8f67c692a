//! The ENET on this board: RMII pins, clock gate, the system MPU, the rings in `.bss`, and
//! register access for [`kinetis::enet`].

use kinetis::enet::{Config, Enet, Error, Regs, Rings};
use mk64f12_pac as pac;

/// The ENET's base address.
const ENET_BASE: usize = 0x400c_0000;
/// The system MPU's control register (`MPU_CESR`; not in the PAC: see xtask/src/pac.rs).
const MPU_CESR: usize = 0x4000_d000;

/// Receive descriptors (and 1,520-byte buffers): a TCP window of 2 KiB is at most two
/// segments in flight, plus ARP and broadcasts.
pub const RX: usize = 4;
/// Transmit descriptors (and buffers).
pub const TX: usize = 2;

/// The board's Ethernet driver.
pub type Eth = Enet<'static, Mmio, RX, TX>;

/// Descriptor rings and buffers: zeroed, in `.bss` (SRAM_U), aligned by their type.
static RINGS: Rings<RX, TX> = Rings::new();

/// The ENET's registers, read and written with volatile 32-bit accesses.
#[derive(Debug)]
pub struct Mmio(());

impl Regs for Mmio {
    fn read(&self, offset: u16) -> u32 {
        let addr = ENET_BASE + usize::from(offset & 0x7fc);
        // SAFETY: inside the ENET's register block, word aligned; `Mmio` exists once.
        unsafe { core::ptr::read_volatile(addr as *const u32) }
    }

    fn write(&self, offset: u16, value: u32) {
        let addr = ENET_BASE + usize::from(offset & 0x7fc);
        // SAFETY: as for `read`.
        unsafe { core::ptr::write_volatile(addr as *mut u32, value) }
    }
}

/// Pins, clocks, MPU, then the driver (MAC reset, configuration, rings; the PHY comes up
/// through `link_state`). Once per boot.
pub(crate) fn init(mac: [u8; 6]) -> Result<Eth, Error> {
    // SAFETY: SIM gates and PORTA/PORTB pin control for the ENET's pins only.
    let (sim, porta, portb) =
        unsafe { (pac::Sim::steal(), pac::Porta::steal(), pac::Portb::steal()) };
    sim.scgc5()
        .modify(|_, w| w.porta().set_bit().portb().set_bit());
    // RMII0: PTA5 RXER, PTA12 RXD1, PTA13 RXD0, PTA14 CRS_DV, PTA15 TXEN, PTA16 TXD0,
    // PTA17 TXD1, all ALT4. The 50 MHz reference is EXTAL0 (PTA18, its default function).
    for pin in [5, 12, 13, 14, 15, 16, 17] {
        porta.pcr(pin).write(|w| w.mux().set(4));
    }
    // MDIO (PTB0) is open drain with a pull-up, MDC (PTB1) a push-pull output.
    portb
        .pcr(0)
        .write(|w| w.mux().set(4).ode().set_bit().pe().set_bit().ps().set_bit());
    portb.pcr(1).write(|w| w.mux().set(4));
    // The system MPU's reset configuration does not give the ENET (a bus master) access to
    // SRAM; turn the MPU off (VLD = 0), as NXP's examples do. Nothing else uses it.
    // SAFETY: MPU_CESR, a 32-bit register; clearing VLD only.
    unsafe {
        let cesr = core::ptr::read_volatile(MPU_CESR as *const u32);
        core::ptr::write_volatile(MPU_CESR as *mut u32, cesr & !1);
    }
    sim.sopt2().modify(|_, w| w.rmiisrc().clear_bit()); // RMII clock: EXTAL
    sim.scgc2().modify(|_, w| w.enet().set_bit());
    Enet::new(
        Mmio(()),
        &RINGS,
        Config {
            mac,
            mscr: kinetis::clock::mscr(crate::clock::CORE_HZ),
            phy_addr: 0,
        },
    )
}

/// The station address from this chip's unique id (see [`kinetis::mac`]).
pub fn mac_from_unique_id() -> [u8; 6] {
    // SAFETY: reads of the SIM's unique id registers.
    let sim = unsafe { pac::Sim::steal() };
    kinetis::mac::from_unique_id([
        sim.uidh().read().uid().bits(),
        sim.uidmh().read().uid().bits(),
        sim.uidml().read().uid().bits(),
        sim.uidl().read().uid().bits(),
    ])
}
