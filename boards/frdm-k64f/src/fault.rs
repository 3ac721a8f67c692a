//! What happens when the firmware fails: the panic handler, HardFault, and every other
//! exception or interrupt without a handler (an NMI included).
//!
//! Each logs its reason in the defmt log on UART0 ([`crate::log`]) with [`armv7m::fault`] —
//! the panic's call chain as return addresses (not its location or message: that module says
//! why), or the stacked registers and the fault status registers — lights the red LED and resets the MCU (SYSRESETREQ), so
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
use armv7m::fault::{log_hardfault, log_panic, log_unexpected, Registers};
use cortex_m_rt::{exception, ExceptionFrame};

/// Log, red LED, reset.
fn end() -> ! {
    Led::init().set(Color::Red, true);
    defmt::error!("resetting");
    cortex_m::peripheral::SCB::sys_reset()
}

/// Interrupts off, UART0 again, and a log frame the failure cut short ended. UART0's divisor
/// is for 120 MHz: a failure before `clock::init` prints at the wrong rate.
fn begin() {
    cortex_m::interrupt::disable();
    crate::uart::Uart::init(crate::clock::CORE_HZ);
    // SAFETY: interrupts are off, and every handler that begins here ends in `end`, a reset.
    unsafe { crate::log::restart() };
}

/// Where the stack lives (memory.x: SRAM_L): the frame walk reads only inside it.
const STACK: core::ops::Range<usize> = 0x1fff_0000..0x2000_0000;

#[panic_handler]
// Effective although rustc warns otherwise (measured: the handler is inlined into
// `core::panicking::panic_fmt`).
#[allow(unused_attributes)]
#[inline(always)]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    // Nothing of the `PanicInfo` is read (armv7m::fault says why).
    panic_from(armv7m::fault::return_addresses(STACK))
}

#[inline(never)]
fn panic_from(lr: [u32; 3]) -> ! {
    begin();
    log_panic(lr);
    end()
}

#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    begin();
    log_hardfault(frame, &Registers::read());
    end()
}

#[exception]
unsafe fn DefaultHandler(irqn: i16) {
    // The firmware enables no interrupt; SysTick has its own handler (crate::clock).
    begin();
    log_unexpected(irqn);
    end()
}
