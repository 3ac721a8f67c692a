//! CONNECT (§3.1) and CONNACK (§3.2).

use super::codec::{field_len, Reader, Sink};
use super::topic::check_topic_name;
use super::{Error, PacketType, Properties, PropertyContext, QoS, ReasonCode, Version};

const PROTOCOL_NAME: [u8; 4] = *b"MQTT";

mod flag {
    pub const RESERVED: u8 = 0b0000_0001;
    pub const CLEAN_START: u8 = 0b0000_0010;
    pub const WILL: u8 = 0b0000_0100;
    pub const WILL_QOS_SHIFT: u32 = 3;
    pub const WILL_RETAIN: u8 = 0b0010_0000;
    pub const PASSWORD: u8 = 0b0100_0000;
    pub const USERNAME: u8 = 0b1000_0000;
}

/// A CONNECT packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Connect<'a> {
    /// Clean Start (5.0) / Clean Session (3.1.1).
    pub clean_start: bool,
    /// Keep alive in seconds; 0 turns it off.
    pub keep_alive: u16,
    /// Client identifier; in 3.1.1 it may be empty only with `clean_start`.
    pub client_id: &'a str,
    /// The Will message.
    pub will: Option<Will<'a>>,
    /// User name.
    pub username: Option<&'a str>,
    /// Password (binary data). In 3.1.1 only together with a user name.
    pub password: Option<&'a [u8]>,
    /// CONNECT properties (5.0).
    pub properties: Properties<'a>,
}

/// The Will message of a CONNECT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Will<'a> {
    /// Will QoS.
    pub qos: QoS,
    /// Will Retain.
    pub retain: bool,
    /// Will Topic: a topic name.
    pub topic: &'a str,
    /// Will Payload.
    pub payload: &'a [u8],
    /// Will properties (5.0).
    pub properties: Properties<'a>,
}

impl<'a> Connect<'a> {
    /// Only [`Repr::parse_body`](super::Repr::parse_body) parses a CONNECT (the client
    /// does not link it): inlined there, built for speed.
    #[inline(always)]
    pub(crate) fn parse(body: &'a [u8], version: Version) -> Result<Self, Error> {
        let mut r = Reader::new(body);
        if r.binary()? != PROTOCOL_NAME {
            return Err(Error::InvalidProtocolName);
        }
        let level = Version::from_level(r.u8()?).ok_or(Error::UnsupportedProtocolLevel)?;
        if level != version {
            return Err(Error::ProtocolVersionMismatch);
        }
        let flags = r.u8()?;
        if flags & flag::RESERVED != 0 {
            return Err(Error::ConnectReservedFlag);
        }
        let will_flag = flags & flag::WILL != 0;
        let will_qos = QoS::from_bits((flags >> flag::WILL_QOS_SHIFT) & 0b11)?;
        let will_retain = flags & flag::WILL_RETAIN != 0;
        if !will_flag && (will_qos != QoS::AtMostOnce || will_retain) {
            return Err(Error::InvalidWillFlags);
        }
        let has_username = flags & flag::USERNAME != 0;
        let has_password = flags & flag::PASSWORD != 0;
        if !version.is_v5() && has_password && !has_username {
            return Err(Error::PasswordWithoutUsername);
        }
        let clean_start = flags & flag::CLEAN_START != 0;
        let keep_alive = r.u16()?;
        let properties = match version {
            #[cfg(feature = "v5")]
            Version::V5 => Properties::read(&mut r, PropertyContext::Connect)?,
            Version::V311 => Properties::EMPTY,
        };
        let client_id = r.string_inline()?;
        if !version.is_v5() && client_id.is_empty() && !clean_start {
            return Err(Error::EmptyClientId);
        }
        let will = if will_flag {
            let properties = match version {
                #[cfg(feature = "v5")]
                Version::V5 => Properties::read(&mut r, PropertyContext::Will)?,
                Version::V311 => Properties::EMPTY,
            };
            let topic = r.string_inline()?;
            check_topic_name(topic)?;
            let payload = r.binary()?;
            Some(Will {
                qos: will_qos,
                retain: will_retain,
                topic,
                payload,
                properties,
            })
        } else {
            None
        };
        let username = if has_username {
            Some(r.string_inline()?)
        } else {
            None
        };
        let password = if has_password {
            Some(r.binary()?)
        } else {
            None
        };
        r.finish()?;
        Ok(Connect {
            clean_start,
            keep_alive,
            client_id,
            will,
            username,
            password,
            properties,
        })
    }

    pub(crate) fn body_len(&self, version: Version) -> usize {
        // Protocol name (6), level (1), flags (1), keep alive (2).
        let mut len = 10usize.saturating_add(field_len(self.client_id.len()));
        if version.is_v5() {
            len = len.saturating_add(self.properties.wire_len());
        }
        if let Some(will) = &self.will {
            if version.is_v5() {
                len = len.saturating_add(will.properties.wire_len());
            }
            len = len
                .saturating_add(field_len(will.topic.len()))
                .saturating_add(field_len(will.payload.len()));
        }
        if let Some(username) = self.username {
            len = len.saturating_add(field_len(username.len()));
        }
        if let Some(password) = self.password {
            len = len.saturating_add(field_len(password.len()));
        }
        len
    }

