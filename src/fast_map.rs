//! Maps keyed by the plan's and the journal's own IDs and names, read
//! once per task or entry on the paths that cover a whole plan (100,000
//! tasks, 1,000,000 entries). They are hashed by foldhash: SipHash's
//! resistance to chosen keys buys nothing for keys the user's own files
//! give, and costs a third of such a pass.

/// A `HashMap` hashed by foldhash.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
