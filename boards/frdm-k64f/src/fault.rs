//! What happens when the firmware fails: the panic handler, HardFault, and every other
//! exception or interrupt without a handler (an NMI included).
//!
//! Each logs its reason in the defmt log on UART0 ([`crate::log`]) — the panic's call chain as
//! return addresses (not its location or message: see `panic`), or the stacked registers and the fault status registers —
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

/// Where the stack lives (memory.x: SRAM_L): the frame walk below reads only inside it.
const STACK: core::ops::Range<usize> = 0x1fff_0000..0x2000_0000;

#[panic_handler]
// Effective although rustc warns otherwise (measured: the handler is inlined into
// `core::panicking::panic_fmt`).
#[allow(unused_attributes)]
#[inline(always)]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    // Nothing of the `PanicInfo` is read, not even the location: reading it keeps every
    // panic's `Location` (with its source path), message and formatting arguments, and
    // through them `core::fmt`, in the image — 26.7 KB of the QEMU firmware
    // (docs/footprint.md). The report is the call chain instead, which the ELF turns back
    // into file:line.
    panic_from(return_addresses())
}

/// The return addresses of the three innermost frames, from the frame records r7 chains
/// ({saved r7, lr}; rustc keeps frame pointers on this target); 0 where the chain ends.
/// `arm-none-eabi-addr2line -e <elf> <address - 2>` names the calling line.
#[inline(always)]
fn return_addresses() -> [u32; 3] {
    let mut fp: usize;
    // SAFETY: copies r7 into a register; no memory is touched.
    unsafe { core::arch::asm!("mov {}, r7", out(reg) fp, options(nomem, nostack)) };
    let mut lr = [0u32; 3];
    for l in &mut lr {
        if fp % 4 != 0 || !STACK.contains(&fp) {
            break;
        }
        // SAFETY: a word-aligned address in SRAM_L, read as plain data (a frame record).
        let (next, ret) = unsafe {
            (
                core::ptr::read_volatile(fp as *const usize),
                core::ptr::read_volatile((fp + 4) as *const u32),
            )
        };
        *l = ret;
        fp = next;
    }
    lr
}

#[inline(never)]
fn panic_from(lr: [u32; 3]) -> ! {
    begin();
    defmt::error!(
        "PANIC from {=u32:#010x} {=u32:#010x} {=u32:#010x}",
        lr[0],
        lr[1],
        lr[2]
    );
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
