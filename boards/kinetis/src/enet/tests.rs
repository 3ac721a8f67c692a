//! The driver against the ENET model (`model.rs`) and the PHY model behind it.

extern crate std;

use super::model::{checksum, Dma, Incoming};
use super::regs::*;
use super::{Config, Enet, Error, Rings, BUF_LEN};
use crate::phy::{PHYCTRL2, RETRY_POLLS};
use rawnet_eth::{EthernetDriver, LinkState, RxToken, TxToken};
use std::boxed::Box;
use std::vec::Vec;

const MAC: [u8; 6] = [0x02, 0x4b, 0x36, 0x34, 0x00, 0x01];
const RX: usize = 4;
const TX: usize = 2;

type Driver = Enet<'static, Dma<RX, TX>, RX, TX>;

fn rings() -> &'static Rings<RX, TX> {
    Box::leak(Box::new(Rings::new()))
}

fn config() -> Config {
    Config {
        mac: MAC,
        mscr: crate::clock::mscr(120_000_000),
        phy_addr: 0,
    }
}

fn no_violations(dev: &Driver) {
    let v = &dev.regs().s.borrow().violations;
    assert!(v.is_empty(), "{v:#?}");
}

/// A driver with the link up.
fn up() -> Driver {
    let rings = rings();
    let mut dev = Enet::new(Dma::new(rings), rings, config()).expect("bring-up");
    for _ in 0..500 {
        if dev.link_state() == LinkState::Up {
            no_violations(&dev);
            assert!(
                dev.regs().link_ok(),
                "MAC and PHY agree once the link is up"
            );
            return dev;
        }
    }
    panic!("no link: {:?}", dev.phy().fault());
}

/// A frame to `dest` of `len` bytes (local experimental EtherType) counting from `seed`.
fn frame(dest: [u8; 6], len: usize, seed: u8) -> Vec<u8> {
    let mut f = Vec::with_capacity(len);
    f.extend_from_slice(&dest);
    f.extend_from_slice(&[0x02, 0, 0, 0, 0, 0x99]);
    f.extend_from_slice(&[0x88, 0xb5]);
    f.extend((0..len - 14).map(|i| seed.wrapping_add(i as u8)));
    f
}

/// An IPv4 fragment to `dest` (More Fragments set): the accelerator does not check its
/// protocol checksum, and the descriptor's FRAG bit is set.
fn fragment(dest: [u8; 6], seed: u8) -> Incoming {
    let mut f = frame(dest, 80, seed);
    f[12..14].copy_from_slice(&[0x08, 0x00]);
    f[14] = 0x45;
    f[20..22].copy_from_slice(&[0x20, 0x00]);
    Incoming {
        fragment: true,
        ..Incoming::good(f)
    }
}

fn wire(dev: &Driver, f: Incoming) {
    dev.regs().s.borrow_mut().wire_in.push_back(f);
    dev.regs().run();
}

fn recv(dev: &mut Driver) -> Option<Vec<u8>> {
    let (rx, _tx) = dev.receive()?;
    Some(rx.consume(|f| f.to_vec()))
}

fn send(dev: &mut Driver, bytes: &[u8]) -> bool {
    match dev.transmit() {
        Some(tx) => {
            tx.consume(bytes.len(), |buf| buf.copy_from_slice(bytes));
            true
        }
        None => false,
    }
}

#[test]
fn bring_up_configures_rmii_the_address_the_accelerators_and_the_rings() {
    let dev = up();
    let m = dev.regs();
    let rcr = m.reg(RCR);
    assert_eq!(rcr >> RCR_MAX_FL_SHIFT, 1518);
    for bit in [RCR_RMII_MODE, RCR_MII_MODE, RCR_CRCFWD, RCR_FCE] {
        assert_ne!(rcr & bit, 0, "RCR {rcr:#x} lacks {bit:#x}");
    }
    assert_eq!(rcr & (RCR_PROM | RCR_RMII_10T | RCR_DRT), 0);
    assert_eq!(m.reg(TCR), TCR_FDEN);
    assert_eq!(m.reg(PALR), 0x024b_3634);
    assert_eq!(m.reg(PAUR), 0x0001_8808);
    assert_eq!(m.reg(MRBR), BUF_LEN as u32);
    assert_eq!(m.reg(TACC), TACC_IPCHK | TACC_PROCHK);
    assert_eq!(m.reg(RACC), RACC_IPDIS | RACC_PRODIS | RACC_LINEDIS);
    assert_eq!(m.reg(TFWR), TFWR_STRFWD);
    assert_eq!(m.reg(MSCR), (23 << 1) | (1 << 8));
    let r = m.rings;
    for (i, d) in r.rx.iter().enumerate() {
        let wrap = if i == RX - 1 { rx::W } else { 0 };
        assert_eq!(d.flags(), rx::E | wrap, "RX descriptor {i}");
        assert_eq!(d.buffer(), r.rx_buf[i].addr());
        assert_eq!(d.buffer() % 16, 0);
    }
    assert_eq!(r.tx[0].flags(), 0);
    assert_eq!(r.tx[TX - 1].flags(), tx::W);
    assert_eq!(m.s.borrow().phy.regs[PHYCTRL2 as usize] & 0x80, 0x80);
    assert_eq!(dev.mac_address(), MAC);
    let caps = dev.capabilities();
    assert!(caps.checksum.ipv4 && caps.checksum.tcp && caps.checksum.udp && caps.checksum.icmpv4);
    assert_eq!(caps.max_burst, Some(TX as u8));
}

