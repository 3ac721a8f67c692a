#[doc = "Register `SCGC2` reader"]
pub type R = crate::R<Scgc2Spec>;
#[doc = "Register `SCGC2` writer"]
pub type W = crate::W<Scgc2Spec>;
#[doc = "ENET Clock Gate Control\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Enet {
    #[doc = "0: Clock disabled"]
    _0 = 0,
    #[doc = "1: Clock enabled"]
    _1 = 1,
}
impl From<Enet> for bool {
    #[inline(always)]
    fn from(variant: Enet) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `ENET` reader - ENET Clock Gate Control"]
pub type EnetR = crate::BitReader<Enet>;
impl EnetR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Enet {
        match self.bits {
            false => Enet::_0,
            true => Enet::_1,
        }
    }
    #[doc = "Clock disabled"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Enet::_0
    }
    #[doc = "Clock enabled"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Enet::_1
    }
}
#[doc = "Field `ENET` writer - ENET Clock Gate Control"]
pub type EnetW<'a, REG> = crate::BitWriter<'a, REG, Enet>;
impl<'a, REG> EnetW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Clock disabled"]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Enet::_0)
    }
    #[doc = "Clock enabled"]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Enet::_1)
    }
}
#[doc = "DAC0 Clock Gate Control\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dac0 {
    #[doc = "0: Clock disabled"]
    _0 = 0,
    #[doc = "1: Clock enabled"]
    _1 = 1,
}
impl From<Dac0> for bool {
    #[inline(always)]
    fn from(variant: Dac0) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `DAC0` reader - DAC0 Clock Gate Control"]
pub type Dac0R = crate::BitReader<Dac0>;
impl Dac0R {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Dac0 {
        match self.bits {
            false => Dac0::_0,
            true => Dac0::_1,
        }
    }
    #[doc = "Clock disabled"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Dac0::_0
    }
    #[doc = "Clock enabled"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Dac0::_1
    }
}
#[doc = "Field `DAC0` writer - DAC0 Clock Gate Control"]
pub type Dac0W<'a, REG> = crate::BitWriter<'a, REG, Dac0>;
impl<'a, REG> Dac0W<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Clock disabled"]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Dac0::_0)
    }
    #[doc = "Clock enabled"]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Dac0::_1)
    }
}
#[doc = "DAC1 Clock Gate Control\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dac1 {
    #[doc = "0: Clock disabled"]
    _0 = 0,
    #[doc = "1: Clock enabled"]
    _1 = 1,
}
impl From<Dac1> for bool {
    #[inline(always)]
    fn from(variant: Dac1) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `DAC1` reader - DAC1 Clock Gate Control"]
pub type Dac1R = crate::BitReader<Dac1>;
impl Dac1R {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Dac1 {
        match self.bits {
            false => Dac1::_0,
            true => Dac1::_1,
        }
    }
    #[doc = "Clock disabled"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Dac1::_0
    }
    #[doc = "Clock enabled"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Dac1::_1
    }
}
#[doc = "Field `DAC1` writer - DAC1 Clock Gate Control"]
pub type Dac1W<'a, REG> = crate::BitWriter<'a, REG, Dac1>;
impl<'a, REG> Dac1W<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Clock disabled"]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Dac1::_0)
    }
    #[doc = "Clock enabled"]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Dac1::_1)
    }
}
impl R {
    #[doc = "Bit 0 - ENET Clock Gate Control"]
    #[inline(always)]
    pub fn enet(&self) -> EnetR {
        EnetR::new((self.bits & 1) != 0)
    }
    #[doc = "Bit 12 - DAC0 Clock Gate Control"]
    #[inline(always)]
    pub fn dac0(&self) -> Dac0R {
        Dac0R::new(((self.bits >> 12) & 1) != 0)
    }
    #[doc = "Bit 13 - DAC1 Clock Gate Control"]
    #[inline(always)]
    pub fn dac1(&self) -> Dac1R {
        Dac1R::new(((self.bits >> 13) & 1) != 0)
    }
}
impl W {
    #[doc = "Bit 0 - ENET Clock Gate Control"]
    #[inline(always)]
    pub fn enet(&mut self) -> EnetW<'_, Scgc2Spec> {
        EnetW::new(self, 0)
    }
    #[doc = "Bit 12 - DAC0 Clock Gate Control"]
    #[inline(always)]
    pub fn dac0(&mut self) -> Dac0W<'_, Scgc2Spec> {
        Dac0W::new(self, 12)
    }
    #[doc = "Bit 13 - DAC1 Clock Gate Control"]
    #[inline(always)]
    pub fn dac1(&mut self) -> Dac1W<'_, Scgc2Spec> {
        Dac1W::new(self, 13)
    }
}
#[doc = "System Clock Gating Control Register 2\n\nYou can [`read`](crate::Reg::read) this register and get [`scgc2::R`](R). You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`scgc2::W`](W). You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct Scgc2Spec;
impl crate::RegisterSpec for Scgc2Spec {
    type Ux = u32;
}
#[doc = "`read()` method returns [`scgc2::R`](R) reader structure"]
impl crate::Readable for Scgc2Spec {}
#[doc = "`write(|w| ..)` method takes [`scgc2::W`](W) writer structure"]
impl crate::Writable for Scgc2Spec {
    type Safety = crate::Unsafe;
}
#[doc = "`reset()` method sets SCGC2 to value 0"]
impl crate::Resettable for Scgc2Spec {}
