//! The streaming, sans-IO decoder.

use super::{Error, FixedHeader, PacketType, Publish, Repr, Version, MAX_REMAINING_LENGTH};

/// What one call of [`Decoder::feed`] produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Event<'a> {
    /// All input was consumed and no packet is complete yet.
    NeedMore,
    /// One complete packet. It borrows from the decoder's receive buffer, or straight from
    /// the input when the whole packet was inside it.
    Packet(Repr<'a>),
    /// The start of a PUBLISH too large for the receive buffer: everything but the payload
    /// (`publish.payload` is empty), and the payload length. [`Event::PublishPayload`]
    /// events follow until one has `last` set.
    PublishStart {
        /// The PUBLISH without its payload.
        publish: Publish<'a>,
        /// Total payload length, at least 1.
        payload_len: usize,
    },
    /// A piece of the payload of the PUBLISH announced by [`Event::PublishStart`], borrowed
    /// from the input. Never empty.
    PublishPayload {
        /// The bytes.
        data: &'a [u8],
        /// Offset of `data` in the payload.
        offset: usize,
        /// Whether this piece ends the payload (lwIP's `MQTT_DATA_FLAG_LAST`).
        last: bool,
    },
}

/// The result of [`Decoder::feed`]: how much input was used, and what it gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[must_use]
pub struct Decoded<'a> {
    /// Input bytes consumed. Unconsumed bytes must be fed again (they start the next
    /// event).
    pub consumed: usize,
    /// What the consumed bytes completed.
    pub event: Event<'a>,
}

#[derive(Debug, Clone, Copy)]
enum State {
    /// Collecting the fixed header (2 to 5 bytes).
    Header { bytes: [u8; 5], len: u8 },
    /// Collecting a body that fits the buffer.
    Body { header: FixedHeader, have: usize },
    /// Collecting the variable header of a PUBLISH too large for the buffer.
    PublishHeader { header: FixedHeader, have: usize },
    /// Handing over payload bytes.
    Payload { left: usize, offset: usize },
    /// A protocol error ended the stream.
    Failed(Error),
}

const IDLE: State = State::Header {
    bytes: [0; 5],
    len: 0,
};

/// A streaming MQTT decoder: bytes in, packets out, no I/O, no allocation.
///
/// Fed bytes as they arrive, in any split (one byte at a time included). Each call of
/// [`Decoder::feed`] returns at most one [`Event`] and how many input bytes it consumed;
/// feed the rest again.
///
/// - A packet whose remaining length fits the receive buffer (the caller's `B`) is
///   delivered whole as [`Event::Packet`]. It is parsed straight from the input, without a
///   copy, when the whole packet is inside one input slice and nothing is buffered.
/// - A PUBLISH whose remaining length does not fit the buffer is streamed: its variable
///   header (topic, packet identifier, properties) must fit; it is delivered as
///   [`Event::PublishStart`] with the payload length, then the payload as
///   [`Event::PublishPayload`] fragments borrowed from the input. The split into
///   fragments follows the input; their concatenation is the payload.
/// - Any other packet that does not fit is [`Error::ReceiveBufferTooSmall`]; a packet over
///   the maximum packet size ([`Decoder::with_max_packet_size`], counting the fixed header
///   as MQTT 5.0's Maximum Packet Size does) is [`Error::PacketTooLarge`], reported as soon
///   as the fixed header is complete.
///
/// Errors are final: the stream cannot be resynchronised, so the decoder keeps returning
/// the same error until [`Decoder::reset`] (a new connection).
///
/// ```
/// use rawnet_mqtt::wire::{Decoder, Event, Repr, Version};
///
/// let mut buf = [0u8; 64];
/// let mut decoder = Decoder::new(&mut buf[..], Version::V311);
/// // A CONNACK arriving in two pieces.
/// let d = decoder.feed(&[0x20, 0x02, 0x00]).unwrap();
/// assert_eq!((d.consumed, d.event), (3, Event::NeedMore));
/// let d = decoder.feed(&[0x00]).unwrap();
/// assert!(matches!(d.event, Event::Packet(Repr::ConnAck(_))));
/// ```
#[derive(Debug)]
pub struct Decoder<B> {
    buf: B,
    version: Version,
    max_packet_size: usize,
    state: State,
}