    fn flags(&self) -> u8 {
        let mut flags = 0;
        if self.clean_start {
            flags |= flag::CLEAN_START;
        }
        if let Some(will) = &self.will {
            flags |= flag::WILL | will.qos.bits() << flag::WILL_QOS_SHIFT;
            if will.retain {
                flags |= flag::WILL_RETAIN;
            }
        }
        if self.username.is_some() {
            flags |= flag::USERNAME;
        }
        if self.password.is_some() {
            flags |= flag::PASSWORD;
        }
        flags
    }

    pub(crate) fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        self.emit_body_inline(w, version)
    }

    /// [`Connect::emit_body`], inlined where it is called (once in `emit_body`, once in
    /// [`Checked::emit`](super::Checked::emit), which the client does not link).
    #[inline(always)]
    pub(crate) fn emit_body_inline<S: Sink>(
        &self,
        w: &mut S,
        version: Version,
    ) -> Result<(), Error> {
        if S::CHECK && !version.is_v5() {
            let will_props = self.will.is_some_and(|w| !w.properties.is_empty());
            if !self.properties.is_empty() || will_props {
                return Err(Error::NotInVersion);
            }
            if self.password.is_some() && self.username.is_none() {
                return Err(Error::PasswordWithoutUsername);
            }
            if self.client_id.is_empty() && !self.clean_start {
                return Err(Error::EmptyClientId);
            }
        }
        // Protocol name, level, flags and keep alive: one write of ten bytes without the
        // checks (Checked::emit), four smaller ones (less code) with them.
        if S::CHECK {
            w.binary(&PROTOCOL_NAME)?;
            w.u8(version.level())?;
            w.u8(self.flags())?;
            w.u16(self.keep_alive)?;
        } else {
            let [n0, n1, n2, n3] = PROTOCOL_NAME;
            let [k0, k1] = self.keep_alive.to_be_bytes();
            w.array([0, 4, n0, n1, n2, n3, version.level(), self.flags(), k0, k1])?;
        }
        if version.is_v5() {
            self.properties.write(w, PropertyContext::Connect)?;
        }
        w.string(self.client_id)?;
        if let Some(will) = &self.will {
            if version.is_v5() {
                will.properties.write(w, PropertyContext::Will)?;
            }
            if S::CHECK {
                check_topic_name(will.topic)?;
            }
            w.string(will.topic)?;
            w.binary(will.payload)?;
        }
        if let Some(username) = self.username {
            w.string(username)?;
        }
        if let Some(password) = self.password {
            w.binary(password)?;
        }
        Ok(())
    }
}

/// A CONNACK packet.
///
/// In MQTT 3.1.1 the return code is carried as the [`ReasonCode`] of the same meaning
/// ([`ReasonCode::from_v311_connack`]); emitting a reason code without a 3.1.1 return code
/// as 3.1.1 is [`Error::NotInVersion`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ConnAck<'a> {
    /// Session Present.
    pub session_present: bool,
    /// Connect reason code (3.1.1: return code).
    pub reason: ReasonCode,
    /// CONNACK properties (5.0).
    pub properties: Properties<'a>,
}

impl<'a> ConnAck<'a> {
    pub(crate) fn parse(body: &'a [u8], version: Version) -> Result<Self, Error> {
        let mut r = Reader::new(body);
        let flags = r.u8()?;
        if flags & !1 != 0 {
            return Err(Error::InvalidConnAckFlags);
        }
        let session_present = flags & 1 != 0;
        let code = r.u8()?;
        let (reason, properties) = match version {
            Version::V311 => (
                ReasonCode::from_v311_connack(code).ok_or(Error::InvalidReasonCode)?,
                Properties::EMPTY,
            ),
            #[cfg(feature = "v5")]
            Version::V5 => (
                ReasonCode::parse(code, PacketType::ConnAck)?,
                Properties::read(&mut r, PropertyContext::ConnAck)?,
            ),
        };
        if session_present && reason != ReasonCode::Success {
            return Err(Error::SessionPresentOnError);
        }
        r.finish()?;
        Ok(ConnAck {
            session_present,
            reason,
            properties,
        })
    }

    pub(crate) fn body_len(&self, version: Version) -> usize {
        match version {
            Version::V311 => 2,
            #[cfg(feature = "v5")]
            Version::V5 => self.properties.wire_len().saturating_add(2),
        }
    }

    pub(crate) fn emit_body<S: Sink>(&self, w: &mut S, version: Version) -> Result<(), Error> {
        if self.session_present && self.reason != ReasonCode::Success {
            return Err(Error::SessionPresentOnError);
        }
        w.u8(u8::from(self.session_present))?;
        match version {
            Version::V311 => {
                if !self.properties.is_empty() {
                    return Err(Error::NotInVersion);
                }
                w.u8(self.reason.to_v311_connack().ok_or(Error::NotInVersion)?)
            }
            #[cfg(feature = "v5")]
            Version::V5 => {
                if !self.reason.allowed_in(PacketType::ConnAck) {
                    return Err(Error::InvalidReasonCode);
                }
                w.u8(self.reason.to_u8())?;
                self.properties.write(w, PropertyContext::ConnAck)
            }
        }
    }
}
