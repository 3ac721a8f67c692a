#[doc = "Register `C7` reader"]
pub type R = crate::R<C7Spec>;
#[doc = "Register `C7` writer"]
pub type W = crate::W<C7Spec>;
#[doc = "MCG OSC Clock Select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Oscsel {
    #[doc = "0: Selects Oscillator (OSCCLK0)."]
    _00 = 0,
    #[doc = "1: Selects 32 kHz RTC Oscillator."]
    _01 = 1,
    #[doc = "2: Selects Oscillator (OSCCLK1)."]
    _10 = 2,
}
impl From<Oscsel> for u8 {
    #[inline(always)]
    fn from(variant: Oscsel) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Oscsel {
    type Ux = u8;
}
impl crate::IsEnum for Oscsel {}
#[doc = "Field `OSCSEL` reader - MCG OSC Clock Select"]
pub type OscselR = crate::FieldReader<Oscsel>;
impl OscselR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<Oscsel> {
        match self.bits {
            0 => Some(Oscsel::_00),
            1 => Some(Oscsel::_01),
            2 => Some(Oscsel::_10),
            _ => None,
        }
    }
    #[doc = "Selects Oscillator (OSCCLK0)."]
    #[inline(always)]
    pub fn is_00(&self) -> bool {
        *self == Oscsel::_00
    }
    #[doc = "Selects 32 kHz RTC Oscillator."]
    #[inline(always)]
    pub fn is_01(&self) -> bool {
        *self == Oscsel::_01
    }
    #[doc = "Selects Oscillator (OSCCLK1)."]
    #[inline(always)]
    pub fn is_10(&self) -> bool {
        *self == Oscsel::_10
    }
}
#[doc = "Field `OSCSEL` writer - MCG OSC Clock Select"]
pub type OscselW<'a, REG> = crate::FieldWriter<'a, REG, 2, Oscsel>;
impl<'a, REG> OscselW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
    REG::Ux: From<u8>,
{
    #[doc = "Selects Oscillator (OSCCLK0)."]
    #[inline(always)]
    pub fn _00(self) -> &'a mut crate::W<REG> {
        self.variant(Oscsel::_00)
    }
    #[doc = "Selects 32 kHz RTC Oscillator."]
    #[inline(always)]
    pub fn _01(self) -> &'a mut crate::W<REG> {
        self.variant(Oscsel::_01)
    }
    #[doc = "Selects Oscillator (OSCCLK1)."]
    #[inline(always)]
    pub fn _10(self) -> &'a mut crate::W<REG> {
        self.variant(Oscsel::_10)
    }
}
impl R {
    #[doc = "Bits 0:1 - MCG OSC Clock Select"]
    #[inline(always)]
    pub fn oscsel(&self) -> OscselR {
        OscselR::new(self.bits & 3)
    }
}
impl W {
    #[doc = "Bits 0:1 - MCG OSC Clock Select"]
    #[inline(always)]
    pub fn oscsel(&mut self) -> OscselW<'_, C7Spec> {
        OscselW::new(self, 0)
    }
}
#[doc = "MCG Control 7 Register\n\nYou can [`read`](crate::Reg::read) this register and get [`c7::R`](R). You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`c7::W`](W). You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct C7Spec;
impl crate::RegisterSpec for C7Spec {
    type Ux = u8;
}
#[doc = "`read()` method returns [`c7::R`](R) reader structure"]
impl crate::Readable for C7Spec {}
#[doc = "`write(|w| ..)` method takes [`c7::W`](W) writer structure"]
impl crate::Writable for C7Spec {
    type Safety = crate::Unsafe;
}
#[doc = "`reset()` method sets C7 to value 0"]
impl crate::Resettable for C7Spec {}
