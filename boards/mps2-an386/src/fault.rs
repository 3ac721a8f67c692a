//! What happens when the firmware fails: the panic handler, HardFault, and every other
//! exception or interrupt without a handler.
//!
//! Each logs the reason on UART0 (the panic's call chain as return addresses, which
//! `arm-none-eabi-addr2line` turns into source lines with the ELF; the stacked registers and
//! the fault status registers), then either ends the emulation through
//! semihosting with a non-zero status ([`EXIT_PANIC`], [`EXIT_HARDFAULT`], [`EXIT_UNEXPECTED`]),
//! so `cargo run` and the bring-up tests see the failure, or, after [`reset_on_fault`] (the
//! firmware calls it at boot), resets the MCU (SYSRESETREQ) so that the application starts over
//! and reconnects, as a product must. QEMU reloads the image on a reset; with `-no-reboot` it
//! exits instead.
//!
//! The report is text, or defmt frames after [`report_with_defmt`] (the firmware, whose log is
//! defmt: [`crate::log`]; the frames are [`armv7m::fault`]'s). Neither formats with
//! `core::fmt`, and neither shows the panic's message or location ([`armv7m::fault`] says
//! why).
//!
//! What can reach a panic from the network is rawnet's bug, with one known exception that only
//! the authenticated broker can trigger (embedded-tls 0.19's `unimplemented!()` on an
//! encrypted post-handshake CertificateRequest; docs/tls.md, "Known limits"): the reset is
//! the device's way back from it.

use core::sync::atomic::{AtomicBool, Ordering};

use crate::semihosting;
use crate::uart::Uart;
use armv7m::fault::{log_hardfault, log_panic, log_unexpected, validity, Registers};
use cortex_m_rt::{exception, ExceptionFrame};

/// Reset instead of exiting (see the module documentation).
static RESET: AtomicBool = AtomicBool::new(false);
/// Report with defmt instead of text.
static DEFMT: AtomicBool = AtomicBool::new(false);

/// From now on, a panic or a fault resets the MCU after logging its reason.
pub fn reset_on_fault() {
    RESET.store(true, Ordering::Relaxed);
}

/// From now on, a panic or a fault reports in defmt frames (the firmware's log), not text.
pub fn report_with_defmt() {
    DEFMT.store(true, Ordering::Relaxed);
}

fn defmt() -> bool {
    DEFMT.load(Ordering::Relaxed)
}

/// Start a report: interrupts off, UART0 on, and a defmt frame cut short by the failure
/// ended.
fn begin() -> Uart {
    cortex_m::interrupt::disable();
    let uart = Uart::init();
    if defmt() {
        // SAFETY: interrupts are off, and every handler that begins here ends in `end`, a
        // reset or an exit.
        unsafe { crate::log::restart() };
    }
    uart
}

/// End after a failure: reset (see [`reset_on_fault`]) or exit with `status`.
fn end(status: i32) -> ! {
    if RESET.load(Ordering::Relaxed) {
        if defmt() {
            defmt::error!("resetting");
        } else {
            Uart::steal().put_str("resetting\n");
        }
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

/// Where the stack lives (memory.x: RAM): the frame walk reads only inside it.
const RAM: core::ops::Range<usize> = 0x2000_0000..0x2040_0000;

#[panic_handler]
// Effective although rustc warns otherwise (measured: the handler is inlined into
// `core::panicking::panic_fmt`).
#[allow(unused_attributes)]
#[inline(always)]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    // Nothing of the `PanicInfo` is read (armv7m::fault says why).
    panic_from(armv7m::fault::return_addresses(RAM))
}

#[inline(never)]
fn panic_from(lr: [u32; 3]) -> ! {
    let mut uart = begin();
    if defmt() {
        log_panic(lr);
    } else {
        uart.put_str("PANIC from");
        for a in lr {
            uart.put_str(" ");
            uart.put_hex(a);
        }
        uart.put_str("\n");
    }
    end(EXIT_PANIC)
}

#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    let mut uart = begin();
    let regs = Registers::read();
    if defmt() {
        log_hardfault(frame, &regs);
    } else {
        let lines: [&[(&str, u32)]; 3] = [
            &[
                ("HARDFAULT pc=", frame.pc()),
                (" lr=", frame.lr()),
                (" xpsr=", frame.xpsr()),
            ],
            &[
                ("  r0=", frame.r0()),
                (" r1=", frame.r1()),
                (" r2=", frame.r2()),
                (" r3=", frame.r3()),
                (" r12=", frame.r12()),
            ],
            &[
                ("  CFSR=", regs.cfsr),
                (" HFSR=", regs.hfsr),
                (" MMFAR=", regs.mmfar),
                (" BFAR=", regs.bfar),
            ],
        ];
        for line in lines {
            for &(name, value) in line {
                uart.put_str(name);
                uart.put_hex(value);
            }
            uart.put_str("\n");
        }
        uart.put_str("  MMFAR ");
        uart.put_str(validity(regs.mmfar_valid()));
        uart.put_str(", BFAR ");
        uart.put_str(validity(regs.bfar_valid()));
        uart.put_str("\n");
    }
    end(EXIT_HARDFAULT)
}

#[exception]
unsafe fn DefaultHandler(irqn: i16) {
    // `irqn` is the exception number minus 16: interrupts are >= 0.
    if irqn == crate::clock::IRQ as i16 {
        crate::clock::on_interrupt();
        return;
    }
    let mut uart = begin();
    if defmt() {
        log_unexpected(irqn);
    } else {
        uart.put_str("unexpected exception or interrupt ");
        if irqn < 0 {
            uart.put_str("-");
        }
        uart.put_dec(u32::from(irqn.unsigned_abs()));
        uart.put_str("\n");
    }
    end(EXIT_UNEXPECTED)
}
