//! Host throughput and latency over TLS 1.3 to a local Mosquitto, rawnet beside
//! `mosquitto_pub` doing the same work in the same run (`bench-throughput`), in wall time:
//! messages per second at QoS 0 and 1 (64 B), MiB/s with 16 KiB payloads at QoS 1, and the
//! publish-to-receive latency at a light load (200 messages per second, QoS 1), received by
//! `mosquitto_sub`. Wall time on a shared machine moves from run to run; the table says so.

use super::Ctx;

const PUBLISHERS: [&str; 2] = ["rawnet", "mosquitto_pub"];

pub fn table(ctx: &Ctx) -> Result<String, String> {
    let (n0, n1, n16, nlat) = if ctx.smoke {
        (50, 50, 5, 150)
    } else {
        (100_000, 20_000, 2_000, 1_000)
    };
    let mut t = format!(
        "Wall time, one run each (the machine is shared: expect ±20 %). Rates count from the publisher's start (TCP and TLS handshake included) to its last message flushed (QoS 0) or acknowledged (QoS 1); latency from the moment a message is handed to the publisher to its line from `mosquitto_sub` on the plain listener, leaving out the first half second (the publisher's connection).\n\n\
         | publisher | QoS 0, 64 B ({n0}) | QoS 1, 64 B ({n1}) | QoS 1, 16 KiB ({n16}) | latency at 200 msg/s, QoS 1, 64 B ({nlat}): p50 / p99 |\n\
         |---|---:|---:|---:|---:|\n"
    );
    for p in PUBLISHERS {
        let rate = |qos: &str, size: &str, n: usize| -> Result<(f64, usize), String> {
            let r = ctx.results("bench-throughput", &[p, qos, size, &n.to_string()])?;
            let secs: f64 = r.get("seconds")?;
            Ok((n as f64 / secs, r.get("received")?))
        };
        let (q0, got0) = rate("0", "64", n0)?;
        let (q1, _) = rate("1", "64", n1)?;
        let (big, _) = rate("1", "16384", n16)?;
        let lat = ctx.results(
            "bench-throughput",
            &[p, "1", "64", &nlat.to_string(), "200"],
        )?;
        let (p50, p99): (f64, f64) = (lat.get("p50_us")?, lat.get("p99_us")?);
        t += &format!(
            "| {p} | {:.0} msg/s ({got0} delivered) | {q1:.0} msg/s | {:.1} MiB/s | {:.2} / {:.2} ms |\n",
            q0,
            big * 16384.0 / (1024.0 * 1024.0),
            p50 / 1000.0,
            p99 / 1000.0
        );
    }
    Ok(t)
}