impl<B: AsRef<[u8]> + AsMut<[u8]>> Decoder<B> {
    /// A decoder with receive buffer `buf`, for `version`, with no limit on packet size
    /// but the protocol's (268,435,460 bytes).
    pub fn new(buf: B, version: Version) -> Self {
        Decoder {
            buf,
            version,
            max_packet_size: (MAX_REMAINING_LENGTH as usize).saturating_add(5),
            state: IDLE,
        }
    }

    /// Limits the total size of a packet (fixed header included).
    pub fn with_max_packet_size(mut self, max: usize) -> Self {
        self.max_packet_size = max;
        self
    }

    /// The protocol version packets are parsed as.
    pub fn version(&self) -> Version {
        self.version
    }

    /// Changes the protocol version (for example after a CONNACK refused 5.0).
    pub fn set_version(&mut self, version: Version) {
        self.version = version;
    }

    /// Whether the decoder is between packets (no partial packet pending).
    pub fn is_idle(&self) -> bool {
        matches!(self.state, State::Header { len: 0, .. })
    }

    /// Forgets any partial packet and any error (a new connection).
    pub fn reset(&mut self) {
        self.state = IDLE;
    }

    /// The receive buffer.
    pub fn into_inner(self) -> B {
        self.buf
    }

    fn fail(&mut self, error: Error) -> Error {
        self.state = State::Failed(error);
        error
    }

    /// Feeds input bytes; see [`Decoder`].
    pub fn feed<'a>(&'a mut self, input: &'a [u8]) -> Result<Decoded<'a>, Error> {
        self.feed_with(input, Repr::parse_body)
    }

    /// [`Decoder::feed`] for a client: complete packets are parsed with
    /// [`Repr::parse_body_client`], so a CONNECT, SUBSCRIBE, UNSUBSCRIBE or PINGREQ is
    /// [`Error::WrongDirection`] (final, like every error) and the parsers of those packet
    /// types are not linked into a client.
    pub fn feed_client<'a>(&'a mut self, input: &'a [u8]) -> Result<Decoded<'a>, Error> {
        self.feed_with(input, Repr::parse_body_client)
    }

