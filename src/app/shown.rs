//! What frames draw that is worked out from data, beside the narrowed
//! lists: the detail pane's text laid out at its width (and the search
//! popup preview's), and the width of the owing table's unit column.
//! `update` works them out again when what they depend on changes; a frame
//! only reads them. A frame drawn at a state `update` has not seen (a
//! terminal size not yet reported) works out its own.

use std::borrow::Cow;

use super::detail::{self, Doc};
use super::{App, Lang, Mode, Pane, Popup, Subject, layout, search};

/// What a laid-out detail depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DocKey {
    subject: Subject,
    width: usize,
    lang: Lang,
    /// [`App::version`]: the standings (lights, as-of date, thresholds).
    version: u64,
    /// [`super::Progress::stamp`]: the entries and their notes.
    progress: u64,
    /// The whole history (`H` on the detail pane's subject), not only the
    /// latest entries.
    whole_history: bool,
}

/// The kept values.
#[derive(Debug, Clone, Default)]
pub(crate) struct Shown {
    /// The detail pane's and the search preview's docs.
    docs: Vec<(DocKey, Doc)>,
    /// The owing table's unit column, for the standings of a version.
    owing_width: Option<(u64, usize)>,
}

fn doc_key(app: &App, subject: Subject, width: usize) -> DocKey {
    DocKey {
        subject,
        width,
        lang: app.labels.lang,
        version: app.version,
        progress: app.progress.stamp(),
        whole_history: app.detail_view().whole_history && app.subject() == Some(subject),
    }
}

/// The docs frames will draw at the current state: the detail pane's and,
/// with the search popup open on a task or sub-item, its preview's.
fn wanted(app: &App) -> Vec<DocKey> {
    let mut keys = Vec::new();
    if let (Some(subject), Some(rect)) = (app.subject(), app.screen().pane(Pane::Detail)) {
        keys.push(doc_key(app, subject, layout::inner_width(rect)));
    }
    if let Mode::Popup(Popup::Search(popup)) = &app.mode
        && let Some(hit) = popup.selected()
    {
        let subject = match search::resolve(app, &hit.target) {
            Some(search::Found::Task(r)) => Some(Subject::Task(r)),
            Some(search::Found::Item(r, i)) => Some(Subject::Item(r, i)),
            _ => None,
        };
        let width = usize::from(search::areas(app.area).preview.width);
        keys.extend(subject.map(|s| doc_key(app, s, width)));
    }
    keys
}

impl App {
    /// The detail of `subject` laid out `width` columns wide: kept by
    /// `update` for the detail pane and the search preview.
    pub fn detail_at(&self, subject: Subject, width: usize) -> Cow<'_, Doc> {
        let key = doc_key(self, subject, width);
        match self.shown.docs.iter().find(|(k, _)| *k == key) {
            Some((_, doc)) => Cow::Borrowed(doc),
            None => Cow::Owned(detail::build(self, subject, width, key.whole_history)),
        }
    }

    /// The width of the owing table's unit column: the widest unit owing
    /// reports.
    pub fn owing_unit_width(&self) -> usize {
        match self.shown.owing_width {
            Some((version, w)) if version == self.version => w,
            _ => owing_width(self),
        }
    }
}

fn owing_width(app: &App) -> usize {
    (app.standings().owing.iter())
        .map(|u| crate::text::width(&u.unit))
        .max()
        .unwrap_or(0)
}

/// Works out again what changed since the last update.
pub(super) fn refresh(app: &mut App) {
    if app.shown.owing_width.is_none_or(|(v, _)| v != app.version) {
        app.shown.owing_width = Some((app.version, owing_width(app)));
    }
    let wanted = wanted(app);
    if wanted.len() == app.shown.docs.len()
        && (wanted.iter().zip(&app.shown.docs)).all(|(k, (kept, _))| k == kept)
    {
        return;
    }
    let mut docs = std::mem::take(&mut app.shown.docs);
    let fresh = (wanted.into_iter())
        .map(|key| match docs.iter().position(|(k, _)| *k == key) {
            Some(at) => docs.swap_remove(at),
            None => {
                let doc = detail::build(app, key.subject, key.width, key.whole_history);
                (key, doc)
            }
        })
        .collect();
    app.shown.docs = fresh;
}
