#[doc = "Register `SOPT2` reader"]
pub type R = crate::R<Sopt2Spec>;
#[doc = "Register `SOPT2` writer"]
pub type W = crate::W<Sopt2Spec>;
#[doc = "RTC clock out select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rtcclkoutsel {
    #[doc = "0: RTC 1 Hz clock is output on the RTC_CLKOUT pin."]
    _0 = 0,
    #[doc = "1: RTC 32.768kHz clock is output on the RTC_CLKOUT pin."]
    _1 = 1,
}
impl From<Rtcclkoutsel> for bool {
    #[inline(always)]
    fn from(variant: Rtcclkoutsel) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `RTCCLKOUTSEL` reader - RTC clock out select"]
pub type RtcclkoutselR = crate::BitReader<Rtcclkoutsel>;
impl RtcclkoutselR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Rtcclkoutsel {
        match self.bits {
            false => Rtcclkoutsel::_0,
            true => Rtcclkoutsel::_1,
        }
    }
    #[doc = "RTC 1 Hz clock is output on the RTC_CLKOUT pin."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Rtcclkoutsel::_0
    }
    #[doc = "RTC 32.768kHz clock is output on the RTC_CLKOUT pin."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Rtcclkoutsel::_1
    }
}
#[doc = "Field `RTCCLKOUTSEL` writer - RTC clock out select"]
pub type RtcclkoutselW<'a, REG> = crate::BitWriter<'a, REG, Rtcclkoutsel>;
impl<'a, REG> RtcclkoutselW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "RTC 1 Hz clock is output on the RTC_CLKOUT pin."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Rtcclkoutsel::_0)
    }
    #[doc = "RTC 32.768kHz clock is output on the RTC_CLKOUT pin."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Rtcclkoutsel::_1)
    }
}
#[doc = "CLKOUT select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Clkoutsel {
    #[doc = "0: FlexBus CLKOUT"]
    _000 = 0,
    #[doc = "2: Flash clock"]
    _010 = 2,
    #[doc = "3: LPO clock (1 kHz)"]
    _011 = 3,
    #[doc = "4: MCGIRCLK"]
    _100 = 4,
    #[doc = "5: RTC 32.768kHz clock"]
    _101 = 5,
    #[doc = "6: OSCERCLK0"]
    _110 = 6,
    #[doc = "7: IRC 48 MHz clock"]
    _111 = 7,
}
impl From<Clkoutsel> for u8 {
    #[inline(always)]
    fn from(variant: Clkoutsel) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Clkoutsel {
    type Ux = u8;
}
impl crate::IsEnum for Clkoutsel {}
#[doc = "Field `CLKOUTSEL` reader - CLKOUT select"]
pub type ClkoutselR = crate::FieldReader<Clkoutsel>;
impl ClkoutselR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<Clkoutsel> {
        match self.bits {
            0 => Some(Clkoutsel::_000),
            2 => Some(Clkoutsel::_010),
            3 => Some(Clkoutsel::_011),
            4 => Some(Clkoutsel::_100),
            5 => Some(Clkoutsel::_101),
            6 => Some(Clkoutsel::_110),
            7 => Some(Clkoutsel::_111),
            _ => None,
        }
    }
    #[doc = "FlexBus CLKOUT"]
    #[inline(always)]
    pub fn is_000(&self) -> bool {
        *self == Clkoutsel::_000
    }
    #[doc = "Flash clock"]
    #[inline(always)]
    pub fn is_010(&self) -> bool {
        *self == Clkoutsel::_010
    }
    #[doc = "LPO clock (1 kHz)"]
    #[inline(always)]
    pub fn is_011(&self) -> bool {
        *self == Clkoutsel::_011
    }
    #[doc = "MCGIRCLK"]
    #[inline(always)]
    pub fn is_100(&self) -> bool {
        *self == Clkoutsel::_100
    }
    #[doc = "RTC 32.768kHz clock"]
    #[inline(always)]
    pub fn is_101(&self) -> bool {
        *self == Clkoutsel::_101
    }
    #[doc = "OSCERCLK0"]
    #[inline(always)]
    pub fn is_110(&self) -> bool {
        *self == Clkoutsel::_110
    }
    #[doc = "IRC 48 MHz clock"]
    #[inline(always)]
    pub fn is_111(&self) -> bool {
        *self == Clkoutsel::_111
    }
}
#[doc = "Field `CLKOUTSEL` writer - CLKOUT select"]
pub type ClkoutselW<'a, REG> = crate::FieldWriter<'a, REG, 3, Clkoutsel>;
impl<'a, REG> ClkoutselW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
    REG::Ux: From<u8>,
{
    #[doc = "FlexBus CLKOUT"]
    #[inline(always)]
    pub fn _000(self) -> &'a mut crate::W<REG> {
        self.variant(Clkoutsel::_000)
    }
    #[doc = "Flash clock"]
    #[inline(always)]
    pub fn _010(self) -> &'a mut crate::W<REG> {
        self.variant(Clkoutsel::_010)
    }
    #[doc = "LPO clock (1 kHz)"]
    #[inline(always)]
    pub fn _011(self) -> &'a mut crate::W<REG> {
        self.variant(Clkoutsel::_011)
    }
    #[doc = "MCGIRCLK"]
    #[inline(always)]
    pub fn _100(self) -> &'a mut crate::W<REG> {
        self.variant(Clkoutsel::_100)
    }
    #[doc = "RTC 32.768kHz clock"]
    #[inline(always)]
    pub fn _101(self) -> &'a mut crate::W<REG> {
        self.variant(Clkoutsel::_101)
    }
    #[doc = "OSCERCLK0"]
    #[inline(always)]
    pub fn _110(self) -> &'a mut crate::W<REG> {
        self.variant(Clkoutsel::_110)
    }
    #[doc = "IRC 48 MHz clock"]
    #[inline(always)]
    pub fn _111(self) -> &'a mut crate::W<REG> {
        self.variant(Clkoutsel::_111)
    }
}
#[doc = "FlexBus security level\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Fbsl {
    #[doc = "0: All off-chip accesses (instruction and data) via the FlexBus are disallowed."]
    _00 = 0,
    #[doc = "1: All off-chip accesses (instruction and data) via the FlexBus are disallowed."]
    _01 = 1,
    #[doc = "2: Off-chip instruction accesses are disallowed. Data accesses are allowed."]
    _10 = 2,
    #[doc = "3: Off-chip instruction accesses and data accesses are allowed."]
    _11 = 3,
}
impl From<Fbsl> for u8 {
    #[inline(always)]
    fn from(variant: Fbsl) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Fbsl {
    type Ux = u8;
}
impl crate::IsEnum for Fbsl {}
#[doc = "Field `FBSL` reader - FlexBus security level"]
pub type FbslR = crate::FieldReader<Fbsl>;
impl FbslR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Fbsl {
        match self.bits {
            0 => Fbsl::_00,
            1 => Fbsl::_01,
            2 => Fbsl::_10,
            3 => Fbsl::_11,
            _ => unreachable!(),
        }
    }
    #[doc = "All off-chip accesses (instruction and data) via the FlexBus are disallowed."]
    #[inline(always)]
    pub fn is_00(&self) -> bool {
        *self == Fbsl::_00
    }
    #[doc = "All off-chip accesses (instruction and data) via the FlexBus are disallowed."]
    #[inline(always)]
    pub fn is_01(&self) -> bool {
        *self == Fbsl::_01
    }
    #[doc = "Off-chip instruction accesses are disallowed. Data accesses are allowed."]
    #[inline(always)]
    pub fn is_10(&self) -> bool {
        *self == Fbsl::_10
    }
    #[doc = "Off-chip instruction accesses and data accesses are allowed."]
    #[inline(always)]
    pub fn is_11(&self) -> bool {
        *self == Fbsl::_11
    }
}
#[doc = "Field `FBSL` writer - FlexBus security level"]
pub type FbslW<'a, REG> = crate::FieldWriter<'a, REG, 2, Fbsl, crate::Safe>;
impl<'a, REG> FbslW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
    REG::Ux: From<u8>,
{
    #[doc = "All off-chip accesses (instruction and data) via the FlexBus are disallowed."]
    #[inline(always)]
    pub fn _00(self) -> &'a mut crate::W<REG> {
        self.variant(Fbsl::_00)
    }
    #[doc = "All off-chip accesses (instruction and data) via the FlexBus are disallowed."]
    #[inline(always)]
    pub fn _01(self) -> &'a mut crate::W<REG> {
        self.variant(Fbsl::_01)
    }
    #[doc = "Off-chip instruction accesses are disallowed. Data accesses are allowed."]
    #[inline(always)]
    pub fn _10(self) -> &'a mut crate::W<REG> {
        self.variant(Fbsl::_10)
    }
    #[doc = "Off-chip instruction accesses and data accesses are allowed."]
    #[inline(always)]
    pub fn _11(self) -> &'a mut crate::W<REG> {
        self.variant(Fbsl::_11)
    }
}
#[doc = "PTD7 pad drive strength\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ptd7pad {
    #[doc = "0: Single-pad drive strength for PTD7."]
    _0 = 0,
    #[doc = "1: Double pad drive strength for PTD7."]
    _1 = 1,
}
impl From<Ptd7pad> for bool {
    #[inline(always)]
    fn from(variant: Ptd7pad) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `PTD7PAD` reader - PTD7 pad drive strength"]
pub type Ptd7padR = crate::BitReader<Ptd7pad>;
impl Ptd7padR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Ptd7pad {
        match self.bits {
            false => Ptd7pad::_0,
            true => Ptd7pad::_1,
        }
    }
    #[doc = "Single-pad drive strength for PTD7."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Ptd7pad::_0
    }
    #[doc = "Double pad drive strength for PTD7."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Ptd7pad::_1
    }
}
#[doc = "Field `PTD7PAD` writer - PTD7 pad drive strength"]
pub type Ptd7padW<'a, REG> = crate::BitWriter<'a, REG, Ptd7pad>;
impl<'a, REG> Ptd7padW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "Single-pad drive strength for PTD7."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Ptd7pad::_0)
    }
    #[doc = "Double pad drive strength for PTD7."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Ptd7pad::_1)
    }
}
#[doc = "Debug trace clock select\n\nValue on reset: 1"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Traceclksel {
    #[doc = "0: MCGOUTCLK"]
    _0 = 0,
    #[doc = "1: Core/system clock"]
    _1 = 1,
}
impl From<Traceclksel> for bool {
    #[inline(always)]
    fn from(variant: Traceclksel) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `TRACECLKSEL` reader - Debug trace clock select"]
pub type TraceclkselR = crate::BitReader<Traceclksel>;
impl TraceclkselR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Traceclksel {
        match self.bits {
            false => Traceclksel::_0,
            true => Traceclksel::_1,
        }
    }
    #[doc = "MCGOUTCLK"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Traceclksel::_0
    }
    #[doc = "Core/system clock"]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Traceclksel::_1
    }
}
#[doc = "Field `TRACECLKSEL` writer - Debug trace clock select"]
pub type TraceclkselW<'a, REG> = crate::BitWriter<'a, REG, Traceclksel>;
impl<'a, REG> TraceclkselW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "MCGOUTCLK"]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Traceclksel::_0)
    }
    #[doc = "Core/system clock"]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Traceclksel::_1)
    }
}
#[doc = "PLL/FLL clock select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Pllfllsel {
    #[doc = "0: MCGFLLCLK clock"]
    _00 = 0,
    #[doc = "1: MCGPLLCLK clock"]
    _01 = 1,
    #[doc = "3: IRC48 MHz clock"]
    _11 = 3,
}
impl From<Pllfllsel> for u8 {
    #[inline(always)]
    fn from(variant: Pllfllsel) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Pllfllsel {
    type Ux = u8;
}
impl crate::IsEnum for Pllfllsel {}
#[doc = "Field `PLLFLLSEL` reader - PLL/FLL clock select"]
pub type PllfllselR = crate::FieldReader<Pllfllsel>;
impl PllfllselR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<Pllfllsel> {
        match self.bits {
            0 => Some(Pllfllsel::_00),
            1 => Some(Pllfllsel::_01),
            3 => Some(Pllfllsel::_11),
            _ => None,
        }
    }
    #[doc = "MCGFLLCLK clock"]
    #[inline(always)]
    pub fn is_00(&self) -> bool {
        *self == Pllfllsel::_00
    }
    #[doc = "MCGPLLCLK clock"]
    #[inline(always)]
    pub fn is_01(&self) -> bool {
        *self == Pllfllsel::_01
    }
    #[doc = "IRC48 MHz clock"]
    #[inline(always)]
    pub fn is_11(&self) -> bool {
        *self == Pllfllsel::_11
    }
}
#[doc = "Field `PLLFLLSEL` writer - PLL/FLL clock select"]
pub type PllfllselW<'a, REG> = crate::FieldWriter<'a, REG, 2, Pllfllsel>;
impl<'a, REG> PllfllselW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
    REG::Ux: From<u8>,
{
    #[doc = "MCGFLLCLK clock"]
    #[inline(always)]
    pub fn _00(self) -> &'a mut crate::W<REG> {
        self.variant(Pllfllsel::_00)
    }
    #[doc = "MCGPLLCLK clock"]
    #[inline(always)]
    pub fn _01(self) -> &'a mut crate::W<REG> {
        self.variant(Pllfllsel::_01)
    }
    #[doc = "IRC48 MHz clock"]
    #[inline(always)]
    pub fn _11(self) -> &'a mut crate::W<REG> {
        self.variant(Pllfllsel::_11)
    }
}
#[doc = "USB clock source select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Usbsrc {
    #[doc = "0: External bypass clock (USB_CLKIN)."]
    _0 = 0,
    #[doc = "1: MCGFLLCLK , or MCGPLLCLK , or IRC48M clock as selected by SOPT2\\[PLLFLLSEL\\], and then divided by the USB fractional divider as configured by SIM_CLKDIV2\\[USBFRAC, USBDIV\\]."]
    _1 = 1,
}
impl From<Usbsrc> for bool {
    #[inline(always)]
    fn from(variant: Usbsrc) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `USBSRC` reader - USB clock source select"]
pub type UsbsrcR = crate::BitReader<Usbsrc>;
impl UsbsrcR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Usbsrc {
        match self.bits {
            false => Usbsrc::_0,
            true => Usbsrc::_1,
        }
    }
    #[doc = "External bypass clock (USB_CLKIN)."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Usbsrc::_0
    }
    #[doc = "MCGFLLCLK , or MCGPLLCLK , or IRC48M clock as selected by SOPT2\\[PLLFLLSEL\\], and then divided by the USB fractional divider as configured by SIM_CLKDIV2\\[USBFRAC, USBDIV\\]."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Usbsrc::_1
    }
}
#[doc = "Field `USBSRC` writer - USB clock source select"]
pub type UsbsrcW<'a, REG> = crate::BitWriter<'a, REG, Usbsrc>;
impl<'a, REG> UsbsrcW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "External bypass clock (USB_CLKIN)."]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Usbsrc::_0)
    }
    #[doc = "MCGFLLCLK , or MCGPLLCLK , or IRC48M clock as selected by SOPT2\\[PLLFLLSEL\\], and then divided by the USB fractional divider as configured by SIM_CLKDIV2\\[USBFRAC, USBDIV\\]."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Usbsrc::_1)
    }
}
#[doc = "RMII clock source select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rmiisrc {
    #[doc = "0: EXTAL clock"]
    _0 = 0,
    #[doc = "1: External bypass clock (ENET_1588_CLKIN)."]
    _1 = 1,
}
impl From<Rmiisrc> for bool {
    #[inline(always)]
    fn from(variant: Rmiisrc) -> Self {
        variant as u8 != 0
    }
}
#[doc = "Field `RMIISRC` reader - RMII clock source select"]
pub type RmiisrcR = crate::BitReader<Rmiisrc>;
impl RmiisrcR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Rmiisrc {
        match self.bits {
            false => Rmiisrc::_0,
            true => Rmiisrc::_1,
        }
    }
    #[doc = "EXTAL clock"]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Rmiisrc::_0
    }
    #[doc = "External bypass clock (ENET_1588_CLKIN)."]
    #[inline(always)]
    pub fn is_1(&self) -> bool {
        *self == Rmiisrc::_1
    }
}
#[doc = "Field `RMIISRC` writer - RMII clock source select"]
pub type RmiisrcW<'a, REG> = crate::BitWriter<'a, REG, Rmiisrc>;
impl<'a, REG> RmiisrcW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
{
    #[doc = "EXTAL clock"]
    #[inline(always)]
    pub fn _0(self) -> &'a mut crate::W<REG> {
        self.variant(Rmiisrc::_0)
    }
    #[doc = "External bypass clock (ENET_1588_CLKIN)."]
    #[inline(always)]
    pub fn _1(self) -> &'a mut crate::W<REG> {
        self.variant(Rmiisrc::_1)
    }
}
#[doc = "IEEE 1588 timestamp clock source select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Timesrc {
    #[doc = "0: Core/system clock."]
    _00 = 0,
    #[doc = "1: MCGFLLCLK , or MCGPLLCLK , or IRC48M clock as selected by SOPT2\\[PLLFLLSEL\\]."]
    _01 = 1,
    #[doc = "2: OSCERCLK clock"]
    _10 = 2,
    #[doc = "3: External bypass clock (ENET_1588_CLKIN)."]
    _11 = 3,
}
impl From<Timesrc> for u8 {
    #[inline(always)]
    fn from(variant: Timesrc) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Timesrc {
    type Ux = u8;
}
impl crate::IsEnum for Timesrc {}
#[doc = "Field `TIMESRC` reader - IEEE 1588 timestamp clock source select"]
pub type TimesrcR = crate::FieldReader<Timesrc>;
impl TimesrcR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Timesrc {
        match self.bits {
            0 => Timesrc::_00,
            1 => Timesrc::_01,
            2 => Timesrc::_10,
            3 => Timesrc::_11,
            _ => unreachable!(),
        }
    }
    #[doc = "Core/system clock."]
    #[inline(always)]
    pub fn is_00(&self) -> bool {
        *self == Timesrc::_00
    }
    #[doc = "MCGFLLCLK , or MCGPLLCLK , or IRC48M clock as selected by SOPT2\\[PLLFLLSEL\\]."]
    #[inline(always)]
    pub fn is_01(&self) -> bool {
        *self == Timesrc::_01
    }
    #[doc = "OSCERCLK clock"]
    #[inline(always)]
    pub fn is_10(&self) -> bool {
        *self == Timesrc::_10
    }
    #[doc = "External bypass clock (ENET_1588_CLKIN)."]
    #[inline(always)]
    pub fn is_11(&self) -> bool {
        *self == Timesrc::_11
    }
}
#[doc = "Field `TIMESRC` writer - IEEE 1588 timestamp clock source select"]
pub type TimesrcW<'a, REG> = crate::FieldWriter<'a, REG, 2, Timesrc, crate::Safe>;
impl<'a, REG> TimesrcW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
    REG::Ux: From<u8>,
{
    #[doc = "Core/system clock."]
    #[inline(always)]
    pub fn _00(self) -> &'a mut crate::W<REG> {
        self.variant(Timesrc::_00)
    }
    #[doc = "MCGFLLCLK , or MCGPLLCLK , or IRC48M clock as selected by SOPT2\\[PLLFLLSEL\\]."]
    #[inline(always)]
    pub fn _01(self) -> &'a mut crate::W<REG> {
        self.variant(Timesrc::_01)
    }
    #[doc = "OSCERCLK clock"]
    #[inline(always)]
    pub fn _10(self) -> &'a mut crate::W<REG> {
        self.variant(Timesrc::_10)
    }
    #[doc = "External bypass clock (ENET_1588_CLKIN)."]
    #[inline(always)]
    pub fn _11(self) -> &'a mut crate::W<REG> {
        self.variant(Timesrc::_11)
    }
}
#[doc = "SDHC clock source select\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Sdhcsrc {
    #[doc = "0: Core/system clock."]
    _00 = 0,
    #[doc = "1: MCGFLLCLK, or MCGPLLCLK , or IRC48M clock as selected by SOPT2\\[PLLFLLSEL\\]."]
    _01 = 1,
    #[doc = "2: OSCERCLK clock"]
    _10 = 2,
    #[doc = "3: External bypass clock (SDHC0_CLKIN)"]
    _11 = 3,
}
impl From<Sdhcsrc> for u8 {
    #[inline(always)]
    fn from(variant: Sdhcsrc) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Sdhcsrc {
    type Ux = u8;
}
impl crate::IsEnum for Sdhcsrc {}
#[doc = "Field `SDHCSRC` reader - SDHC clock source select"]
pub type SdhcsrcR = crate::FieldReader<Sdhcsrc>;
impl SdhcsrcR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Sdhcsrc {
        match self.bits {
            0 => Sdhcsrc::_00,
            1 => Sdhcsrc::_01,
            2 => Sdhcsrc::_10,
            3 => Sdhcsrc::_11,
            _ => unreachable!(),
        }
    }
    #[doc = "Core/system clock."]
    #[inline(always)]
    pub fn is_00(&self) -> bool {
        *self == Sdhcsrc::_00
    }
    #[doc = "MCGFLLCLK, or MCGPLLCLK , or IRC48M clock as selected by SOPT2\\[PLLFLLSEL\\]."]
    #[inline(always)]
    pub fn is_01(&self) -> bool {
        *self == Sdhcsrc::_01
    }
    #[doc = "OSCERCLK clock"]
    #[inline(always)]
    pub fn is_10(&self) -> bool {
        *self == Sdhcsrc::_10
    }
    #[doc = "External bypass clock (SDHC0_CLKIN)"]
    #[inline(always)]
    pub fn is_11(&self) -> bool {
        *self == Sdhcsrc::_11
    }
}
#[doc = "Field `SDHCSRC` writer - SDHC clock source select"]
pub type SdhcsrcW<'a, REG> = crate::FieldWriter<'a, REG, 2, Sdhcsrc, crate::Safe>;
impl<'a, REG> SdhcsrcW<'a, REG>
where
    REG: crate::Writable + crate::RegisterSpec,
    REG::Ux: From<u8>,
{
    #[doc = "Core/system clock."]
    #[inline(always)]
    pub fn _00(self) -> &'a mut crate::W<REG> {
        self.variant(Sdhcsrc::_00)
    }
    #[doc = "MCGFLLCLK, or MCGPLLCLK , or IRC48M clock as selected by SOPT2\\[PLLFLLSEL\\]."]
    #[inline(always)]
    pub fn _01(self) -> &'a mut crate::W<REG> {
        self.variant(Sdhcsrc::_01)
    }
    #[doc = "OSCERCLK clock"]
    #[inline(always)]
    pub fn _10(self) -> &'a mut crate::W<REG> {
        self.variant(Sdhcsrc::_10)
    }
    #[doc = "External bypass clock (SDHC0_CLKIN)"]
    #[inline(always)]
    pub fn _11(self) -> &'a mut crate::W<REG> {
        self.variant(Sdhcsrc::_11)
    }
}
impl R {
    #[doc = "Bit 4 - RTC clock out select"]
    #[inline(always)]
    pub fn rtcclkoutsel(&self) -> RtcclkoutselR {
        RtcclkoutselR::new(((self.bits >> 4) & 1) != 0)
    }
    #[doc = "Bits 5:7 - CLKOUT select"]
    #[inline(always)]
    pub fn clkoutsel(&self) -> ClkoutselR {
        ClkoutselR::new(((self.bits >> 5) & 7) as u8)
    }
    #[doc = "Bits 8:9 - FlexBus security level"]
    #[inline(always)]
    pub fn fbsl(&self) -> FbslR {
        FbslR::new(((self.bits >> 8) & 3) as u8)
    }
    #[doc = "Bit 11 - PTD7 pad drive strength"]
    #[inline(always)]
    pub fn ptd7pad(&self) -> Ptd7padR {
        Ptd7padR::new(((self.bits >> 11) & 1) != 0)
    }
    #[doc = "Bit 12 - Debug trace clock select"]
    #[inline(always)]
    pub fn traceclksel(&self) -> TraceclkselR {
        TraceclkselR::new(((self.bits >> 12) & 1) != 0)
    }
    #[doc = "Bits 16:17 - PLL/FLL clock select"]
    #[inline(always)]
    pub fn pllfllsel(&self) -> PllfllselR {
        PllfllselR::new(((self.bits >> 16) & 3) as u8)
    }
    #[doc = "Bit 18 - USB clock source select"]
    #[inline(always)]
    pub fn usbsrc(&self) -> UsbsrcR {
        UsbsrcR::new(((self.bits >> 18) & 1) != 0)
    }
    #[doc = "Bit 19 - RMII clock source select"]
    #[inline(always)]
    pub fn rmiisrc(&self) -> RmiisrcR {
        RmiisrcR::new(((self.bits >> 19) & 1) != 0)
    }
    #[doc = "Bits 20:21 - IEEE 1588 timestamp clock source select"]
    #[inline(always)]
    pub fn timesrc(&self) -> TimesrcR {
        TimesrcR::new(((self.bits >> 20) & 3) as u8)
    }
    #[doc = "Bits 28:29 - SDHC clock source select"]
    #[inline(always)]
    pub fn sdhcsrc(&self) -> SdhcsrcR {
        SdhcsrcR::new(((self.bits >> 28) & 3) as u8)
    }
}
impl W {
    #[doc = "Bit 4 - RTC clock out select"]
    #[inline(always)]
    pub fn rtcclkoutsel(&mut self) -> RtcclkoutselW<'_, Sopt2Spec> {
        RtcclkoutselW::new(self, 4)
    }
    #[doc = "Bits 5:7 - CLKOUT select"]
    #[inline(always)]
    pub fn clkoutsel(&mut self) -> ClkoutselW<'_, Sopt2Spec> {
        ClkoutselW::new(self, 5)
    }
    #[doc = "Bits 8:9 - FlexBus security level"]
    #[inline(always)]
    pub fn fbsl(&mut self) -> FbslW<'_, Sopt2Spec> {
        FbslW::new(self, 8)
    }
    #[doc = "Bit 11 - PTD7 pad drive strength"]
    #[inline(always)]
    pub fn ptd7pad(&mut self) -> Ptd7padW<'_, Sopt2Spec> {
        Ptd7padW::new(self, 11)
    }
    #[doc = "Bit 12 - Debug trace clock select"]
    #[inline(always)]
    pub fn traceclksel(&mut self) -> TraceclkselW<'_, Sopt2Spec> {
        TraceclkselW::new(self, 12)
    }
    #[doc = "Bits 16:17 - PLL/FLL clock select"]
    #[inline(always)]
    pub fn pllfllsel(&mut self) -> PllfllselW<'_, Sopt2Spec> {
        PllfllselW::new(self, 16)
    }
    #[doc = "Bit 18 - USB clock source select"]
    #[inline(always)]
    pub fn usbsrc(&mut self) -> UsbsrcW<'_, Sopt2Spec> {
        UsbsrcW::new(self, 18)
    }
    #[doc = "Bit 19 - RMII clock source select"]
    #[inline(always)]
    pub fn rmiisrc(&mut self) -> RmiisrcW<'_, Sopt2Spec> {
        RmiisrcW::new(self, 19)
    }
    #[doc = "Bits 20:21 - IEEE 1588 timestamp clock source select"]
    #[inline(always)]
    pub fn timesrc(&mut self) -> TimesrcW<'_, Sopt2Spec> {
        TimesrcW::new(self, 20)
    }
    #[doc = "Bits 28:29 - SDHC clock source select"]
    #[inline(always)]
    pub fn sdhcsrc(&mut self) -> SdhcsrcW<'_, Sopt2Spec> {
        SdhcsrcW::new(self, 28)
    }
}
#[doc = "System Options Register 2\n\nYou can [`read`](crate::Reg::read) this register and get [`sopt2::R`](R). You can [`reset`](crate::Reg::reset), [`write`](crate::Reg::write), [`write_with_zero`](crate::Reg::write_with_zero) this register using [`sopt2::W`](W). You can also [`modify`](crate::Reg::modify) this register. See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct Sopt2Spec;
impl crate::RegisterSpec for Sopt2Spec {
    type Ux = u32;
}
#[doc = "`read()` method returns [`sopt2::R`](R) reader structure"]
impl crate::Readable for Sopt2Spec {}
#[doc = "`write(|w| ..)` method takes [`sopt2::W`](W) writer structure"]
impl crate::Writable for Sopt2Spec {
    type Safety = crate::Unsafe;
}
#[doc = "`reset()` method sets SOPT2 to value 0x1000"]
impl crate::Resettable for Sopt2Spec {
    const RESET_VALUE: u32 = 0x1000;
}