    /// [`Decoder::feed`] with the parser of complete packets given: [`Repr::parse_body`]
    /// for [`Decoder::feed`], [`Repr::parse_body_client`] for [`Decoder::feed_client`], or
    /// a wrapper around either (for example one that notes which packet type it refused).
    /// Oversized PUBLISHes are streamed as with [`Decoder::feed`], without `parse`. An
    /// error `parse` returns is final, like every decoder error.
    pub fn feed_with<'a, P>(&'a mut self, input: &'a [u8], parse: P) -> Result<Decoded<'a>, Error>
    where
        P: Fn(&FixedHeader, &'a [u8], Version) -> Result<Repr<'a>, Error>,
    {
        let mut consumed = 0usize;
        loop {
            let rest = input.get(consumed..).unwrap_or_default();
            match self.state {
                State::Failed(error) => return Err(error),
                State::Header { mut bytes, mut len } => {
                    if len == 0 {
                        if let Some(decoded) = self.try_whole(rest, &parse)? {
                            return Ok(decoded.offset(consumed));
                        }
                    }
                    let header = loop {
                        match FixedHeader::parse(bytes.get(..usize::from(len)).unwrap_or_default())
                        {
                            Ok(header) => break header,
                            Err(Error::Truncated) => {}
                            Err(e) => return Err(self.fail(e)),
                        }
                        let next = input.get(consumed).copied();
                        let slot = bytes.get_mut(usize::from(len));
                        match (next, slot) {
                            (Some(byte), Some(slot)) => {
                                *slot = byte;
                                len = len.wrapping_add(1);
                                consumed = consumed.wrapping_add(1);
                            }
                            (None, _) => {
                                self.state = State::Header { bytes, len };
                                return Ok(Decoded {
                                    consumed,
                                    event: Event::NeedMore,
                                });
                            }
                            // FixedHeader::parse decides within 5 bytes.
                            (Some(_), None) => return Err(self.fail(Error::MalformedVarInt)),
                        }
                    };
                    self.state = self.start_body(header)?;
                }
                State::Body { header, have } => {
                    let want = header.remaining_len().saturating_sub(have);
                    let n = want.min(rest.len());
                    let end = have.saturating_add(n);
                    let copied = match (self.buf.as_mut().get_mut(have..end), rest.get(..n)) {
                        (Some(dst), Some(src)) => {
                            dst.copy_from_slice(src);
                            true
                        }
                        _ => false,
                    };
                    if !copied {
                        return Err(self.fail(Error::ReceiveBufferTooSmall));
                    }
                    consumed = consumed.saturating_add(n);
                    if end < header.remaining_len() {
                        self.state = State::Body { header, have: end };
                        return Ok(Decoded {
                            consumed,
                            event: Event::NeedMore,
                        });
                    }
                    self.state = IDLE;
                    let body = self.buf.as_ref().get(..end).unwrap_or_default();
                    return match parse(&header, body, self.version) {
                        Ok(repr) => Ok(Decoded {
                            consumed,
                            event: Event::Packet(repr),
                        }),
                        Err(e) => {
                            self.state = State::Failed(e);
                            Err(e)
                        }
                    };
                }
                State::PublishHeader { header, have } => {
                    let prefix = self.buf.as_ref().get(..have).unwrap_or_default();
                    let (need, exact) =
                        match Publish::header_len_hint(header.flags(), prefix, self.version) {
                            Ok(hint) => hint,
                            Err(e) => return Err(self.fail(e)),
                        };
                    if need > header.remaining_len() {
                        return Err(self.fail(Error::Truncated));
                    }
                    if need > self.buf.as_ref().len() {
                        return Err(self.fail(Error::ReceiveBufferTooSmall));
                    }
                    if have < need {
                        let n = need.saturating_sub(have).min(rest.len());
                        let end = have.saturating_add(n);
                        if let (Some(dst), Some(src)) =
                            (self.buf.as_mut().get_mut(have..end), rest.get(..n))
                        {
                            dst.copy_from_slice(src);
                        }
                        consumed = consumed.saturating_add(n);
                        self.state = State::PublishHeader { header, have: end };
                        if end < need {
                            return Ok(Decoded {
                                consumed,
                                event: Event::NeedMore,
                            });
                        }
                        continue;
                    }
                    if !exact {
                        // `need` grew past `have` on the next round; unreachable with a
                        // consistent hint, but never loop forever.
                        return Err(self.fail(Error::Truncated));
                    }
                    let version = self.version;
                    let prefix = self.buf.as_ref().get(..need).unwrap_or_default();
                    let parsed = Publish::parse_header(header.flags(), prefix, version);
                    return publish_start(&mut self.state, &header, need, parsed, consumed);
                }
                State::Payload { left, offset } => {
                    if rest.is_empty() {
                        return Ok(Decoded {
                            consumed,
                            event: Event::NeedMore,
                        });
                    }
                    let n = left.min(rest.len());
                    let data = rest.get(..n).unwrap_or_default();
                    let left = left.saturating_sub(n);
                    self.state = if left == 0 {
                        IDLE
                    } else {
                        State::Payload {
                            left,
                            offset: offset.saturating_add(n),
                        }
                    };
                    return Ok(Decoded {
                        consumed: consumed.saturating_add(n),
                        event: Event::PublishPayload {
                            data,
                            offset,
                            last: left == 0,
                        },
                    });
                }
            }
        }
    }

    /// Checks a complete fixed header against the limits and picks the next state.
    fn check_header(&self, header: &FixedHeader) -> Result<bool, Error> {
        if header.total_len() > self.max_packet_size {
            return Err(Error::PacketTooLarge);
        }
        let fits = header.remaining_len() <= self.buf.as_ref().len();
        if !fits && header.packet_type() != PacketType::Publish {
            return Err(Error::ReceiveBufferTooSmall);
        }
        Ok(fits)
    }

    fn start_body(&mut self, header: FixedHeader) -> Result<State, Error> {
        match self.check_header(&header) {
            Ok(true) => Ok(State::Body { header, have: 0 }),
            Ok(false) => Ok(State::PublishHeader { header, have: 0 }),
            Err(e) => Err(self.fail(e)),
        }
    }

    /// The zero-copy path: a whole packet (or a whole oversized PUBLISH header) at the
    /// start of `input` while nothing is buffered.
    fn try_whole<'a, P>(&mut self, input: &'a [u8], parse: &P) -> Result<Option<Decoded<'a>>, Error>
    where
        P: Fn(&FixedHeader, &'a [u8], Version) -> Result<Repr<'a>, Error>,
    {
        let header = match FixedHeader::parse(input) {
            Ok(header) => header,
            Err(Error::Truncated) => return Ok(None),
            Err(e) => return Err(self.fail(e)),
        };
        let fits = match self.check_header(&header) {
            Ok(fits) => fits,
            Err(e) => return Err(self.fail(e)),
        };
        let body_start = header.header_len();
        if fits {
            let Some(body) = input.get(body_start..header.total_len()) else {
                return Ok(None);
            };
            return match parse(&header, body, self.version) {
                Ok(repr) => Ok(Some(Decoded {
                    consumed: header.total_len(),
                    event: Event::Packet(repr),
                })),
                Err(e) => Err(self.fail(e)),
            };
        }
        // Oversized PUBLISH: deliver its header from the input if it is all there. Look only
        // at the bytes the buffered path could hold, so that both paths report the same
        // error whatever the split.
        let visible = header.remaining_len().min(self.buf.as_ref().len());
        let body = input.get(body_start..).unwrap_or_default();
        let body = body.get(..visible).unwrap_or(body);
        let (need, exact) = match Publish::header_len_hint(header.flags(), body, self.version) {
            Ok(hint) => hint,
            Err(e) => return Err(self.fail(e)),
        };
        if !exact || need > body.len() || need > header.remaining_len() {
            return Ok(None);
        }
        if need > self.buf.as_ref().len() {
            return Err(self.fail(Error::ReceiveBufferTooSmall));
        }
        let prefix = body.get(..need).unwrap_or_default();
        let parsed = Publish::parse_header(header.flags(), prefix, self.version);
        let consumed = body_start.saturating_add(need);
        publish_start(&mut self.state, &header, need, parsed, consumed).map(Some)
    }
}

/// The end of both paths through an oversized PUBLISH's header: its `need` bytes of
/// variable header were parsed into `parsed` and `consumed` input bytes were used; the
/// payload follows (or the error is final).
#[inline(never)]
fn publish_start<'a>(
    state: &mut State,
    header: &FixedHeader,
    need: usize,
    parsed: Result<(Publish<'a>, usize), Error>,
    consumed: usize,
) -> Result<Decoded<'a>, Error> {
    match parsed {
        Ok((publish, _)) => {
            let payload_len = header.remaining_len().saturating_sub(need);
            *state = State::Payload {
                left: payload_len,
                offset: 0,
            };
            Ok(Decoded {
                consumed,
                event: Event::PublishStart {
                    publish,
                    payload_len,
                },
            })
        }
        Err(e) => {
            *state = State::Failed(e);
            Err(e)
        }
    }
}

impl<'a> Decoded<'a> {
    fn offset(mut self, by: usize) -> Self {
        self.consumed = self.consumed.saturating_add(by);
        self
    }
}
