//! What happens when the firmware fails: the panic handler, HardFault, and every other
//! exception or interrupt without a handler (an NMI included).
//!
//! Each logs its reason on UART0 — the panic message and location, or the stacked registers
//! and the fault status registers — lights the red LED and resets the MCU (SYSRESETREQ), so
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
use crate::println;
use cortex_m_rt::{exception, ExceptionFrame};

/// Log, red LED, reset.
fn end() -> ! {
    Led::init().set(Color::Red, true);
    println!("resetting");
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

/// UART0 again, for a handler that may run before or after the clocks were set up (the
/// divisor is for 120 MHz: a failure before `clock::init` prints at the wrong rate).
fn uart() {
    crate::uart::Uart::init(crate::clock::CORE_HZ);
}

#[panic_handler]
fn panic(info: &core::panic::PanicInfo<'_>) -> ! {
    cortex_m::interrupt::disable();
    uart();
    match info.location() {
        Some(at) => println!("PANIC at {}:{}: {}", at.file(), at.line(), info.message()),
        None => println!("PANIC: {}", info.message()),
    }
    end()
}

#[exception]
unsafe fn HardFault(frame: &ExceptionFrame) -> ! {
    cortex_m::interrupt::disable();
    uart();
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
        "  CFSR={:#010x} HFSR={:#010x} MMFAR={:#010x} BFAR={:#010x} (MMFAR {}, BFAR {})",
        cfsr,
        read(HFSR),
        read(MMFAR),
        read(BFAR),
        // MMFARVALID (bit 7), BFARVALID (bit 15): whether the address registers mean anything.
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
    end()
}

#[exception]
unsafe fn DefaultHandler(irqn: i16) {
    // `irqn` is the exception number minus 16: -14 is the NMI, interrupts are >= 0. The
    // firmware enables no interrupt; SysTick has its own handler (crate::clock).
    cortex_m::interrupt::disable();
    uart();
    println!("unexpected exception or interrupt {irqn}");
    end()
}