#[test]
fn frames_arrive_intact_without_fcs_in_ring_order_across_wraps() {
    let mut dev = up();
    for n in 0..3 * RX as u8 {
        let f = frame(MAC, 60 + usize::from(n) * 97, n);
        wire(&dev, Incoming::good(f.clone()));
        assert_eq!(recv(&mut dev), Some(f), "frame {n}");
        assert_eq!(recv(&mut dev), None);
    }
    let bcast = frame([0xff; 6], 1514, 7);
    wire(&dev, Incoming::good(bcast.clone()));
    assert_eq!(recv(&mut dev), Some(bcast), "a full-size broadcast");
    // An IPv4 datagram with Don't Fragment set (what TCP sends) is no fragment.
    let mut df = frame(MAC, 60, 1);
    df[12..14].copy_from_slice(&[0x08, 0x00]);
    df[14] = 0x45;
    df[20..22].copy_from_slice(&[0x40, 0x00]);
    wire(&dev, Incoming::good(df.clone()));
    assert_eq!(recv(&mut dev), Some(df));
    wire(&dev, Incoming::good(frame([0x02, 0, 0, 0, 0, 2], 60, 0)));
    assert_eq!(recv(&mut dev), None, "another station's frame is filtered");
    assert_eq!(dev.stats().rx_frames, 3 * RX as u32 + 2);
    no_violations(&dev);
}

#[test]
fn a_full_receive_ring_drops_at_the_mac_and_recovers() {
    let mut dev = up();
    let frames: Vec<_> = (0..RX as u8 + 2).map(|n| frame(MAC, 100, n)).collect();
    for f in &frames {
        wire(&dev, Incoming::good(f.clone()));
    }
    assert_eq!(
        dev.regs().s.borrow().dropped,
        2,
        "two frames found no empty descriptor"
    );
    for f in &frames[..RX] {
        assert_eq!(recv(&mut dev).as_ref(), Some(f));
    }
    assert_eq!(recv(&mut dev), None);
    // Giving the descriptors back re-armed RDAR: the next frame lands.
    let next = frame(MAC, 200, 99);
    wire(&dev, Incoming::good(next.clone()));
    assert_eq!(recv(&mut dev), Some(next));
    no_violations(&dev);
}

#[test]
fn error_frames_are_given_back_and_the_ring_stays_in_step() {
    let mut dev = up();
    // With the accelerator's discards off, bad frames reach the descriptors with their flags.
    dev.regs().s.borrow_mut().regs.insert(RACC, 0);
    let bad = [
        Incoming {
            crc_error: true,
            ..Incoming::good(frame(MAC, 80, 1))
        },
        Incoming {
            ip_checksum_error: true,
            ..Incoming::good(frame(MAC, 80, 2))
        },
        Incoming {
            protocol_checksum_error: true,
            ..Incoming::good(frame(MAC, 80, 3))
        },
        fragment(MAC, 4),
        Incoming::good(frame(MAC, 1600, 5)), // over MAX_FL: LG, and two buffers
    ];
    for round in 0..3 {
        for b in &bad {
            wire(&dev, b.clone());
            let good = frame(MAC, 64, round);
            wire(&dev, Incoming::good(good.clone()));
            assert_eq!(recv(&mut dev), Some(good), "round {round}");
        }
    }
    let s = dev.stats();
    assert_eq!(s.rx_errors, 15);
    assert_eq!(s.rx_spanning, 3);
    assert_eq!(s.rx_frames, 15);
    no_violations(&dev);
}

#[test]
fn the_accelerator_discards_bad_checksums_before_the_ring() {
    let mut dev = up();
    wire(
        &dev,
        Incoming {
            protocol_checksum_error: true,
            ..Incoming::good(frame(MAC, 80, 1))
        },
    );
    wire(
        &dev,
        Incoming {
            ip_checksum_error: true,
            ..Incoming::good(frame(MAC, 80, 2))
        },
    );
    assert_eq!(dev.regs().s.borrow().discarded_by_accelerator, 2);
    assert_eq!(recv(&mut dev), None);
    // A fragment's protocol checksum is not checked by the MAC: the driver drops it.
    wire(&dev, fragment(MAC, 3));
    assert_eq!(recv(&mut dev), None);
    assert_eq!(dev.stats().rx_errors, 1);
}

#[test]
fn a_frame_still_being_written_is_left_for_later() {
    let mut dev = up();
    wire(&dev, Incoming::good(frame(MAC, 60, 1)));
    // The DMA has cleared E on the first descriptor but not yet written L (a spanning frame
    // in progress): take the frame apart by hand.
    let r = dev.regs().rings;
    let d = &r.rx[0];
    let (len, flags) = (d.data_len(), d.flags());
    d.set_len_flags(len, flags & !rx::L);
    assert_eq!(
        recv(&mut dev),
        None,
        "no L and the next descriptor still empty"
    );
    d.set_len_flags(len, flags);
    assert!(recv(&mut dev).is_some());
}

