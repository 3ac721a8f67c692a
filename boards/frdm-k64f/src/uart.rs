//! UART0, the OpenSDA serial port (PTB16 RX, PTB17 TX, 115200 8N1): the log's defmt frames
//! ([`crate::log`]).
//!
//! Polled transmit only, bytes as they are. The UART has no state in memory, so the panic and
//! fault handlers can always write. UART0 runs from the system clock; [`Uart::init`] takes the
//! divisor for it from [`kinetis::clock`].

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

    /// The UART, assumed initialised (for the log).
    pub(crate) fn steal() -> Uart {
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
