//! The driver against the chip model (`model.rs`).

extern crate std;

use crate::model::Chip;
use crate::regs::*;
use crate::{Error, Lan9118, Stats, Wait};
use rawnet_eth::{EthernetDriver, LinkState, RxToken, TxToken, MAX_FRAME_LEN};
use std::vec::Vec;

const MAC: [u8; 6] = [0x02, 0x52, 0x41, 0x57, 0x00, 0x01];

fn up() -> Lan9118<Chip> {
    let dev = Lan9118::new(Chip::new([0; 6]), Some(MAC)).expect("bring-up");
    assert_eq!(dev.regs.violations, Vec::<std::string::String>::new());
    dev
}

/// A frame to `dest` of `len` bytes whose payload counts from `seed`.
fn frame(dest: [u8; 6], len: usize, seed: u8) -> Vec<u8> {
    let mut f = Vec::with_capacity(len);
    f.extend_from_slice(&dest);
    f.extend_from_slice(&[0x02, 0, 0, 0, 0, 0x99]);
    f.extend_from_slice(&[0x08, 0x00]);
    f.extend((0..len - 14).map(|i| seed.wrapping_add(i as u8)));
    f
}

fn recv(dev: &mut Lan9118<Chip>) -> Option<Vec<u8>> {
    let (rx, _tx) = dev.receive()?;
    Some(rx.consume(|f| f.to_vec()))
}

fn send(dev: &mut Lan9118<Chip>, bytes: &[u8]) -> bool {
    match dev.transmit() {
        Some(tx) => {
            tx.consume(bytes.len(), |buf| buf.copy_from_slice(bytes));
            true
        }
        None => false,
    }
}

#[test]
fn bring_up_resets_and_configures_the_chip() {
    let mut dev = up();
    let chip = dev.regs();
    assert_eq!(chip.resets, 2, "power-on state, then the soft reset");
    assert_eq!(chip.mac, MAC, "station address in MAC_ADDRH/L");
    assert_eq!(
        chip.mac_cr & (MAC_CR_TXEN | MAC_CR_RXEN),
        MAC_CR_TXEN | MAC_CR_RXEN
    );
    assert_eq!(chip.mac_cr & MAC_CR_PRMS, 0, "address filter on");
    assert_ne!(
        chip.mac_cr & MAC_CR_FDPX,
        0,
        "both ends advertise full duplex"
    );
    assert_eq!(chip.tx_cfg, TX_CFG_TX_ON | TX_CFG_TXSAO);
    assert_eq!(chip.phy[PHY_BCR as usize] & BCR_AN_ENABLE, BCR_AN_ENABLE);
    assert_eq!(dev.mac_address(), MAC);
    assert_eq!(dev.link_state(), LinkState::Up);
    dev.regs().phy[PHY_BSR as usize] &= !BSR_LINK;
    assert_eq!(dev.link_state(), LinkState::Down);
}

#[test]
fn the_eeprom_address_is_used_when_none_is_given() {
    let mut dev = Lan9118::new(Chip::new([0x52, 0x54, 0, 0x12, 0x34, 0x56]), None).unwrap();
    assert_eq!(dev.mac_address(), [0x52, 0x54, 0, 0x12, 0x34, 0x56]);
    assert_eq!(dev.regs().mac, [0x52, 0x54, 0, 0x12, 0x34, 0x56]);
    for blank in [[0; 6], [0xff; 6]] {
        let err = Lan9118::new(Chip::new(blank), None).err();
        assert_eq!(err, Some(Error::NoMacAddress));
    }
}

#[test]
fn half_duplex_partner_leaves_fdpx_off() {
    let mut chip = Chip::new([0; 6]);
    chip.partner = 0x00a1; // 10/100 half duplex only
    let mut dev = Lan9118::new(chip, Some(MAC)).unwrap();
    assert_eq!(dev.regs().mac_cr & MAC_CR_FDPX, 0);
}

