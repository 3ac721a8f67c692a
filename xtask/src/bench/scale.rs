//! Scale: concurrent TLS 1.3 MQTT sessions in one host process against one Mosquitto
//! (`bench-scale`): each session its own rawnet-tls session and rawnet-mqtt client with
//! their own buffers (records of at most 1 KiB), on its own loopback socket in a task of one
//! single-threaded tokio runtime. Wall time and RSS.

use super::Ctx;

pub fn table(ctx: &Ctx) -> Result<String, String> {
    let sizes: &[usize] = if ctx.smoke { &[10] } else { &[1000, 4000] };
    let mut t = String::from(
        "Sessions connect 32 at a time (TCP, TLS 1.3 with the certificate verified, MQTT CONNECT), then each publishes one QoS 1 message and waits for its PUBACK while all stay up. Handshakes per second count the client and the broker on this 2-core machine; RAM per session is the process's RSS growth divided by the sessions (sockets' kernel buffers not included).\n\n\
         | sessions | up at once | PUBACKs | connect time | sessions per second | RSS growth | RAM per session |\n\
         |---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for &n in sizes {
        let r = ctx.results("bench-scale", &[&n.to_string()])?;
        let up: usize = r.get("sessions")?;
        let acked: usize = r.get("acked")?;
        let secs: f64 = r.get("connect_seconds")?;
        let grow = r.get::<f64>("rss_kb_after")? - r.get::<f64>("rss_kb_before")?;
        if up != n || acked != n {
            return Err(format!("{n} sessions: {up} up, {acked} acknowledged"));
        }
        t += &format!(
            "| {n} | {up} | {acked} | {secs:.2} s | {:.0} | {:.1} MB | {:.1} kB |\n",
            n as f64 / secs,
            grow / 1024.0,
            grow / n as f64
        );
    }
    Ok(t)
}
