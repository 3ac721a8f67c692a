//! The MQTT 3.1.1 codec: rawnet-mqtt's `wire` beside rumqttc's codec (mqttbytes 0.6, `v4`)
//! and mqttrs 0.4, encoding and decoding the same packets (`bench-codec`), in instructions
//! per operation. One callgrind run per codec, packet and operation; the binary checks first
//! that the three codecs write identical bytes and read them back.
//!
//! rawnet-mqtt's encode in the first table is `Checked::emit`: a representation checked once
//! (`Repr::check`, where it is built, as the other codecs' representations are built before
//! they are measured), written without the checks. The second table gives its other costs:
//! `Repr::emit`, which checks at every emit, and `Repr::check` alone.

use super::Ctx;

const CODECS: &[(&str, &str)] = &[
    ("rawnet", "rawnet-mqtt"),
    ("mqttbytes", "mqttbytes"),
    ("mqttrs", "mqttrs"),
];

/// The packets, as `bench-codec` names them and as the table does.
const PACKETS: &[(&str, &str)] = &[
    ("connect", "CONNECT"),
    ("publish_16B", "PUBLISH QoS 1, 16 B"),
    ("publish_1KiB", "PUBLISH QoS 1, 1 KiB"),
    ("publish_64KiB", "PUBLISH QoS 1, 64 KiB"),
    ("subscribe", "SUBSCRIBE, 3 filters"),
];

/// Instructions per operation of one codec on one packet.
fn per_op(ctx: &Ctx, codec: &str, packet: &str, op: &str, n: usize) -> Result<u64, String> {
    let count = n.to_string();
    let p = ctx.callgrind("bench-codec", &[codec, packet, op, &count])?;
    let done: u64 = p.results.get("iterations")?;
    if p.total == 0 || done == 0 {
        return Err(format!(
            "bench-codec {codec} {packet} {op}: nothing counted"
        ));
    }
    Ok((p.total + done / 2) / done)
}

/// `1234567` as `1,234,567`.
fn grouped(x: u64) -> String {
    let digits = x.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn table(ctx: &Ctx) -> Result<String, String> {
    // Smoke: one iteration, the 64 KiB packet left out.
    let n = if ctx.smoke { 1 } else { 200 };
    let mut t = format!(
        "Instructions per operation (mean of {n}, x86-64; `bench-codec`); MQTT 3.1.1, \
         mqttbytes 0.6 (`v4`, rumqttc's codec), mqttrs 0.4:\n\n\
         | packet | op | rawnet-mqtt | mqttbytes | mqttrs | fastest |\n\
         |---|---|---:|---:|---:|---|\n"
    );
    let mut behind = Vec::new();
    for &(packet, label) in PACKETS {
        if ctx.smoke && packet == "publish_64KiB" {
            continue;
        }
        for op in ["encode", "decode"] {
            let mut counts = Vec::new();
            for &(codec, _) in CODECS {
                counts.push(per_op(ctx, codec, packet, op, n)?);
            }
            let best = counts.iter().copied().min().unwrap_or(0);
            let fastest: Vec<&str> = CODECS
                .iter()
                .zip(&counts)
                .filter(|(_, &c)| c == best)
                .map(|(&(_, name), _)| name)
                .collect();
            let cells: Vec<String> = counts
                .iter()
                .map(|&c| {
                    if c == best {
                        format!("**{}**", grouped(c))
                    } else {
                        grouped(c)
                    }
                })
                .collect();
            t += &format!(
                "| {label} | {op} | {} | {} |\n",
                cells.join(" | "),
                fastest.join(", ")
            );
            if counts[0] > best {
                behind.push(format!("{label} {op}"));
            }
        }
    }
    if behind.is_empty() {
        t += "\nrawnet-mqtt is the fastest on every row.";
    } else {
        t += &format!(
            "\nrawnet-mqtt is not the fastest on: {}.",
            behind.join("; ")
        );
        if !ctx.smoke {
            eprintln!("bench codec: over the target (the fastest on every row)");
        }
    }
    t += "\n\nrawnet-mqtt's encode three ways (instructions per operation): `Checked::emit` \
          (above), `Repr::emit` (the checks at every emit: what the client does), `Repr::check` \
          alone (what building a `Checked` costs):\n\n\
          | packet | Checked::emit | Repr::emit | Repr::check |\n|---|---:|---:|---:|\n";
    for &(packet, label) in PACKETS {
        if ctx.smoke && packet == "publish_64KiB" {
            continue;
        }
        let mut cells = Vec::new();
        for codec in ["rawnet", "rawnet-emit", "rawnet-check"] {
            cells.push(grouped(per_op(ctx, codec, packet, "encode", n)?));
        }
        t += &format!("| {label} | {} |\n", cells.join(" | "));
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::grouped;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(66_133), "66,133");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }
}
