//! # kinetis: the FRDM-K64F's Ethernet and clock logic, testable on the host
//!
//! The parts of `boards/frdm-k64f` that are more than register writes, kept free of register
//! access so they run on the host against models written from the documentation:
//!
//! | module | what | tested against |
//! |---|---|---|
//! | [`enet`] | the K64's ENET MAC as a [`rawnet_eth::EthernetDriver`]: enhanced buffer descriptor rings (ownership handover, wrap bit, error frames, frames spanning buffers, ring full), bring-up, MDIO, checksum offload | a model of the ENET DMA and registers (K64 Sub-Family Reference Manual, ENET chapter); register offsets and bits checked against the vendor SVD |
//! | [`phy`] | the KSZ8081RNA state machine over MDIO: reset, identify, 50 MHz RMII clock mode, auto-negotiation, link watch | a model of the PHY (Microchip KSZ8081RNA/RND datasheet) |
//! | [`clock`] | the clock plan: MCG PLL from the 50 MHz reference to 120 MHz, the dividers, MDC, UART baud divisor | the K64 data sheet's limits |
//! | [`mac`] | the station address from the SIM unique id | — |
//!
//! A board implements [`enet::Regs`] with volatile accesses at the ENET's base address
//! (`boards/frdm-k64f` does); the tests implement it with the model.
#![no_std]
#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod clock;
pub mod enet;
pub mod mac;
pub mod phy;
#[cfg(test)]
mod svd;
