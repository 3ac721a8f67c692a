//! What happens when the firmware fails: the panic handler, HardFault, and every other
//! exception or interrupt without a handler.
//!
//! Each logs the reason on UART0 (panic message and location; the stacked registers and the
//! fault status registers), then either ends the emulation through semihosting with a
//! non-zero status ([`EXIT_PANIC`], [`EXIT_HARDFAULT`], [`EXIT_UNEXPECTED`]), so `cargo run`
//! and the bring-up tests see the failure, or, after [`reset_on_fault`] (the firmware calls it
//! at boot), resets the MCU (SYSRESETREQ) so that the application starts over and reconnects,
//! as a product must. QEMU reloads the image on a reset; with `-no-reboot` it exits instead.
//!
//! What can reach a panic from the network is rawnet's bug, with one known exception that only
//! the authenticated broker can trigger (embedded-tls 0.19's `unimplemented!()` on an
//! encrypted post-handshake CertificateRequest; docs/tls.md, "Known limits"): the reset is
//! the device's way back from it.

use core::sync::atomic::{AtomicBool, Ordering};

use crate::{println, semihosting};
use cortex_m_rt::{exception, ExceptionFrame};

/// Reset instead of exiting (see the module documentation).
static RESET: AtomicBool = AtomicBool::new(false);

/// From now on, a panic or a fault resets the MCU after logging its reason.
pub fn reset_on_fault() {
    RESET.store(true, Ordering::Relaxed);
}

/// End after a failure: reset (see [`reset_on_fault`]) or exit with `status`.
fn end(status: i32) -> ! {
    if RESET.load(Ordering::Relaxed) {
        println!("resetting");
        cortex_m::peripheral::SCB::sys_reset()
    }
    semihosting::exit(status)
}

/// Exit status after a panic.
pub const EXIT_PANIC: i32 = 101;
/// Exit status after a HardFault.
pub const EXIT_HARDFAULT: i32 = 102;
/// Exit status after an exception or interrupt nobody handles.
pub const EXIT_UNEXPECTED: i32 = 103;

/// System control block fault registers (ARMv7-M ARM, B3.2).
const CFSR: usize = 0xe000_ed28;
const HFSR: usize = 0xe000_ed2c;
const MMFAR: usize = 0xe000_ed34;
const BFAR: usize = 0xe000_ed38;

fn read(addr: usize) -> u32 {
    // SAFETY: the SCB's fault status and address registers, always readable.
    unsafe { core::ptr::read_volatile(addr as *const u32) }
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    cortex_m::interrupt::disable();
    crate::uart::Uart::init();
    match info.location() {
        Some(at) => println!("PANIC at {}:{}: {}", at.file(), at.line(), info.message()),
        None => println!("PANIC: {}", info.message()),
    }
    end(EXIT_PANIC)
}

#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    cortex_m::interrupt::disable();
    crate::uart::Uart::init();
    println!(
        "HARDFAULT pc={:#010x} lr={:#010x} xpsr={:#010x}",
        frame.pc(),
        frame.lr(),
        frame.xpsr()
    );
    println!(
        "  r0={:#010x} r1={:#010x} r2={:#010x} r3={:#010x} r12={:#010x}",
        frame.r0(),
        frame.r1(),
        frame.r2(),
        frame.r3(),
        frame.r12()
    );
    let cfsr = read(CFSR);
    println!(
        "  CFSR={:#010x} HFSR={:#010x} MMFAR={:#010x} BFAR={:#010x}",
        cfsr,
        read(HFSR),
        read(MMFAR),
        read(BFAR)
    );
    // MMFARVALID (bit 7), BFARVALID (bit 15): whether the address registers mean anything.
    println!(
        "  MMFAR {}, BFAR {}",
        if cfsr & (1 << 7) != 0 {
            "valid"
        } else {
            "not valid"
        },
        if cfsr & (1 << 15) != 0 {
            "valid"
        } else {
            "not valid"
        }
    );
    end(EXIT_HARDFAULT)
}

#[exception]
unsafe fn DefaultHandler(irqn: i16) {
    // `irqn` is the exception number minus 16: interrupts are >= 0.
    if irqn == crate::clock::IRQ as i16 {
        crate::clock::on_interrupt();
        return;
    }
    cortex_m::interrupt::disable();
    crate::uart::Uart::init();
    println!("unexpected exception or interrupt {irqn}");
    end(EXIT_UNEXPECTED)
}
