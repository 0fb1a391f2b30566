//! Deterministic noise for the cache tests: bytes that are no cache file,
//! the same on every run.

/// `len` bytes of xorshift noise.
pub fn noise(len: usize) -> Vec<u8> {
    let mut x = 0x9e37_79b9_u32;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}
