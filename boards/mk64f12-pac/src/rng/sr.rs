#[doc = "Register `SR` reader"]
pub type R = crate::R<SrSpec>;
#[doc = "Security Violation\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Secv {
    #[doc = "0: No security violation"]
    _0 = 0,
    #[doc = "1: Security violation"]
    _1 = 1,
}
impl From<Secv> for bool {
    #[inline(always)]
    fn from(variant: Secv) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `SECV` reader - Security Violation"]
pub type SecvR = crate::BitReader<Secv>;
impl SecvR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Secv {
        match self.bits {
            false => Secv::_0,
            true => Secv::_1,
        }
    }
    #[doc = "No security violation"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Secv::_0
    }
    #[doc = "Security violation"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Secv::_1
    }
}
#[doc = "Last Read Status\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lrs {
    #[doc = "0: No underflow"]
    _0 = 0,
    #[doc = "1: Underflow"]
    _1 = 1,
}
impl From<Lrs> for bool {
    #[inline(always)]
    fn from(variant: Lrs) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `LRS` reader - Last Read Status"]
pub type LrsR = crate::BitReader<Lrs>;
impl LrsR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Lrs {
        match self.bits {
            false => Lrs::_0,
            true => Lrs::_1,
        }
    }
    #[doc = "No underflow"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Lrs::_0
    }
    #[doc = "Underflow"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Lrs::_1
    }
}
#[doc = "Output Register Underflow\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Oru {
    #[doc = "0: No underflow"]
    _0 = 0,
    #[doc = "1: Underflow"]
    _1 = 1,
}
impl From<Oru> for bool {
    #[inline(always)]
    fn from(variant: Oru) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `ORU` reader - Output Register Underflow"]
pub type OruR = crate::BitReader<Oru>;
impl OruR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Oru {
        match self.bits {
            false => Oru::_0,
            true => Oru::_1,
        }
    }
    #[doc = "No underflow"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Oru::_0
    }
    #[doc = "Underflow"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Oru::_1
    }
}
#[doc = "Error Interrupt\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Erri {
    #[doc = "0: No underflow"]
    _0 = 0,
    #[doc = "1: Underflow"]
    _1 = 1,
}
impl From<Erri> for bool {
    #[inline(always)]
    fn from(variant: Erri) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `ERRI` reader - Error Interrupt"]
pub type ErriR = crate::BitReader<Erri>;
impl ErriR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Erri {
        match self.bits {
            false => Erri::_0,
            true => Erri::_1,
        }
    }
    #[doc = "No underflow"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Erri::_0
    }
    #[doc = "Underflow"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Erri::_1
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
#[doc = "Output Register Level\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum OregLvl {
    #[doc = "0: No words (empty)"]
    _0 = 0,
    #[doc = "1: One word (valid)"]
    _1 = 1,
}
impl From<OregLvl> for u8 {
    #[inline(always)]
    fn from(variant: OregLvl) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for OregLvl {
    type Ux = u8;
}
impl crate::IsEnum for OregLvl {}
#[doc = "Field `OREG_LVL` reader - Output Register Level"]
pub type OregLvlR = crate::FieldReader<OregLvl>;
impl OregLvlR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<OregLvl> {
        match self.bits {
            0 => Some(OregLvl::_0),
            1 => Some(OregLvl::_1),
            _ => None,
        }
    }
    #[doc = "No words (empty)"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == OregLvl::_0
    }
    #[doc = "One word (valid)"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == OregLvl::_1
    }
}
#[doc = "Output Register Size\n\nValue on reset: 1"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum OregSize {
    #[doc = "1: One word (this value is fixed)"]
    _1 = 1,
}
impl From<OregSize> for u8 {
    #[inline(always)]
    fn from(variant: OregSize) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for OregSize {
    type Ux = u8;
}
impl crate::IsEnum for OregSize {}
#[doc = "Field `OREG_SIZE` reader - Output Register Size"]
pub type OregSizeR = crate::FieldReader<OregSize>;
impl OregSizeR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<OregSize> {
        match self.bits {
            1 => Some(OregSize::_1),
            _ => None,
        }
    }
    #[doc = "One word (this value is fixed)"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == OregSize::_1
    }
}
impl R {
    #[doc = "Bit 0 - Security Violation"]
    #[inline(always)]
    pub fn secv(&self) -> SecvR {
        SecvR::new((self.bits & 1) != 0)
    }
    #[doc = "Bit 1 - Last Read Status"]
    #[inline(always)]
    pub fn lrs(&self) -> LrsR {
        LrsR::new(((self.bits >> 1) & 1) != 0)
    }
    #[doc = "Bit 2 - Output Register Underflow"]
    #[inline(always)]
    pub fn oru(&self) -> OruR {
        OruR::new(((self.bits >> 2) & 1) != 0)
    }
    #[doc = "Bit 3 - Error Interrupt"]
    #[inline(always)]
    pub fn erri(&self) -> ErriR {
        ErriR::new(((self.bits >> 3) & 1) != 0)
    }
    #[doc = "Bit 4 - Sleep"]
    #[inline(always)]
    pub fn slp(&self) -> SlpR {
        SlpR::new(((self.bits >> 4) & 1) != 0)
    }
    #[doc = "Bits 8:15 - Output Register Level"]
    #[inline(always)]
    pub fn oreg_lvl(&self) -> OregLvlR {
        OregLvlR::new(((self.bits >> 8) & 0xff) as u8)
    }
    #[doc = "Bits 16:23 - Output Register Size"]
    #[inline(always)]
    pub fn oreg_size(&self) -> OregSizeR {
        OregSizeR::new(((self.bits >> 16) & 0xff) as u8)
    }
}
#[doc = "RNGA Status Register\n\nYou can [`read`](crate::Reg::read) this register and get [`sr::R`](R). See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct SrSpec;
impl crate::RegisterSpec for SrSpec {
    type Ux = u32;
}
#[doc = "`read()` method returns [`sr::R`](R) reader structure"]
impl crate::Readable for SrSpec {}
#[doc = "`reset()` method sets SR to value 0x0001_0000"]
impl crate::Resettable for SrSpec {
    const RESET_VALUE: u32 = 0x0001_0000;
}