#[test]
fn transmit_fills_the_ring_and_the_dma_empties_it() {
    let mut dev = up();
    let mut ip = frame([0xff; 6], 60, 0);
    ip[12..14].copy_from_slice(&[0x08, 0x00]);
    ip[14] = 0x45;
    ip[24..26].copy_from_slice(&[0, 0]); // what smoltcp writes when the MAC inserts it
    dev.regs().s.borrow_mut().tx_stalled = true;
    for _ in 0..TX {
        assert!(send(&mut dev, &ip));
    }
    assert!(dev.transmit().is_none(), "TX ring full");
    wire(&dev, Incoming::good(frame(MAC, 60, 9)));
    assert!(
        dev.receive().is_none(),
        "no RX token without a TX token to pair with it"
    );
    dev.regs().s.borrow_mut().tx_stalled = false;
    dev.regs().run();
    assert!(
        recv(&mut dev).is_some(),
        "the waiting frame, now that TX has room"
    );
    for n in 0..3 * TX as u8 {
        assert!(send(&mut dev, &frame([0xff; 6], 100, n)));
        dev.regs().run();
    }
    let sent = dev.regs().s.borrow().sent.clone();
    assert_eq!(sent.len(), 4 * TX);
    assert_eq!(
        checksum(&sent[0][14..34]),
        0,
        "the MAC filled in the header checksum"
    );
    assert_eq!(sent[TX + 1], frame([0xff; 6], 100, 1));
    let t = &dev.regs().rings.tx[0];
    assert_ne!(t.ext() >> 16 & u32::from(tx::PINS | tx::IINS), 0);
    let _ = dev.transmit();
    assert_eq!(dev.stats().tx_frames, 4 * TX as u32);
    no_violations(&dev);
}

#[test]
fn a_transmit_error_is_counted_and_the_ring_goes_on() {
    let mut dev = up();
    dev.regs().s.borrow_mut().tx_fail_next = true;
    assert!(send(&mut dev, &frame([0xff; 6], 60, 1)));
    dev.regs().run();
    assert!(send(&mut dev, &frame([0xff; 6], 60, 2)));
    dev.regs().run();
    let _ = dev.transmit();
    let s = dev.stats();
    assert_eq!((s.tx_errors, s.tx_frames), (1, 1));
    assert_eq!(dev.regs().s.borrow().sent, [frame([0xff; 6], 60, 2)]);
}

#[test]
fn an_oversized_transmit_is_refused_not_sent() {
    let mut dev = up();
    let tx = dev.transmit().unwrap();
    let n = tx.consume(BUF_LEN + 100, |buf| buf.len());
    assert_eq!(n, rawnet_eth::MAX_FRAME_LEN);
    dev.regs().run();
    assert!(dev.regs().s.borrow().sent.is_empty());
    assert_eq!(dev.stats().tx_errors, 1);
}

#[test]
fn link_down_and_up_restarts_the_mac_for_the_new_mode() {
    let mut dev = up();
    assert_eq!(dev.stats().restarts, 1);
    dev.regs().s.borrow_mut().phy.set_cable(false);
    let down = (0..20).any(|_| dev.link_state() == LinkState::Down);
    assert!(down);
    // The partner now does 10 Mbit/s half duplex only.
    {
        let mut s = dev.regs().s.borrow_mut();
        s.phy.partner = 0x0021;
        s.phy.set_cable(true);
    }
    assert!((0..200).any(|_| dev.link_state() == LinkState::Up));
    let m = dev.regs();
    assert_ne!(m.reg(RCR) & RCR_RMII_10T, 0);
    assert_ne!(m.reg(RCR) & RCR_DRT, 0);
    assert_eq!(m.reg(TCR) & TCR_FDEN, 0);
    assert!(m.link_ok());
    assert_eq!(dev.stats().restarts, 2);
    let f = frame(MAC, 300, 3);
    wire(&dev, Incoming::good(f.clone()));
    assert_eq!(recv(&mut dev), Some(f));
    no_violations(&dev);
}

#[test]
fn no_phy_keeps_the_link_down_without_blocking() {
    let rings = rings();
    let dma = Dma::new(rings);
    dma.s.borrow_mut().phy.present = false;
    let mut dev = Enet::new(dma, rings, config()).unwrap();
    for _ in 0..RETRY_POLLS / 10 {
        assert_eq!(dev.link_state(), LinkState::Down);
    }
    assert!(dev.phy().fault().is_some());
}

#[test]
fn a_mac_without_clock_fails_bring_up() {
    let rings = rings();
    let dma = Dma::new(rings);
    dma.s.borrow_mut().reset_reads = u32::MAX;
    assert_eq!(
        Enet::new(dma, rings, config()).err(),
        Some(Error::ResetTimeout)
    );
}
