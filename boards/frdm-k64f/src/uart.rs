//! Logs on UART0, the OpenSDA serial port (PTB16 RX, PTB17 TX, 115200 8N1).
//!
//! Polled transmit only: [`Uart`] implements [`core::fmt::Write`], and
//! [`println!`](crate::println) formats straight into it. `\n` goes out as `\r\n`. The UART
//! has no state in memory, so the panic and fault handlers can always write. UART0 runs from
//! the system clock; [`Uart::init`] takes the divisor for it from [`kinetis::clock`].

use mk64f12_pac as pac;

/// Line rate of the log.
pub const BAUD: u32 = 115_200;

/// UART0, transmit side.
#[derive(Debug, Clone, Copy)]
pub struct Uart(());

impl Uart {
    /// Clock gate, pins, 115200 baud from a system clock of `hz`, transmitter and receiver
    /// on. Calling it again does no harm.
    pub fn init(hz: u32) -> Uart {
        // SAFETY: SIM gates, PORTB's PCR16/17 and UART0; the log is their only user.
        let (sim, portb, uart) =
            unsafe { (pac::Sim::steal(), pac::Portb::steal(), pac::Uart0::steal()) };
        sim.scgc4().modify(|_, w| w.uart0().set_bit());
        sim.scgc5().modify(|_, w| w.portb().set_bit());
        for pin in [16, 17] {
            portb.pcr(pin).write(|w| w.mux().set(3)); // ALT3: UART0_RX, UART0_TX
        }
        let (sbr, brfa) = kinetis::clock::uart_divisor(hz, BAUD);
        uart.c2().write(|w| w.te().clear_bit().re().clear_bit());
        uart.bdh()
            .write(|w| unsafe { w.sbr().bits((sbr >> 8) as u8 & 0x1f) });
        uart.bdl().write(|w| unsafe { w.sbr().bits(sbr as u8) });
        uart.c4().write(|w| unsafe { w.brfa().bits(brfa) });
        uart.c2().write(|w| w.te().set_bit().re().set_bit());
        Uart(())
    }

    /// Send one byte, waiting while the transmit buffer is full.
    pub fn write_byte(&mut self, byte: u8) {
        // SAFETY: UART0's status and data registers.
        let uart = unsafe { pac::Uart0::steal() };
        while uart.s1().read().tdre().bit_is_clear() {}
        uart.d().write(|w| unsafe { w.rt().bits(byte) });
    }
}

impl core::fmt::Write for Uart {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        for b in s.bytes() {
            if b == b'\n' {
                self.write_byte(b'\r');
            }
            self.write_byte(b);
        }
        Ok(())
    }
}

#[doc(hidden)]
pub fn _print(args: core::fmt::Arguments<'_>) {
    let _ = core::fmt::Write::write_fmt(&mut Uart(()), args);
}

/// `println!` on UART0 (the board's log): `frdm_k64f::println!("lease {}", addr)`.
#[macro_export]
macro_rules! println {
    () => { $crate::uart::_print(format_args!("\n")) };
    ($($arg:tt)*) => {{
        $crate::uart::_print(format_args!($($arg)*));
        $crate::uart::_print(format_args!("\n"));
    }};
}
