//! The ENET's registers (offsets from its base, `0x400C_0000` on the K64) and the bits the
//! driver uses, named as in the K64 Sub-Family Reference Manual's ENET chapter; the tests
//! check every offset and bit position here against the vendor's SVD. Then the descriptor
//! flags (the manual's "Enhanced buffer descriptor" tables; see [`super::ring`]).

/// Interrupt event register (write 1 to clear).
pub const EIR: u16 = 0x004;
/// Interrupt mask register.
pub const EIMR: u16 = 0x008;
/// Receive descriptor active register.
pub const RDAR: u16 = 0x010;
/// Transmit descriptor active register.
pub const TDAR: u16 = 0x014;
/// Ethernet control register.
pub const ECR: u16 = 0x024;
/// MII management frame register.
pub const MMFR: u16 = 0x040;
/// MII speed control register.
pub const MSCR: u16 = 0x044;
/// MIB control register.
pub const MIBC: u16 = 0x064;
/// Receive control register.
pub const RCR: u16 = 0x084;
/// Transmit control register.
pub const TCR: u16 = 0x0c4;
/// Physical address lower register (bytes 0..4 of the station address).
pub const PALR: u16 = 0x0e4;
/// Physical address upper register (bytes 4..6, and the pause frame type).
pub const PAUR: u16 = 0x0e8;
/// Individual address hash, upper and lower.
pub const IAUR: u16 = 0x118;
/// Individual address hash, lower.
pub const IALR: u16 = 0x11c;
/// Group (multicast) address hash, upper.
pub const GAUR: u16 = 0x120;
/// Group address hash, lower.
pub const GALR: u16 = 0x124;
/// Transmit FIFO watermark.
pub const TFWR: u16 = 0x144;
/// Receive descriptor ring start.
pub const RDSR: u16 = 0x180;
/// Transmit descriptor ring start.
pub const TDSR: u16 = 0x184;
/// Maximum receive buffer size.
pub const MRBR: u16 = 0x188;
/// Receive FIFO section full threshold (0: store and forward).
pub const RSFL: u16 = 0x190;
/// Transmit accelerator function configuration.
pub const TACC: u16 = 0x1c0;
/// Receive accelerator function configuration.
pub const RACC: u16 = 0x1c4;
/// Frames dropped for lack of receive FIFO space or descriptors (MIB counter).
pub const IEEE_R_DROP: u16 = 0x2c8;
/// Frames received with a CRC error (MIB counter).
pub const IEEE_R_CRC: u16 = 0x2d0;

/// `EIR`: MII management frame done.
pub const EIR_MII: u32 = 1 << 23;
/// `EIR`: Ethernet bus error (the DMA hit memory it may not access).
pub const EIR_EBERR: u32 = 1 << 22;

/// `RDAR` / `TDAR`: descriptor ring active (write to make the DMA look again).
pub const DAR_ACTIVE: u32 = 1 << 24;

/// `ECR`: reset (self-clearing).
pub const ECR_RESET: u32 = 1 << 0;
/// `ECR`: Ethernet enable.
pub const ECR_ETHEREN: u32 = 1 << 1;
/// `ECR`: enhanced functions (1588, and the enhanced buffer descriptors).
pub const ECR_EN1588: u32 = 1 << 4;
/// `ECR`: descriptors in little-endian order.
pub const ECR_DBSWP: u32 = 1 << 8;

/// `MSCR`: MII_SPEED field shift (MDC = module clock / ((MII_SPEED + 1) × 2)).
pub const MSCR_MII_SPEED_SHIFT: u32 = 1;

/// `MMFR`: start of frame (ST = 0b01).
pub const MMFR_ST: u32 = 0b01 << 30;
/// `MMFR`: write operation (OP = 0b01).
pub const MMFR_OP_WRITE: u32 = 0b01 << 28;
/// `MMFR`: read operation (OP = 0b10).
pub const MMFR_OP_READ: u32 = 0b10 << 28;
/// `MMFR`: PHY address shift.
pub const MMFR_PA_SHIFT: u32 = 23;
/// `MMFR`: register address shift.
pub const MMFR_RA_SHIFT: u32 = 18;
/// `MMFR`: turnaround (TA = 0b10).
pub const MMFR_TA: u32 = 0b10 << 16;

/// `MIBC`: MIB counters disabled.
pub const MIBC_MIB_DIS: u32 = 1 << 31;
/// `MIBC`: clear the MIB counters.
pub const MIBC_MIB_CLEAR: u32 = 1 << 29;

