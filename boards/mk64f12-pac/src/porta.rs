#[repr(C)]
#[doc = "Register block"]
pub struct RegisterBlock {
    pcr: [Pcr; 32],
}
impl RegisterBlock {
    #[doc = "0x00..0x80 - Pin Control Register n"]
    #[inline(always)]
    pub const fn pcr(&self, n: usize) -> &Pcr {
        &self.pcr[n]
    }
    #[doc = "Iterator for array of:"]
    #[doc = "0x00..0x80 - Pin Control Register n"]
    #[inline(always)]
    pub fn pcr_iter(&self) -> impl Iterator<Item = &Pcr> {
        self.pcr.iter()
    }
}
#[doc = "PCR (rw) register accessor: Pin Control Register n\n\nYou can [`read`](crate::Reg::read) this register and get [`pcr::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`pcr::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@pcr`] module"]
#[doc(alias = "PCR")]
pub type Pcr = crate::Reg<pcr::PcrSpec>;
#[doc = "Pin Control Register n"]
pub mod pcr;
