#[repr(C)]
#[doc = "Register block"]
pub struct RegisterBlock {
    _reserved0: [u8; 0x1004],
    sopt2: Sopt2,
    _reserved1: [u8; 0x1c],
    sdid: Sdid,
    _reserved2: [u8; 0x04],
    scgc2: Scgc2,
    _reserved3: [u8; 0x04],
    scgc4: Scgc4,
    scgc5: Scgc5,
    scgc6: Scgc6,
    _reserved6: [u8; 0x04],
    clkdiv1: Clkdiv1,
    _reserved7: [u8; 0x0c],
    uidh: Uidh,
    uidmh: Uidmh,
    uidml: Uidml,
    uidl: Uidl,
}
impl RegisterBlock {
    #[doc = "0x1004 - System Options Register 2"]
    #[inline(always)]
    pub const fn sopt2(&self) -> &Sopt2 {
        &self.sopt2
    }
    #[doc = "0x1024 - System Device Identification Register"]
    #[inline(always)]
    pub const fn sdid(&self) -> &Sdid {
        &self.sdid
    }
    #[doc = "0x102c - System Clock Gating Control Register 2"]
    #[inline(always)]
    pub const fn scgc2(&self) -> &Scgc2 {
        &self.scgc2
    }
    #[doc = "0x1034 - System Clock Gating Control Register 4"]
    #[inline(always)]
    pub const fn scgc4(&self) -> &Scgc4 {
        &self.scgc4
    }
    #[doc = "0x1038 - System Clock Gating Control Register 5"]
    #[inline(always)]
    pub const fn scgc5(&self) -> &Scgc5 {
        &self.scgc5
    }
    #[doc = "0x103c - System Clock Gating Control Register 6"]
    #[inline(always)]
    pub const fn scgc6(&self) -> &Scgc6 {
        &self.scgc6
    }
    #[doc = "0x1044 - System Clock Divider Register 1"]
    #[inline(always)]
    pub const fn clkdiv1(&self) -> &Clkdiv1 {
        &self.clkdiv1
    }
    #[doc = "0x1054 - Unique Identification Register High"]
    #[inline(always)]
    pub const fn uidh(&self) -> &Uidh {
        &self.uidh
    }
    #[doc = "0x1058 - Unique Identification Register Mid-High"]
    #[inline(always)]
    pub const fn uidmh(&self) -> &Uidmh {
        &self.uidmh
    }
    #[doc = "0x105c - Unique Identification Register Mid Low"]
    #[inline(always)]
    pub const fn uidml(&self) -> &Uidml {
        &self.uidml
    }
    #[doc = "0x1060 - Unique Identification Register Low"]
    #[inline(always)]
    pub const fn uidl(&self) -> &Uidl {
        &self.uidl
    }
}
#[doc = "SOPT2 (rw) register accessor: System Options Register 2\n\nYou can [`read`](crate::Reg::read) this register and get [`sopt2::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`sopt2::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@sopt2`] module"]
#[doc(alias = "SOPT2")]
pub type Sopt2 = crate::Reg<sopt2::Sopt2Spec>;
#[doc = "System Options Register 2"]
pub mod sopt2;
#[doc = "SDID (r) register accessor: System Device Identification Register\n\nYou can [`read`](crate::Reg::read) this register and get [`sdid::R`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@sdid`] module"]
#[doc(alias = "SDID")]
pub type Sdid = crate::Reg<sdid::SdidSpec>;
#[doc = "System Device Identification Register"]
pub mod sdid;
#[doc = "SCGC2 (rw) register accessor: System Clock Gating Control Register 2\n\nYou can [`read`](crate::Reg::read) this register and get [`scgc2::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`scgc2::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@scgc2`] module"]
#[doc(alias = "SCGC2")]
pub type Scgc2 = crate::Reg<scgc2::Scgc2Spec>;
#[doc = "System Clock Gating Control Register 2"]
pub mod scgc2;
#[doc = "SCGC4 (rw) register accessor: System Clock Gating Control Register 4\n\nYou can [`read`](crate::Reg::read) this register and get [`scgc4::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`scgc4::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@scgc4`] module"]
#[doc(alias = "SCGC4")]
pub type Scgc4 = crate::Reg<scgc4::Scgc4Spec>;
#[doc = "System Clock Gating Control Register 4"]
pub mod scgc4;
#[doc = "SCGC5 (rw) register accessor: System Clock Gating Control Register 5\n\nYou can [`read`](crate::Reg::read) this register and get [`scgc5::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`scgc5::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@scgc5`] module"]
#[doc(alias = "SCGC5")]
pub type Scgc5 = crate::Reg<scgc5::Scgc5Spec>;
#[doc = "System Clock Gating Control Register 5"]
pub mod scgc5;
#[doc = "SCGC6 (rw) register accessor: System Clock Gating Control Register 6\n\nYou can [`read`](crate::Reg::read) this register and get [`scgc6::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`scgc6::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@scgc6`] module"]
#[doc(alias = "SCGC6")]
pub type Scgc6 = crate::Reg<scgc6::Scgc6Spec>;
#[doc = "System Clock Gating Control Register 6"]
pub mod scgc6;
#[doc = "CLKDIV1 (rw) register accessor: System Clock Divider Register 1\n\nYou can [`read`](crate::Reg::read) this register and get [`clkdiv1::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`clkdiv1::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@clkdiv1`] module"]
#[doc(alias = "CLKDIV1")]
pub type Clkdiv1 = crate::Reg<clkdiv1::Clkdiv1Spec>;
#[doc = "System Clock Divider Register 1"]
pub mod clkdiv1;
#[doc = "UIDH (r) register accessor: Unique Identification Register High\n\nYou can [`read`](crate::Reg::read) this register and get [`uidh::R`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@uidh`] module"]
#[doc(alias = "UIDH")]
pub type Uidh = crate::Reg<uidh::UidhSpec>;
#[doc = "Unique Identification Register High"]
pub mod uidh;
#[doc = "UIDMH (r) register accessor: Unique Identification Register Mid-High\n\nYou can [`read`](crate::Reg::read) this register and get [`uidmh::R`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@uidmh`] module"]
#[doc(alias = "UIDMH")]
pub type Uidmh = crate::Reg<uidmh::UidmhSpec>;
#[doc = "Unique Identification Register Mid-High"]
pub mod uidmh;
#[doc = "UIDML (r) register accessor: Unique Identification Register Mid Low\n\nYou can [`read`](crate::Reg::read) this register and get [`uidml::R`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@uidml`] module"]
#[doc(alias = "UIDML")]
pub type Uidml = crate::Reg<uidml::UidmlSpec>;
#[doc = "Unique Identification Register Mid Low"]
pub mod uidml;
#[doc = "UIDL (r) register accessor: Unique Identification Register Low\n\nYou can [`read`](crate::Reg::read) this register and get [`uidl::R`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@uidl`] module"]
#[doc(alias = "UIDL")]
pub type Uidl = crate::Reg<uidl::UidlSpec>;
#[doc = "Unique Identification Register Low"]
pub mod uidl;
