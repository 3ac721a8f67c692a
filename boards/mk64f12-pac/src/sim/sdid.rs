#[doc = "Register `SDID` reader"]
pub type R = crate::R<SdidSpec>;
#[doc = "Pincount identification\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Pinid {
    #[doc = "2: 32-pin"]
    _0010 = 2,
    #[doc = "4: 48-pin"]
    _0100 = 4,
    #[doc = "5: 64-pin"]
    _0101 = 5,
    #[doc = "6: 80-pin"]
    _0110 = 6,
    #[doc = "7: 81-pin or 121-pin"]
    _0111 = 7,
    #[doc = "8: 100-pin"]
    _1000 = 8,
    #[doc = "9: 121-pin"]
    _1001 = 9,
    #[doc = "10: 144-pin"]
    _1010 = 10,
    #[doc = "11: Custom pinout (WLCSP)"]
    _1011 = 11,
    #[doc = "12: 169-pin"]
    _1100 = 12,
    #[doc = "14: 256-pin"]
    _1110 = 14,
}
impl From<Pinid> for u8 {
    #[inline(always)]
    fn from(variant: Pinid) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Pinid {
    type Ux = u8;
}
impl crate::IsEnum for Pinid {}
#[doc = "Field `PINID` reader - Pincount identification"]
pub type PinidR = crate::FieldReader<Pinid>;
impl PinidR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<Pinid> {
        match self.bits {
            2 => Some(Pinid::_0010),
            4 => Some(Pinid::_0100),
            5 => Some(Pinid::_0101),
            6 => Some(Pinid::_0110),
            7 => Some(Pinid::_0111),
            8 => Some(Pinid::_1000),
            9 => Some(Pinid::_1001),
            10 => Some(Pinid::_1010),
            11 => Some(Pinid::_1011),
            12 => Some(Pinid::_1100),
            14 => Some(Pinid::_1110),
            _ => None,
        }
    }
    #[doc = "32-pin"]
    #[inline(always)]
    pub fn is_0010(&self) -> bool {
        *self == Pinid::_0010
    }
    #[doc = "48-pin"]
    #[inline(always)]
    pub fn is_0100(&self) -> bool {
        *self == Pinid::_0100
    }
    #[doc = "64-pin"]
    #[inline(always)]
    pub fn is_0101(&self) -> bool {
        *self == Pinid::_0101
    }
    #[doc = "80-pin"]
    #[inline(always)]
    pub fn is_0110(&self) -> bool {
        *self == Pinid::_0110
    }
    #[doc = "81-pin or 121-pin"]
    #[inline(always)]
    pub fn is_0111(&self) -> bool {
        *self == Pinid::_0111
    }
    #[doc = "100-pin"]
    #[inline(always)]
    pub fn is_1000(&self) -> bool {
        *self == Pinid::_1000
    }
    #[doc = "121-pin"]
    #[inline(always)]
    pub fn is_1001(&self) -> bool {
        *self == Pinid::_1001
    }
    #[doc = "144-pin"]
    #[inline(always)]
    pub fn is_1010(&self) -> bool {
        *self == Pinid::_1010
    }
    #[doc = "Custom pinout (WLCSP)"]
    #[inline(always)]
    pub fn is_1011(&self) -> bool {
        *self == Pinid::_1011
    }
    #[doc = "169-pin"]
    #[inline(always)]
    pub fn is_1100(&self) -> bool {
        *self == Pinid::_1100
    }
    #[doc = "256-pin"]
    #[inline(always)]
    pub fn is_1110(&self) -> bool {
        *self == Pinid::_1110
    }
}
#[doc = "Kinetis family identification\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Famid {
    #[doc = "0: K1x Family (without tamper)"]
    _000 = 0,
    #[doc = "1: K2x Family (without tamper)"]
    _001 = 1,
    #[doc = "2: K3x Family or K1x/K6x Family (with tamper)"]
    _010 = 2,
    #[doc = "3: K4x Family or K2x Family (with tamper)"]
    _011 = 3,
    #[doc = "4: K6x Family (without tamper)"]
    _100 = 4,
    #[doc = "5: K7x Family"]
    _101 = 5,
}
impl From<Famid> for u8 {
    #[inline(always)]
    fn from(variant: Famid) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Famid {
    type Ux = u8;
}
impl crate::IsEnum for Famid {}
#[doc = "Field `FAMID` reader - Kinetis family identification"]
pub type FamidR = crate::FieldReader<Famid>;
impl FamidR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<Famid> {
        match self.bits {
            0 => Some(Famid::_000),
            1 => Some(Famid::_001),
            2 => Some(Famid::_010),
            3 => Some(Famid::_011),
            4 => Some(Famid::_100),
            5 => Some(Famid::_101),
            _ => None,
        }
    }
    #[doc = "K1x Family (without tamper)"]
    #[inline(always)]
    pub fn is_000(&self) -> bool {
        *self == Famid::_000
    }
    #[doc = "K2x Family (without tamper)"]
    #[inline(always)]
    pub fn is_001(&self) -> bool {
        *self == Famid::_001
    }
    #[doc = "K3x Family or K1x/K6x Family (with tamper)"]
    #[inline(always)]
    pub fn is_010(&self) -> bool {
        *self == Famid::_010
    }
    #[doc = "K4x Family or K2x Family (with tamper)"]
    #[inline(always)]
    pub fn is_011(&self) -> bool {
        *self == Famid::_011
    }
    #[doc = "K6x Family (without tamper)"]
    #[inline(always)]
    pub fn is_100(&self) -> bool {
        *self == Famid::_100
    }
    #[doc = "K7x Family"]
    #[inline(always)]
    pub fn is_101(&self) -> bool {
        *self == Famid::_101
    }
}
#[doc = "Field `DIEID` reader - Device Die ID"]
pub type DieidR = crate::FieldReader;
#[doc = "Field `REVID` reader - Device revision number"]
pub type RevidR = crate::FieldReader;
#[doc = "Kinetis Series ID\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Seriesid {
    #[doc = "0: Kinetis K series"]
    _0000 = 0,
    #[doc = "1: Kinetis L series"]
    _0001 = 1,
    #[doc = "5: Kinetis W series"]
    _0101 = 5,
    #[doc = "6: Kinetis V series"]
    _0110 = 6,
}
impl From<Seriesid> for u8 {
    #[inline(always)]
    fn from(variant: Seriesid) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Seriesid {
    type Ux = u8;
}
impl crate::IsEnum for Seriesid {}
#[doc = "Field `SERIESID` reader - Kinetis Series ID"]
pub type SeriesidR = crate::FieldReader<Seriesid>;
impl SeriesidR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<Seriesid> {
        match self.bits {
            0 => Some(Seriesid::_0000),
            1 => Some(Seriesid::_0001),
            5 => Some(Seriesid::_0101),
            6 => Some(Seriesid::_0110),
            _ => None,
        }
    }
    #[doc = "Kinetis K series"]
    #[inline(always)]
    pub fn is_0000(&self) -> bool {
        *self == Seriesid::_0000
    }
    #[doc = "Kinetis L series"]
    #[inline(always)]
    pub fn is_0001(&self) -> bool {
        *self == Seriesid::_0001
    }
    #[doc = "Kinetis W series"]
    #[inline(always)]
    pub fn is_0101(&self) -> bool {
        *self == Seriesid::_0101
    }
    #[doc = "Kinetis V series"]
    #[inline(always)]
    pub fn is_0110(&self) -> bool {
        *self == Seriesid::_0110
    }
}
#[doc = "Kinetis Sub-Family ID\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Subfamid {
    #[doc = "0: Kx0 Subfamily"]
    _0000 = 0,
    #[doc = "1: Kx1 Subfamily (tamper detect)"]
    _0001 = 1,
    #[doc = "2: Kx2 Subfamily"]
    _0010 = 2,
    #[doc = "3: Kx3 Subfamily (tamper detect)"]
    _0011 = 3,
    #[doc = "4: Kx4 Subfamily"]
    _0100 = 4,
    #[doc = "5: Kx5 Subfamily (tamper detect)"]
    _0101 = 5,
    #[doc = "6: Kx6 Subfamily"]
    _0110 = 6,
}
impl From<Subfamid> for u8 {
    #[inline(always)]
    fn from(variant: Subfamid) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Subfamid {
    type Ux = u8;
}
impl crate::IsEnum for Subfamid {}
#[doc = "Field `SUBFAMID` reader - Kinetis Sub-Family ID"]
pub type SubfamidR = crate::FieldReader<Subfamid>;
impl SubfamidR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<Subfamid> {
        match self.bits {
            0 => Some(Subfamid::_0000),
            1 => Some(Subfamid::_0001),
            2 => Some(Subfamid::_0010),
            3 => Some(Subfamid::_0011),
            4 => Some(Subfamid::_0100),
            5 => Some(Subfamid::_0101),
            6 => Some(Subfamid::_0110),
            _ => None,
        }
    }
    #[doc = "Kx0 Subfamily"]
    #[inline(always)]
    pub fn is_0000(&self) -> bool {
        *self == Subfamid::_0000
    }
    #[doc = "Kx1 Subfamily (tamper detect)"]
    #[inline(always)]
    pub fn is_0001(&self) -> bool {
        *self == Subfamid::_0001
    }
    #[doc = "Kx2 Subfamily"]
    #[inline(always)]
    pub fn is_0010(&self) -> bool {
        *self == Subfamid::_0010
    }
    #[doc = "Kx3 Subfamily (tamper detect)"]
    #[inline(always)]
    pub fn is_0011(&self) -> bool {
        *self == Subfamid::_0011
    }
    #[doc = "Kx4 Subfamily"]
    #[inline(always)]
    pub fn is_0100(&self) -> bool {
        *self == Subfamid::_0100
    }
    #[doc = "Kx5 Subfamily (tamper detect)"]
    #[inline(always)]
    pub fn is_0101(&self) -> bool {
        *self == Subfamid::_0101
    }
    #[doc = "Kx6 Subfamily"]
    #[inline(always)]
    pub fn is_0110(&self) -> bool {
        *self == Subfamid::_0110
    }
}
#[doc = "Kinetis Family ID\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Familyid {
    #[doc = "1: K1x Family"]
    _0001 = 1,
    #[doc = "2: K2x Family"]
    _0010 = 2,
    #[doc = "3: K3x Family"]
    _0011 = 3,
    #[doc = "4: K4x Family"]
    _0100 = 4,
    #[doc = "6: K6x Family"]
    _0110 = 6,
    #[doc = "7: K7x Family"]
    _0111 = 7,
}
impl From<Familyid> for u8 {
    #[inline(always)]
    fn from(variant: Familyid) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Familyid {
    type Ux = u8;
}
impl crate::IsEnum for Familyid {}
#[doc = "Field `FAMILYID` reader - Kinetis Family ID"]
pub type FamilyidR = crate::FieldReader<Familyid>;
impl FamilyidR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<Familyid> {
        match self.bits {
            1 => Some(Familyid::_0001),
            2 => Some(Familyid::_0010),
            3 => Some(Familyid::_0011),
            4 => Some(Familyid::_0100),
            6 => Some(Familyid::_0110),
            7 => Some(Familyid::_0111),
            _ => None,
        }
    }
    #[doc = "K1x Family"]
    #[inline(always)]
    pub fn is_0001(&self) -> bool {
        *self == Familyid::_0001
    }
    #[doc = "K2x Family"]
    #[inline(always)]
    pub fn is_0010(&self) -> bool {
        *self == Familyid::_0010
    }
    #[doc = "K3x Family"]
    #[inline(always)]
    pub fn is_0011(&self) -> bool {
        *self == Familyid::_0011
    }
    #[doc = "K4x Family"]
    #[inline(always)]
    pub fn is_0100(&self) -> bool {
        *self == Familyid::_0100
    }
    #[doc = "K6x Family"]
    #[inline(always)]
    pub fn is_0110(&self) -> bool {
        *self == Familyid::_0110
    }
    #[doc = "K7x Family"]
    #[inline(always)]
    pub fn is_0111(&self) -> bool {
        *self == Familyid::_0111
    }
}
impl R {
    #[doc = "Bits 0:3 - Pincount identification"]
    #[inline(always)]
    pub fn pinid(&self) -> PinidR {
        PinidR::new((self.bits & 0x0f) as u8)
    }
    #[doc = "Bits 4:6 - Kinetis family identification"]
    #[inline(always)]
    pub fn famid(&self) -> FamidR {
        FamidR::new(((self.bits >> 4) & 7) as u8)
    }
    #[doc = "Bits 7:11 - Device Die ID"]
    #[inline(always)]
    pub fn dieid(&self) -> DieidR {
        DieidR::new(((self.bits >> 7) & 0x1f) as u8)
    }
    #[doc = "Bits 12:15 - Device revision number"]
    #[inline(always)]
    pub fn revid(&self) -> RevidR {
        RevidR::new(((self.bits >> 12) & 0x0f) as u8)
    }
    #[doc = "Bits 20:23 - Kinetis Series ID"]
    #[inline(always)]
    pub fn seriesid(&self) -> SeriesidR {
        SeriesidR::new(((self.bits >> 20) & 0x0f) as u8)
    }
    #[doc = "Bits 24:27 - Kinetis Sub-Family ID"]
    #[inline(always)]
    pub fn subfamid(&self) -> SubfamidR {
        SubfamidR::new(((self.bits >> 24) & 0x0f) as u8)
    }
    #[doc = "Bits 28:31 - Kinetis Family ID"]
    #[inline(always)]
    pub fn familyid(&self) -> FamilyidR {
        FamilyidR::new(((self.bits >> 28) & 0x0f) as u8)
    }
}
#[doc = "System Device Identification Register\n\nYou can [`read`](crate::Reg::read) this register and get [`sdid::R`](R). See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct SdidSpec;
impl crate::RegisterSpec for SdidSpec {
    type Ux = u32;
}
#[doc = "`read()` method returns [`sdid::R`](R) reader structure"]
impl crate::Readable for SdidSpec {}
#[doc = "`reset()` method sets SDID to value 0x0380"]
impl crate::Resettable for SdidSpec {
    const RESET_VALUE: u32 = 0x0380;
}
