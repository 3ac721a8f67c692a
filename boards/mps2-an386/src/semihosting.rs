//! ARM semihosting: the exit status and entropy from the host. **Emulator only.**
//!
//! A semihosting call is `bkpt 0xab` with the operation in `r0` and its argument in `r1`;
//! QEMU started with `-semihosting-config enable=on,target=native` performs it on the host.
//! On a real board without a debugger attached the same instruction is a fault (the real
//! board resets instead of exiting and has a hardware RNG), which is why nothing outside
//! this module and the fault handlers calls it.
//!
//! Operations used (numbers from ARM's semihosting specification v2):
//! `SYS_OPEN` (0x01), `SYS_CLOSE` (0x02), `SYS_READ` (0x06), `SYS_CLOCK` (0x10),
//! `SYS_GET_CMDLINE` (0x15), `SYS_EXIT` (0x18) and `SYS_EXIT_EXTENDED` (0x20).

use core::arch::asm;

const SYS_OPEN: u32 = 0x01;
const SYS_CLOSE: u32 = 0x02;
const SYS_READ: u32 = 0x06;
const SYS_CLOCK: u32 = 0x10;
const SYS_EXIT: u32 = 0x18;
const SYS_GET_CMDLINE: u32 = 0x15;
const SYS_EXIT_EXTENDED: u32 = 0x20;
/// `ADP_Stopped_ApplicationExit`: the program ended (with the status in the extended call).
const ADP_APPLICATION_EXIT: usize = 0x20026;
/// `ADP_Stopped_RunTimeErrorUnknown`: the plain `SYS_EXIT` reason for a failure.
const ADP_RUNTIME_ERROR: usize = 0x20023;
/// `SYS_OPEN` mode "rb".
const MODE_READ_BINARY: usize = 1;

/// One semihosting call.
///
/// # Safety
/// `arg` must be what operation `op` expects: for the ones here, a pointer to a parameter
/// block whose pointers are valid for the host to read or write as the operation says.
unsafe fn call(op: u32, arg: usize) -> isize {
    let ret: isize;
    // SAFETY: the caller guarantees the parameter block; bkpt 0xab is the semihosting trap
    // on M-profile, it returns to the next instruction with the result in r0.
    unsafe {
        asm!("bkpt #0xab", inout("r0") op as isize => ret, in("r1") arg, options(nostack));
    }
    ret
}

/// End the emulation with exit status `code` (QEMU exits with it).
pub fn exit(code: i32) -> ! {
    let block = [ADP_APPLICATION_EXIT, code as usize];
    // SAFETY: SYS_EXIT_EXTENDED reads a two-word block; `block` lives across the call.
    unsafe { call(SYS_EXIT_EXTENDED, block.as_ptr() as usize) };
    // Only reached if the host lacks the extended call: the plain one carries 0 or 1.
    let reason = if code == 0 {
        ADP_APPLICATION_EXIT
    } else {
        ADP_RUNTIME_ERROR
    };
    // SAFETY: on 32-bit targets SYS_EXIT takes the reason itself, no block.
    unsafe { call(SYS_EXIT, reason) };
    loop {
        cortex_m::asm::wfi();
    }
}

/// Centiseconds since the emulator started (`SYS_CLOCK`), from the host's clock.
pub fn host_clock_cs() -> Option<u32> {
    // SAFETY: SYS_CLOCK takes no parameter (r1 must be 0).
    let cs = unsafe { call(SYS_CLOCK, 0) };
    u32::try_from(cs).ok()
}

/// The command line the emulator was given (QEMU: the image's name, then `-append`'s
/// text), in `buf`; `None` if the host gives none or it is not UTF-8.
pub fn cmdline(buf: &mut [u8]) -> Option<&str> {
    let mut block = [buf.as_mut_ptr() as usize, buf.len()];
    // SAFETY: SYS_GET_CMDLINE writes at most `buf.len()` bytes (NUL included) into `buf` and
    // the length it wrote (without the NUL) into the block's second word.
    let ret = unsafe { call(SYS_GET_CMDLINE, block.as_mut_ptr() as usize) };
    let len = block[1];
    if ret != 0 || len > buf.len() {
        return None;
    }
    core::str::from_utf8(&buf[..len]).ok()
}

