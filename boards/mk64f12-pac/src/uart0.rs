#[repr(C)]
#[doc = "Register block"]
pub struct RegisterBlock {
    bdh: Bdh,
    bdl: Bdl,
    c1: C1,
    c2: C2,
    s1: S1,
    _reserved5: [u8; 0x02],
    d: D,
    _reserved6: [u8; 0x02],
    c4: C4,
}
impl RegisterBlock {
    #[doc = "0x00 - UART Baud Rate Registers: High"]
    #[inline(always)]
    pub const fn bdh(&self) -> &Bdh {
        &self.bdh
    }
    #[doc = "0x01 - UART Baud Rate Registers: Low"]
    #[inline(always)]
    pub const fn bdl(&self) -> &Bdl {
        &self.bdl
    }
    #[doc = "0x02 - UART Control Register 1"]
    #[inline(always)]
    pub const fn c1(&self) -> &C1 {
        &self.c1
    }
    #[doc = "0x03 - UART Control Register 2"]
    #[inline(always)]
    pub const fn c2(&self) -> &C2 {
        &self.c2
    }
    #[doc = "0x04 - UART Status Register 1"]
    #[inline(always)]
    pub const fn s1(&self) -> &S1 {
        &self.s1
    }
    #[doc = "0x07 - UART Data Register"]
    #[inline(always)]
    pub const fn d(&self) -> &D {
        &self.d
    }
    #[doc = "0x0a - UART Control Register 4"]
    #[inline(always)]
    pub const fn c4(&self) -> &C4 {
        &self.c4
    }
}
#[doc = "BDH (rw) register accessor: UART Baud Rate Registers: High\n\nYou can [`read`](crate::Reg::read) this register and get [`bdh::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`bdh::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@bdh`] module"]
#[doc(alias = "BDH")]
pub type Bdh = crate::Reg<bdh::BdhSpec>;
#[doc = "UART Baud Rate Registers: High"]
pub mod bdh;
#[doc = "BDL (rw) register accessor: UART Baud Rate Registers: Low\n\nYou can [`read`](crate::Reg::read) this register and get [`bdl::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`bdl::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@bdl`] module"]
#[doc(alias = "BDL")]
pub type Bdl = crate::Reg<bdl::BdlSpec>;
#[doc = "UART Baud Rate Registers: Low"]
pub mod bdl;
#[doc = "C1 (rw) register accessor: UART Control Register 1\n\nYou can [`read`](crate::Reg::read) this register and get [`c1::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c1::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@c1`] module"]
pub type C1 = crate::Reg<c1::C1Spec>;
#[doc = "UART Control Register 1"]
pub mod c1;
#[doc = "C2 (rw) register accessor: UART Control Register 2\n\nYou can [`read`](crate::Reg::read) this register and get [`c2::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c2::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@c2`] module"]
pub type C2 = crate::Reg<c2::C2Spec>;
#[doc = "UART Control Register 2"]
pub mod c2;
#[doc = "S1 (r) register accessor: UART Status Register 1\n\nYou can [`read`](crate::Reg::read) this register and get [`s1::R`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@s1`] module"]
pub type S1 = crate::Reg<s1::S1Spec>;
#[doc = "UART Status Register 1"]
pub mod s1;
#[doc = "D (rw) register accessor: UART Data Register\n\nYou can [`read`](crate::Reg::read) this register and get [`d::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`d::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@d`] module"]
pub type D = crate::Reg<d::DSpec>;
#[doc = "UART Data Register"]
pub mod d;
#[doc = "C4 (rw) register accessor: UART Control Register 4\n\nYou can [`read`](crate::Reg::read) this register and get [`c4::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c4::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@c4`] module"]
pub type C4 = crate::Reg<c4::C4Spec>;
#[doc = "UART Control Register 4"]
pub mod c4;
