//! The station address from the SIM's 128-bit unique id (`SIM_UIDH`, `UIDMH`, `UIDML`,
//! `UIDL`).
//!
//! The board has no address of its own (no EEPROM; NXP's examples use a fixed one), so the
//! firmware derives one per chip: the 16 id bytes are hashed (FNV-1a, 64 bits), 46 bits of
//! the hash are kept, and the first octet is made locally administered (bit 1 set) and
//! unicast (bit 0 clear). The same chip always gets the same address, so DHCP leases and ARP
//! caches survive a reboot. It is not globally unique: two chips collide with probability
//! about n² / 2⁴⁷ among n boards on one network.

/// The address for unique id words `[UIDH, UIDMH, UIDML, UIDL]`.
pub fn from_unique_id(uid: [u32; 4]) -> [u8; 6] {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for word in uid {
        for b in word.to_be_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    let b = h.to_be_bytes();
    [(b[0] & 0xfc) | 0x02, b[1], b[2], b[3], b[4], b[5]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locally_administered_unicast_stable_and_distinct() {
        let a = from_unique_id([0x0000_0000, 0x0014_0000, 0x4e45_3027, 0x2003_4009]);
        assert_eq!(a[0] & 0b11, 0b10, "locally administered, unicast: {a:02x?}");
        assert_eq!(
            a,
            from_unique_id([0x0000_0000, 0x0014_0000, 0x4e45_3027, 0x2003_4009])
        );
        // Ids one bit apart, anywhere, give other addresses.
        for word in 0..4 {
            for bit in [0, 7, 31] {
                let mut uid = [0x0000_0000, 0x0014_0000, 0x4e45_3027, 0x2003_4009];
                uid[word] ^= 1 << bit;
                let b = from_unique_id(uid);
                assert_ne!(a, b, "word {word} bit {bit}");
                assert_eq!(b[0] & 0b11, 0b10);
            }
        }
    }
}
