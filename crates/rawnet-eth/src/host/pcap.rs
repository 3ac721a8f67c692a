//! Capture any driver's traffic to a classic pcap file (`LINKTYPE_ETHERNET`), readable by
//! Wireshark, tshark and tcpdump.

use crate::{Capabilities, EthernetDriver, LinkState, RxToken, TxToken};
use std::cell::RefCell;
use std::io::{self, Write};
use std::time::{SystemTime, UNIX_EPOCH};

/// The classic pcap magic number for microsecond timestamps.
pub const PCAP_MAGIC: u32 = 0xa1b2_c3d4;
/// `LINKTYPE_ETHERNET`: every record is an Ethernet II frame without FCS.
pub const LINKTYPE_ETHERNET: u32 = 1;
/// The snapshot length written in the global header (frames are never cut).
pub const PCAP_SNAPLEN: u32 = 65_535;

/// Writes classic pcap records to `W`. All fields are little-endian; readers recognise the
/// byte order from the magic number.
#[derive(Debug)]
struct Writer<W: Write> {
    out: W,
    error: Option<io::Error>,
    records: u64,
}

impl<W: Write> Writer<W> {
    fn new(mut out: W) -> io::Result<Self> {
        let mut hdr = [0u8; 24];
        hdr[0..4].copy_from_slice(&PCAP_MAGIC.to_le_bytes());
        hdr[4..6].copy_from_slice(&2u16.to_le_bytes()); // version 2.4
        hdr[6..8].copy_from_slice(&4u16.to_le_bytes());
        // thiszone (8..12) and sigfigs (12..16) stay zero.
        hdr[16..20].copy_from_slice(&PCAP_SNAPLEN.to_le_bytes());
        hdr[20..24].copy_from_slice(&LINKTYPE_ETHERNET.to_le_bytes());
        out.write_all(&hdr)?;
        Ok(Writer {
            out,
            error: None,
            records: 0,
        })
    }

    fn record(&mut self, frame: &[u8]) {
        if self.error.is_some() {
            return;
        }
        let since = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        let len = u32::try_from(frame.len()).unwrap_or(u32::MAX);
        let mut hdr = [0u8; 16];
        // Seconds wrap in 2106, as in every classic pcap file.
        hdr[0..4].copy_from_slice(&(since.as_secs() as u32).to_le_bytes());
        hdr[4..8].copy_from_slice(&since.subsec_micros().to_le_bytes());
        hdr[8..12].copy_from_slice(&len.to_le_bytes());
        hdr[12..16].copy_from_slice(&len.to_le_bytes());
        let res = self
            .out
            .write_all(&hdr)
            .and_then(|()| self.out.write_all(frame));
        match res {
            Ok(()) => self.records += 1,
            Err(e) => self.error = Some(e),
        }
    }
}

/// A driver whose every received and transmitted frame is also written to a pcap capture.
///
/// Received frames are recorded before the stack sees them, transmitted frames after the
/// stack has filled them, each with the wall-clock time of that moment. Capture never
/// disturbs the data path: the first write error stops capturing and is kept for
/// [`error`](Self::error), while frames keep flowing.
///
/// ```
/// use rawnet_eth::host::{MemoryWire, Pcap};
/// use rawnet_eth::{EthernetDriver, TxToken};
///
/// let (a, _b) = MemoryWire::pair([2, 0, 0, 0, 0, 1], [2, 0, 0, 0, 0, 2], 4);
/// let mut a = Pcap::new(a, Vec::new()).unwrap();
/// a.transmit().unwrap().consume(60, |f| f.fill(0xff));
/// let (_, file) = a.into_parts();
/// assert_eq!(file.len(), 24 + 16 + 60); // global header, one record header, one frame
/// ```
#[derive(Debug)]
pub struct Pcap<D, W: Write> {
    driver: D,
    writer: RefCell<Writer<W>>,
}

impl<D: EthernetDriver, W: Write> Pcap<D, W> {
    /// Wrap `driver`, writing the pcap global header to `out` at once.
    pub fn new(driver: D, out: W) -> io::Result<Self> {
        Ok(Pcap {
            driver,
            writer: RefCell::new(Writer::new(out)?),
        })
    }

    /// The wrapped driver.
    pub fn driver(&self) -> &D {
        &self.driver
    }

    /// The wrapped driver, mutably.
    pub fn driver_mut(&mut self) -> &mut D {
        &mut self.driver
    }

    /// Frames recorded so far (both directions).
    pub fn records(&self) -> u64 {
        self.writer.borrow().records
    }

    /// The write error that stopped capturing, if one did.
    pub fn error(&self) -> Option<io::ErrorKind> {
        self.writer.borrow().error.as_ref().map(|e| e.kind())
    }

    /// Flush the capture's writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.writer.get_mut().out.flush()
    }

    /// The driver and the writer (flushed on a best-effort basis).
    pub fn into_parts(self) -> (D, W) {
        let mut w = self.writer.into_inner();
        let _ = w.out.flush();
        (self.driver, w.out)
    }
}

/// A received frame from a [`Pcap`]-wrapped driver.
#[derive(Debug)]
pub struct PcapRx<'a, T, W: Write> {
    token: T,
    writer: &'a RefCell<Writer<W>>,
}

/// A transmit slot on a [`Pcap`]-wrapped driver.
#[derive(Debug)]
pub struct PcapTx<'a, T, W: Write> {
    token: T,
    writer: &'a RefCell<Writer<W>>,
}

impl<T: RxToken, W: Write> RxToken for PcapRx<'_, T, W> {
    fn consume<R>(self, f: impl FnOnce(&mut [u8]) -> R) -> R {
        let writer = self.writer;
        self.token.consume(|frame| {
            writer.borrow_mut().record(frame);
            f(frame)
        })
    }
}

impl<T: TxToken, W: Write> TxToken for PcapTx<'_, T, W> {
    fn consume<R>(self, len: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
        let writer = self.writer;
        self.token.consume(len, |frame| {
            let r = f(frame);
            writer.borrow_mut().record(frame);
            r
        })
    }
}

impl<D: EthernetDriver, W: Write> EthernetDriver for Pcap<D, W> {
    type RxToken<'a>
        = PcapRx<'a, D::RxToken<'a>, W>
    where
        Self: 'a;
    type TxToken<'a>
        = PcapTx<'a, D::TxToken<'a>, W>
    where
        Self: 'a;

    fn receive(&mut self) -> Option<(Self::RxToken<'_>, Self::TxToken<'_>)> {
        let writer = &self.writer;
        self.driver
            .receive()
            .map(|(rx, tx)| (PcapRx { token: rx, writer }, PcapTx { token: tx, writer }))
    }

    fn transmit(&mut self) -> Option<Self::TxToken<'_>> {
        let writer = &self.writer;
        self.driver.transmit().map(|token| PcapTx { token, writer })
    }

    fn mac_address(&self) -> [u8; 6] {
        self.driver.mac_address()
    }

    fn link_state(&mut self) -> LinkState {
        self.driver.link_state()
    }

    fn capabilities(&self) -> Capabilities {
        self.driver.capabilities()
    }
}
