//! What the dashboard says about the shared store (`--store`): whether it
//! is reachable, what waits to be pushed and what the server refused.

use super::entries;

entries! {
    /// The header while the first connection is being made.
    LIVE_CONNECTING { zh: "共享库连接中", en: "store: connecting" }
    /// The header when connected and nothing waits to be pushed.
    LIVE_ONLINE { zh: "共享库在线", en: "store: online" }
    /// The header when connected with entries still being pushed.
    LIVE_SYNCING { zh: "同步中，{n} 条待同步", en: "syncing, {n} to push" }
    /// The header when the server cannot be reached.
    LIVE_OFFLINE { zh: "离线，{n} 条待同步", en: "offline, {n} to push" }
    /// The header when the server answers with an error (no such
    /// database, a wrong password, another schema version).
    LIVE_FAILED { zh: "共享库出错：{error}", en: "store: {error}" }
    /// After the link state: entries the server refused, and where to see them.
    LIVE_REFUSED {
        zh: "{n} 条被拒，见 `duban store status`",
        en: "{n} refused, see `duban store status`",
    }
    /// The same, where the header has little room.
    LIVE_REFUSED_SHORT { zh: "{n} 条被拒", en: "{n} refused" }
}
