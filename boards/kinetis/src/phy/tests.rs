//! The state machine against the PHY model (`model.rs`).

extern crate std;

use super::model::Phy;
use super::*;

/// Poll until the link is `want` or `limit` polls pass; the number of polls it took.
fn until(ksz: &mut Ksz8081, phy: &mut Phy, want: Link, limit: u32) -> Option<u32> {
    (1..=limit).find(|_| ksz.poll(phy) == want)
}

const UP_100_FULL: Link = Link::Up {
    fast: true,
    full_duplex: true,
};

#[test]
fn bring_up_resets_sets_50mhz_mode_advertises_and_negotiates() {
    let mut phy = Phy::new();
    let mut ksz = Ksz8081::new(0);
    let polls = until(&mut ksz, &mut phy, UP_100_FULL, 200).expect("link up");
    assert!(
        polls > 10,
        "the link needs the whole sequence, not {polls} polls"
    );
    assert_eq!(phy.resets, 1);
    assert_eq!(ksz.resets(), 1);
    assert_eq!(ksz.fault(), None);
    assert_eq!(
        phy.regs[PHYCTRL2 as usize], 0x8180,
        "50 MHz bit set, the other defaults kept"
    );
    assert_eq!(phy.regs[ANAR as usize], ANAR_ALL);
    assert_eq!(phy.regs[BMCR as usize] & BMCR_ANEN, BMCR_ANEN);
    // Identified first (reads), then the writes: reset, clock mode, advertisement, negotiation.
    let regs: std::vec::Vec<u8> = phy.writes.iter().map(|w| w.0).collect();
    assert_eq!(regs, [BMCR, PHYCTRL2, ANAR, BMCR]);
}

#[test]
fn the_link_stays_down_until_negotiation_completes() {
    let mut phy = Phy::new();
    phy.an_reads = 50;
    let mut ksz = Ksz8081::new(0);
    for _ in 0..60 {
        assert_eq!(ksz.poll(&mut phy), Link::Down);
    }
    assert!(until(&mut ksz, &mut phy, UP_100_FULL, 200).is_some());
}

#[test]
fn a_slow_bus_only_delays_it() {
    let mut phy = Phy::new();
    phy.latency = 20;
    let mut ksz = Ksz8081::new(0);
    // A poll while a transaction runs starts nothing new (the model asserts it).
    assert!(until(&mut ksz, &mut phy, UP_100_FULL, 2000).is_some());
}

#[test]
fn the_negotiated_mode_is_reported() {
    for (partner, want) in [
        (
            0x0081,
            Link::Up {
                fast: true,
                full_duplex: false,
            },
        ),
        (
            0x0041,
            Link::Up {
                fast: false,
                full_duplex: true,
            },
        ),
        (
            0x0021,
            Link::Up {
                fast: false,
                full_duplex: false,
            },
        ),
    ] {
        let mut phy = Phy::new();
        phy.partner = partner;
        let mut ksz = Ksz8081::new(0);
        assert!(
            until(&mut ksz, &mut phy, want, 200).is_some(),
            "partner {partner:#06x}: {:?}",
            ksz.link()
        );
    }
}

#[test]
fn cable_out_and_in_reports_down_then_up() {
    let mut phy = Phy::new();
    let mut ksz = Ksz8081::new(0);
    until(&mut ksz, &mut phy, UP_100_FULL, 200).unwrap();
    phy.set_cable(false);
    assert!(
        until(&mut ksz, &mut phy, Link::Down, 12).is_some(),
        "down within two reads"
    );
    for _ in 0..100 {
        assert_eq!(ksz.poll(&mut phy), Link::Down);
    }
    phy.set_cable(true);
    assert!(until(&mut ksz, &mut phy, UP_100_FULL, 100).is_some());
    assert_eq!(phy.resets, 1, "a link change needs no PHY reset");
}

#[test]
fn a_blip_between_two_reads_is_still_seen() {
    let mut phy = Phy::new();
    let mut ksz = Ksz8081::new(0);
    until(&mut ksz, &mut phy, UP_100_FULL, 200).unwrap();
    // Out and back in at once: the latched-low link bit still says it went.
    phy.set_cable(false);
    phy.set_cable(true);
    assert!(until(&mut ksz, &mut phy, Link::Down, 12).is_some());
    assert!(until(&mut ksz, &mut phy, UP_100_FULL, 100).is_some());
}

#[test]
fn no_phy_on_the_bus_is_a_fault_and_is_retried() {
    let mut phy = Phy::new();
    phy.present = false;
    let mut ksz = Ksz8081::new(0);
    for _ in 0..50 {
        assert_eq!(ksz.poll(&mut phy), Link::Down);
    }
    assert_eq!(ksz.fault(), Some(Fault::WrongId(0xffff, 0xffff)));
    // The PHY turns up (its clock started late): found on the next attempt.
    phy.present = true;
    assert!(until(&mut ksz, &mut phy, UP_100_FULL, RETRY_POLLS + 200).is_some());
    assert_eq!(ksz.fault(), None);
    assert_eq!(ksz.resets(), 1, "the absent PHY was never reset");
}

#[test]
fn another_phy_is_refused() {
    let mut phy = Phy::new();
    phy.id2 = 0x1512; // a KSZ8041
    phy.regs[PHYID2 as usize] = phy.id2;
    let mut ksz = Ksz8081::new(0);
    for _ in 0..50 {
        ksz.poll(&mut phy);
    }
    assert_eq!(ksz.fault(), Some(Fault::WrongId(ID1, 0x1512)));
    assert!(
        phy.writes.is_empty(),
        "nothing written to a PHY we do not know"
    );
}

#[test]
fn a_reset_that_never_ends_is_a_fault() {
    let mut phy = Phy::new();
    phy.reset_reads = u16::MAX;
    let mut ksz = Ksz8081::new(0);
    for _ in 0..u32::from(RESET_POLLS) * 4 + 10 {
        assert_eq!(ksz.poll(&mut phy), Link::Down);
    }
    assert_eq!(ksz.fault(), Some(Fault::ResetTimeout));
}
