//! PUBACK, PUBREC, PUBREL and PUBCOMP (§3.4 to §3.7): one shape, four packet types.

use super::codec::{Reader, Sink};
use super::{Error, PacketId, PacketType, Properties, PropertyContext, ReasonCode, Version};

/// The body of PUBACK, PUBREC, PUBREL and PUBCOMP (the [`Repr`](super::Repr) variant says
/// which).
///
/// MQTT 5.0 lets the reason code and properties be left out; emit uses the shortest form
/// (as Mosquitto does): 2 bytes for success without properties, 3 bytes for another reason
/// code without properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Ack<'a> {
    /// The packet identifier of the PUBLISH (or PUBREL) being acknowledged.
    pub packet_id: PacketId,
    /// Reason code (5.0; always success in 3.1.1).
    pub reason: ReasonCode,
    /// Properties (5.0).
    pub properties: Properties<'a>,
}

impl<'a> Ack<'a> {
    /// A successful acknowledgement without properties.
    pub const fn new(packet_id: PacketId) -> Self {
        Ack {
            packet_id,
            reason: ReasonCode::Success,
            properties: Properties::EMPTY,
        }
    }

    pub(crate) fn parse(kind: PacketType, body: &'a [u8], version: Version) -> Result<Self, Error> {
        let mut r = Reader::new(body);
        let packet_id = r.packet_id()?;
        let mut ack = Ack::new(packet_id);
        if version.is_v5() && !r.is_empty() {
            ack.reason = ReasonCode::parse(r.u8()?, kind)?;
            if !r.is_empty() {
                ack.properties = Properties::read(&mut r, PropertyContext::Ack)?;
            }
        }
        r.finish()?;
        Ok(ack)
    }

    pub(crate) fn body_len(&self, version: Version) -> usize {
        match version {
            Version::V311 => 2,
            #[cfg(feature = "v5")]
            Version::V5 if self.properties.is_empty() => {
                if self.reason == ReasonCode::Success {
                    2
                } else {
                    3
                }
            }
            #[cfg(feature = "v5")]
            Version::V5 => self.properties.wire_len().saturating_add(3),
        }
    }

    pub(crate) fn emit_body<S: Sink>(
        &self,
        kind: PacketType,
        w: &mut S,
        version: Version,
    ) -> Result<(), Error> {
        match version {
            Version::V311 => {
                if self.reason != ReasonCode::Success || !self.properties.is_empty() {
                    return Err(Error::NotInVersion);
                }
                w.u16(self.packet_id.get())
            }
            #[cfg(feature = "v5")]
            Version::V5 => {
                if !self.reason.allowed_in(kind) {
                    return Err(Error::InvalidReasonCode);
                }
                w.u16(self.packet_id.get())?;
                if self.properties.is_empty() {
                    if self.reason != ReasonCode::Success {
                        w.u8(self.reason.to_u8())?;
                    }
                    Ok(())
                } else {
                    w.u8(self.reason.to_u8())?;
                    self.properties.write(w, PropertyContext::Ack)
                }
            }
        }
    }
}
