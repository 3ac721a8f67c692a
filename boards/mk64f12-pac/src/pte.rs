#[repr(C)]
#[doc = "Register block"]
pub struct RegisterBlock {
    _reserved0: [u8; 0x04],
    psor: Psor,
    pcor: Pcor,
    _reserved2: [u8; 0x08],
    pddr: Pddr,
}
impl RegisterBlock {
    #[doc = "0x04 - Port Set Output Register"]
    #[inline(always)]
    pub const fn psor(&self) -> &Psor {
        &self.psor
    }
    #[doc = "0x08 - Port Clear Output Register"]
    #[inline(always)]
    pub const fn pcor(&self) -> &Pcor {
        &self.pcor
    }
    #[doc = "0x14 - Port Data Direction Register"]
    #[inline(always)]
    pub const fn pddr(&self) -> &Pddr {
        &self.pddr
    }
}
#[doc = "PSOR (w) register accessor: Port Set Output Register\n\nYou can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`psor::W`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@psor`] module"]
#[doc(alias = "PSOR")]
pub type Psor = crate::Reg<psor::PsorSpec>;
#[doc = "Port Set Output Register"]
pub mod psor;
#[doc = "PCOR (w) register accessor: Port Clear Output Register\n\nYou can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`pcor::W`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@pcor`] module"]
#[doc(alias = "PCOR")]
pub type Pcor = crate::Reg<pcor::PcorSpec>;
#[doc = "Port Clear Output Register"]
pub mod pcor;
#[doc = "PDDR (rw) register accessor: Port Data Direction Register\n\nYou can [`read`](crate::Reg::read) this register and get [`pddr::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`pddr::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@pddr`] module"]
#[doc(alias = "PDDR")]
pub type Pddr = crate::Reg<pddr::PddrSpec>;
#[doc = "Port Data Direction Register"]
pub mod pddr;
