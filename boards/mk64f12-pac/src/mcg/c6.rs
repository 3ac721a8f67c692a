#[doc = "Register `C6` reader"]
pub type R = crate::R<C6Spec>;
#[doc = "Register `C6` writer"]
pub type W = crate::W<C6Spec>;
#[doc = "Field `VDIV0` reader - VCO 0 Divider"]
pub type Vdiv0R = crate::FieldReader;
#[doc = "Field `VDIV0` writer - VCO 0 Divider"]
pub type Vdiv0W<'a, REG> = crate::FieldWriter<'a, REG, 5>;
#[doc = "Clock Monitor Enable\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cme0 {
    #[doc = "0: External clock monitor is disabled for OSC0."]
    _0 = 0,
    #[doc = "1: External clock monitor is enabled for OSC0."]
    _1 = 1,
}
impl From<Cme0> for bool {
    #[inline(always)]
    fn from(variant: Cme0) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `CME0` reader - Clock Monitor Enable"]
pub type Cme0R = crate::BitReader<Cme0>;
impl Cme0R {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Cme0 {
        match self.bits {
            false => Cme0::_0,
            true => Cme0::_1,
        }
    }
    #[doc = "External clock monitor is disabled for OSC0."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Cme0::_0
    }
    #[doc = "External clock monitor is enabled for OSC0."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Cme0::_1
    }
}
#[doc = "Field `CME0` writer - Clock Monitor Enable"]
pub type Cme0W<'a, REG> = crate::BitWriter<'a, REG, Cme0>;
impl<'a, REG> Cme0W<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "External clock monitor is disabled for OSC0."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Cme0::_0)
    }
    #[doc = "External clock monitor is enabled for OSC0."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Cme0::_1)
    }
}
#[doc = "PLL Select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plls {
    #[doc = "0: FLL is selected."]
    _0 = 0,
    #[doc = "1: PLL is selected (PRDIV 0 need to be programmed to the correct divider to generate a PLL reference clock in the range of 2-4 MHz prior to setting the PLLS bit)."]
    _1 = 1,
}
impl From<Plls> for bool {
    #[inline(always)]
    fn from(variant: Plls) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `PLLS` reader - PLL Select"]
pub type PllsR = crate::BitReader<Plls>;
impl PllsR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Plls {
        match self.bits {
            false => Plls::_0,
            true => Plls::_1,
        }
    }
    #[doc = "FLL is selected."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Plls::_0
    }
    #[doc = "PLL is selected (PRDIV 0 need to be programmed to the correct divider to generate a PLL reference clock in the range of 2-4 MHz prior to setting the PLLS bit)."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Plls::_1
    }
}
#[doc = "Field `PLLS` writer - PLL Select"]
pub type PllsW<'a, REG> = crate::BitWriter<'a, REG, Plls>;
impl<'a, REG> PllsW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "FLL is selected."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Plls::_0)
    }
    #[doc = "PLL is selected (PRDIV 0 need to be programmed to the correct divider to generate a PLL reference clock in the range of 2-4 MHz prior to setting the PLLS bit)."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Plls::_1)
    }
}
#[doc = "Loss of Lock Interrrupt Enable\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lolie0 {
    #[doc = "0: No interrupt request is generated on loss of lock."]
    _0 = 0,
    #[doc = "1: Generate an interrupt request on loss of lock."]
    _1 = 1,
}
impl From<Lolie0> for bool {
    #[inline(always)]
    fn from(variant: Lolie0) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `LOLIE0` reader - Loss of Lock Interrrupt Enable"]
pub type Lolie0R = crate::BitReader<Lolie0>;
impl Lolie0R {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Lolie0 {
        match self.bits {
            false => Lolie0::_0,
            true => Lolie0::_1,
        }
    }
    #[doc = "No interrupt request is generated on loss of lock."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Lolie0::_0
    }
    #[doc = "Generate an interrupt request on loss of lock."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Lolie0::_1
    }
}
#[doc = "Field `LOLIE0` writer - Loss of Lock Interrrupt Enable"]
pub type Lolie0W<'a, REG> = crate::BitWriter<'a, REG, Lolie0>;
impl<'a, REG> Lolie0W<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "No interrupt request is generated on loss of lock."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Lolie0::_0)
    }
    #[doc = "Generate an interrupt request on loss of lock."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Lolie0::_1)
    }
}
impl R {
    #[doc = "Bits 0:4 - VCO 0 Divider"]
    #[inline(always)]
    pub fn vdiv0(&self) -> Vdiv0R {
        Vdiv0R::new(self.bits & 0x1f)
    }
    #[doc = "Bit 5 - Clock Monitor Enable"]
    #[inline(always)]
    pub fn cme0(&self) -> Cme0R {
        Cme0R::new(((self.bits >> 5) & 1) != 0)
    }
    #[doc = "Bit 6 - PLL Select"]
    #[inline(always)]
    pub fn plls(&self) -> PllsR {
        PllsR::new(((self.bits >> 6) & 1) != 0)
    }
    #[doc = "Bit 7 - Loss of Lock Interrrupt Enable"]
    #[inline(always)]
    pub fn lolie0(&self) -> Lolie0R {
        Lolie0R::new(((self.bits >> 7) & 1) != 0)
    }
}
impl W {
    #[doc = "Bits 0:4 - VCO 0 Divider"]
    #[inline(always)]
    pub fn vdiv0(&mut self) -> Vdiv0W<'_, C6Spec> {
        Vdiv0W::new(self, 0)
    }
    #[doc = "Bit 5 - Clock Monitor Enable"]
    #[inline(always)]
    pub fn cme0(&mut self) -> Cme0W<'_, C6Spec> {
        Cme0W::new(self, 5)
    }
    #[doc = "Bit 6 - PLL Select"]
    #[inline(always)]
    pub fn plls(&mut self) -> PllsW<'_, C6Spec> {
        PllsW::new(self, 6)
    }
    #[doc = "Bit 7 - Loss of Lock Interrrupt Enable"]
    #[inline(always)]
    pub fn lolie0(&mut self) -> Lolie0W<'_, C6Spec> {
        Lolie0W::new(self, 7)
    }
}
#[doc = "MCG Control 6 Register\n\nYou can [`read`](crate::Reg::read) this register and get [`c6::R`](R). You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c6::W`](W). You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct C6Spec;
impl crate::RegisterSpec for C6Spec {
    type Ux = u8;
}
#[doc = "`read()` method returns [`c6::R`](R) reader structure"]
impl crate::Readable for C6Spec {}
#[doc = "`write(|w| ..)` method takes [`c6::W`](W) writer structure"]
impl crate::Writable for C6Spec {
    type Safety = crate::Unsafe;
}
#[doc = "`reset()` method sets C6 to value 0"]
impl crate::Resettable for C6Spec {}
