//! Reason codes (§2.4) and the MQTT 3.1.1 return codes they stand for.

use super::{Error, PacketType};

macro_rules! reason_codes {
    ($( $(#[$doc:meta])* $name:ident = $value:literal, )*) => {
        /// An MQTT 5.0 reason code.
        ///
        /// MQTT 3.1.1 CONNACK return codes and SUBACK return codes are mapped onto the
        /// reason codes with the same meaning (see [`ReasonCode::from_v311_connack`]), so a
        /// client handles both versions with one type.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "defmt", derive(defmt::Format))]
        #[repr(u8)]
        #[allow(missing_docs)]
        pub enum ReasonCode {
            $( $(#[$doc])* $name = $value, )*
        }

        impl ReasonCode {
            /// The reason code for a byte, if MQTT 5.0 defines one.
            pub const fn from_u8(value: u8) -> Option<ReasonCode> {
                match value {
                    $( $value => Some(ReasonCode::$name), )*
                    _ => None,
                }
            }

            /// All reason codes, in numeric order.
            pub const ALL: &'static [ReasonCode] = &[$( ReasonCode::$name, )*];
        }
    };
}

reason_codes! {
    /// Success; also "Normal disconnection" (DISCONNECT) and "Granted QoS 0" (SUBACK).
    Success = 0x00,
    GrantedQos1 = 0x01,
    GrantedQos2 = 0x02,
    DisconnectWithWillMessage = 0x04,
    NoMatchingSubscribers = 0x10,
    NoSubscriptionExisted = 0x11,
    ContinueAuthentication = 0x18,
    ReAuthenticate = 0x19,
    /// Unspecified error; also the 3.1.1 SUBACK "Failure" return code.
    UnspecifiedError = 0x80,
    MalformedPacket = 0x81,
    ProtocolError = 0x82,
    ImplementationSpecificError = 0x83,
    UnsupportedProtocolVersion = 0x84,
    ClientIdentifierNotValid = 0x85,
    BadUserNameOrPassword = 0x86,
    NotAuthorized = 0x87,
    ServerUnavailable = 0x88,
    ServerBusy = 0x89,
    Banned = 0x8A,
    ServerShuttingDown = 0x8B,
    BadAuthenticationMethod = 0x8C,
    KeepAliveTimeout = 0x8D,
    SessionTakenOver = 0x8E,
    TopicFilterInvalid = 0x8F,
    TopicNameInvalid = 0x90,
    PacketIdentifierInUse = 0x91,
    PacketIdentifierNotFound = 0x92,
    ReceiveMaximumExceeded = 0x93,
    TopicAliasInvalid = 0x94,
    PacketTooLarge = 0x95,
    MessageRateTooHigh = 0x96,
    QuotaExceeded = 0x97,
    AdministrativeAction = 0x98,
    PayloadFormatInvalid = 0x99,
    RetainNotSupported = 0x9A,
    QosNotSupported = 0x9B,
    UseAnotherServer = 0x9C,
    ServerMoved = 0x9D,
    SharedSubscriptionsNotSupported = 0x9E,
    ConnectionRateExceeded = 0x9F,
    MaximumConnectTime = 0xA0,
    SubscriptionIdentifiersNotSupported = 0xA1,
    WildcardSubscriptionsNotSupported = 0xA2,
}

impl ReasonCode {
    /// "Normal disconnection" (DISCONNECT), the same byte as [`ReasonCode::Success`].
    pub const NORMAL_DISCONNECTION: ReasonCode = ReasonCode::Success;
    /// "Granted QoS 0" (SUBACK), the same byte as [`ReasonCode::Success`].
    pub const GRANTED_QOS_0: ReasonCode = ReasonCode::Success;

    /// The byte on the wire.
    pub const fn to_u8(self) -> u8 {
        self as u8
    }

    /// Whether this is an error (0x80 and above).
    pub const fn is_error(self) -> bool {
        self.to_u8() >= 0x80
    }

    /// Whether MQTT 5.0 allows this reason code in a packet of type `packet` (§2.4 table).
    pub const fn allowed_in(self, packet: PacketType) -> bool {
        use ReasonCode as R;
        match packet {
            PacketType::ConnAck => matches!(
                self,
                R::Success
                    | R::UnspecifiedError
                    | R::MalformedPacket
                    | R::ProtocolError
                    | R::ImplementationSpecificError
                    | R::UnsupportedProtocolVersion
                    | R::ClientIdentifierNotValid
                    | R::BadUserNameOrPassword
                    | R::NotAuthorized
                    | R::ServerUnavailable
                    | R::ServerBusy
                    | R::Banned
                    | R::BadAuthenticationMethod
                    | R::TopicNameInvalid
                    | R::PacketTooLarge
                    | R::QuotaExceeded
                    | R::PayloadFormatInvalid
                    | R::RetainNotSupported
                    | R::QosNotSupported
                    | R::UseAnotherServer
                    | R::ServerMoved
                    | R::ConnectionRateExceeded
            ),
            PacketType::PubAck | PacketType::PubRec => matches!(
                self,
                R::Success
                    | R::NoMatchingSubscribers
                    | R::UnspecifiedError
                    | R::ImplementationSpecificError
                    | R::NotAuthorized
                    | R::TopicNameInvalid
                    | R::PacketIdentifierInUse
                    | R::QuotaExceeded
                    | R::PayloadFormatInvalid
            ),
            PacketType::PubRel | PacketType::PubComp => {
                matches!(self, R::Success | R::PacketIdentifierNotFound)
            }
            PacketType::SubAck => matches!(
                self,
                R::Success
                    | R::GrantedQos1
                    | R::GrantedQos2
                    | R::UnspecifiedError
                    | R::ImplementationSpecificError
                    | R::NotAuthorized
                    | R::TopicFilterInvalid
                    | R::PacketIdentifierInUse
                    | R::QuotaExceeded
                    | R::SharedSubscriptionsNotSupported
                    | R::SubscriptionIdentifiersNotSupported
                    | R::WildcardSubscriptionsNotSupported
            ),
            PacketType::UnsubAck => matches!(
                self,
                R::Success
                    | R::NoSubscriptionExisted
                    | R::UnspecifiedError
                    | R::ImplementationSpecificError
                    | R::NotAuthorized
                    | R::TopicFilterInvalid
                    | R::PacketIdentifierInUse
            ),
            PacketType::Disconnect => matches!(
                self,
                R::Success
                    | R::DisconnectWithWillMessage
                    | R::UnspecifiedError
                    | R::MalformedPacket
                    | R::ProtocolError
                    | R::ImplementationSpecificError
                    | R::NotAuthorized
                    | R::ServerBusy
                    | R::ServerShuttingDown
                    | R::KeepAliveTimeout
                    | R::SessionTakenOver
                    | R::TopicFilterInvalid
                    | R::TopicNameInvalid
                    | R::ReceiveMaximumExceeded
                    | R::TopicAliasInvalid
                    | R::PacketTooLarge
                    | R::MessageRateTooHigh
                    | R::QuotaExceeded
                    | R::AdministrativeAction
                    | R::PayloadFormatInvalid
                    | R::RetainNotSupported
                    | R::QosNotSupported
                    | R::UseAnotherServer
                    | R::ServerMoved
                    | R::SharedSubscriptionsNotSupported
                    | R::ConnectionRateExceeded
                    | R::MaximumConnectTime
                    | R::SubscriptionIdentifiersNotSupported
                    | R::WildcardSubscriptionsNotSupported
            ),
            PacketType::Auth => {
                matches!(
                    self,
                    R::Success | R::ContinueAuthentication | R::ReAuthenticate
                )
            }
            _ => false,
        }
    }

    /// Parses an MQTT 5.0 reason code byte for a packet of type `packet`.
    pub(crate) fn parse(value: u8, packet: PacketType) -> Result<ReasonCode, Error> {
        match ReasonCode::from_u8(value) {
            Some(code) if code.allowed_in(packet) => Ok(code),
            _ => Err(Error::InvalidReasonCode),
        }
    }

    /// The reason code for an MQTT 3.1.1 CONNACK return code (0 to 5).
    pub const fn from_v311_connack(code: u8) -> Option<ReasonCode> {
        match code {
            0 => Some(ReasonCode::Success),
            1 => Some(ReasonCode::UnsupportedProtocolVersion),
            2 => Some(ReasonCode::ClientIdentifierNotValid),
            3 => Some(ReasonCode::ServerUnavailable),
            4 => Some(ReasonCode::BadUserNameOrPassword),
            5 => Some(ReasonCode::NotAuthorized),
            _ => None,
        }
    }

    /// The MQTT 3.1.1 CONNACK return code for this reason code, if there is one.
    pub const fn to_v311_connack(self) -> Option<u8> {
        match self {
            ReasonCode::Success => Some(0),
            ReasonCode::UnsupportedProtocolVersion => Some(1),
            ReasonCode::ClientIdentifierNotValid => Some(2),
            ReasonCode::ServerUnavailable => Some(3),
            ReasonCode::BadUserNameOrPassword => Some(4),
            ReasonCode::NotAuthorized => Some(5),
            _ => None,
        }
    }

    /// Whether this reason code is one of the MQTT 3.1.1 SUBACK return codes
    /// (0x00, 0x01, 0x02, 0x80 Failure).
    pub const fn is_v311_suback(self) -> bool {
        matches!(
            self,
            ReasonCode::Success
                | ReasonCode::GrantedQos1
                | ReasonCode::GrantedQos2
                | ReasonCode::UnspecifiedError
        )
    }
}

impl Default for ReasonCode {
    /// [`ReasonCode::Success`].
    fn default() -> Self {
        ReasonCode::Success
    }
}
