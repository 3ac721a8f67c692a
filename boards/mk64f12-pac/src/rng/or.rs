#[doc = "Register `OR` reader"]
pub type R = crate::R<OrSpec>;
#[doc = "Random Output\n\nValue on reset: 0"]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum Randout {
    #[doc = "0: Invalid data (if you read this field when it is 0 and SR\\[OREG_LVL\\] is 0, RNGA then writes 1 to SR\\[ERRI\\], SR\\[ORU\\], and SR\\[LRS\\]; when the error interrupt is not masked (CR\\[INTM\\]=0), RNGA also asserts an error interrupt request to the interrupt controller)."]
    _0 = 0,
}
impl From<Randout> for u32 {
    #[inline(always)]
    fn from(variant: Randout) -> Self {
        variant as _
    }
}
impl crate::FieldSpec for Randout {
    type Ux = u32;
}
impl crate::IsEnum for Randout {}
#[doc = "Field `RANDOUT` reader - Random Output"]
pub type RandoutR = crate::FieldReader<Randout>;
impl RandoutR {
    #[doc = "Get enumerated values variant"]
    #[inline(always)]
    pub const fn variant(&self) -> Option<Randout> {
        match self.bits {
            0 => Some(Randout::_0),
            _ => None,
        }
    }
    #[doc = "Invalid data (if you read this field when it is 0 and SR\\[OREG_LVL\\] is 0, RNGA then writes 1 to SR\\[ERRI\\], SR\\[ORU\\], and SR\\[LRS\\]; when the error interrupt is not masked (CR\\[INTM\\]=0), RNGA also asserts an error interrupt request to the interrupt controller)."]
    #[inline(always)]
    pub fn is_0(&self) -> bool {
        *self == Randout::_0
    }
}
impl R {
    #[doc = "Bits 0:31 - Random Output"]
    #[inline(always)]
    pub fn randout(&self) -> RandoutR {
        RandoutR::new(self.bits)
    }
}
#[doc = "RNGA Output Register\n\nYou can [`read`](crate::Reg::read) this register and get [`or::R`](R). See [API](https://docs.rs/svd2rust/#read--modify--write-api)."]
pub struct OrSpec;
impl crate::RegisterSpec for OrSpec {
    type Ux = u32;
}
#[doc = "`read()` method returns [`or::R`](R) reader structure"]
impl crate::Readable for OrSpec {}
#[doc = "`reset()` method sets OR to value 0"]
impl crate::Resettable for OrSpec {}
