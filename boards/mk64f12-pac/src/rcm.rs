#[repr(C)]
#[doc = "Register block"]
pub struct RegisterBlock {
    srs0: Srs0,
    srs1: Srs1,
}
impl RegisterBlock {
    #[doc = "0x00 - System Reset Status Register 0"]
    #[inline(always)]
    pub const fn srs0(&self) -> &Srs0 {
        &self.srs0
    }
    #[doc = "0x01 - System Reset Status Register 1"]
    #[inline(always)]
    pub const fn srs1(&self) -> &Srs1 {
        &self.srs1
    }
}
#[doc = "SRS0 (r) register accessor: System Reset Status Register 0\n\nYou can [`read`](crate::Reg::read) this register and get [`srs0::R`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@srs0`] module"]
#[doc(alias = "SRS0")]
pub type Srs0 = crate::Reg<srs0::Srs0Spec>;
#[doc = "System Reset Status Register 0"]
pub mod srs0;
#[doc = "SRS1 (r) register accessor: System Reset Status Register 1\n\nYou can [`read`](crate::Reg::read) this register and get [`srs1::R`]. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@srs1`] module"]
#[doc(alias = "SRS1")]
pub type Srs1 = crate::Reg<srs1::Srs1Spec>;
#[doc = "System Reset Status Register 1"]
pub mod srs1;
