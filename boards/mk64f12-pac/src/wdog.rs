#[repr(C)]
#[doc = "Register block"]
pub struct RegisterBlock {
    stctrlh: Stctrlh,
    _reserved1: [u8; 0x0c],
    unlock: Unlock,
}
impl RegisterBlock {
    #[doc = "0x00 - Watchdog Status and Control Register High"]
    #[inline(always)]
    pub const fn stctrlh(&self) -> &Stctrlh {
        &self.stctrlh
    }
    #[doc = "0x0e - Watchdog Unlock register"]
    #[inline(always)]
    pub const fn unlock(&self) -> &Unlock {
        &self.unlock
    }
}
#[doc = "STCTRLH (rw) register accessor: Watchdog Status and Control Register High\n\nYou can [`read`](crate::Reg::read) this register and get [`stctrlh::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`stctrlh::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@stctrlh`] module"]
#[doc(alias = "STCTRLH")]
pub type Stctrlh = crate::Reg<stctrlh::StctrlhSpec>;
#[doc = "Watchdog Status and Control Register High"]
pub mod stctrlh;
#[doc = "UNLOCK (rw) register accessor: Watchdog Unlock register\n\nYou can [`read`](crate::Reg::read) this register and get [`unlock::R`]. You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`unlock::W`]. You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api).\n\nFor information about available fields see [`mod@unlock`] module"]
#[doc(alias = "UNLOCK")]
pub type Unlock = crate::Reg<unlock::UnlockSpec>;
#[doc = "Watchdog Unlock register"]
pub mod unlock;
