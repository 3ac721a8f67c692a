//! What the MQTT client reports, kept for the superloop: the client's handler runs inside
//! its callbacks and may not issue commands, so it notes what happened and the superloop acts
//! on it after the callback returned.

use core::fmt::Write as _;

use rawnet_mqtt::client::{Connected, Disconnected, Granted, Handler, Message, RequestError};
use rawnet_mqtt::wire::{PacketId, ReasonCode};

use crate::config;

/// The longest command payload kept (longer ones are cut).
pub const MAX_COMMAND: usize = 64;

/// The application's [`Handler`]: events noted for the superloop.
#[derive(Debug, Default)]
pub struct Events {
    /// CONNACK arrived (taken by the superloop): whether the broker resumed the session.
    pub(crate) connack: Option<bool>,
    /// The connection ended, and why (taken by the superloop).
    pub(crate) ended: Option<Disconnected>,
    /// The error of the connection below, as its `Debug` text (TLS or TCP reason).
    pub(crate) transport: heapless::String<96>,
    /// The command subscription was granted (Some(true)) or refused.
    pub(crate) subscribed: Option<bool>,
    /// Status messages waiting for their acknowledgement, and how many were acknowledged.
    pub(crate) status_ids: heapless::Vec<PacketId, 8>,
    pub(crate) status_acked: u32,
    /// Status messages the client had to drop (store full while offline).
    pub(crate) status_dropped: u32,
    /// The command being received, and the last complete one (taken by the superloop).
    receiving: Option<heapless::Vec<u8, MAX_COMMAND>>,
    pub(crate) command: Option<heapless::Vec<u8, MAX_COMMAND>>,
    pub(crate) commands_missed: u32,
}

impl Handler for Events {
    fn connected(&mut self, info: &Connected<'_>) {
        self.connack = Some(info.session_present);
    }

    fn disconnected(&mut self, reason: Disconnected) {
        self.ended = Some(reason);
    }

    fn transport_error<E: core::fmt::Debug>(&mut self, error: &E) {
        self.transport.clear();
        let _ = write!(self.transport, "{error:?}");
    }

    fn published(&mut self, id: Option<PacketId>, result: Result<ReasonCode, RequestError>) {
        let Some(pos) = id.and_then(|id| self.status_ids.iter().position(|&s| s == id)) else {
            return;
        };
        match result {
            Ok(_) => {
                self.status_ids.swap_remove(pos);
                self.status_acked += 1;
            }
            Err(RequestError::Dropped) => {
                self.status_ids.swap_remove(pos);
                self.status_dropped += 1;
            }
            // Not acknowledged on this connection: the client sends it again on the next one.
            Err(_) => {}
        }
    }

    fn subscribed(&mut self, _id: PacketId, result: Result<Granted<'_>, RequestError>) {
        self.subscribed = Some(match result {
            Ok(granted) => granted.iter().all(|code| !code.is_error()),
            Err(_) => false,
        });
    }

    fn message_start(&mut self, message: &Message<'_>) {
        self.receiving = (message.topic == config::COMMAND_TOPIC).then(heapless::Vec::new);
    }

    fn message_data(&mut self, data: &[u8], last: bool) {
        if let Some(cmd) = &mut self.receiving {
            let room = MAX_COMMAND - cmd.len();
            let _ = cmd.extend_from_slice(&data[..data.len().min(room)]);
        }
        if last {
            if let Some(cmd) = self.receiving.take() {
                if self.command.replace(cmd).is_some() {
                    self.commands_missed += 1;
                }
            }
        }
    }
}
