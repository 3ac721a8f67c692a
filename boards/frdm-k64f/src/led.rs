//! The RGB LED (active low): red PTB22, green PTE26, blue PTB21.

use mk64f12_pac as pac;

/// One of the LED's three colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    /// PTB22: the fault handlers light it before the reset.
    Red,
    /// PTE26: the application's `led on` / `led off` commands.
    Green,
    /// PTB21: lit while the firmware waits for its first lease.
    Blue,
}

/// The LED (a handle: the state is the GPIO).
#[derive(Debug, Clone, Copy)]
pub struct Led(());

impl Led {
    /// Pins as GPIO outputs, all colours off.
    pub fn init() -> Led {
        // SAFETY: SIM gates, PORTB/PORTE pin control and GPIO for the LED's pins only.
        let (sim, portb, porte) =
            unsafe { (pac::Sim::steal(), pac::Portb::steal(), pac::Porte::steal()) };
        sim.scgc5()
            .modify(|_, w| w.portb().set_bit().porte().set_bit());
        for pin in [21, 22] {
            portb.pcr(pin).write(|w| w.mux().set(1));
        }
        porte.pcr(26).write(|w| w.mux().set(1));
        let led = Led(());
        for c in [Color::Red, Color::Green, Color::Blue] {
            led.set(c, false);
        }
        // SAFETY: the data direction of the LED's pins.
        let (ptb, pte) = unsafe { (pac::Ptb::steal(), pac::Pte::steal()) };
        ptb.pddr()
            .modify(|r, w| unsafe { w.bits(r.bits() | 1 << 21 | 1 << 22) });
        pte.pddr()
            .modify(|r, w| unsafe { w.bits(r.bits() | 1 << 26) });
        led
    }

    /// Turn `color` on or off.
    pub fn set(&self, color: Color, on: bool) {
        // SAFETY: set/clear registers of the LED's pins (writes touch only the bit given).
        let (ptb, pte) = unsafe { (pac::Ptb::steal(), pac::Pte::steal()) };
        let bit = match color {
            Color::Red => 1 << 22,
            Color::Green => 1 << 26,
            Color::Blue => 1 << 21,
        };
        // Active low: on = output low = clear.
        match (color, on) {
            (Color::Green, true) => pte.pcor().write(|w| unsafe { w.bits(bit) }),
            (Color::Green, false) => pte.psor().write(|w| unsafe { w.bits(bit) }),
            (_, true) => ptb.pcor().write(|w| unsafe { w.bits(bit) }),
            (_, false) => ptb.psor().write(|w| unsafe { w.bits(bit) }),
        };
    }
}
