//! What a panic or fault handler reports, in defmt frames.
//!
//! - A panic: the return addresses of the three innermost frames ([`return_addresses`]), not
//!   the panic's location or message. Reading either keeps every panic's `Location` (with its
//!   source path), message and formatting arguments, and through them `core::fmt`, in the
//!   image: 26.7 KB of the QEMU firmware (docs/footprint.md). `arm-none-eabi-addr2line -e
//!   <elf> <address - 2>` turns an address back into file:line.
//! - A HardFault: the stacked registers and the fault status registers ([`Registers`]).
//! - An exception or interrupt without a handler: its number.
//!
//! The handler logs with these, then does what its board does after a failure (reset, exit).

use core::ops::Range;

use cortex_m_rt::ExceptionFrame;

/// The return addresses of the three innermost frames, from the frame records r7 chains
/// ({saved r7, lr}; rustc keeps frame pointers on thumbv7em); 0 where the chain ends or
/// leaves `stack`, the memory the stack lives in (the walk reads nothing outside it).
/// Inlined into the caller, so the first frame is the caller's caller.
#[inline(always)]
pub fn return_addresses(stack: Range<usize>) -> [u32; 3] {
    let mut fp: usize;
    // SAFETY: copies r7 into a register; no memory is touched.
    unsafe { core::arch::asm!("mov {}, r7", out(reg) fp, options(nomem, nostack)) };
    let mut lr = [0u32; 3];
    for l in &mut lr {
        if fp % 4 != 0 || fp < stack.start || stack.end.saturating_sub(fp) < 8 {
            break;
        }
        // SAFETY: a word-aligned frame record inside the stack's memory, read as plain data.
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

/// The system control block's fault status and address registers (ARMv7-M ARM, B3.2.15–18).
#[derive(Debug, Clone, Copy)]
pub struct Registers {
    /// Configurable Fault Status Register (MemManage, BusFault, UsageFault).
    pub cfsr: u32,
    /// HardFault Status Register.
    pub hfsr: u32,
    /// MemManage Fault Address Register (meaningful when CFSR.MMARVALID).
    pub mmfar: u32,
    /// BusFault Address Register (meaningful when CFSR.BFARVALID).
    pub bfar: u32,
}

impl Registers {
    /// Read them.
    pub fn read() -> Registers {
        let read = |addr: usize| {
            // SAFETY: the SCB's fault status and address registers, always readable.
            unsafe { core::ptr::read_volatile(addr as *const u32) }
        };
        Registers {
            cfsr: read(0xe000_ed28),
            hfsr: read(0xe000_ed2c),
            mmfar: read(0xe000_ed34),
            bfar: read(0xe000_ed38),
        }
    }

    /// Whether MMFAR holds the faulting address (CFSR.MMARVALID, bit 7).
    pub fn mmfar_valid(&self) -> bool {
        self.cfsr & (1 << 7) != 0
    }

    /// Whether BFAR holds the faulting address (CFSR.BFARVALID, bit 15).
    pub fn bfar_valid(&self) -> bool {
        self.cfsr & (1 << 15) != 0
    }
}

/// "valid" or "not valid".
pub fn validity(valid: bool) -> &'static str {
    if valid {
        "valid"
    } else {
        "not valid"
    }
}

/// Log a panic's call chain ([`return_addresses`]).
pub fn log_panic(lr: [u32; 3]) {
    defmt::error!(
        "PANIC from {=u32:#010x} {=u32:#010x} {=u32:#010x}",
        lr[0],
        lr[1],
        lr[2]
    );
}

/// Log a HardFault: the registers the core stacked, and the fault registers.
pub fn log_hardfault(frame: &ExceptionFrame, regs: &Registers) {
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
    defmt::error!(
        "  CFSR={=u32:#010x} HFSR={=u32:#010x} MMFAR={=u32:#010x} BFAR={=u32:#010x}",
        regs.cfsr,
        regs.hfsr,
        regs.mmfar,
        regs.bfar
    );
    defmt::error!(
        "  MMFAR {=str}, BFAR {=str}",
        validity(regs.mmfar_valid()),
        validity(regs.bfar_valid())
    );
}

/// Log an exception or interrupt nobody handles: `irqn` is the exception number minus 16
/// (-14 is the NMI; interrupts are >= 0).
pub fn log_unexpected(irqn: i16) {
    defmt::error!("unexpected exception or interrupt {=i16}", irqn);
}
