#[repr(C)]
#[doc = "Register block"]
pub struct RegisterBlock {
    c1: C1,
    c2: C2,
    _reserved2: [u8; 0x01],
    c4: C4,
    c5: C5,
    c6: C6,
    s: S,
    _reserved6: [u8; 0x05],
    c7: C7,
}
impl RegisterBlock {
    #[doc = "0x00 - MCG Control 1 Register"]
    #[inline(always)]
    pub const fn c1(&self) -> &C1 {
        &self.c1
    }
    #[doc = "0x01 - MCG Control 2 Register"]
    #[inline(always)]
    pub const fn c2(&self) -> &C2 {
        &self.c2
    }
    #[doc = "0x03 - MCG Control 4 Register"]
    #[inline(always)]
    pub const fn c4(&self) -> &C4 {
        &self.c4
    }
    #[doc = "0x04 - MCG Control 5 Register"]
    #[inline(always)]
    pub const fn c5(&self) -> &C5 {
        &self.c5
    }
    #[doc = "0x05 - MCG Control 6 Register"]
    #[inline(always)]
    pub const fn c6(&self) -> &C6 {
        &self.c6
    }
    #[doc = "0x06 - MCG Status Register"]
    #[inline(always)]
    pub const fn s(&self) -> &S {
        &self.s
    }
    #[doc = "0x0c - MCG Control 7 Register"]
    #[inline(always)]
    pub const fn c7(&self) -> &C7 {
        &self.c7
    }
}
#[doc = "C1 (rw) register accessor: MCG Control 1 Register\n\nYou can [`read`](crate::Reg::read) this register and get [`c1::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c1::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@c1`] module"]
pub type C1 = crate::Reg<c1::C1Spec>;
#[doc = "MCG Control 1 Register"]
pub mod c1;
#[doc = "C2 (rw) register accessor: MCG Control 2 Register\n\nYou can [`read`](crate::Reg::read) this register and get [`c2::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c2::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@c2`] module"]
pub type C2 = crate::Reg<c2::C2Spec>;
#[doc = "MCG Control 2 Register"]
pub mod c2;
#[doc = "C4 (rw) register accessor: MCG Control 4 Register\n\nYou can [`read`](crate::Reg::read) this register and get [`c4::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c4::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@c4`] module"]
pub type C4 = crate::Reg<c4::C4Spec>;
#[doc = "MCG Control 4 Register"]
pub mod c4;
#[doc = "C5 (rw) register accessor: MCG Control 5 Register\n\nYou can [`read`](crate::Reg::read) this register and get [`c5::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c5::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@c5`] module"]
pub type C5 = crate::Reg<c5::C5Spec>;
#[doc = "MCG Control 5 Register"]
pub mod c5;
#[doc = "C6 (rw) register accessor: MCG Control 6 Register\n\nYou can [`read`](crate::Reg::read) this register and get [`c6::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c6::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@c6`] module"]
pub type C6 = crate::Reg<c6::C6Spec>;
#[doc = "MCG Control 6 Register"]
pub mod c6;
#[doc = "S (rw) register accessor: MCG Status Register\n\nYou can [`read`](crate::Reg::read) this register and get [`s::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`s::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@s`] module"]
pub type S = crate::Reg<s::SSpec>;
#[doc = "MCG Status Register"]
pub mod s;
#[doc = "C7 (rw) register accessor: MCG Control 7 Register\n\nYou can [`read`](crate::Reg::read) this register and get [`c7::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c7::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@c7`] module"]
pub type C7 = crate::Reg<c7::C7Spec>;
#[doc = "MCG Control 7 Register"]
pub mod c7;
