//! Entropy for TLS: the RNGA seeds a ChaCha20 CSPRNG.
//!
//! The RNGA (K64 Sub-Family Reference Manual, "Random Number Generator Accelerator") samples
//! free-running ring oscillators into a shift register and offers one 32-bit word at a time
//! in `RNG_OR` (`RNG_SR.OREG_LVL` says when one is ready). What the manual does and does not
//! promise, and how this module uses it:
//!
//! - It is a hardware entropy source with no published entropy estimate per bit (no NIST SP
//!   800-90B assessment): its words are not used as key material directly. [`Rng::init`]
//!   reads [`SEED_WORDS`] words (2,048 bits) and conditions them with SHA-256 into the
//!   256-bit seed of [`rand_chacha::ChaCha20Rng`]; the seed is full strength as long as
//!   those 2,048 raw bits hold 256 bits of entropy — one bit in eight.
//! - It flags a security violation (`SECV`, with `CR.HA` high assurance on) and an error
//!   interrupt (`ERRI`); either one, or no word within [`WORD_POLLS`] reads, fails
//!   [`Rng::init`] and the firmware resets rather than run on weak randomness.
//! - ChaCha20 keyed by that seed is a standard CSPRNG (the construction of `rand`'s
//!   `StdRng`); the 64-bit block counter cannot wrap in a device's life. It is not
//!   backtracking-resistant: whoever reads the RAM can reproduce its past output, which on
//!   this MCU means the debugger, which can read the keys too. Every boot reseeds.

use mk64f12_pac as pac;
use rand_chacha::ChaCha20Rng;
use rand_core::{CryptoRng, RngCore, SeedableRng};
use sha2::{Digest, Sha256};

/// RNGA words hashed into the seed.
pub const SEED_WORDS: usize = 64;
/// Status reads to wait for one word (a word takes 256 RNGA clocks; this is far more).
pub const WORD_POLLS: u32 = 100_000;

/// Why the RNGA could not seed the generator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, defmt::Format)]
pub enum EntropyError {
    /// `RNG_SR.SECV` or `ERRI`: the RNGA reports a security violation or an error.
    Violation(u32),
    /// No word came within [`WORD_POLLS`] reads.
    Timeout,
}

/// The firmware's CSPRNG: ChaCha20 seeded from the RNGA.
pub struct Rng(ChaCha20Rng);

impl Rng {
    /// Start the RNGA, read [`SEED_WORDS`] words, hash them into a seed.
    pub fn init() -> Result<Rng, EntropyError> {
        // SAFETY: the RNGA and its clock gate; used by nothing else.
        let (rnga, sim) = unsafe { (pac::Rng::steal(), pac::Sim::steal()) };
        sim.scgc6().modify(|_, w| w.rnga().set_bit());
        rnga.cr()
            .write(|w| w.go().set_bit().ha().set_bit().intm().set_bit());
        let mut hash = Sha256::new();
        for _ in 0..SEED_WORDS {
            let mut ready = false;
            for _ in 0..WORD_POLLS {
                let sr = rnga.sr().read();
                if sr.secv().bit_is_set() || sr.erri().bit_is_set() {
                    return Err(EntropyError::Violation(sr.bits()));
                }
                if sr.oreg_lvl().bits() != 0 {
                    ready = true;
                    break;
                }
            }
            if !ready {
                return Err(EntropyError::Timeout);
            }
            hash.update(rnga.or().read().randout().bits().to_le_bytes());
        }
        // The RNGA sleeps until the next boot.
        rnga.cr().modify(|_, w| w.slp().set_bit());
        Ok(Rng(ChaCha20Rng::from_seed(hash.finalize().into())))
    }
}

impl RngCore for Rng {
    fn next_u32(&mut self) -> u32 {
        self.0.next_u32()
    }
    fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        self.0.fill_bytes(dest)
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.0.try_fill_bytes(dest)
    }
}

impl CryptoRng for Rng {}
