//! `-D command identifier value`: MQTT 5.0 properties, as mosquitto's clients take them, for
//! the packets rawnet's client lets an application fill (CONNECT's properties are the
//! client's own: `-x` and `maximum-packet-size` only).

use rawnet_mqtt::wire::Property;

use crate::args::Tool;

/// The packet a `-D` property goes into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PropCommand {
    Connect,
    Publish,
    Subscribe,
    Unsubscribe,
    Will,
    Disconnect,
}

impl PropCommand {
    pub fn parse(s: &str) -> Result<Self, String> {
        Ok(match s {
            "connect" => PropCommand::Connect,
            "publish" => PropCommand::Publish,
            "subscribe" => PropCommand::Subscribe,
            "unsubscribe" => PropCommand::Unsubscribe,
            "will" => PropCommand::Will,
            "disconnect" => PropCommand::Disconnect,
            _ => {
                return Err(format!(
                "Error: Invalid command '{s}' given in -D (connect, publish, subscribe, unsubscribe, will, disconnect)."
            ))
            }
        })
    }
}

/// One property's owned value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PropValue {
    PayloadFormatIndicator(bool),
    MessageExpiryInterval(u32),
    ContentType(String),
    ResponseTopic(String),
    CorrelationData(Vec<u8>),
    SubscriptionIdentifier(u32),
    MaximumPacketSize(u32),
    WillDelayInterval(u32),
    UserProperty(String, String),
}

/// A `-D` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropArg {
    pub command: PropCommand,
    pub value: PropValue,
}

fn int(id: &str, v: &str, max: u64) -> Result<u32, String> {
    match v.parse::<u64>() {
        Ok(n) if n <= max => Ok(n as u32),
        _ => Err(format!("Error: Invalid value '{v}' for property {id}.")),
    }
}

impl PropArg {
    /// `command identifier value [value]` (the second value for `user-property`).
    pub fn parse(
        command: PropCommand,
        id: &str,
        first: String,
        second: Option<String>,
    ) -> Result<Self, String> {
        let value = match id {
            "payload-format-indicator" => PropValue::PayloadFormatIndicator(match first.as_str() {
                "0" => false,
                "1" => true,
                v => return Err(format!("Error: Invalid value '{v}' for property {id} (0 or 1).")),
            }),
            "message-expiry-interval" => {
                PropValue::MessageExpiryInterval(int(id, &first, u32::MAX as u64)?)
            }
            "content-type" => PropValue::ContentType(first),
            "response-topic" => PropValue::ResponseTopic(first),
            "correlation-data" => PropValue::CorrelationData(first.into_bytes()),
            "subscription-identifier" => {
                let n = int(id, &first, 268_435_455)?;
                if n == 0 {
                    return Err(format!("Error: Invalid value '0' for property {id} (1 to 268435455)."));
                }
                PropValue::SubscriptionIdentifier(n)
            }
            "maximum-packet-size" => {
                let n = int(id, &first, u32::MAX as u64)?;
                if n == 0 {
                    return Err(format!("Error: Invalid value '0' for property {id}."));
                }
                PropValue::MaximumPacketSize(n)
            }
            "will-delay-interval" => PropValue::WillDelayInterval(int(id, &first, u32::MAX as u64)?),
            "user-property" => PropValue::UserProperty(first, second.unwrap_or_default()),
            "session-expiry-interval" => {
                return Err("Error: -D connect session-expiry-interval: use -x.".into())
            }
            "topic-alias" | "topic-alias-maximum" | "receive-maximum" | "request-problem-information"
            | "request-response-information" | "authentication-method" | "authentication-data"
            | "reason-string" => {
                return Err(format!(
                    "Error: property {id} is set by rawnet's client itself (or not supported); see docs/tools.md."
                ))
            }
            _ => return Err(format!("Error: Invalid property identifier '{id}' given in -D.")),
        };
        let allowed = match (&value, command) {
            (PropValue::MaximumPacketSize(_), PropCommand::Connect) => true,
            (PropValue::UserProperty(..), PropCommand::Connect | PropCommand::Disconnect) => false,
            (PropValue::UserProperty(..), _) => true,
            (PropValue::SubscriptionIdentifier(_), PropCommand::Subscribe) => true,
            (PropValue::WillDelayInterval(_), PropCommand::Will) => true,
            (
                PropValue::PayloadFormatIndicator(_)
                | PropValue::MessageExpiryInterval(_)
                | PropValue::ContentType(_)
                | PropValue::ResponseTopic(_)
                | PropValue::CorrelationData(_),
                PropCommand::Publish | PropCommand::Will,
            ) => true,
            _ => false,
        };
        if !allowed {
            return Err(format!(
                "Error: property {id} is not allowed with {command:?} here (rawnet's client sends CONNECT and DISCONNECT properties itself)."
            ));
        }
        Ok(PropArg { command, value })
    }

    /// Whether the tool sends the packet this property is for.
    pub fn check(&self, tool: Tool) -> Result<(), String> {
        match (tool, self.command) {
            (Tool::Pub, PropCommand::Subscribe | PropCommand::Unsubscribe) => Err(format!(
                "Error: -D {:?} ... is for rawnet-sub.",
                self.command
            )),
            (Tool::Sub, PropCommand::Publish) => {
                Err("Error: -D publish ... is for rawnet-pub.".into())
            }
            _ => Ok(()),
        }
    }

    /// The property, borrowing this argument.
    pub fn property(&self) -> Property<'_> {
        match &self.value {
            PropValue::PayloadFormatIndicator(v) => Property::PayloadFormatIndicator(*v),
            PropValue::MessageExpiryInterval(v) => Property::MessageExpiryInterval(*v),
            PropValue::ContentType(v) => Property::ContentType(v),
            PropValue::ResponseTopic(v) => Property::ResponseTopic(v),
            PropValue::CorrelationData(v) => Property::CorrelationData(v),
            PropValue::SubscriptionIdentifier(v) => Property::SubscriptionIdentifier(*v),
            PropValue::MaximumPacketSize(v) => Property::MaximumPacketSize(*v),
            PropValue::WillDelayInterval(v) => Property::WillDelayInterval(*v),
            PropValue::UserProperty(k, v) => Property::UserProperty(k, v),
        }
    }
}

/// The properties of `props` for `command`.
pub fn for_command(props: &[PropArg], command: PropCommand) -> Vec<Property<'_>> {
    props
        .iter()
        .filter(|p| p.command == command)
        .map(PropArg::property)
        .collect()
}
