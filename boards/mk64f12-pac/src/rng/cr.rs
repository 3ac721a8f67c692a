#[doc = "Register `CR` reader"]
pub type R = crate::R<CrSpec>;
#[doc = "Register `CR` writer"]
pub type W = crate::W<CrSpec>;
#[doc = "Go\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Go {
    #[doc = "0: Disabled"]
    _0 = 0,
    #[doc = "1: Enabled"]
    _1 = 1,
}
impl From<Go> for bool {
    #[inline(always)]
    fn from(variant: Go) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `GO` reader - Go"]
pub type GoR = crate::BitReader<Go>;
impl GoR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Go {
        match self.bits {
            false => Go::_0,
            true => Go::_1,
        }
    }
    #[doc = "Disabled"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Go::_0
    }
    #[doc = "Enabled"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Go::_1
    }
}
#[doc = "Field `GO` writer - Go"]
pub type GoW<'a, REG> = crate::BitWriter<'a, REG, Go>;
impl<'a, REG> GoW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Disabled"]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Go::_0)
    }
    #[doc = "Enabled"]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Go::_1)
    }
}
#[doc = "High Assurance\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ha {
    #[doc = "0: Disabled"]
    _0 = 0,
    #[doc = "1: Enabled"]
    _1 = 1,
}
impl From<Ha> for bool {
    #[inline(always)]
    fn from(variant: Ha) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `HA` reader - High Assurance"]
pub type HaR = crate::BitReader<Ha>;
impl HaR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Ha {
        match self.bits {
            false => Ha::_0,
            true => Ha::_1,
        }
    }
    #[doc = "Disabled"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Ha::_0
    }
    #[doc = "Enabled"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Ha::_1
    }
}
#[doc = "Field `HA` writer - High Assurance"]
pub type HaW<'a, REG> = crate::BitWriter<'a, REG, Ha>;
impl<'a, REG> HaW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Disabled"]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Ha::_0)
    }
    #[doc = "Enabled"]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Ha::_1)
    }
}
#[doc = "Interrupt Mask\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intm {
    #[doc = "0: Not masked"]
    _0 = 0,
    #[doc = "1: Masked"]
    _1 = 1,
}
impl From<Intm> for bool {
    #[inline(always)]
    fn from(variant: Intm) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `INTM` reader - Interrupt Mask"]
pub type IntmR = crate::BitReader<Intm>;
impl IntmR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Intm {
        match self.bits {
            false => Intm::_0,
            true => Intm::_1,
        }
    }
    #[doc = "Not masked"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Intm::_0
    }
    #[doc = "Masked"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Intm::_1
    }
}
#[doc = "Field `INTM` writer - Interrupt Mask"]
pub type IntmW<'a, REG> = crate::BitWriter<'a, REG, Intm>;
impl<'a, REG> IntmW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Not masked"]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Intm::_0)
    }
    #[doc = "Masked"]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Intm::_1)
    }
}
#[doc = "Clear Interrupt\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clri {
    #[doc = "0: Do not clear the interrupt."]
    _0 = 0,
    #[doc = "1: Clear the interrupt. When you write 1 to this field, RNGA then resets the error-interrupt indicator (SR\\[ERRI\\]). This bit always reads as 0."]
    _1 = 1,
}
impl From<Clri> for bool {
    #[inline(always)]
    fn from(variant: Clri) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `CLRI` writer - Clear Interrupt"]
pub type ClriW<'a, REG> = crate::BitWriter<'a, REG, Clri>;
impl<'a, REG> ClriW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Do not clear the interrupt."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Clri::_0)
    }
    #[doc = "Clear the interrupt. When you write 1 to this field, RNGA then resets the error-interrupt indicator (SR\\[ERRI\\]). This bit always reads as 0."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Clri::_1)
    }
}
#[doc = "Sleep\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slp {
    #[doc = "0: Normal mode"]
    _0 = 0,
    #[doc = "1: Sleep (low-power) mode"]
    _1 = 1,
}
impl From<Slp> for bool {
    #[inline(always)]
    fn from(variant: Slp) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `SLP` reader - Sleep"]
pub type SlpR = crate::BitReader<Slp>;
impl SlpR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Slp {
        match self.bits {
            false => Slp::_0,
            true => Slp::_1,
        }
    }
    #[doc = "Normal mode"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Slp::_0
    }
    #[doc = "Sleep (low-power) mode"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Slp::_1
    }
}
#[doc = "Field `SLP` writer - Sleep"]
pub type SlpW<'a, REG> = crate::BitWriter<'a, REG, Slp>;
impl<'a, REG> SlpW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Normal mode"]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Slp::_0)
    }
    #[doc = "Sleep (low-power) mode"]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Slp::_1)
    }
}
impl R {
    #[doc = "Bit 0 - Go"]
    #[inline(always)]
    pub fn go(&self) -> GoR {
        GoR::new((self.bits & 1) != 0)
    }
    #[doc = "Bit 1 - High Assurance"]
    #[inline(always)]
    pub fn ha(&self) -> HaR {
        HaR::new(((self.bits >> 1) & 1) != 0)
    }
    #[doc = "Bit 2 - Interrupt Mask"]
    #[inline(always)]
    pub fn intm(&self) -> IntmR {
        IntmR::new(((self.bits >> 2) & 1) != 0)
    }
    #[doc = "Bit 4 - Sleep"]
    #[inline(always)]
    pub fn slp(&self) -> SlpR {
        SlpR::new(((self.bits >> 4) & 1) != 0)
    }
}
impl W {
    #[doc = "Bit 0 - Go"]
    #[inline(always)]
    pub fn go(&mut self) -> GoW<'_, CrSpec> {
        GoW::new(self, 0)
    }
    #[doc = "Bit 1 - High Assurance"]
    #[inline(always)]
    pub fn ha(&mut self) -> HaW<'_, CrSpec> {
        HaW::new(self, 1)
    }
    #[doc = "Bit 2 - Interrupt Mask"]
    #[inline(always)]
    pub fn intm(&mut self) -> IntmW<'_, CrSpec> {
        IntmW::new(self, 2)
    }
    #[doc = "Bit 3 - Clear Interrupt"]
    #[inline(always)]
    pub fn clri(&mut self) -> ClriW<'_, CrSpec> {
        ClriW::new(self, 3)
    }
    #[doc = "Bit 4 - Sleep"]
    #[inline(always)]
    pub fn slp(&mut self) -> SlpW<'_, CrSpec> {
        SlpW::new(self, 4)
    }
}
#[doc = "RNGA Control Register\n\nYou can [`read`](crate::Reg::read) this register and get [`cr::R`](R). You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`cr::W`](W). You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct CrSpec;
impl crate::RegisterSpec for CrSpec {
    type Ux = u32;
}
#[doc = "`read()` method returns [`cr::R`](R) reader structure"]
impl crate::Readable for CrSpec {}
#[doc = "`write(|w| ..)` method takes [`cr::W`](W) writer structure"]
impl crate::Writable for CrSpec {
    type Safety = crate::Unsafe;
}
#[doc = "`reset()` method sets CR to value 0"]
impl crate::Resettable for CrSpec {}
