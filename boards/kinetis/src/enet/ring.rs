//! The memory the ENET's DMA shares with the CPU: enhanced buffer descriptors and frame
//! buffers (K64 Sub-Family Reference Manual, "Enhanced buffer descriptors").
//!
//! A descriptor is 32 bytes, eight little-endian words with `ECR.DBSWP` set (the MAC's native
//! order is big-endian); the CPU and the DMA both write it, so every access is volatile and
//! goes through [`Word`], a cell the DMA may change at any time. The layout, by byte offset:
//!
//! | offset | receive | transmit |
//! |---|---|---|
//! | 0x00 | data length | data length |
//! | 0x02 | E, RO1, W, RO2, L, M, BC, MC, LG, NO, CR, OV, TR | R, TO1, W, TO2, L, TC |
//! | 0x04 | buffer address | buffer address |
//! | 0x08 | VPCP, ICE, PCR, VLAN, IPV6, FRAG | TXE, UE, EE, FE, LCE, OE, TSE |
//! | 0x0a | ME, PE, CE, UC, INT | INT, TS, PINS, IINS |
//! | 0x0c | payload checksum, header length, protocol | — |
//! | 0x12 | BDU | BDU |
//! | 0x14 | timestamp | timestamp |
//!
//! Placement rules the DMA imposes (same chapter): each ring starts on a 16-byte boundary
//! (`RDSR`/`TDSR` hold bits 31:3; 16 is what the manual recommends), receive buffers are
//! 16-byte aligned and `MRBR` bytes long, a multiple of 16. [`Rings`] satisfies them by type
//! (`align(16)`, [`BUF_LEN`] = 1520); the ENET reaches SRAM_U (where `.bss` is) through the
//! crossbar like any bus master.

//!
//! This module and the two slices the tokens make are the crate's only `unsafe` code: shared
//! memory with a DMA engine cannot be expressed in safe Rust.
#![allow(unsafe_code)]

use core::cell::UnsafeCell;

/// Bytes of one frame buffer: the longest frame with its FCS (1518) rounded up to 16.
pub const BUF_LEN: usize = 1520;

/// One 32-bit word of DMA-shared memory, read and written with volatile accesses.
#[repr(transparent)]
pub struct Word(UnsafeCell<u32>);

// SAFETY: every access is a single volatile load or store of an aligned u32; the DMA engine
// (or its model) is the other party, and the ownership bits in the descriptors say who may
// write what (see `Enet`).
unsafe impl Sync for Word {}

impl Word {
    const fn new() -> Word {
        Word(UnsafeCell::new(0))
    }

    /// Volatile load.
    pub fn get(&self) -> u32 {
        // SAFETY: aligned, valid for reads; see the `Sync` impl.
        unsafe { self.0.get().read_volatile() }
    }

    /// Volatile store.
    pub fn set(&self, v: u32) {
        // SAFETY: aligned, valid for writes; see the `Sync` impl.
        unsafe { self.0.get().write_volatile(v) }
    }
}

/// An enhanced buffer descriptor (32 bytes).
#[repr(C, align(16))]
pub struct Descriptor {
    /// Words 0..8 (see the module documentation for what each holds).
    pub words: [Word; 8],
}

impl Descriptor {
    const fn new() -> Descriptor {
        Descriptor {
            words: [
                Word::new(),
                Word::new(),
                Word::new(),
                Word::new(),
                Word::new(),
                Word::new(),
                Word::new(),
                Word::new(),
            ],
        }
    }

    /// Data length (offset 0).
    pub fn data_len(&self) -> u16 {
        self.words[0].get() as u16
    }

    /// Status and control flags (offset 2).
    pub fn flags(&self) -> u16 {
        (self.words[0].get() >> 16) as u16
    }

    /// Length and flags together (the flags last in the word, as the DMA reads them).
    pub fn set_len_flags(&self, len: u16, flags: u16) {
        self.words[0].set(u32::from(len) | u32::from(flags) << 16);
    }

    /// The buffer's bus address (offset 4).
    pub fn buffer(&self) -> u32 {
        self.words[1].get()
    }

    /// Extended status 0 (offset 8) and 1 (offset 0xa) as one word: ext0 low, ext1 high.
    pub fn ext(&self) -> u32 {
        self.words[2].get()
    }

    /// Write both extended words (offsets 8 and 0xa).
    pub fn set_ext(&self, ext0: u16, ext1: u16) {
        self.words[2].set(u32::from(ext0) | u32::from(ext1) << 16);
    }

    /// Bytes 0x10..0x14: BDU in the upper half.
    pub fn bdu_word(&self) -> &Word {
        &self.words[4]
    }
}

/// A frame buffer, 16-byte aligned.
#[repr(C, align(16))]
pub struct Buffer(UnsafeCell<[u8; BUF_LEN]>);

// SAFETY: the buffer is accessed by the CPU only while its descriptor is owned by the CPU
// (E clear / R clear), and by the DMA only while the DMA owns it; `Enet` hands out at most
// one slice of a buffer at a time.
unsafe impl Sync for Buffer {}

impl Buffer {
    const fn new() -> Buffer {
        Buffer(UnsafeCell::new([0; BUF_LEN]))
    }

    /// The buffer's address (its bus address on the K64: no address translation).
    pub fn addr(&self) -> u32 {
        self.0.get() as usize as u32
    }

    /// Byte `i` (0 past the end). For the CPU only while it owns the buffer.
    pub fn byte(&self, i: usize) -> u8 {
        if i < BUF_LEN {
            // SAFETY: in bounds; the caller owns the buffer (no DMA write in flight).
            unsafe { self.ptr().add(i).read() }
        } else {
            0
        }
    }

    /// Raw pointer to the bytes (for the driver's tokens and the DMA model).
    pub fn ptr(&self) -> *mut u8 {
        self.0.get().cast()
    }
}

/// Receive and transmit rings with their buffers: `RX` and `TX` descriptors of 32 bytes and
/// as many buffers of [`BUF_LEN`] bytes. Zeroed, so a `static` of it costs `.bss` only.
#[repr(C)]
pub struct Rings<const RX: usize, const TX: usize> {
    /// Receive descriptors (`RDSR` points here).
    pub rx: [Descriptor; RX],
    /// Transmit descriptors (`TDSR` points here).
    pub tx: [Descriptor; TX],
    /// Receive buffers, one per receive descriptor.
    pub rx_buf: [Buffer; RX],
    /// Transmit buffers, one per transmit descriptor.
    pub tx_buf: [Buffer; TX],
}

impl<const RX: usize, const TX: usize> Rings<RX, TX> {
    /// Zeroed rings (the driver writes every descriptor at start).
    pub const fn new() -> Self {
        Rings {
            rx: [const { Descriptor::new() }; RX],
            tx: [const { Descriptor::new() }; TX],
            rx_buf: [const { Buffer::new() }; RX],
            tx_buf: [const { Buffer::new() }; TX],
        }
    }

    /// Bus address of the receive ring.
    pub fn rx_addr(&self) -> u32 {
        self.rx.as_ptr() as usize as u32
    }

    /// Bus address of the transmit ring.
    pub fn tx_addr(&self) -> u32 {
        self.tx.as_ptr() as usize as u32
    }
}

impl<const RX: usize, const TX: usize> Default for Rings<RX, TX> {
    fn default() -> Self {
        Self::new()
    }
}
