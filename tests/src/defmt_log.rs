//! The firmware's log: defmt frames (rzCOBS, each ended by a zero byte) from its serial port,
//! decoded with the firmware's ELF (the format strings live in its `.defmt` section) into
//! lines a person reads: `[  12.345] INFO  dns: broker.rawnet.test is 10.0.2.100 (3 ms)`.
//! One decoder for the tests, the demo (`cargo xtask demo`) and a board's serial port
//! (`cargo run -p rawnet-tests --example defmt_log -- ELF PORT`).

use defmt_decoder::{DecodeError, Table};
use std::io::Read;
use std::path::Path;

/// The line shown for bytes that are no defmt frame (a frame cut short by a reset or a
/// fault, noise on a serial line).
pub const MALFORMED: &str = "(malformed defmt frame)";

/// A firmware's defmt table, read from its ELF.
pub struct LogDecoder {
    table: Table,
}

impl LogDecoder {
    /// Read the table of the firmware `elf`.
    pub fn from_elf(elf: &Path) -> Result<LogDecoder, String> {
        let bytes = std::fs::read(elf).map_err(|e| format!("{}: {e}", elf.display()))?;
        let table = Table::parse(&bytes)
            .map_err(|e| format!("{}: defmt table: {e}", elf.display()))?
            .ok_or_else(|| format!("{}: no defmt data in this ELF", elf.display()))?;
        Ok(LogDecoder { table })
    }

    /// Decode everything `input` gives until its end, handing each line to `each`.
    pub fn lines(&self, mut input: impl Read, mut each: impl FnMut(String)) {
        let mut stream = self.table.new_stream_decoder();
        let mut buf = [0u8; 4096];
        loop {
            let n = match input.read(&mut buf) {
                Ok(0) => return,
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => return,
            };
            stream.received(&buf[..n]);
            loop {
                match stream.decode() {
                    Ok(frame) => {
                        let time = frame
                            .display_timestamp()
                            .map(|t| t.to_string())
                            .unwrap_or_default();
                        let level = frame
                            .level()
                            .map(|l| format!("{l:?}").to_uppercase())
                            .unwrap_or_default();
                        each(format!(
                            "[{time:>10}] {level:<5} {}",
                            frame.display_message()
                        ));
                    }
                    Err(DecodeError::UnexpectedEof) => break,
                    Err(DecodeError::Malformed) => each(MALFORMED.to_string()),
                }
            }
        }
    }
}

/// Decode the whole of `bytes` (a captured log) into lines.
pub fn decode(elf: &Path, bytes: &[u8]) -> Result<Vec<String>, String> {
    let decoder = LogDecoder::from_elf(elf)?;
    let mut lines = Vec::new();
    decoder.lines(bytes, |l| lines.push(l));
    Ok(lines)
}
