#[doc = "Register `PCOR` writer"]
pub type W = crate::W<PcorSpec>;
#[doc = "Port Clear Output\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Ptco {
    #[doc = "0: Corresponding bit in PDORn does not change."]
    _0 = 0,
    #[doc = "1: Corresponding bit in PDORn is cleared to logic 0."]
    _1 = 1,
}
impl From<Ptco> for u32 {
    #[inline(always)]
    fn from(variant: Ptco) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Ptco {
    type Ux = u32;
}
impl crate::IsEnum for Ptco {}
#[doc = "Field `PTCO` writer - Port Clear Output"]
pub type PtcoW<'a, REG> = crate::FieldWriter<'a, REG, 32, Ptco>;
impl<'a, REG> PtcoW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
    REG::Ux: From<u32>,
{
    #[doc = "Corresponding bit in PDORn does not change."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Ptco::_0)
    }
    #[doc = "Corresponding bit in PDORn is cleared to logic 0."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Ptco::_1)
    }
}
impl W {
    #[doc = "Bits 0:31 - Port Clear Output"]
    #[inline(always)]
    pub fn ptco(&mut self) -> PtcoW<'_, PcorSpec> {
        PtcoW::new(self, 0)
    }
}
#[doc = "Port Clear Output Register\n\nYou can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`pcor::W`](W). See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct PcorSpec;
impl crate::RegisterSpec for PcorSpec {
    type Ux = u32;
}
#[doc = "`write(|w| ..)` method takes [`pcor::W`](W) writer structure"]
impl crate::Writable for PcorSpec {
    type Safety = crate::Unsafe;
}
#[doc = "`reset()` method sets PCOR to value 0"]
impl crate::Resettable for PcorSpec {}
