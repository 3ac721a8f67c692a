//! Logs on the CMSDK APB UART0 (QEMU: `-serial stdio`, or the terminal with `-nographic`).
//!
//! Polled transmit only. The firmware's log is defmt frames ([`crate::log`]); the bring-up
//! programs print text: [`Uart`] implements [`core::fmt::Write`], and
//! [`println!`](crate::println) formats straight into it. `\n` goes out as `\r\n` for terminals
//! in raw mode. The UART has no state in memory, so writing from the panic and fault handlers
//! is always possible (lines written at the same time from an interrupt would interleave,
//! nothing worse); they write text without `core::fmt` ([`Uart::put_str`] and friends), so a
//! firmware that formats nothing links none of it.

use core::ptr::{read_volatile, write_volatile};

/// UART0's base address on the MPS2 AN385/AN386 images.
const BASE: usize = 0x4000_4000;
const DATA: usize = BASE;
const STATE: usize = BASE + 0x04;
const CTRL: usize = BASE + 0x08;
const BAUDDIV: usize = BASE + 0x10;
const STATE_TX_FULL: u32 = 1 << 0;
const CTRL_TX_ENABLE: u32 = 1 << 0;
/// The UART's clock (the APB clock, SYSCLK on these images).
const PCLK_HZ: u32 = 25_000_000;
/// Line rate on the real board's USB serial bridge (QEMU ignores it).
const BAUD: u32 = 115_200;

/// UART0, transmit side.
#[derive(Debug, Clone, Copy)]
pub struct Uart(());

impl Uart {
    /// Enable the transmitter at 115200 baud. Calling it again does no harm.
    pub fn init() -> Uart {
        // SAFETY: UART0's registers, written with 32-bit stores as the CMSDK TRM says.
        unsafe {
            write_volatile(BAUDDIV as *mut u32, PCLK_HZ / BAUD);
            write_volatile(CTRL as *mut u32, CTRL_TX_ENABLE);
        }
        Uart(())
    }

    /// The UART, assumed initialised (for the panic and fault handlers).
    pub(crate) fn steal() -> Uart {
        Uart(())
    }

    /// Send one byte, waiting while the transmit buffer is full.
    pub fn write_byte(&mut self, byte: u8) {
        // SAFETY: as in `init`.
        unsafe {
            while read_volatile(STATE as *const u32) & STATE_TX_FULL != 0 {}
            write_volatile(DATA as *mut u32, u32::from(byte));
        }
    }

    /// Text, `\n` as `\r\n` (without `core::fmt`).
    pub fn put_str(&mut self, s: &str) {
        for b in s.bytes() {
            if b == b'\n' {
                self.write_byte(b'\r');
            }
            self.write_byte(b);
        }
    }

    /// `n` in decimal (without `core::fmt`).
    pub fn put_dec(&mut self, n: u32) {
        let mut digits = [0u8; 10];
        let mut i = digits.len();
        let mut n = n;
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[i..] {
            self.write_byte(d);
        }
    }

    /// `n` as `0x` and eight hexadecimal digits, as `{:#010x}` writes it (without `core::fmt`).
    pub fn put_hex(&mut self, n: u32) {
        self.put_str("0x");
        for shift in (0..8).rev() {
            let digit = ((n >> (shift * 4)) & 0xf) as u8;
            self.write_byte(if digit < 10 {
                b'0' + digit
            } else {
                b'a' + digit - 10
            });
        }
    }
}

impl core::fmt::Write for Uart {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.put_str(s);
        Ok(())
    }
}

#[doc(hidden)]
pub fn _print(args: core::fmt::Arguments<'_>) {
    let _ = core::fmt::Write::write_fmt(&mut Uart::steal(), args);
}

/// `println!` on UART0 (the board's log): `mps2_an386::println!("lease {}", addr)`.
#[macro_export]
macro_rules! println {
    () => { $crate::uart::_print(format_args!("\n")) };
    ($($arg:tt)*) => {{
        $crate::uart::_print(format_args!($($arg)*));
        $crate::uart::_print(format_args!("\n"));
    }};
}
