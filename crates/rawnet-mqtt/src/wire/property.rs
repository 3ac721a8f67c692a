//! MQTT 5.0 properties (§2.2.2), without allocation.

use core::fmt;

use super::codec::{field_len, varint_len, Reader, Sink};
use super::topic::check_topic_name;
use super::{Error, QoS, MAX_REMAINING_LENGTH};

macro_rules! property_ids {
    ($( $(#[$doc:meta])* $name:ident = $value:literal, )*) => {
        /// A property identifier (§2.2.2.2).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "defmt", derive(defmt::Format))]
        #[repr(u8)]
        #[allow(missing_docs)]
        pub enum PropertyId {
            $( $(#[$doc])* $name = $value, )*
        }

        impl PropertyId {
            /// The identifier for a byte, if MQTT 5.0 defines one.
            ///
            /// (Identifiers are variable byte integers; every defined one fits in one byte
            /// and a multi-byte encoding of them would not be minimal.)
            pub const fn from_u8(value: u8) -> Option<PropertyId> {
                match value {
                    $( $value => Some(PropertyId::$name), )*
                    _ => None,
                }
            }
        }
    };
}

property_ids! {
    PayloadFormatIndicator = 0x01,
    MessageExpiryInterval = 0x02,
    ContentType = 0x03,
    ResponseTopic = 0x08,
    CorrelationData = 0x09,
    SubscriptionIdentifier = 0x0B,
    SessionExpiryInterval = 0x11,
    AssignedClientIdentifier = 0x12,
    ServerKeepAlive = 0x13,
    AuthenticationMethod = 0x15,
    AuthenticationData = 0x16,
    RequestProblemInformation = 0x17,
    WillDelayInterval = 0x18,
    RequestResponseInformation = 0x19,
    ResponseInformation = 0x1A,
    ServerReference = 0x1C,
    ReasonString = 0x1F,
    ReceiveMaximum = 0x21,
    TopicAliasMaximum = 0x22,
    TopicAlias = 0x23,
    MaximumQos = 0x24,
    RetainAvailable = 0x25,
    UserProperty = 0x26,
    MaximumPacketSize = 0x27,
    WildcardSubscriptionAvailable = 0x28,
    SubscriptionIdentifierAvailable = 0x29,
    SharedSubscriptionAvailable = 0x2A,
}

/// Where a property list sits: decides which properties are allowed (§2.2.2.2 table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum PropertyContext {
    /// CONNECT properties.
    Connect,
    /// The Will properties inside CONNECT.
    Will,
    /// CONNACK properties.
    ConnAck,
    /// PUBLISH properties.
    Publish,
    /// PUBACK, PUBREC, PUBREL and PUBCOMP properties.
    Ack,
    /// SUBSCRIBE properties.
    Subscribe,
    /// SUBACK properties.
    SubAck,
    /// UNSUBSCRIBE properties.
    Unsubscribe,
    /// UNSUBACK properties.
    UnsubAck,
    /// DISCONNECT properties.
    Disconnect,
    /// AUTH properties.
    Auth,
}

impl PropertyId {
    /// Whether the property may appear in `context`.
    pub const fn allowed_in(self, context: PropertyContext) -> bool {
        use PropertyContext as C;
        use PropertyId as P;
        match self {
            P::UserProperty => true,
            P::PayloadFormatIndicator
            | P::MessageExpiryInterval
            | P::ContentType
            | P::ResponseTopic
            | P::CorrelationData => matches!(context, C::Publish | C::Will),
            P::SubscriptionIdentifier => matches!(context, C::Publish | C::Subscribe),
            P::SessionExpiryInterval => {
                matches!(context, C::Connect | C::ConnAck | C::Disconnect)
            }
            P::AssignedClientIdentifier
            | P::ServerKeepAlive
            | P::ResponseInformation
            | P::MaximumQos
            | P::RetainAvailable
            | P::WildcardSubscriptionAvailable
            | P::SubscriptionIdentifierAvailable
            | P::SharedSubscriptionAvailable => matches!(context, C::ConnAck),
            P::AuthenticationMethod | P::AuthenticationData => {
                matches!(context, C::Connect | C::ConnAck | C::Auth)
            }
            P::RequestProblemInformation | P::RequestResponseInformation => {
                matches!(context, C::Connect)
            }
            P::WillDelayInterval => matches!(context, C::Will),
            P::ServerReference => matches!(context, C::ConnAck | C::Disconnect),
            P::ReasonString => !matches!(
                context,
                C::Connect | C::Will | C::Publish | C::Subscribe | C::Unsubscribe
            ),
            P::ReceiveMaximum | P::TopicAliasMaximum | P::MaximumPacketSize => {
                matches!(context, C::Connect | C::ConnAck)
            }
            P::TopicAlias => matches!(context, C::Publish),
        }
    }

    /// Whether the property may appear more than once in `context`: User Property always,
    /// Subscription Identifier in PUBLISH (one per matching subscription).
    pub const fn repeatable_in(self, context: PropertyContext) -> bool {
        match self {
            PropertyId::UserProperty => true,
            PropertyId::SubscriptionIdentifier => matches!(context, PropertyContext::Publish),
            _ => false,
        }
    }
}

/// One MQTT 5.0 property with its typed value. Strings and binary data borrow.
///
/// Byte properties whose only legal values are 0 and 1 are `bool`s; Maximum QoS is a
/// [`QoS`] (only 0 and 1 are legal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[allow(missing_docs)]
pub enum Property<'a> {
    /// `true`: the payload is UTF-8 text.
    PayloadFormatIndicator(bool),
    MessageExpiryInterval(u32),
    ContentType(&'a str),
    ResponseTopic(&'a str),
    CorrelationData(&'a [u8]),
    /// 1 to 268,435,455.
    SubscriptionIdentifier(u32),
    SessionExpiryInterval(u32),
    AssignedClientIdentifier(&'a str),
    ServerKeepAlive(u16),
    AuthenticationMethod(&'a str),
    AuthenticationData(&'a [u8]),
    RequestProblemInformation(bool),
    WillDelayInterval(u32),
    RequestResponseInformation(bool),
    ResponseInformation(&'a str),
    ServerReference(&'a str),
    ReasonString(&'a str),
    /// Not zero.
    ReceiveMaximum(u16),
    TopicAliasMaximum(u16),
    /// Not zero.
    TopicAlias(u16),
    /// At most [`QoS::AtLeastOnce`].
    MaximumQos(QoS),
    RetainAvailable(bool),
    /// A name / value pair; may repeat, order is kept.
    UserProperty(&'a str, &'a str),
    /// Not zero.
    MaximumPacketSize(u32),
    WildcardSubscriptionAvailable(bool),
    SubscriptionIdentifierAvailable(bool),
    SharedSubscriptionAvailable(bool),
}

fn flag(byte: u8) -> Result<bool, Error> {
    match byte {
        0 => Ok(false),
        1 => Ok(true),
        _ => Err(Error::InvalidPropertyValue),
    }
}

impl<'a> Property<'a> {
    /// The identifier of this property.
    pub const fn id(&self) -> PropertyId {
        use Property as P;
        use PropertyId as I;
        match self {
            P::PayloadFormatIndicator(_) => I::PayloadFormatIndicator,
            P::MessageExpiryInterval(_) => I::MessageExpiryInterval,
            P::ContentType(_) => I::ContentType,
            P::ResponseTopic(_) => I::ResponseTopic,
            P::CorrelationData(_) => I::CorrelationData,
            P::SubscriptionIdentifier(_) => I::SubscriptionIdentifier,
            P::SessionExpiryInterval(_) => I::SessionExpiryInterval,
            P::AssignedClientIdentifier(_) => I::AssignedClientIdentifier,
            P::ServerKeepAlive(_) => I::ServerKeepAlive,
            P::AuthenticationMethod(_) => I::AuthenticationMethod,
            P::AuthenticationData(_) => I::AuthenticationData,
            P::RequestProblemInformation(_) => I::RequestProblemInformation,
            P::WillDelayInterval(_) => I::WillDelayInterval,
            P::RequestResponseInformation(_) => I::RequestResponseInformation,
            P::ResponseInformation(_) => I::ResponseInformation,
            P::ServerReference(_) => I::ServerReference,
            P::ReasonString(_) => I::ReasonString,
            P::ReceiveMaximum(_) => I::ReceiveMaximum,
            P::TopicAliasMaximum(_) => I::TopicAliasMaximum,
            P::TopicAlias(_) => I::TopicAlias,
            P::MaximumQos(_) => I::MaximumQos,
            P::RetainAvailable(_) => I::RetainAvailable,
            P::UserProperty(_, _) => I::UserProperty,
            P::MaximumPacketSize(_) => I::MaximumPacketSize,
            P::WildcardSubscriptionAvailable(_) => I::WildcardSubscriptionAvailable,
            P::SubscriptionIdentifierAvailable(_) => I::SubscriptionIdentifierAvailable,
            P::SharedSubscriptionAvailable(_) => I::SharedSubscriptionAvailable,
        }
    }

    /// Reads one property (identifier and value), checking the value's encoding and
    /// range but not the context.
    fn read(r: &mut Reader<'a>) -> Result<Property<'a>, Error> {
        use Property as P;
        use PropertyId as I;
        // The identifier is a variable byte integer; all defined ones are one byte.
        let id = r.varint()?;
        let id = u8::try_from(id)
            .ok()
            .and_then(PropertyId::from_u8)
            .ok_or(Error::UnknownProperty)?;
        Ok(match id {
            I::PayloadFormatIndicator => P::PayloadFormatIndicator(flag(r.u8()?)?),
            I::MessageExpiryInterval => P::MessageExpiryInterval(r.u32()?),
            I::ContentType => P::ContentType(r.string()?),
            I::ResponseTopic => P::ResponseTopic(r.string()?),
            I::CorrelationData => P::CorrelationData(r.binary()?),
            I::SubscriptionIdentifier => P::SubscriptionIdentifier(r.varint()?),
            I::SessionExpiryInterval => P::SessionExpiryInterval(r.u32()?),
            I::AssignedClientIdentifier => P::AssignedClientIdentifier(r.string()?),
            I::ServerKeepAlive => P::ServerKeepAlive(r.u16()?),
            I::AuthenticationMethod => P::AuthenticationMethod(r.string()?),
            I::AuthenticationData => P::AuthenticationData(r.binary()?),
            I::RequestProblemInformation => P::RequestProblemInformation(flag(r.u8()?)?),
            I::WillDelayInterval => P::WillDelayInterval(r.u32()?),
            I::RequestResponseInformation => P::RequestResponseInformation(flag(r.u8()?)?),
            I::ResponseInformation => P::ResponseInformation(r.string()?),
            I::ServerReference => P::ServerReference(r.string()?),
            I::ReasonString => P::ReasonString(r.string()?),
            I::ReceiveMaximum => P::ReceiveMaximum(r.u16()?),
            I::TopicAliasMaximum => P::TopicAliasMaximum(r.u16()?),
            I::TopicAlias => P::TopicAlias(r.u16()?),
            I::MaximumQos => P::MaximumQos(match r.u8()? {
                0 => QoS::AtMostOnce,
                1 => QoS::AtLeastOnce,
                _ => return Err(Error::InvalidPropertyValue),
            }),
            I::RetainAvailable => P::RetainAvailable(flag(r.u8()?)?),
            I::UserProperty => P::UserProperty(r.string()?, r.string()?),
            I::MaximumPacketSize => P::MaximumPacketSize(r.u32()?),
            I::WildcardSubscriptionAvailable => P::WildcardSubscriptionAvailable(flag(r.u8()?)?),
            I::SubscriptionIdentifierAvailable => {
                P::SubscriptionIdentifierAvailable(flag(r.u8()?)?)
            }
            I::SharedSubscriptionAvailable => P::SharedSubscriptionAvailable(flag(r.u8()?)?),
        })
    }

    /// Checks the value ranges the specification sets (zero where forbidden, Maximum QoS 2,
    /// subscription identifier range, response topic is a topic name).
    fn check_value(&self) -> Result<(), Error> {
        use Property as P;
        match *self {
            P::SubscriptionIdentifier(v) if v == 0 || v > MAX_REMAINING_LENGTH => {
                Err(Error::InvalidPropertyValue)
            }
            P::ReceiveMaximum(0) | P::MaximumPacketSize(0) => Err(Error::InvalidPropertyValue),
            P::TopicAlias(0) => Err(Error::TopicAliasZero),
            P::MaximumQos(QoS::ExactlyOnce) => Err(Error::InvalidPropertyValue),
            P::ResponseTopic(topic) => check_topic_name(topic),
            _ => Ok(()),
        }
    }

    /// Checks the strings of a caller-built property (parsed ones were checked on read).
    fn check_strings(&self) -> Result<(), Error> {
        use super::codec::check_no_null;
        use Property as P;
        let too_long = |len: usize| {
            if len > usize::from(u16::MAX) {
                Err(Error::FieldTooLong)
            } else {
                Ok(())
            }
        };
        match *self {
            P::ContentType(s)
            | P::ResponseTopic(s)
            | P::AssignedClientIdentifier(s)
            | P::AuthenticationMethod(s)
            | P::ResponseInformation(s)
            | P::ServerReference(s)
            | P::ReasonString(s) => {
                too_long(s.len())?;
                check_no_null(s)
            }
            P::UserProperty(k, v) => {
                too_long(k.len())?;
                too_long(v.len())?;
                check_no_null(k)?;
                check_no_null(v)
            }
            P::CorrelationData(b) | P::AuthenticationData(b) => too_long(b.len()),
            _ => Ok(()),
        }
    }

    /// Encoded length: identifier byte plus value.
    pub fn encoded_len(&self) -> usize {
        use Property as P;
        let value = match *self {
            P::PayloadFormatIndicator(_)
            | P::RequestProblemInformation(_)
            | P::RequestResponseInformation(_)
            | P::MaximumQos(_)
            | P::RetainAvailable(_)
            | P::WildcardSubscriptionAvailable(_)
            | P::SubscriptionIdentifierAvailable(_)
            | P::SharedSubscriptionAvailable(_) => 1,
            P::ServerKeepAlive(_)
            | P::ReceiveMaximum(_)
            | P::TopicAliasMaximum(_)
            | P::TopicAlias(_) => 2,
            P::MessageExpiryInterval(_)
            | P::SessionExpiryInterval(_)
            | P::WillDelayInterval(_)
            | P::MaximumPacketSize(_) => 4,
            P::SubscriptionIdentifier(v) => varint_len(v as usize),
            P::ContentType(s)
            | P::ResponseTopic(s)
            | P::AssignedClientIdentifier(s)
            | P::AuthenticationMethod(s)
            | P::ResponseInformation(s)
            | P::ServerReference(s)
            | P::ReasonString(s) => field_len(s.len()),
            P::CorrelationData(b) | P::AuthenticationData(b) => field_len(b.len()),
            P::UserProperty(k, v) => field_len(k.len()).saturating_add(field_len(v.len())),
        };
        value.saturating_add(1)
    }

    fn write<S: Sink>(&self, w: &mut S) -> Result<(), Error> {
        use Property as P;
        w.u8(self.id() as u8)?;
        match *self {
            P::PayloadFormatIndicator(b)
            | P::RequestProblemInformation(b)
            | P::RequestResponseInformation(b)
            | P::RetainAvailable(b)
            | P::WildcardSubscriptionAvailable(b)
            | P::SubscriptionIdentifierAvailable(b)
            | P::SharedSubscriptionAvailable(b) => w.u8(u8::from(b)),
            P::MaximumQos(q) => w.u8(q.bits()),
            P::ServerKeepAlive(v)
            | P::ReceiveMaximum(v)
            | P::TopicAliasMaximum(v)
            | P::TopicAlias(v) => w.u16(v),
            P::MessageExpiryInterval(v)
            | P::SessionExpiryInterval(v)
            | P::WillDelayInterval(v)
            | P::MaximumPacketSize(v) => w.u32(v),
            P::SubscriptionIdentifier(v) => w.varint(v as usize),
            P::ContentType(s)
            | P::ResponseTopic(s)
            | P::AssignedClientIdentifier(s)
            | P::AuthenticationMethod(s)
            | P::ResponseInformation(s)
            | P::ServerReference(s)
            | P::ReasonString(s) => w.string_unchecked(s),
            P::CorrelationData(b) | P::AuthenticationData(b) => w.binary(b),
            P::UserProperty(k, v) => {
                w.string_unchecked(k)?;
                w.string_unchecked(v)
            }
        }
    }
}

/// Tracks which single-occurrence properties were seen.
struct Seen(u64);

impl Seen {
    /// Checks context, multiplicity and value of one property.
    fn check(&mut self, property: &Property<'_>, context: PropertyContext) -> Result<(), Error> {
        let id = property.id();
        if !id.allowed_in(context) {
            return Err(Error::PropertyNotAllowed);
        }
        if !id.repeatable_in(context) {
            // Identifiers are below 0x40, so the shift stays inside the u64.
            let bit = 1u64.wrapping_shl(u32::from(id as u8));
            if self.0 & bit != 0 {
                return Err(Error::DuplicateProperty);
            }
            self.0 |= bit;
        }
        property.check_value()
    }
}

/// The MQTT 5.0 properties of a packet, held without allocation.
///
/// Either the raw property bytes of a parsed packet (checked once when the packet was
/// parsed) or a caller's slice of [`Property`] values to emit. Both iterate as typed
/// [`Property`] values in wire order; two `Properties` are equal when they iterate to equal
/// sequences, whichever form they are in. MQTT 3.1.1 packets always have empty properties.
#[derive(Clone, Copy)]
pub struct Properties<'a> {
    repr: PropsRepr<'a>,
}

#[derive(Clone, Copy)]
enum PropsRepr<'a> {
    Encoded(&'a [u8]),
    List(&'a [Property<'a>]),
}

impl<'a> Properties<'a> {
    /// No properties.
    pub const EMPTY: Properties<'static> = Properties {
        repr: PropsRepr::Encoded(&[]),
    };

    /// Properties to emit, in this order.
    pub const fn from_slice(list: &'a [Property<'a>]) -> Properties<'a> {
        Properties {
            repr: PropsRepr::List(list),
        }
    }

    /// Checks raw property bytes (without the property length prefix) for `context`.
    pub fn from_encoded(bytes: &'a [u8], context: PropertyContext) -> Result<Self, Error> {
        let mut r = Reader::new(bytes);
        let mut seen = Seen(0);
        while !r.is_empty() {
            let property = Property::read(&mut r)?;
            seen.check(&property, context)?;
        }
        Ok(Properties {
            repr: PropsRepr::Encoded(bytes),
        })
    }

    /// Reads a property length and the properties it covers.
    pub(crate) fn read(r: &mut Reader<'a>, context: PropertyContext) -> Result<Self, Error> {
        let len = r.varint()?;
        let bytes = r.take(len as usize)?;
        Self::from_encoded(bytes, context)
    }

    /// The raw property bytes, if these properties were parsed.
    pub const fn as_encoded(&self) -> Option<&'a [u8]> {
        match self.repr {
            PropsRepr::Encoded(bytes) => Some(bytes),
            PropsRepr::List(_) => None,
        }
    }

    /// Whether there are no properties.
    pub const fn is_empty(&self) -> bool {
        match self.repr {
            PropsRepr::Encoded(bytes) => bytes.is_empty(),
            PropsRepr::List(list) => list.is_empty(),
        }
    }

    /// The properties in order.
    pub fn iter(&self) -> PropertiesIter<'a> {
        PropertiesIter {
            repr: match self.repr {
                PropsRepr::Encoded(bytes) => IterRepr::Encoded(Reader::new(bytes)),
                PropsRepr::List(list) => IterRepr::List(list.iter()),
            },
        }
    }

    /// The first property with identifier `id`.
    pub fn get(&self, id: PropertyId) -> Option<Property<'a>> {
        self.iter().find(|p| p.id() == id)
    }

    /// The Topic Alias, if present.
    pub fn topic_alias(&self) -> Option<u16> {
        match self.get(PropertyId::TopicAlias) {
            Some(Property::TopicAlias(v)) => Some(v),
            _ => None,
        }
    }

    /// The Reason String, if present.
    pub fn reason_string(&self) -> Option<&'a str> {
        match self.get(PropertyId::ReasonString) {
            Some(Property::ReasonString(v)) => Some(v),
            _ => None,
        }
    }

    /// The User Property pairs, in order.
    pub fn user_properties(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        self.iter().filter_map(|p| match p {
            Property::UserProperty(k, v) => Some((k, v)),
            _ => None,
        })
    }

    /// Encoded length of the properties, without the property length prefix.
    pub fn encoded_len(&self) -> usize {
        match self.repr {
            PropsRepr::Encoded(bytes) => bytes.len(),
            PropsRepr::List(list) => list
                .iter()
                .fold(0usize, |acc, p| acc.saturating_add(p.encoded_len())),
        }
    }

    /// Encoded length with the property length prefix.
    pub(crate) fn wire_len(&self) -> usize {
        let len = self.encoded_len();
        len.saturating_add(varint_len(len))
    }

    /// Checks the properties for `context` (with [`Sink::CHECK`]) and writes them with their
    /// length prefix.
    pub(crate) fn write<S: Sink>(&self, w: &mut S, context: PropertyContext) -> Result<(), Error> {
        self.write_with(w, context, None)
    }

    /// [`Properties::write`] with one more property, `extra`, written last (the client's
    /// Topic Alias on a PUBLISH whose properties the application chose).
    pub(crate) fn write_with<S: Sink>(
        &self,
        w: &mut S,
        context: PropertyContext,
        extra: Option<Property<'_>>,
    ) -> Result<(), Error> {
        let extra_len = extra.as_ref().map_or(0, Property::encoded_len);
        w.varint(self.encoded_len().saturating_add(extra_len))?;
        let mut seen = Seen(0);
        match self.repr {
            PropsRepr::Encoded(bytes) => {
                // Parsed properties were checked, but maybe for another packet type.
                let mut r = Reader::new(bytes);
                while S::CHECK && !r.is_empty() {
                    seen.check(&Property::read(&mut r)?, context)?;
                }
                w.put(bytes)?;
            }
            PropsRepr::List(list) => {
                for property in list {
                    if S::CHECK {
                        seen.check(property, context)?;
                        property.check_strings()?;
                    }
                    property.write(w)?;
                }
            }
        }
        if let Some(extra) = extra {
            if S::CHECK {
                seen.check(&extra, context)?;
                extra.check_strings()?;
            }
            extra.write(w)?;
        }
        Ok(())
    }

    /// The Subscription Identifiers, in order (an incoming PUBLISH carries one per
    /// matching subscription that has one).
    pub fn subscription_identifiers(&self) -> impl Iterator<Item = u32> + 'a {
        self.iter().filter_map(|p| match p {
            Property::SubscriptionIdentifier(v) => Some(v),
            _ => None,
        })
    }
}

impl Default for Properties<'_> {
    fn default() -> Self {
        Properties::EMPTY
    }
}

impl PartialEq for Properties<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Properties<'_> {}

impl fmt::Debug for Properties<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &Properties<'a> {
    type Item = Property<'a>;
    type IntoIter = PropertiesIter<'a>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// Iterator over [`Properties`].
#[derive(Debug, Clone)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PropertiesIter<'a> {
    repr: IterRepr<'a>,
}

#[derive(Debug, Clone)]
enum IterRepr<'a> {
    Encoded(Reader<'a>),
    List(core::slice::Iter<'a, Property<'a>>),
}

impl<'a> Iterator for PropertiesIter<'a> {
    type Item = Property<'a>;

    fn next(&mut self) -> Option<Property<'a>> {
        match &mut self.repr {
            IterRepr::Encoded(r) => {
                if r.is_empty() {
                    return None;
                }
                // Encoded properties were validated when parsed; should reading fail anyway,
                // end the iteration rather than panic.
                let property = Property::read(r).ok();
                if property.is_none() {
                    r.take_rest();
                }
                property
            }
            IterRepr::List(it) => it.next().copied(),
        }
    }
}
