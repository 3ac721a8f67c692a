//! The LAN9118's register map in 32-bit mode (datasheet section 5, "System Control and
//! Status Registers"; MAC CSRs in section 5.4, PHY registers in section 5.5).
//!
//! Offsets are from the chip's base address; bit names follow the datasheet.

/// RX data FIFO port (aliased over `0x00..0x20`; every read pops one word).
pub const RX_DATA_FIFO: u16 = 0x00;
/// TX data FIFO port (aliased over `0x20..0x40`; every write pushes one word).
pub const TX_DATA_FIFO: u16 = 0x20;
/// RX status FIFO port (a read pops one status word).
pub const RX_STATUS_FIFO: u16 = 0x40;
/// TX status FIFO port (a read pops one status word).
pub const TX_STATUS_FIFO: u16 = 0x48;
/// Chip ID (bits 31:16) and revision (bits 15:0).
pub const ID_REV: u16 = 0x50;
/// Interrupt pin configuration.
pub const IRQ_CFG: u16 = 0x54;
/// Interrupt status, write 1 to clear (the `INT_*` bits below).
pub const INT_STS: u16 = 0x58;
/// Interrupt enables (same bits as `INT_STS`).
pub const INT_EN: u16 = 0x5c;
/// Reads [`BYTE_TEST_VALUE`] whatever the bus width and byte order.
pub const BYTE_TEST: u16 = 0x64;
/// Receive configuration.
pub const RX_CFG: u16 = 0x6c;
/// Transmit configuration.
pub const TX_CFG: u16 = 0x70;
/// Hardware configuration (soft reset, TX FIFO size).
pub const HW_CFG: u16 = 0x74;
/// RX FIFO information: status words used (23:16), data bytes used (15:0).
pub const RX_FIFO_INF: u16 = 0x7c;
/// TX FIFO information: status words used (23:16), data bytes free (15:0).
pub const TX_FIFO_INF: u16 = 0x80;
/// Power management control (`READY` bit).
pub const PMT_CTRL: u16 = 0x84;
/// Frames the receiver dropped for lack of FIFO space (cleared by reading).
pub const RX_DROP: u16 = 0xa0;
/// MAC CSR command: busy, read/write, CSR index.
pub const MAC_CSR_CMD: u16 = 0xa4;
/// MAC CSR data.
pub const MAC_CSR_DATA: u16 = 0xa8;

/// What [`BYTE_TEST`] reads.
pub const BYTE_TEST_VALUE: u32 = 0x8765_4321;

/// `HW_CFG`: soft reset (self-clearing).
pub const HW_CFG_SRST: u32 = 1 << 0;
/// `HW_CFG`: TX FIFO size field (KiB, data + status), 5 after reset.
pub const HW_CFG_TX_FIF_SZ_5K: u32 = 5 << 16;
/// `HW_CFG`: must be written as one.
pub const HW_CFG_MBO: u32 = 1 << 20;
/// `PMT_CTRL`: the chip is ready to be accessed.
pub const PMT_CTRL_READY: u32 = 1 << 0;

/// `TX_CFG`: transmitter on.
pub const TX_CFG_TX_ON: u32 = 1 << 1;
/// `TX_CFG`: keep transmitting when the TX status FIFO is full (older statuses are lost).
pub const TX_CFG_TXSAO: u32 = 1 << 2;
/// `TX_CFG`: empty the TX data FIFO (self-clearing).
pub const TX_CFG_TXD_DUMP: u32 = 1 << 14;
/// `RX_CFG`: empty the RX data and status FIFOs (self-clearing; receiver stopped first).
pub const RX_CFG_RX_DUMP: u32 = 1 << 15;

/// `INT_STS`: receiver stopped (after `MAC_CR.RXEN` was cleared).
pub const INT_RXSTOP: u32 = 1 << 24;
/// `INT_STS`: receiver error (the RX data FIFO was read past its end).
pub const INT_RXE: u32 = 1 << 14;
/// `INT_STS`: transmitter error.
pub const INT_TXE: u32 = 1 << 13;
/// `INT_STS`: TX data FIFO overrun (a frame was written without room for it).
pub const INT_TDFO: u32 = 1 << 10;
/// `INT_STS`: RX dropped-frame counter passed half its range.
pub const INT_RXDF: u32 = 1 << 6;

