//! The output ring's hot path: push whole messages, drain through the contiguous
//! readable chunk in TCP-sized pieces copied into a send buffer (as `tcp_write` does). `heapless::Deque<u8, N>` doing the same work
//! (free-space check + `extend`, `as_slices` + `retain_back`) is measured alongside.
//!
//! `cargo bench -p rawnet-ring`

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use heapless::Deque;
use rawnet_ring::Ring;

const CAP: usize = 1000; // not a power of two, like a typical MQTT_OUTPUT_RINGBUF_SIZE
const BYTES_PER_ITER: usize = 64 * 1024;

fn rawnet_ring(message: &[u8], send_space: usize) -> usize {
    let mut ring = Ring::<CAP>::new();
    let mut sink = [0u8; CAP];
    let mut sent = 0;
    let mut pushed = 0;
    while sent < BYTES_PER_ITER {
        if pushed < BYTES_PER_ITER && ring.push_all(message).is_ok() {
            pushed += message.len();
            continue;
        }
        let chunk = ring.readable();
        let n = chunk.len().min(send_space);
        sink[..n].copy_from_slice(&chunk[..n]); // what tcp_write does
        black_box(&sink);
        sent += ring.consume(n);
    }
    sent
}

fn heapless_deque(message: &[u8], send_space: usize) -> usize {
    let mut deque = Deque::<u8, CAP>::new();
    let mut sink = [0u8; CAP];
    let mut sent = 0;
    let mut pushed = 0;
    while sent < BYTES_PER_ITER {
        if pushed < BYTES_PER_ITER && deque.capacity() - deque.len() >= message.len() {
            deque.extend(message);
            pushed += message.len();
            continue;
        }
        let (chunk, _) = deque.as_slices();
        let n = chunk.len().min(send_space);
        sink[..n].copy_from_slice(&chunk[..n]);
        black_box(&sink);
        let keep = deque.len() - n;
        deque.retain_back(keep);
        sent += n;
    }
    sent
}

fn output_path(c: &mut Criterion) {
    let mut group = c.benchmark_group("push_then_drain_64KiB");
    group.throughput(Throughput::Bytes(BYTES_PER_ITER as u64));
    for size in [16usize, 128, 512] {
        let message: Vec<u8> = (0..size).map(|i| i as u8).collect();
        let send_space = 536; // one default TCP MSS
        group.bench_with_input(BenchmarkId::new("rawnet-ring", size), &message, |b, m| {
            b.iter(|| rawnet_ring(black_box(m), send_space))
        });
        group.bench_with_input(
            BenchmarkId::new("heapless-deque", size),
            &message,
            |b, m| b.iter(|| heapless_deque(black_box(m), send_space)),
        );
    }
    group.finish();
}

criterion_group!(benches, output_path);
criterion_main!(benches);
