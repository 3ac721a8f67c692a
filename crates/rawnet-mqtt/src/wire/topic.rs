//! Topic names and topic filters (§4.7, §4.8.2).

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
/// non-empty share name without wildcards and a non-empty filter.
pub(crate) fn check_topic_filter(filter: &str, version: Version) -> Result<(), Error> {
    if filter.is_empty() {
        return Err(Error::EmptyTopicFilter);
    }
    let mut levels = filter.split('/').peekable();
    while let Some(level) = levels.next() {
        let is_last = levels.peek().is_none();
        match level {
            "+" => {}
            "#" if is_last => {}
            _ if level.bytes().any(|b| b == b'+' || b == b'#') => {
                return Err(Error::InvalidTopicFilter)
            }
            _ => {}
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

/// Whether a filter names a shared subscription.
pub(crate) fn is_shared(filter: &str) -> bool {
    filter.starts_with("$share/")
}
