//! The shared store on the command line: `duban store …`, the notice after
//! a write that could not be pushed, and the store's errors.

use super::{Lang, Localize, entries};
use crate::msg;
use crate::remote::{Refusal, RefusalKind, StoreError};

entries! {
    /// After a write, the store out of reach: the one-line notice.
    STORE_OFFLINE { zh: "离线，{n} 条待同步", en: "offline, {n} waiting to sync" }
    STORE_PUSHED { zh: "已同步到共享库：新增 {accepted} 条，已有 {already} 条", en: "pushed to the store: {accepted} new, {already} already there" }
    STORE_PULLED { zh: "从共享库取回 {n} 条", en: "pulled {n} from the store" }
    STORE_UNREADABLE { zh: "共享库中有 {n} 条记录本版本读不懂，已跳过", en: "{n} records in the store are unreadable by this version and were skipped" }
    STORE_INIT_APPLIED { zh: "{url}：已建表，结构版本 {version}", en: "{url}: set up, schema version {version}" }
    STORE_INIT_CURRENT { zh: "{url}：结构已是版本 {version}，无需改动", en: "{url}: schema already at version {version}, nothing to do" }
    STORE_DUTIES { zh: "已上传 {n} 条职责（事项—单位）", en: "uploaded {n} duties (task, unit)" }
    STORE_GRANTED_UNIT { zh: "角色 {role} 可为 {unit} 报送其牵头或配合的事项", en: "role {role} may report for {unit} on the tasks it leads or cooperates on" }
    STORE_GRANTED_OFFICE { zh: "角色 {role} 可报送全部事项（督查室）", en: "role {role} may report on every task (the office)" }
    STORE_ROLE_CREATED { zh: "已新建登录角色 {role}（未设密码，请由管理员设置）", en: "created the login role {role} (no password yet: the administrator sets one)" }
    STORE_GRANT_WHO { zh: "请给出 `--unit` 单位或 `--office` 之一", en: "give one of --unit UNIT or --office" }
    STORE_NONE {
        zh: "未设置共享库：请用 `--store` 给出地址，或在环境变量 `{env}`、`duban.ron` 的 `store:` 中设置",
        en: "no store is set: give --store URL, set {env}, or put store: in duban.ron",
    }
    STORE_STATUS_STORE { zh: "共享库：{url}", en: "store: {url}" }
    STORE_STATUS_PENDING { zh: "待同步：{n} 条", en: "pending: {n}" }
    STORE_STATUS_REFUSED { zh: "被拒绝：{n} 条", en: "refused: {n}" }
    STORE_STATUS_LAST { zh: "上次同步：{at}", en: "last sync: {at}" }
    STORE_STATUS_NEVER { zh: "上次同步：从未", en: "last sync: never" }
    STORE_REFUSED_DUTY {
        zh: "{task}（{at}）被共享库拒绝：角色 {role} 所属单位不是该事项的牵头或配合单位",
        en: "{task} ({at}) refused by the store: role {role}'s unit neither leads nor cooperates on it",
    }
    STORE_REFUSED_GRANT {
        zh: "{task}（{at}）被共享库拒绝：角色 {role} 未获授权（`duban store grant`）",
        en: "{task} ({at}) refused by the store: role {role} has no grant (duban store grant)",
    }
    STORE_REFUSED_KEPT {
        zh: "被拒绝的记录仍保存在本机进展文件中，并记入 {path}",
        en: "refused records stay in the local journal and are listed in {path}",
    }
    STORE_PUSH_DATA { zh: "{path}：{n} 条记录，新增 {accepted} 条，已有 {already} 条", en: "{path}: {n} records, {accepted} new, {already} already there" }

    ABOUT_STORE { zh: "共享进展库：建表、授权、同步、状态", en: "The shared progress store: set up, grant, sync, status" }
    ABOUT_STORE_INIT { zh: "建立或升级共享库的表，并上传计划的职责分工", en: "Create or upgrade the store's tables and upload the plan's duties" }
    ABOUT_STORE_GRANT { zh: "允许一个数据库角色为某单位（或督查室）报送", en: "Let a database role write for a unit, or for the office" }
    ABOUT_STORE_SYNC { zh: "推送待同步的记录，再取回别人写的记录", en: "Push what is pending, then pull what others wrote" }
    ABOUT_STORE_STATUS { zh: "显示待同步、被拒绝（及原因）的记录和上次同步时间", en: "Print what is pending, what was refused and why, and the last sync" }
    ABOUT_STORE_PUSH { zh: "把 `--data` 目录的进展文件上传到共享库（已有的跳过）", en: "Upload the journal of --data DIR (what the store has is skipped)" }
    ARG_STORE {
        zh: "共享进展库（`postgres://…`）；也可用环境变量 `DUBAN_STORE` 或 `duban.ron` 中的 `store:` 指定",
        en: "The shared progress store (postgres://…); also DUBAN_STORE, or store: in duban.ron",
    }
    ARG_STORE_INIT_URL { zh: "共享库地址（默认：`--store`、`DUBAN_STORE` 或 `duban.ron` 所指的）", en: "The store (default: the one --store, DUBAN_STORE or duban.ron names)" }
    ARG_STORE_ROLE { zh: "数据库角色（每位报送人一个）", en: "The database role (one per reporter)" }
    ARG_STORE_UNIT { zh: "该角色代表的单位（名称或别名）", en: "The unit the role reports for (a name or alias)" }
    ARG_STORE_OFFICE { zh: "督查室：该角色可报送全部事项", en: "The supervision office: the role may write every task" }
    ARG_STORE_RETRY { zh: "重新推送被拒绝的记录（授权改正之后）", en: "Send refused records again (after a grant was put right)" }
    VALUE_URL { zh: "地址", en: "URL" }
    VALUE_ROLE { zh: "角色", en: "ROLE" }

    STORE_ERR_SCHEME { zh: "{url}：不支持的共享库地址；应以 `postgres://` 开头", en: "{url}: unsupported store; expected a URL starting postgres://" }
    STORE_ERR_URL { zh: "{url}：共享库地址无效：{detail}", en: "{url}: not a valid store URL: {detail}" }
    STORE_ERR_UNREACHABLE { zh: "{url}：连不上共享库：{detail}", en: "{url}: cannot reach the store: {detail}" }
    STORE_ERR_AUTH { zh: "{url}：共享库拒绝了用户 {user} 的登录：{detail}", en: "{url}: the store refused the login of {user}: {detail}" }
    STORE_ERR_NOT_INIT { zh: "{url}：共享库尚未建表；请先运行 `duban store init`", en: "{url}: the store is not set up; run duban store init first" }
    STORE_ERR_TOO_OLD {
        zh: "{url}：共享库结构为版本 {found}，本程序需要版本 {want}；请运行 `duban store init` 升级",
        en: "{url}: the store's schema is version {found}, this duban needs {want}; run duban store init",
    }
    STORE_ERR_TOO_NEW {
        zh: "{url}：共享库结构为版本 {found}，比本程序所知的版本 {want} 新；请升级 `duban`",
        en: "{url}: the store's schema is version {found}, newer than this duban knows ({want}); update duban",
    }
    STORE_ERR_DENIED { zh: "{url}：用户 {user} 没有权限：{detail}", en: "{url}: permission denied for {user}: {detail}" }
    STORE_ERR_UNKNOWN_UNIT { zh: "本数据集中没有名为“{given}”的单位", en: "no unit is called `{given}` in this dataset" }
    STORE_ERR_SERVER { zh: "{url}：共享库出错：{detail}", en: "{url}: the store failed: {detail}" }
    STORE_ERR_OUTBOX { zh: "{path}：同步记录文件：{error}", en: "{path}: the outbox: {error}" }
    STORE_ERR_OUTBOX_BROKEN { zh: "{path}：同步记录文件已损坏：{detail}", en: "{path}: the outbox is damaged: {detail}" }
}

