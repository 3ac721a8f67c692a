//! The MQTT layer beside the best Rust peers, minimq 0.13 and rust-mqtt 0.6, each over
//! rawnet-tls's async adapter on the same loopback socket to Mosquitto (`bench-mqtt`):
//! instructions per message at steady state (two runs, N₁ and N₂ messages, differenced), for
//! QoS 0 and 1, 64 B and 4 KiB, publishing and receiving.
//!
//! "MQTT library" is the code whose source is the MQTT crate (rawnet-mqtt's `src/`,
//! minimq's, rust-mqtt's), wherever the compiler inlined it; "total" is everything counted
//! while the client works: the library, rawnet-tls and embedded-tls, the io adapters, the
//! tokio runtime's user-space part and the C library (memcpy); system calls themselves are
//! not counted by callgrind. The last column is the floor of a publish: AES-128-GCM of the
//! same bytes as one record, alone.

use super::{Ctx, Profile};

const CLIENTS: [&str; 3] = ["rawnet", "minimq", "rust-mqtt"];

/// The MQTT library's own source files.
fn library(src: &str) -> bool {
    src.contains("/rawnet-mqtt/src/") || src.contains("/minimq-") || src.contains("/rust-mqtt-")
}

/// Per message at steady state: runs `bench-mqtt <args…> <n>` under callgrind for both
/// counts `n` and divides the difference of each figure `read` takes from the two profiles
/// by the difference of the counts (connection and warm-up cancel).
fn per_message<const N: usize>(
    ctx: &Ctx,
    args: &[&str],
    counts: (usize, usize),
    read: impl Fn(&Profile) -> Result<[u64; N], String>,
) -> Result<[f64; N], String> {
    let run = |n: usize| -> Result<[u64; N], String> {
        let n = n.to_string();
        let mut a: Vec<&str> = args.to_vec();
        a.push(&n);
        read(&ctx.callgrind("bench-mqtt", &a)?)
    };
    let (first, second) = (run(counts.0)?, run(counts.1)?);
    let d = (counts.1 - counts.0) as f64;
    Ok(std::array::from_fn(|i| {
        (second[i] as f64 - first[i] as f64) / d
    }))
}

fn k(x: f64) -> String {
    if x >= 10_000.0 {
        format!("{:.1} k", x / 1000.0)
    } else {
        format!("{x:.0}")
    }
}

pub fn table(ctx: &Ctx) -> Result<String, String> {
    let counts = if ctx.smoke { (2, 4) } else { (100, 400) };
    let rows: Vec<(&str, &str, &str)> = if ctx.smoke {
        vec![("publish", "1", "64"), ("receive", "1", "64")]
    } else {
        let mut r = Vec::new();
        for op in ["publish", "receive"] {
            for qos in ["0", "1"] {
                for size in ["64", "4096"] {
                    r.push((op, qos, size));
                }
            }
        }
        r
    };
    let mut t = format!(
        "Instructions per message at steady state ({} − {} messages, differenced; x86-64), MQTT 5.0, TLS 1.3 (rawnet-tls `TlsStream`) on a loopback tokio socket to Mosquitto, at most 8 unacknowledged; each cell `total / MQTT library`:\n\n\
         | work | rawnet-mqtt | minimq 0.13 | rust-mqtt 0.6 | rawnet's library ÷ best peer's | AES-128-GCM of the record alone | rawnet total ÷ AES-GCM |\n\
         |---|---:|---:|---:|---:|---:|---:|\n",
        counts.1, counts.0
    );
    for (op, qos, size) in rows {
        let mut cells = Vec::new();
        for c in CLIENTS {
            // Total and the MQTT library's part.
            let [total, lib] = per_message(ctx, &[c, op, qos, size], counts, |p| {
                Ok([p.total, p.by_source(library)?])
            })?;
            cells.push((total, lib));
        }
        let best_peer = cells[1].1.min(cells[2].1);
        let [floor] = per_message(ctx, &["aes-gcm", size], counts, |p| Ok([p.total]))?;
        let size_label = if size == "4096" { "4 KiB" } else { "64 B" };
        t += &format!(
            "| {op} QoS {qos}, {size_label} | {} | {} | {} | {:.2} | {} | {:.1}× |\n",
            format_args!("{} / {}", k(cells[0].0), k(cells[0].1)),
            format_args!("{} / {}", k(cells[1].0), k(cells[1].1)),
            format_args!("{} / {}", k(cells[2].0), k(cells[2].1)),
            cells[0].1 / best_peer,
            k(floor),
            cells[0].0 / floor,
        );
    }
    Ok(t)
}