/// `MAC_CSR_CMD`: busy (set to start, cleared by the chip when done).
pub const CSR_BUSY: u32 = 1 << 31;
/// `MAC_CSR_CMD`: read (set) or write (clear).
pub const CSR_READ: u32 = 1 << 30;

/// MAC CSR index: MAC control.
pub const MAC_CR: u8 = 1;
/// MAC CSR index: station address, bytes 4 and 5.
pub const MAC_ADDRH: u8 = 2;
/// MAC CSR index: station address, bytes 0 to 3.
pub const MAC_ADDRL: u8 = 3;
/// MAC CSR index: MII (PHY) access.
pub const MII_ACC: u8 = 6;
/// MAC CSR index: MII (PHY) data.
pub const MII_DATA: u8 = 7;

/// `MAC_CR`: receiver enable.
pub const MAC_CR_RXEN: u32 = 1 << 2;
/// `MAC_CR`: transmitter enable.
pub const MAC_CR_TXEN: u32 = 1 << 3;
/// `MAC_CR`: promiscuous (set after reset).
pub const MAC_CR_PRMS: u32 = 1 << 18;
/// `MAC_CR`: full duplex.
pub const MAC_CR_FDPX: u32 = 1 << 20;

/// `MII_ACC`: busy.
pub const MII_BUSY: u32 = 1 << 0;
/// `MII_ACC`: write (set) or read (clear).
pub const MII_WRITE: u32 = 1 << 1;
/// The internal PHY's address on the MII bus.
pub const PHY_ADDR: u32 = 1;

/// PHY register: basic control.
pub const PHY_BCR: u8 = 0;
/// PHY register: basic status.
pub const PHY_BSR: u8 = 1;
/// PHY register: auto-negotiation advertisement.
pub const PHY_ANAR: u8 = 4;
/// PHY register: auto-negotiation link partner ability.
pub const PHY_ANLPAR: u8 = 5;
/// `PHY_BCR`: reset (self-clearing).
pub const BCR_RESET: u32 = 1 << 15;
/// `PHY_BCR`: auto-negotiation enable.
pub const BCR_AN_ENABLE: u32 = 1 << 12;
/// `PHY_BCR`: restart auto-negotiation.
pub const BCR_AN_RESTART: u32 = 1 << 9;
/// `PHY_BSR`: link up (latches low: read twice for the current state).
pub const BSR_LINK: u32 = 1 << 2;
/// `PHY_ANAR` / `PHY_ANLPAR`: 100BASE-TX full duplex.
pub const AN_100_FULL: u32 = 1 << 8;
/// `PHY_ANAR` / `PHY_ANLPAR`: 10BASE-T full duplex.
pub const AN_10_FULL: u32 = 1 << 6;
/// `PHY_ANAR`: 10/100, half and full duplex, IEEE 802.3 selector.
pub const ANAR_ALL: u32 = 0x01e1;

/// TX command A: first segment of a frame.
pub const TXA_FIRST: u32 = 1 << 13;
/// TX command A: last segment of a frame.
pub const TXA_LAST: u32 = 1 << 12;

/// RX status: the frame failed the address filter.
pub const RXS_FILTER_FAIL: u32 = 1 << 30;
/// RX status: error summary (CRC error, runt, too long, late collision).
pub const RXS_ERROR: u32 = 1 << 15;
/// RX status: length error.
pub const RXS_LENGTH_ERROR: u32 = 1 << 12;
/// TX status: error summary.
pub const TXS_ERROR: u32 = 1 << 15;

/// RX status: the frame's length in bytes, FCS included (bits 29:16).
pub fn rx_status_len(status: u32) -> usize {
    ((status >> 16) & 0x3fff) as usize
}