/// The host's `/dev/urandom`, read through `SYS_OPEN` and `SYS_READ`.
///
/// Implements `rand_core` 0.6's [`RngCore`](rand_core::RngCore) and
/// [`CryptoRng`](rand_core::CryptoRng) (the traits rawnet-tls takes). A failed read is an
/// error from `try_fill_bytes` and a panic from `fill_bytes`: never bytes that are not random.
pub struct HostRng {
    handle: usize,
}

/// Why the host's entropy could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, defmt::Format)]
pub enum EntropyError {
    /// `SYS_OPEN` of `/dev/urandom` failed.
    Open,
    /// `SYS_READ` returned fewer bytes than asked.
    Read,
}

impl core::fmt::Display for EntropyError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(match self {
            EntropyError::Open => "semihosting: cannot open /dev/urandom on the host",
            EntropyError::Read => "semihosting: short read from /dev/urandom",
        })
    }
}

impl HostRng {
    /// Open the host's `/dev/urandom`.
    pub fn open() -> Result<HostRng, EntropyError> {
        const NAME: &[u8] = b"/dev/urandom\0";
        let block = [NAME.as_ptr() as usize, MODE_READ_BINARY, NAME.len() - 1];
        // SAFETY: SYS_OPEN reads the name (NUL-terminated, length given) and the mode.
        let handle = unsafe { call(SYS_OPEN, block.as_ptr() as usize) };
        usize::try_from(handle)
            .map(|handle| HostRng { handle })
            .map_err(|_| EntropyError::Open)
    }

    /// A 64-bit seed (for `rawnet_tcp::Config::random_seed`).
    pub fn seed(&mut self) -> Result<u64, EntropyError> {
        let mut b = [0; 8];
        self.fill(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }

    /// Fill `buf` with bytes from the host.
    pub fn fill(&mut self, buf: &mut [u8]) -> Result<(), EntropyError> {
        let mut done = 0;
        while done < buf.len() {
            let rest = &mut buf[done..];
            let block = [self.handle, rest.as_mut_ptr() as usize, rest.len()];
            // SAFETY: SYS_READ writes at most `rest.len()` bytes into `rest`; it returns
            // how many it did *not* read.
            let left = unsafe { call(SYS_READ, block.as_ptr() as usize) };
            let read = usize::try_from(left)
                .ok()
                .and_then(|left| rest.len().checked_sub(left))
                .ok_or(EntropyError::Read)?;
            if read == 0 {
                return Err(EntropyError::Read);
            }
            done += read;
        }
        Ok(())
    }
}

impl Drop for HostRng {
    fn drop(&mut self) {
        let block = [self.handle];
        // SAFETY: SYS_CLOSE reads one handle.
        unsafe { call(SYS_CLOSE, block.as_ptr() as usize) };
    }
}

impl rand_core::RngCore for HostRng {
    fn next_u32(&mut self) -> u32 {
        let mut b = [0; 4];
        self.fill_bytes(&mut b);
        u32::from_le_bytes(b)
    }

    fn next_u64(&mut self) -> u64 {
        let mut b = [0; 8];
        self.fill_bytes(&mut b);
        u64::from_le_bytes(b)
    }

    fn fill_bytes(&mut self, dest: &mut [u8]) {
        // A fixed message: a formatted one would link `core::fmt` into the firmware.
        if self.fill(dest).is_err() {
            panic!("semihosting: no entropy from the host's /dev/urandom");
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill(dest).map_err(|e| {
            let code = rand_core::Error::CUSTOM_START + e as u32;
            rand_core::Error::from(
                core::num::NonZeroU32::new(code).unwrap_or(core::num::NonZeroU32::MIN),
            )
        })
    }
}

impl rand_core::CryptoRng for HostRng {}