/// A refused record, one line.
pub fn refusal_text(r: &Refusal, lang: Lang) -> String {
    let m = match r.kind {
        RefusalKind::NotOnDuty => STORE_REFUSED_DUTY,
        RefusalKind::NotGranted => STORE_REFUSED_GRANT,
    };
    msg!(m, task = r.task, at = r.at, role = r.role).render(lang)
}

impl Localize for StoreError {
    fn localize(&self, lang: Lang) -> String {
        let text = match self {
            StoreError::Scheme { url } => msg!(STORE_ERR_SCHEME, url = url),
            StoreError::Url { url, detail } => msg!(STORE_ERR_URL, url = url, detail = detail),
            StoreError::Unreachable { url, detail } => {
                msg!(STORE_ERR_UNREACHABLE, url = url, detail = detail)
            }
            StoreError::Auth { url, user, detail } => {
                msg!(STORE_ERR_AUTH, url = url, user = user, detail = detail)
            }
            StoreError::NotInitialised { url } => msg!(STORE_ERR_NOT_INIT, url = url),
            StoreError::SchemaTooOld { url, found, want } => {
                msg!(STORE_ERR_TOO_OLD, url = url, found = found, want = want)
            }
            StoreError::SchemaTooNew { url, found, want } => {
                msg!(STORE_ERR_TOO_NEW, url = url, found = found, want = want)
            }
            StoreError::Denied { url, user, detail } => {
                msg!(STORE_ERR_DENIED, url = url, user = user, detail = detail)
            }
            StoreError::UnknownUnit { given } => msg!(STORE_ERR_UNKNOWN_UNIT, given = given),
            StoreError::Server { url, detail } => {
                msg!(STORE_ERR_SERVER, url = url, detail = detail)
            }
            StoreError::Outbox { path, source } => msg!(
                STORE_ERR_OUTBOX,
                path = path.display(),
                error = source.localize(lang)
            ),
            StoreError::OutboxBroken { path, detail } => {
                msg!(
                    STORE_ERR_OUTBOX_BROKEN,
                    path = path.display(),
                    detail = detail
                )
            }
            StoreError::Journal(e) => return e.localize(lang),
            StoreError::Save(e) => return e.localize(lang),
        };
        text.render(lang)
    }
}