/// `RCR`: disable receive on transmit (half duplex).
pub const RCR_DRT: u32 = 1 << 1;
/// `RCR`: MII or RMII mode (must be 1).
pub const RCR_MII_MODE: u32 = 1 << 2;
/// `RCR`: promiscuous.
pub const RCR_PROM: u32 = 1 << 3;
/// `RCR`: flow control enable (act on received pause frames).
pub const RCR_FCE: u32 = 1 << 5;
/// `RCR`: RMII rather than MII.
pub const RCR_RMII_MODE: u32 = 1 << 8;
/// `RCR`: 10 Mbit/s in RMII mode.
pub const RCR_RMII_10T: u32 = 1 << 9;
/// `RCR`: strip the received CRC.
pub const RCR_CRCFWD: u32 = 1 << 14;
/// `RCR`: maximum frame length shift.
pub const RCR_MAX_FL_SHIFT: u32 = 16;

/// `TCR`: full duplex.
pub const TCR_FDEN: u32 = 1 << 2;

/// `TFWR`: store and forward (transmission starts once the whole frame is in the FIFO, so
/// the accelerator can insert checksums).
pub const TFWR_STRFWD: u32 = 1 << 8;

/// `TACC`: insert the IPv4 header checksum.
pub const TACC_IPCHK: u32 = 1 << 3;
/// `TACC`: insert the TCP / UDP / ICMP checksum.
pub const TACC_PROCHK: u32 = 1 << 4;

/// `RACC`: discard frames with a wrong IPv4 header checksum.
pub const RACC_IPDIS: u32 = 1 << 1;
/// `RACC`: discard frames with a wrong TCP / UDP / ICMP checksum.
pub const RACC_PRODIS: u32 = 1 << 2;
/// `RACC`: discard frames with MAC layer errors.
pub const RACC_LINEDIS: u32 = 1 << 6;

/// Receive descriptor flags (offset 2).
pub mod rx {
    /// Empty: the DMA owns the descriptor.
    pub const E: u16 = 0x8000;
    /// Wrap: the last descriptor of the ring.
    pub const W: u16 = 0x2000;
    /// Last descriptor of a frame.
    pub const L: u16 = 0x0800;
    /// Frame length violation (longer than `RCR.MAX_FL`).
    pub const LG: u16 = 0x0020;
    /// Non-octet-aligned frame.
    pub const NO: u16 = 0x0010;
    /// CRC error.
    pub const CR: u16 = 0x0004;
    /// Receive FIFO overrun.
    pub const OV: u16 = 0x0002;
    /// Truncated (longer than `FTRL`).
    pub const TR: u16 = 0x0001;
    /// Errors reported in the last descriptor of a frame.
    pub const ERRORS: u16 = LG | NO | CR | OV | TR;

    /// Extended word 0 (offset 8): IP header checksum error.
    pub const ICE: u16 = 0x0020;
    /// Extended word 0: protocol (TCP/UDP/ICMP) checksum error.
    pub const PCR: u16 = 0x0010;
    /// Extended word 0: IPv4 fragment in the reference manuals of this ENET (NXP's SDK
    /// calls the same bit "IPv4 frame"). The driver does not rely on it: it reads the IPv4
    /// header's fragment fields itself.
    pub const FRAG: u16 = 0x0001;
    /// Extended word 1 (offset 0xa): MAC error.
    pub const ME: u16 = 0x8000;
    /// Extended word 1: PHY error.
    pub const PE: u16 = 0x0400;
    /// Extended word 1: collision.
    pub const CE: u16 = 0x0200;
}

/// Transmit descriptor flags (offset 2).
pub mod tx {
    /// Ready: the DMA owns the descriptor.
    pub const R: u16 = 0x8000;
    /// Wrap: the last descriptor of the ring.
    pub const W: u16 = 0x2000;
    /// Last descriptor of a frame.
    pub const L: u16 = 0x0800;
    /// Append the CRC.
    pub const TC: u16 = 0x0400;

    /// Extended word 0 (offset 8): a transmit error occurred (details in the other bits).
    pub const TXE: u16 = 0x8000;
    /// Extended word 1 (offset 0xa): insert the protocol checksum.
    pub const PINS: u16 = 0x1000;
    /// Extended word 1: insert the IPv4 header checksum.
    pub const IINS: u16 = 0x0800;
}

/// Descriptor word 4, upper half: last buffer descriptor update done (the DMA sets it).
pub const BDU: u32 = 0x8000 << 16;
