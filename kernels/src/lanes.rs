//! Eight f32 lanes: two SIMD128 vectors in wasm with `simd128` on, an array elsewhere (the
//! native tests run the same kernels through the array). The depthwise kernel and the peak
//! probe write their inner loops with these, not hoping for the auto-vectoriser.

/// Eight f32 values computed side by side.
#[derive(Clone, Copy)]
pub struct F32x8(Inner);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
type Inner = [core::arch::wasm32::v128; 2];
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
type Inner = [f32; 8];

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod ops {
    use super::Inner;
    use core::arch::wasm32::*;

    pub fn splat(v: f32) -> Inner {
        [f32x4_splat(v); 2]
    }

    pub fn load(values: &[f32; 8]) -> Inner {
        let p = values.as_ptr();
        // SAFETY: eight f32 lie behind `p`; v128_load takes unaligned addresses.
        unsafe { [v128_load(p.cast()), v128_load(p.add(4).cast())] }
    }

    pub fn times_plus(acc: Inner, w: f32, x: Inner) -> Inner {
        let w = f32x4_splat(w);
        [
            f32x4_add(f32x4_mul(acc[0], w), x[0]),
            f32x4_add(f32x4_mul(acc[1], w), x[1]),
        ]
    }

    pub fn mul_add(acc: Inner, w: Inner, x: Inner) -> Inner {
        [
            f32x4_add(acc[0], f32x4_mul(w[0], x[0])),
            f32x4_add(acc[1], f32x4_mul(w[1], x[1])),
        ]
    }

    pub fn store(v: Inner, out: &mut [f32; 8]) {
        let p = out.as_mut_ptr();
        // SAFETY: eight f32 lie behind `p`, borrowed mutably; v128_store takes any address.
        unsafe {
            v128_store(p.cast(), v[0]);
            v128_store(p.add(4).cast(), v[1]);
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod ops {
    use super::Inner;

    pub fn splat(v: f32) -> Inner {
        [v; 8]
    }

    pub fn load(values: &[f32; 8]) -> Inner {
        *values
    }

    pub fn times_plus(mut acc: Inner, w: f32, x: Inner) -> Inner {
        for (a, x) in acc.iter_mut().zip(x) {
            *a = *a * w + x;
        }
        acc
    }

    pub fn mul_add(mut acc: Inner, w: Inner, x: Inner) -> Inner {
        for ((a, w), x) in acc.iter_mut().zip(w).zip(x) {
            *a += w * x;
        }
        acc
    }

    pub fn store(v: Inner, out: &mut [f32; 8]) {
        *out = v;
    }
}

impl F32x8 {
    pub const LANES: usize = 8;

    pub fn splat(v: f32) -> Self {
        F32x8(ops::splat(v))
    }

    /// The first eight values of `values` (which must have eight).
    pub fn load(values: &[f32]) -> Self {
        F32x8(ops::load(values[..8].try_into().expect("eight values")))
    }

    /// `self + w * x`, lane by lane.
    pub fn mul_add(self, w: F32x8, x: F32x8) -> Self {
        F32x8(ops::mul_add(self.0, w.0, x.0))
    }

    /// `self * w + x`, lane by lane.
    pub fn times_plus(self, w: f32, x: F32x8) -> Self {
        F32x8(ops::times_plus(self.0, w, x.0))
    }

    /// Into the first eight values of `out`.
    pub fn store(self, out: &mut [f32]) {
        ops::store(self.0, (&mut out[..8]).try_into().expect("eight values"));
    }

    pub fn to_array(self) -> [f32; 8] {
        let mut out = [0.0; 8];
        self.store(&mut out);
        out
    }
}
