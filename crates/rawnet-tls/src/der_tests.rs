use super::*;

#[test]
fn short_and_long_lengths() {
    let mut r = Reader::new(&[0x04, 0x02, 0xaa, 0xbb, 0x05, 0x00]);
    assert_eq!(r.read(tag::OCTET_STRING), Ok(&[0xaa, 0xbb][..]));
    assert_eq!(r.read(0x05), Ok(&[][..]));
    assert!(r.is_empty());

    let mut long = [0u8; 3 + 200];
    long[..3].copy_from_slice(&[0x04, 0x81, 200]);
    let (tag, value, raw) = Reader::new(&long).read_any().unwrap();
    assert_eq!((tag, value.len(), raw.len()), (tag::OCTET_STRING, 200, 203));
}

#[test]
fn rejects_non_der_lengths_and_truncation() {
    // Long form for a short length, leading zero, indefinite, truncated, high tag.
    for bad in [
        &[0x04, 0x81, 0x05, 0, 0, 0, 0, 0][..],
        &[0x04, 0x82, 0x00, 0x80],
        &[0x30, 0x80, 0x00, 0x00],
        &[0x04, 0x05, 0x01],
        &[0x1f, 0x01, 0x00],
        &[0x04],
        &[],
    ] {
        assert_eq!(Reader::new(bad).read_any(), Err(DerError), "{bad:02x?}");
    }
}

#[test]
fn integers_and_booleans() {
    assert_eq!(Reader::new(&[0x02, 0x01, 0x05]).small_unsigned(), Ok(5));
    assert_eq!(
        Reader::new(&[0x02, 0x02, 0x00, 0x80]).small_unsigned(),
        Ok(128)
    );
    assert_eq!(
        Reader::new(&[0x02, 0x01, 0x80]).small_unsigned(),
        Err(DerError)
    );
    assert_eq!(
        Reader::new(&[0x02, 0x02, 0x00, 0x05]).small_unsigned(),
        Err(DerError)
    );
    assert_eq!(Reader::new(&[0x01, 0x01, 0xff]).boolean(), Ok(true));
    assert_eq!(Reader::new(&[0x01, 0x01, 0x01]).boolean(), Err(DerError));
}

#[test]
fn times() {
    assert_eq!(parse_time(tag::UTC_TIME, b"700101000000Z"), Ok(0));
    assert_eq!(parse_time(tag::UTC_TIME, b"000301000000Z"), Ok(951_868_800));
    assert_eq!(
        parse_time(tag::GENERALIZED_TIME, b"20380119031408Z"),
        Ok(2_147_483_648)
    );
    assert_eq!(
        parse_time(tag::GENERALIZED_TIME, b"99991231235959Z"),
        Ok(253_402_300_799)
    );
    assert_eq!(
        parse_time(tag::UTC_TIME, b"240229120000Z"),
        Ok(1_709_208_000)
    );
    assert_eq!(parse_time(tag::UTC_TIME, b"230229120000Z"), Err(DerError));
    assert_eq!(parse_time(tag::UTC_TIME, b"2402291200Z"), Err(DerError));
    assert_eq!(parse_time(tag::UTC_TIME, b"240229120000+"), Err(DerError));
    // Every field must be two ASCII digits ('/' and ':' surround '0'..'9').
    for bad in [*b"/", *b":", *b" ", *b"a"] {
        for at in 0..12 {
            let mut t = *b"240229120000Z";
            t[at] = bad[0];
            assert_eq!(parse_time(tag::UTC_TIME, &t), Err(DerError), "{t:?}");
        }
        for at in 0..14 {
            let mut t = *b"20240229120000Z";
            t[at] = bad[0];
            assert_eq!(
                parse_time(tag::GENERALIZED_TIME, &t),
                Err(DerError),
                "{t:?}"
            );
        }
    }
    assert_eq!(
        parse_time(tag::GENERALIZED_TIME, b"20240229120000+"),
        Err(DerError)
    );
    // UTCTime years 50-99 are 19YY (before 1970: saturated to 0), 00-49 are 20YY.
    assert_eq!(parse_time(tag::UTC_TIME, b"500101000000Z"), Ok(0));
    assert_eq!(
        parse_time(tag::UTC_TIME, b"491231235959Z"),
        parse_time(tag::GENERALIZED_TIME, b"20491231235959Z")
    );
    assert_eq!(
        parse_time(tag::GENERALIZED_TIME, b"20240229120000Z"),
        Ok(1_709_208_000)
    );
    // The tag decides the form: a GeneralizedTime-length value under UTCTime is refused.
    assert_eq!(parse_time(tag::UTC_TIME, b"20240229120000Z"), Err(DerError));
}

/// The 32-bit date arithmetic agrees with the signed 64-bit reference formula on every day of
/// every year a certificate can name (0000-9999), and is strictly increasing.
#[test]
fn days_from_civil_matches_reference() {
    fn reference(year: u32, month: u32, day: u32) -> u64 {
        let y = i64::from(year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        u64::try_from(era * 146_097 + doe - 719_468).unwrap_or(0)
    }
    let mut last = 0;
    for year in 0..=9999 {
        for month in 1..=12 {
            for day in 1..=super::days_in_month(year, month) {
                let d = super::days_from_civil(year, month, day);
                assert_eq!(d, reference(year, month, day), "{year}-{month}-{day}");
                assert!(year < 1970 || d > last || d == 0);
                last = d;
            }
        }
    }
}