#[test]
fn bring_up_failures_are_errors_not_hangs() {
    let mut chip = Chip::new([0; 6]);
    chip.byte_test = 0x4321_8765;
    let err = Lan9118::new(chip, Some(MAC)).err();
    assert_eq!(
        err,
        Some(Error::NotFound {
            byte_test: 0x4321_8765
        })
    );

    let mut chip = Chip::new([0; 6]);
    chip.reset_reads = u32::MAX;
    assert_eq!(
        Lan9118::new(chip, Some(MAC)).err(),
        Some(Error::Timeout(Wait::SoftReset))
    );

    let mut chip = Chip::new([0; 6]);
    chip.csr_stuck = true;
    assert_eq!(
        Lan9118::new(chip, Some(MAC)).err(),
        Some(Error::Timeout(Wait::MacCsr))
    );
}

#[test]
fn frames_go_out_byte_for_byte() {
    let mut dev = up();
    let lens = [60, 61, 62, 63, 64, 99, 1000, MAX_FRAME_LEN];
    for (i, &len) in lens.iter().enumerate() {
        assert!(send(&mut dev, &frame([0xff; 6], len, i as u8)));
    }
    let sent = core::mem::take(&mut dev.regs().sent);
    assert_eq!(sent.len(), lens.len());
    for (i, (&len, got)) in lens.iter().zip(&sent).enumerate() {
        assert_eq!(
            got,
            &frame([0xff; 6], len, i as u8),
            "frame {i} ({len} bytes)"
        );
    }
    assert_eq!(dev.stats().tx_frames, lens.len() as u32);
    assert!(
        dev.regs().violations.is_empty(),
        "{:?}",
        dev.regs().violations
    );
}

#[test]
fn frames_come_in_byte_for_byte_without_fcs() {
    let mut dev = up();
    let lens = [42, 60, 61, 62, 63, 333, MAX_FRAME_LEN];
    for (i, &len) in lens.iter().enumerate() {
        let dest = if i % 2 == 0 { MAC } else { [0xff; 6] };
        assert!(dev.regs().deliver(&frame(dest, len, i as u8)));
    }
    for (i, &len) in lens.iter().enumerate() {
        let dest = if i % 2 == 0 { MAC } else { [0xff; 6] };
        assert_eq!(recv(&mut dev), Some(frame(dest, len, i as u8)), "frame {i}");
    }
    assert_eq!(recv(&mut dev), None);
    let stats = dev.stats();
    assert_eq!(
        (stats.rx_frames, stats.rx_errors, stats.rx_resyncs),
        (7, 0, 0)
    );
    assert_eq!(dev.regs().int_sts & INT_RXE, 0, "never read past a frame");
}

#[test]
fn the_address_filter_keeps_other_stations_out() {
    let mut dev = up();
    assert!(!dev.regs().deliver(&frame([0x02, 0, 0, 0, 0, 0x42], 60, 0)));
    assert_eq!(recv(&mut dev), None);
}

#[test]
fn bad_frames_are_discarded_and_the_next_one_is_intact() {
    let mut dev = up();
    let good = frame(MAC, 100, 7);
    let mut with_fcs = good.clone();
    with_fcs.extend_from_slice(&[0; 4]);
    let len = (with_fcs.len() as u32) << 16;
    let chip = dev.regs();
    chip.push_raw(len | RXS_ERROR | 1 << 1, &with_fcs); // CRC error
    chip.push_raw(len | RXS_FILTER_FAIL, &with_fcs);
    chip.push_raw(len | RXS_LENGTH_ERROR, &with_fcs);
    chip.push_raw(10 << 16, &[0xaa; 10]); // runt: shorter than a header
    let long = std::vec![0x55u8; MAX_FRAME_LEN + 4 + 4]; // a VLAN-tagged maximum frame
    chip.push_raw((long.len() as u32) << 16, &long);
    chip.deliver(&good);
    assert_eq!(recv(&mut dev), Some(good));
    let stats = dev.stats();
    assert_eq!(
        (stats.rx_frames, stats.rx_errors, stats.rx_resyncs),
        (1, 5, 0)
    );
    assert_eq!(dev.regs().int_sts & INT_RXE, 0);
}

