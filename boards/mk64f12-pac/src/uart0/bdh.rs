#[doc = "Register `BDH` reader"]
pub type R = crate::R<BdhSpec>;
#[doc = "Register `BDH` writer"]
pub type W = crate::W<BdhSpec>;
#[doc = "Field `SBR` reader - UART Baud Rate Bits"]
pub type SbrR = crate::FieldReader;
#[doc = "Field `SBR` writer - UART Baud Rate Bits"]
pub type SbrW<'a, REG> = crate::FieldWriter<'a, REG, 5>;
#[doc = "Stop Bit Number Select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sbns {
    #[doc = "0: Data frame consists of a single stop bit."]
    _0 = 0,
    #[doc = "1: Data frame consists of two stop bits."]
    _1 = 1,
}
impl From<Sbns> for bool {
    #[inline(always)]
    fn from(variant: Sbns) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `SBNS` reader - Stop Bit Number Select"]
pub type SbnsR = crate::BitReader<Sbns>;
impl SbnsR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Sbns {
        match self.bits {
            false => Sbns::_0,
            true => Sbns::_1,
        }
    }
    #[doc = "Data frame consists of a single stop bit."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Sbns::_0
    }
    #[doc = "Data frame consists of two stop bits."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Sbns::_1
    }
}
#[doc = "Field `SBNS` writer - Stop Bit Number Select"]
pub type SbnsW<'a, REG> = crate::BitWriter<'a, REG, Sbns>;
impl<'a, REG> SbnsW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Data frame consists of a single stop bit."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Sbns::_0)
    }
    #[doc = "Data frame consists of two stop bits."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Sbns::_1)
    }
}
#[doc = "RxD Input Active Edge Interrupt Enable\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rxedgie {
    #[doc = "0: Hardware interrupts from RXEDGIF disabled using polling."]
    _0 = 0,
    #[doc = "1: RXEDGIF interrupt request enabled."]
    _1 = 1,
}
impl From<Rxedgie> for bool {
    #[inline(always)]
    fn from(variant: Rxedgie) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `RXEDGIE` reader - RxD Input Active Edge Interrupt Enable"]
pub type RxedgieR = crate::BitReader<Rxedgie>;
impl RxedgieR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Rxedgie {
        match self.bits {
            false => Rxedgie::_0,
            true => Rxedgie::_1,
        }
    }
    #[doc = "Hardware interrupts from RXEDGIF disabled using polling."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Rxedgie::_0
    }
    #[doc = "RXEDGIF interrupt request enabled."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Rxedgie::_1
    }
}
#[doc = "Field `RXEDGIE` writer - RxD Input Active Edge Interrupt Enable"]
pub type RxedgieW<'a, REG> = crate::BitWriter<'a, REG, Rxedgie>;
impl<'a, REG> RxedgieW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Hardware interrupts from RXEDGIF disabled using polling."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Rxedgie::_0)
    }
    #[doc = "RXEDGIF interrupt request enabled."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Rxedgie::_1)
    }
}
#[doc = "LIN Break Detect Interrupt or DMA Request Enable\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lbkdie {
    #[doc = "0: LBKDIF interrupt and DMA transfer requests disabled."]
    _0 = 0,
    #[doc = "1: LBKDIF interrupt or DMA transfer requests enabled."]
    _1 = 1,
}
impl From<Lbkdie> for bool {
    #[inline(always)]
    fn from(variant: Lbkdie) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `LBKDIE` reader - LIN Break Detect Interrupt or DMA Request Enable"]
pub type LbkdieR = crate::BitReader<Lbkdie>;
impl LbkdieR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Lbkdie {
        match self.bits {
            false => Lbkdie::_0,
            true => Lbkdie::_1,
        }
    }
    #[doc = "LBKDIF interrupt and DMA transfer requests disabled."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Lbkdie::_0
    }
    #[doc = "LBKDIF interrupt or DMA transfer requests enabled."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Lbkdie::_1
    }
}
#[doc = "Field `LBKDIE` writer - LIN Break Detect Interrupt or DMA Request Enable"]
pub type LbkdieW<'a, REG> = crate::BitWriter<'a, REG, Lbkdie>;
impl<'a, REG> LbkdieW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "LBKDIF interrupt and DMA transfer requests disabled."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Lbkdie::_0)
    }
    #[doc = "LBKDIF interrupt or DMA transfer requests enabled."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Lbkdie::_1)
    }
}
impl R {
    #[doc = "Bits 0:4 - UART Baud Rate Bits"]
    #[inline(always)]
    pub fn sbr(&self) -> SbrR {
        SbrR::new(self.bits & 0x1f)
    }
    #[doc = "Bit 5 - Stop Bit Number Select"]
    #[inline(always)]
    pub fn sbns(&self) -> SbnsR {
        SbnsR::new(((self.bits >> 5) & 1) != 0)
    }
    #[doc = "Bit 6 - RxD Input Active Edge Interrupt Enable"]
    #[inline(always)]
    pub fn rxedgie(&self) -> RxedgieR {
        RxedgieR::new(((self.bits >> 6) & 1) != 0)
    }
    #[doc = "Bit 7 - LIN Break Detect Interrupt or DMA Request Enable"]
    #[inline(always)]
    pub fn lbkdie(&self) -> LbkdieR {
        LbkdieR::new(((self.bits >> 7) & 1) != 0)
    }
}
impl W {
    #[doc = "Bits 0:4 - UART Baud Rate Bits"]
    #[inline(always)]
    pub fn sbr(&mut self) -> SbrW<'_, BdhSpec> {
        SbrW::new(self, 0)
    }
    #[doc = "Bit 5 - Stop Bit Number Select"]
    #[inline(always)]
    pub fn sbns(&mut self) -> SbnsW<'_, BdhSpec> {
        SbnsW::new(self, 5)
    }
    #[doc = "Bit 6 - RxD Input Active Edge Interrupt Enable"]
    #[inline(always)]
    pub fn rxedgie(&mut self) -> RxedgieW<'_, BdhSpec> {
        RxedgieW::new(self, 6)
    }
    #[doc = "Bit 7 - LIN Break Detect Interrupt or DMA Request Enable"]
    #[inline(always)]
    pub fn lbkdie(&mut self) -> LbkdieW<'_, BdhSpec> {
        LbkdieW::new(self, 7)
    }
}
#[doc = "UART Baud Rate Registers: High\n\nYou can [`read`](crate::Reg::read) this register and get [`bdh::R`](R). You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`bdh::W`](W). You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct BdhSpec;
impl crate::RegisterSpec for BdhSpec {
    type Ux = u8;
}
#[doc = "`read()` method returns [`bdh::R`](R) reader structure"]
impl crate::Readable for BdhSpec {}
#[doc = "`write(|w| ..)` method takes [`bdh::W`](W) writer structure"]
impl crate::Writable for BdhSpec {
    type Safety = crate::Unsafe;
}
#[doc = "`reset()` method sets BDH to value 0"]
impl crate::Resettable for BdhSpec {}
