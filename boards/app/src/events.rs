//! What the MQTT client reports, kept for the superloop. The handler could give commands
//! itself (`rawnet_mqtt::client::Commands`); this application notes what happened and lets
//! the superloop act, because the superloop owns what the reactions need (the status
//! schedule, the offline queue, the reconnect backoff, the log).

use rawnet_mqtt::client::{
    Commands, Connected, Disconnected, Granted, Handler, Message, RequestError,
};
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
    /// The command subscription was granted (Some(true)) or refused.
    pub(crate) subscribed: Option<bool>,
    /// Status messages waiting for their acknowledgement (packet id, status number), and how
    /// many were acknowledged.
    pub(crate) status: heapless::Vec<(PacketId, u32), 8>,
    pub(crate) status_acked: u32,
    /// Status messages the client dropped from its full offline queue (their numbers, taken
    /// by the superloop to log them).
    pub(crate) dropped: heapless::Vec<u32, 8>,
    /// The command being received, and the last complete one (taken by the superloop).
    receiving: Option<heapless::Vec<u8, MAX_COMMAND>>,
    pub(crate) command: Option<heapless::Vec<u8, MAX_COMMAND>>,
    pub(crate) commands_missed: u32,
}

impl Handler for Events {
    fn connected(&mut self, info: &Connected<'_>, _: &mut impl Commands) {
        self.connack = Some(info.session_present);
    }

    fn disconnected(&mut self, reason: Disconnected, _: &mut impl Commands) {
        self.ended = Some(reason);
    }

    fn published(
        &mut self,
        id: Option<PacketId>,
        result: Result<ReasonCode, RequestError>,
        _: &mut impl Commands,
    ) {
        let Some(pos) = id.and_then(|id| self.status.iter().position(|&(s, _)| s == id)) else {
            return;
        };
        match result {
            Ok(_) => {
                self.status.swap_remove(pos);
                self.status_acked += 1;
            }
            Err(RequestError::Dropped) => {
                let (_, count) = self.status.swap_remove(pos);
                let _ = self.dropped.push(count);
            }
            // Not acknowledged on this connection: the client sends it again on the next one.
            Err(_) => {}
        }
    }

    fn subscribed(
        &mut self,
        _id: PacketId,
        result: Result<Granted<'_>, RequestError>,
        _: &mut impl Commands,
    ) {
        self.subscribed = Some(match result {
            Ok(granted) => granted.iter().all(|code| !code.is_error()),
            Err(_) => false,
        });
    }

    fn message_start(&mut self, message: &Message<'_>, _: &mut impl Commands) {
        self.receiving = (message.topic == config::COMMAND_TOPIC).then(heapless::Vec::new);
    }

    fn message_data(&mut self, data: &[u8], last: bool, _: &mut impl Commands) {
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