#[test]
fn a_status_the_fifo_does_not_back_resyncs() {
    let mut dev = up();
    let chip = dev.regs();
    chip.push_raw(1500 << 16, &[0x11; 64]); // claims 1500 bytes, 64 are there
    assert_eq!(recv(&mut dev), None);
    let chip = dev.regs();
    assert!(
        chip.rx_data.is_empty() && chip.rx_status.is_empty(),
        "FIFOs dumped"
    );
    assert!(chip.violations.is_empty(), "{:?}", chip.violations);
    assert_eq!(dev.stats().rx_resyncs, 1);
    // Receiving again after the resync.
    let good = frame(MAC, 77, 3);
    assert!(dev.regs().deliver(&good));
    assert_eq!(recv(&mut dev), Some(good));
}

#[test]
fn a_receiver_error_resyncs() {
    let mut dev = up();
    dev.regs().int_sts |= INT_RXE;
    dev.regs().push_raw(64 << 16, &[0x22; 64]); // whatever is left is not trusted
    assert_eq!(recv(&mut dev), None);
    assert_eq!(dev.stats().rx_resyncs, 1);
    assert_eq!(dev.regs().int_sts & INT_RXE, 0);
}

#[test]
fn overflow_drops_are_counted_and_kept_frames_are_intact() {
    let mut dev = up();
    let mut kept = Vec::new();
    for i in 0..20u8 {
        let f = frame(MAC, 1200, i);
        if dev.regs().deliver(&f) {
            kept.push(f);
        }
    }
    assert!(
        kept.len() < 20,
        "the model's RX data FIFO holds {} frames",
        kept.len()
    );
    for f in &kept {
        assert_eq!(recv(&mut dev).as_ref(), Some(f));
    }
    let stats = dev.stats();
    assert_eq!(stats.rx_dropped, 20 - kept.len() as u32);
    assert_eq!(stats.rx_frames, kept.len() as u32);
}

#[test]
fn no_tx_room_means_no_token_and_the_rx_frame_waits() {
    let mut dev = up();
    let f = frame(MAC, 60, 1);
    dev.regs().deliver(&f);
    dev.regs().tx_free = 1000;
    assert!(dev.transmit().is_none());
    assert!(
        dev.receive().is_none(),
        "no transmit token: the frame stays queued"
    );
    dev.regs().tx_free = 4608;
    assert_eq!(recv(&mut dev), Some(f));
}

#[test]
fn tx_status_errors_are_counted() {
    let mut dev = up();
    dev.regs().tx_status.push_back(7 << 16 | TXS_ERROR);
    dev.regs().tx_status.push_back(8 << 16);
    let _ = dev.transmit();
    assert_eq!(dev.stats().tx_errors, 1);
    assert!(dev.regs().tx_status.is_empty());
}

/// Whatever statuses and data the chip reports (a fault, or a model of a hostile network
/// getting frames past the MAC), the driver neither panics nor hands out more than a frame.
#[test]
fn arbitrary_fifo_contents_never_panic() {
    let mut seed = 0x1234_5678_u32;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    let mut dev = up();
    for _ in 0..20_000 {
        let chip = dev.regs();
        match next() % 4 {
            0 => {
                let status = next();
                let words = (next() % 400) as usize;
                let data: Vec<u8> = (0..words * 4).map(|_| next() as u8).collect();
                chip.push_raw(status, &data);
            }
            1 => chip.int_sts |= next() & (INT_RXE | INT_TDFO | INT_RXDF),
            2 => {
                let len = 14 + (next() % 1501) as usize;
                chip.deliver(&frame(MAC, len, next() as u8));
            }
            _ => {}
        }
        if let Some(f) = recv(&mut dev) {
            assert!((14..=MAX_FRAME_LEN).contains(&f.len()));
        }
    }
    let Stats { rx_frames, .. } = dev.stats();
    assert!(rx_frames > 0);
}
