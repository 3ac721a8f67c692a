//! What happens when the firmware fails: the panic handler, HardFault, and every other
//! exception or interrupt without a handler (an NMI included).
//!
//! Each logs its reason in the defmt log on UART0 ([`crate::log`]) — the panic location (not
//! its message: see `panic`), or the stacked registers and the fault status registers —
//! lights the red LED and resets the MCU (SYSRESETREQ), so
//! the application starts over and reconnects, as a product must; the next boot logs the
//! reset's cause ("software"). A stack overflow runs off the bottom of SRAM_L into unmapped
//! space (memory.x); if the fault handler cannot even stack its frame, the core locks up and
//! the K64 resets itself (cause "lockup").
//!
//! What can reach a panic from the network is rawnet's bug, with one known exception that only
//! the authenticated broker can trigger (embedded-tls 0.19's `unimplemented!()` on an
//! encrypted post-handshake CertificateRequest; docs/tls.md, "Known limits"): the reset is
//! the device's way back from it.

use crate::led::{Color, Led};
use cortex_m_rt::{exception, ExceptionFrame};

/// Log, red LED, reset.
fn end() -> ! {
    Led::init().set(Color::Red, true);
    defmt::error!("resetting");
    cortex_m::peripheral::SCB::sys_reset()
}

/// System control block fault registers (ARMv7-M ARM, B3.2).
const CFSR: usize = 0xe000_ed28;
const HFSR: usize = 0xe000_ed2c;
const MMFAR: usize = 0xe000_ed34;
const BFAR: usize = 0xe000_ed38;

fn read(addr: usize) -> u32 {
    // SAFETY: the SCB's fault status and address registers, always readable.
    unsafe { core::ptr::read_volatile(addr as *const u32) }
}

/// Interrupts off, UART0 again, and a log frame the failure cut short ended. UART0's divisor
/// is for 120 MHz: a failure before `clock::init` prints at the wrong rate.
fn begin() {
    cortex_m::interrupt::disable();
    crate::uart::Uart::init(crate::clock::CORE_HZ);
    crate::log::restart();
}

#[panic_handler]
// Effective although rustc warns otherwise (measured: the handler is inlined into
// `core::panicking::panic_fmt`, and with it the message's arguments die).
#[allow(unused_attributes)]
#[inline(always)]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    // The location only: reading the message, even with `as_str`, keeps every panic's
    // formatting arguments, and through them `core::fmt`, in the image.
    let (file, line) = info
        .location()
        .map_or(("?", 0), |at| (at.file(), at.line()));
    panic_at(file, line)
}

#[inline(never)]
fn panic_at(file: &str, line: u32) -> ! {
    begin();
    defmt::error!("PANIC at {=str}:{=u32}", file, line);
    end()
}

#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    begin();
    defmt::error!(
        "HARDFAULT pc={=u32:#010x} lr={=u32:#010x} xpsr={=u32:#010x}",
        frame.pc(),
        frame.lr(),
        frame.xpsr()
    );
    defmt::error!(
        "  r0={=u32:#010x} r1={=u32:#010x} r2={=u32:#010x} r3={=u32:#010x} r12={=u32:#010x}",
        frame.r0(),
        frame.r1(),
        frame.r2(),
        frame.r3(),
        frame.r12()
    );
    let cfsr = read(CFSR);
    // MMFARVALID (bit 7), BFARVALID (bit 15): whether the address registers mean anything.
    let valid = |bit: u32| {
        if cfsr & (1 << bit) != 0 {
            "valid"
        } else {
            "not valid"
        }
    };
    defmt::error!(
        "  CFSR={=u32:#010x} HFSR={=u32:#010x} MMFAR={=u32:#010x} BFAR={=u32:#010x} (MMFAR {=str}, BFAR {=str})",
        cfsr,
        read(HFSR),
        read(MMFAR),
        read(BFAR),
        valid(7),
        valid(15)
    );
    end()
}

#[exception]
unsafe fn DefaultHandler(irqn: i16) {
    // `irqn` is the exception number minus 16: -14 is the NMI, interrupts are >= 0. The
    // firmware enables no interrupt; SysTick has its own handler (crate::clock).
    begin();
    defmt::error!("unexpected exception or interrupt {=i16}", irqn);
    end()
}
