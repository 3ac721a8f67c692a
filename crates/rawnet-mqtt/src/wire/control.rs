//! DISCONNECT (§3.14) and AUTH (§3.15): a reason code and properties, both optional.

use super::codec::{Reader, Sink};
use super::{Error, PacketType, Properties, PropertyContext, ReasonCode, Version};

/// Shared shape of DISCONNECT and AUTH bodies in MQTT 5.0: empty means success without
/// properties; one byte is a reason code without properties. Emit uses the shortest form.
fn parse_reason_props<'a>(
    kind: PacketType,
    context: PropertyContext,
    body: &'a [u8],
) -> Result<(ReasonCode, Properties<'a>), Error> {
    let mut r = Reader::new(body);
    let mut reason = ReasonCode::Success;
    let mut properties = Properties::EMPTY;
    if !r.is_empty() {
        reason = ReasonCode::parse(r.u8()?, kind)?;
        if !r.is_empty() {
            properties = Properties::read(&mut r, context)?;
        }
    }
    r.finish()?;
    Ok((reason, properties))
}

fn reason_props_len(reason: ReasonCode, properties: &Properties<'_>) -> usize {
    if !properties.is_empty() {
        properties.wire_len().saturating_add(1)
    } else if reason != ReasonCode::Success {
        1
    } else {
        0
    }
}

fn emit_reason_props<S: Sink>(
    kind: PacketType,
    context: PropertyContext,
    reason: ReasonCode,
    properties: &Properties<'_>,
    w: &mut S,
) -> Result<(), Error> {
    if !reason.allowed_in(kind) {
        return Err(Error::InvalidReasonCode);
    }
    if !properties.is_empty() {
        w.u8(reason.to_u8())?;
        properties.write(w, context)
    } else if reason != ReasonCode::Success {
        w.u8(reason.to_u8())
    } else {
        Ok(())
    }
}

/// A DISCONNECT packet. In MQTT 3.1.1 it has no content: the reason is always
/// [`ReasonCode::NORMAL_DISCONNECTION`] and there are no properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Disconnect<'a> {
    /// Disconnect reason code (5.0).
    pub reason: ReasonCode,
    /// DISCONNECT properties (5.0).
    pub properties: Properties<'a>,
}

impl<'a> Disconnect<'a> {
    pub(crate) fn parse(body: &'a [u8], version: Version) -> Result<Self, Error> {
        match version {
            Version::V311 => {
                Reader::new(body).finish()?;
                Ok(Disconnect::default())
            }
            #[cfg(feature = "v5")]
            Version::V5 => {
                let (reason, properties) =
                    parse_reason_props(PacketType::Disconnect, PropertyContext::Disconnect, body)?;
                Ok(Disconnect { reason, properties })
            }
        }
    }

    pub(crate) fn body_len(&self, version: Version) -> usize {
        match version {
            Version::V311 => 0,
            #[cfg(feature = "v5")]
            Version::V5 => reason_props_len(self.reason, &self.properties),
        }
    }

    pub(crate) fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        match version {
            Version::V311 if self.reason != ReasonCode::Success || !self.properties.is_empty() => {
                Err(Error::NotInVersion)
            }
            Version::V311 => Ok(()),
            #[cfg(feature = "v5")]
            Version::V5 => emit_reason_props(
                PacketType::Disconnect,
                PropertyContext::Disconnect,
                self.reason,
                &self.properties,
                w,
            ),
        }
    }
}

/// An AUTH packet (MQTT 5.0 only; packet type 15 is reserved in 3.1.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Auth<'a> {
    /// Authenticate reason code: success, continue authentication or re-authenticate.
    pub reason: ReasonCode,
    /// AUTH properties (Authentication Method and Data, Reason String, User Property).
    pub properties: Properties<'a>,
}

impl<'a> Auth<'a> {
    pub(crate) fn parse(body: &'a [u8], version: Version) -> Result<Self, Error> {
        match version {
            Version::V311 => Err(Error::ReservedPacketType),
            #[cfg(feature = "v5")]
            Version::V5 => {
                let (reason, properties) =
                    parse_reason_props(PacketType::Auth, PropertyContext::Auth, body)?;
                Ok(Auth { reason, properties })
            }
        }
    }

    pub(crate) fn body_len(&self, _version: Version) -> usize {
        reason_props_len(self.reason, &self.properties)
    }

    pub(crate) fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        match version {
            Version::V311 => Err(Error::NotInVersion),
            #[cfg(feature = "v5")]
            Version::V5 => emit_reason_props(
                PacketType::Auth,
                PropertyContext::Auth,
                self.reason,
                &self.properties,
                w,
            ),
        }
    }
}
