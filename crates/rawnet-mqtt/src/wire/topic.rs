//! Topic names and topic filters (§4.7, §4.8.2).

use super::scan::check_topic_filter_chars;
use super::{Error, Version};

/// Checks a topic name: not empty, no `+` or `#`. (U+0000 is checked with the string.)
pub(crate) fn check_topic_name(topic: &str) -> Result<(), Error> {
    if topic.is_empty() {
        return Err(Error::EmptyTopicName);
    }
    check_no_wildcards(topic)
}

/// Checks that a topic name has no wildcard characters (emptiness is checked elsewhere,
/// since a PUBLISH with a Topic Alias may have an empty topic).
pub(crate) fn check_no_wildcards(topic: &str) -> Result<(), Error> {
    if topic.bytes().any(|b| b == b'+' || b == b'#') {
        Err(Error::WildcardInTopicName)
    } else {
        Ok(())
    }
}

/// Checks a topic filter: not empty; `+` only as a whole level; `#` only as a whole,
/// last level. In MQTT 5.0 a `$share/{name}/{filter}` shared subscription also needs a
/// non-empty share name without wildcards and a non-empty filter. (U+0000 is checked with
/// the string.)
///
/// A byte loop: the client's check, built for size (see [`check_topic_filter_fast`]).
pub(crate) fn check_topic_filter(filter: &str, version: Version) -> Result<(), Error> {
    if filter.is_empty() {
        return Err(Error::EmptyTopicFilter);
    }
    // One pass over the bytes (smaller code than splitting into levels): a wildcard must
    // be a whole level (after `/` or at the start, before `/` or at the end), and `#`
    // the last one.
    let bytes = filter.as_bytes();
    let mut prev = b'/';
    let mut iter = bytes.iter().peekable();
    while let Some(&b) = iter.next() {
        if b == b'+' || b == b'#' {
            let next = iter.peek().copied().copied();
            let whole = prev == b'/' && matches!(next, None | Some(b'/'));
            if !whole || (b == b'#' && next.is_some()) {
                return Err(Error::InvalidTopicFilter);
            }
        }
        prev = b;
    }
    check_shared(bytes, version)
}

/// [`check_topic_filter`] with U+0000, a word at a time (`scan`): for the parsers built for
/// speed, which the client does not link (SUBSCRIBE and UNSUBSCRIBE are parsed by a server).
pub(crate) fn check_topic_filter_fast(filter: &str, version: Version) -> Result<(), Error> {
    if filter.is_empty() {
        return Err(Error::EmptyTopicFilter);
    }
    let bytes = filter.as_bytes();
    check_topic_filter_chars(bytes)?;
    check_shared(bytes, version)
}

/// In MQTT 5.0, a `$share/{name}/{filter}` shared subscription needs a non-empty share name
/// without wildcards and a non-empty filter.
fn check_shared(bytes: &[u8], version: Version) -> Result<(), Error> {
    if version.is_v5() {
        if let Some(rest) = bytes.strip_prefix(b"$share/") {
            let slash = rest
                .iter()
                .position(|&b| b == b'/')
                .ok_or(Error::InvalidTopicFilter)?;
            let name = rest.get(..slash).unwrap_or_default();
            let inner = rest.get(slash.saturating_add(1)..).unwrap_or_default();
            if name.is_empty() || name.iter().any(|&b| b == b'+' || b == b'#') || inner.is_empty() {
                return Err(Error::InvalidTopicFilter);
            }
        }
    }
    Ok(())
}

/// Whether a filter names a shared subscription.
pub(crate) fn is_shared(filter: &str) -> bool {
    filter.starts_with("$share/")
}

#[cfg(test)]
mod tests {
    use super::super::{Error, Version};
    use super::{check_topic_filter, check_topic_filter_fast};

    /// The definition level by level, as the specification words it.
    fn by_levels(filter: &str, version: Version) -> Result<(), Error> {
        if filter.is_empty() {
            return Err(Error::EmptyTopicFilter);
        }
        let levels: Vec<&str> = filter.split('/').collect();
        for (i, level) in levels.iter().enumerate() {
            let wild = level.contains(['+', '#']);
            let ok = *level == "+" || (*level == "#" && i + 1 == levels.len());
            if wild && !ok {
                return Err(Error::InvalidTopicFilter);
            }
        }
        if version.is_v5() {
            if let Some(rest) = filter.strip_prefix("$share/") {
                let (name, inner) = rest.split_once('/').ok_or(Error::InvalidTopicFilter)?;
                if name.is_empty() || name.contains(['+', '#']) || inner.is_empty() {
                    return Err(Error::InvalidTopicFilter);
                }
            }
        }
        Ok(())
    }

    /// Every string of up to 6 characters over an alphabet with the special ones, and a
    /// few shared subscriptions, agree with the level-by-level definition.
    #[test]
    fn one_pass_matches_the_level_definition() {
        let alphabet = ['a', '/', '+', '#', '$'];
        let mut versions = vec![Version::V311];
        #[cfg(feature = "v5")]
        versions.push(Version::V5);
        let mut filters: Vec<String> = vec![String::new()];
        let mut frontier = vec![String::new()];
        for _ in 0..6 {
            let mut next = Vec::new();
            for f in &frontier {
                for c in alphabet {
                    let mut g = f.clone();
                    g.push(c);
                    next.push(g);
                }
            }
            filters.extend(next.iter().cloned());
            frontier = next;
        }
        for prefix in [
            "$share/",
            "$share/g/",
            "$share//",
            "$share/+/",
            "$share/g#/",
        ] {
            for f in filters.clone().iter().take(800) {
                filters.push(format!("{prefix}{f}"));
            }
        }
        for v in versions {
            for f in &filters {
                assert_eq!(check_topic_filter(f, v), by_levels(f, v), "{f:?} {v:?}");
                assert_eq!(
                    check_topic_filter_fast(f, v),
                    by_levels(f, v),
                    "{f:?} {v:?}"
                );
            }
        }
    }
}
