//! Every string the dashboard shows, in Chinese (default) and English.
//! The data itself stays as written.

use crate::model::Status;

pub use crate::messages::Lang;

/// The dashboard's words in one language.
#[derive(Debug)]
pub struct Labels {
    pub lang: Lang,
    pub app: &'static str,
    pub as_of: &'static str,
    pub overall: &'static str,
    pub tab_leaders: &'static str,
    pub tab_units: &'static str,
    pub tab_projects: &'static str,
    pub pane_leaders: &'static str,
    pub pane_tasks: &'static str,
    pub pane_units: &'static str,
    pub pane_duties: &'static str,
    pub pane_projects: &'static str,
    pub pane_detail: &'static str,
    pub key_tasks: &'static str,
    pub projects: &'static str,
    pub leader: &'static str,
    pub status: &'static str,
    pub lead_units: &'static str,
    pub co_units: &'static str,
    pub members_of: &'static str,
    pub default_co: &'static str,
    pub progress: &'static str,
    pub history: &'static str,
    pub no_progress: &'static str,
    pub no_leader: &'static str,
    pub role_lead: &'static str,
    pub role_co: &'static str,
    pub role_member: &'static str,
    pub lead_count: &'static str,
    pub co_count: &'static str,
    pub filter: &'static str,
    pub filter_hint: &'static str,
    pub aliases: &'static str,
    pub search: &'static str,
    pub search_hint: &'static str,
    /// The search popup's note while a search runs in the background.
    pub searching: &'static str,
    pub preview: &'static str,
    pub sub_item: &'static str,
    pub nothing: &'static str,
    pub help_title: &'static str,
    pub help_filter: &'static str,
    pub too_small: &'static str,
}

pub static ZH: Labels = Labels {
    lang: Lang::Zh,
    app: "督办",
    as_of: "截至",
    overall: "总体完成",
    tab_leaders: "领导",
    tab_units: "单位",
    tab_projects: "民生实事",
    pane_leaders: "领导",
    pane_tasks: "重点工作与民生实事",
    pane_units: "单位",
    pane_duties: "职责",
    pane_projects: "民生实事",
    pane_detail: "详情",
    key_tasks: "重点工作",
    projects: "民生实事",
    leader: "牵头领导",
    status: "状态",
    lead_units: "牵头单位",
    co_units: "配合单位",
    members_of: "各成员单位",
    default_co: "默认配合",
    progress: "进展",
    history: "历史",
    no_progress: "暂无进展记录",
    no_leader: "未注明",
    role_lead: "牵头",
    role_co: "配合",
    role_member: "成员",
    lead_count: "牵",
    co_count: "配",
    filter: "筛选",
    filter_hint: "按 f 输入",
    aliases: "又称",
    search: "搜索",
    search_hint: "任务、实事、单位、领导;中文、编号或拼音首字母",
    searching: "搜索中",
    preview: "预览",
    sub_item: "子项",
    nothing: "(无)",
    help_title: "按键帮助",
    help_filter: "输入以筛选",
    too_small: "终端太小",
};

pub static EN: Labels = Labels {
    lang: Lang::En,
    app: "duban",
    as_of: "as of",
    overall: "overall",
    tab_leaders: "Leaders",
    tab_units: "Units",
    tab_projects: "Projects",
    pane_leaders: "Leaders",
    pane_tasks: "Tasks and projects",
    pane_units: "Units",
    pane_duties: "Duties",
    pane_projects: "Livelihood projects",
    pane_detail: "Detail",
    key_tasks: "Key tasks",
    projects: "Livelihood projects",
    leader: "Leader",
    status: "Status",
    lead_units: "Lead units",
    co_units: "Cooperating units",
    members_of: "all member units",
    default_co: "cooperate by default",
    progress: "Progress",
    history: "History",
    no_progress: "No progress recorded",
    no_leader: "not named",
    role_lead: "lead",
    role_co: "co-op",
    role_member: "member",
    lead_count: "L",
    co_count: "C",
    filter: "Filter",
    filter_hint: "press f to type",
    aliases: "also",
    search: "Search",
    search_hint: "tasks, projects, units, leaders: Chinese, an ID or pinyin initials",
    searching: "searching",
    preview: "Preview",
    sub_item: "item",
    nothing: "(none)",
    help_title: "Keys",
    help_filter: "type to filter",
    too_small: "Terminal too small",
};

impl Labels {
    pub fn get(lang: Lang) -> &'static Labels {
        match lang {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// A status as plain text (no symbols).
    pub fn status(&self, status: Status) -> &'static str {
        match self.lang {
            Lang::Zh => status.label_zh(),
            Lang::En => status.label_en(),
        }
    }

    /// The columns a status cell takes: the widest label.
    pub fn status_width(&self) -> usize {
        Status::ALL
            .iter()
            .map(|s| crate::text::width(self.status(*s)))
            .max()
            .unwrap_or(0)
    }
}
