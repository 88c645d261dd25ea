//! What this machine's arithmetic can do at best, for the roofline: independent
//! multiply-adds in SIMD registers, touching no memory. (Its memory bandwidth is a copy far
//! larger than any cache: `copy_from_slice`, which is wasm's `memory.copy`.)

use crate::lanes::F32x8;

/// Independent accumulators of eight lanes: enough chains to hide the adder's latency, few
/// enough to stay in registers (twelve SIMD128 vectors of sixteen).
const CHAINS: usize = 6;

/// Runs `rounds` rounds of a multiply and an add (`a * w + x`, which no compiler can
/// hoist out of the loop) on each of `CHAINS` x 8 values; returns
/// their sum, so that none of the work can be left out. FLOPs: [`multiply_add_flops`].
pub fn multiply_adds(rounds: u32, w: f32, x: f32) -> f32 {
    let mut acc: [F32x8; CHAINS] = std::array::from_fn(|i| F32x8::splat(i as f32));
    let x = F32x8::splat(x);
    for _ in 0..rounds {
        for a in &mut acc {
            *a = a.times_plus(w, x);
        }
    }
    acc.iter().flat_map(|a| a.to_array()).sum()
}

/// The FLOPs [`multiply_adds`] does in `rounds` rounds.
pub fn multiply_add_flops(rounds: u32) -> f64 {
    2.0 * (CHAINS * F32x8::LANES) as f64 * f64::from(rounds)
}
