//! Naming why a session failed, from how it ended ([`End`]: the guard's stop, the engine's
//! error) and the verifier's verdict. Shared by [`crate::Tls`] and the `embedded-io` adapters
//! ([`crate::io`]) so both report the same reasons.

use embedded_tls::TlsError;

use crate::driver::End;
use crate::error::{EngineError, Error};
use crate::guard::Stop;
use crate::pipe::Shared;

/// The error for a session that ended as `end` without a close (`handshaking`: before the
/// handshake completed).
pub(crate) fn classify<E>(shared: &Shared<'_>, end: End, handshaking: bool) -> Error<E> {
    if let Some(cert) = shared.cert_error.get() {
        return Error::Certificate(cert);
    }
    match end {
        End::NotAuthenticated => Error::ServerNotAuthenticated,
        End::PskNotAccepted => Error::PskNotAccepted,
        End::Stopped(Stop::Alert(70)) | End::Stopped(Stop::ProtocolVersion) => {
            Error::ProtocolVersion
        }
        End::Stopped(Stop::Alert(code)) => Error::AlertReceived(code),
        End::Stopped(Stop::HelloRetry) => Error::HelloRetryRequestUnsupported,
        End::Stopped(Stop::SpansRecords { msg_type, len }) => {
            Error::HandshakeMessageSpansRecords { msg_type, len }
        }
        End::Stopped(Stop::Violation(v)) => Error::Violation(v),
        End::Failed(e) => engine(shared, e, handshaking),
        // Not failures (the callers keep them apart).
        End::Closed | End::PeerClosed => Error::NotConnected,
    }
}

fn engine<E>(shared: &Shared<'_>, e: TlsError, handshaking: bool) -> Error<E> {
    match e {
        TlsError::HandshakeAborted(_, desc) if desc as u8 == 70 => Error::ProtocolVersion,
        TlsError::HandshakeAborted(_, desc) => Error::AlertReceived(desc as u8),
        TlsError::IoError | TlsError::Io(_) if shared.eof.get() => {
            if handshaking {
                Error::ClosedDuringHandshake
            } else {
                Error::Truncated
            }
        }
        TlsError::InsufficientSpace if shared.guard.borrow().last_len() > 0 => {
            Error::BufferTooSmall {
                needed: shared.guard.borrow().last_len() + 5,
            }
        }
        // In the application phase embedded-tls reports an undecodable handshake message
        // (KeyUpdate) as Unimplemented.
        TlsError::Unimplemented if !handshaking => Error::PostHandshakeUnsupported,
        other => Error::Protocol(EngineError(other)),
    }
}
