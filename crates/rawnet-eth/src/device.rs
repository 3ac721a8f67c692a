//! The adapter from [`EthernetDriver`] to [`smoltcp::phy::Device`].

use crate::{EthernetDriver, RxToken, TxToken};
use smoltcp::phy::{self, Checksum, ChecksumCapabilities, DeviceCapabilities, Medium};
use smoltcp::time::Instant;

/// Any [`EthernetDriver`] seen as a [`smoltcp::phy::Device`].
///
/// The adapter adds nothing to the data path: smoltcp reads and writes the driver's own
/// buffers through the tokens.
#[derive(Debug)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SmoltcpDevice<D> {
    driver: D,
}

impl<D: EthernetDriver> SmoltcpDevice<D> {
    /// Wrap a driver.
    pub fn new(driver: D) -> Self {
        SmoltcpDevice { driver }
    }

    /// The driver.
    pub fn driver(&self) -> &D {
        &self.driver
    }

    /// The driver, mutably (to poll its link state, say).
    pub fn driver_mut(&mut self) -> &mut D {
        &mut self.driver
    }

    /// Unwrap the driver.
    pub fn into_inner(self) -> D {
        self.driver
    }
}

/// smoltcp's view of a driver's receive token.
#[doc(hidden)]
pub struct Rx<T>(T);
/// smoltcp's view of a driver's transmit token.
#[doc(hidden)]
pub struct Tx<T>(T);

impl<T: RxToken> phy::RxToken for Rx<T> {
    fn consume<R, F>(self, f: F) -> R
    where
        F: FnOnce(&[u8]) -> R,
    {
        self.0.consume(|buf| f(buf))
    }
}

impl<T: TxToken> phy::TxToken for Tx<T> {
    fn consume<R, F>(self, len: usize, f: F) -> R
    where
        F: FnOnce(&mut [u8]) -> R,
    {
        self.0.consume(len, f)
    }
}

fn offload(hw: bool) -> Checksum {
    if hw {
        Checksum::None
    } else {
        Checksum::Both
    }
}

impl<D: EthernetDriver> phy::Device for SmoltcpDevice<D> {
    type RxToken<'a>
        = Rx<D::RxToken<'a>>
    where
        Self: 'a;
    type TxToken<'a>
        = Tx<D::TxToken<'a>>
    where
        Self: 'a;

    fn receive(&mut self, _timestamp: Instant) -> Option<(Self::RxToken<'_>, Self::TxToken<'_>)> {
        self.driver.receive().map(|(rx, tx)| (Rx(rx), Tx(tx)))
    }

    fn transmit(&mut self, _timestamp: Instant) -> Option<Self::TxToken<'_>> {
        self.driver.transmit().map(Tx)
    }

    fn capabilities(&self) -> DeviceCapabilities {
        let caps = self.driver.capabilities();
        let mut out = DeviceCapabilities::default();
        out.medium = Medium::Ethernet;
        out.max_transmission_unit = caps.max_frame_len;
        out.max_burst_size = caps.max_burst.map(usize::from);
        let mut sums = ChecksumCapabilities::default();
        sums.ipv4 = offload(caps.checksum.ipv4);
        sums.tcp = offload(caps.checksum.tcp);
        sums.udp = offload(caps.checksum.udp);
        sums.icmpv4 = offload(caps.checksum.icmpv4);
        out.checksum = sums;
        out
    }
}
