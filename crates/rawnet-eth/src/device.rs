//! The adapter from [`EthernetDriver`] to [`smoltcp::phy::Device`].

use crate::stale_ack::StaleAcks;
use crate::{EthernetDriver, RxToken, TxToken};
use smoltcp::phy::{self, Checksum, ChecksumCapabilities, DeviceCapabilities, Medium};
use smoltcp::time::Instant;

/// Any [`EthernetDriver`] seen as a [`smoltcp::phy::Device`].
///
/// smoltcp reads and writes the driver's own buffers through the tokens. On the way in, a
/// TCP data segment behind a stale acknowledgement, which smoltcp would drop whole, gets the
/// newest acknowledgement instead (see [`crate::stale_ack`]).
#[derive(Debug)]
pub struct SmoltcpDevice<D> {
    driver: D,
    acks: StaleAcks,
}

#[cfg(feature = "defmt")]
impl<D: defmt::Format> defmt::Format for SmoltcpDevice<D> {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "SmoltcpDevice {{ driver: {} }}", self.driver)
    }
}

impl<D: EthernetDriver> SmoltcpDevice<D> {
    /// Wrap a driver.
    pub fn new(driver: D) -> Self {
        SmoltcpDevice {
            driver,
            acks: StaleAcks::default(),
        }
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
pub struct Rx<'a, T> {
    token: T,
    acks: &'a StaleAcks,
}
/// smoltcp's view of a driver's transmit token.
#[doc(hidden)]
pub struct Tx<'a, T> {
    token: T,
    acks: &'a StaleAcks,
}

impl<T: RxToken> phy::RxToken for Rx<'_, T> {
    fn consume<R, F>(self, f: F) -> R
    where
        F: FnOnce(&[u8]) -> R,
    {
        let acks = self.acks;
        self.token.consume(|buf| {
            acks.received(buf);
            f(buf)
        })
    }
}

impl<T: TxToken> phy::TxToken for Tx<'_, T> {
    fn consume<R, F>(self, len: usize, f: F) -> R
    where
        F: FnOnce(&mut [u8]) -> R,
    {
        let acks = self.acks;
        self.token.consume(len, |buf| {
            let r = f(buf);
            acks.sent(buf);
            r
        })
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
        = Rx<'a, D::RxToken<'a>>
    where
        Self: 'a;
    type TxToken<'a>
        = Tx<'a, D::TxToken<'a>>
    where
        Self: 'a;

    fn receive(&mut self, _timestamp: Instant) -> Option<(Self::RxToken<'_>, Self::TxToken<'_>)> {
        let acks = &self.acks;
        self.driver
            .receive()
            .map(|(rx, tx)| (Rx { token: rx, acks }, Tx { token: tx, acks }))
    }

    fn transmit(&mut self, _timestamp: Instant) -> Option<Self::TxToken<'_>> {
        let acks = &self.acks;
        self.driver.transmit().map(|token| Tx { token, acks })
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
