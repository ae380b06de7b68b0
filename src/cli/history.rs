//! `otchet history POINT [--period ID] [--json]`: every saved text of one item in one
//! period, oldest first, with who saved it and when.

use std::io::Write;

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde::Serialize;

use super::Failure;
use super::args::{localized, period_arg};
use super::connect::Context;
use crate::domain::{PeriodId, Review, Stamp, plan::strip_number_dot};
use crate::model::{ReviewChange, ReviewEvent, Revision, RevisionSource};
use crate::text_width::sanitize;
use crate::tr;

pub fn command() -> Command {
    localized(Command::new("history"))
        .about(tr!("cli-history"))
        .override_usage(tr!("cli-usage-history"))
        .arg(Arg::new("point").value_name(tr!("cli-point")).required(true).help(tr!("cli-history-point")))
        .arg(period_arg())
        .arg(Arg::new("json").long("json").action(ArgAction::SetTrue).help(tr!("cli-json")))
}

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let point = m.get_one::<String>("point").map(|p| strip_number_dot(p).to_owned()).unwrap_or_default();
    let period = match m.get_one::<String>("period") {
        Some(text) => Some(PeriodId::parse(text).ok_or_else(|| Failure::usage(tr!("cli-bad-period", value = text)))?),
        None => None,
    };
    let mut client = ctx.client()?;
    let Some(snapshot) = client.snapshot(period)? else {
        return Err(super::period::no_period(ctx, &mut client));
    };
    let period = snapshot.period.id;
    let Some(item) = snapshot.items.iter().find(|i| i.point_label() == point) else {
        return Err(Failure::usage(tr!("history-no-item", point = point.as_str(), period = period.to_string())));
    };
    let revisions = client.history(period, item.id)?;
    let reviews = client.reviews(period, item.id)?;
    let lines = in_order(&revisions, &reviews);
    let mut out = std::io::stdout().lock();
    let written = if m.get_flag("json") {
        let json: Vec<JsonLine<'_>> = lines.iter().map(JsonLine::from).collect();
        let mut safe = crate::text_width::JsonSafe::new(&mut out);
        serde_json::to_writer_pretty(&mut safe, &json)
            .map_err(std::io::Error::other)
            .and_then(|()| safe.flush())
            .and_then(|()| writeln!(out))
    } else {
        let heading = tr!(
            "history-heading",
            point = item.point_label(),
            title = crate::text_width::truncate(&crate::text_width::one_line(&item.title), 60),
            period = &snapshot.period.title,
            n = revisions.len()
        );
        write_text(&mut out, &heading, &lines)
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::other(e)),
        _ => Ok(()),
    }
}

/// A saved text or a review change, as the history shows them.
enum Line<'a> {
    Revision(&'a Revision),
    Review(&'a ReviewEvent),
}

impl Line<'_> {
    /// A review change comes after the revision it was made on, in the order it was made.
    fn place(&self) -> (u64, bool) {
        match self {
            Line::Revision(r) => (r.revision, false),
            Line::Review(e) => (e.revision, true),
        }
    }
}

/// Both, oldest first.
fn in_order<'a>(revisions: &'a [Revision], reviews: &'a [ReviewEvent]) -> Vec<Line<'a>> {
    let mut lines: Vec<Line<'a>> =
        revisions.iter().map(Line::Revision).chain(reviews.iter().map(Line::Review)).collect();
    // Stable: review changes of one revision stay in the order they were stored.
    lines.sort_by_key(Line::place);
    lines
}

fn source_text(source: RevisionSource) -> String {
    match source {
        RevisionSource::Edit => tr!("history-source-edit"),
        RevisionSource::Import => tr!("history-source-import"),
        RevisionSource::Restore => tr!("history-source-restore"),
        RevisionSource::Carried { from } => tr!("history-source-carried", from = from.to_string()),
    }
}

/// "open → ready", or "carried-over text kept".
pub(super) fn review_text(change: ReviewChange) -> String {
    match change {
        ReviewChange::Review { from, to } => {
            tr!("history-review", from = review_name(from), to = review_name(to))
        }
        ReviewChange::CarriedConfirmed => tr!("history-carried-confirmed"),
    }
}

pub(super) fn review_name(review: Review) -> String {
    match review {
        Review::Open => tr!("review-open"),
        Review::Ready => tr!("review-ready"),
        Review::Accepted => tr!("review-accepted"),
    }
}

fn write_text(out: &mut impl Write, heading: &str, lines: &[Line<'_>]) -> std::io::Result<()> {
    writeln!(out, "{}", sanitize(heading))?;
    for line in lines {
        writeln!(out)?;
        let r = match line {
            Line::Review(e) => {
                let by = sanitize(&e.by).into_owned();
                writeln!(
                    out,
                    "{}",
                    tr!("history-review-line", when = local_time(e.at), by = by, change = review_text(e.change))
                )?;
                continue;
            }
            Line::Revision(r) => r,
        };
        let by = sanitize(&r.by).into_owned();
        let heading =
            tr!("history-revision", n = r.revision, when = local_time(r.at), by = by, source = source_text(r.source));
        writeln!(out, "{heading}")?;
        for line in sanitize(&r.info).lines() {
            writeln!(out, "    {line}")?;
        }
        // A blank assessment is said to be blank, not left as a dangling caption.
        let assessment = match r.assessment.trim() {
            "" => "—".to_owned(),
            said => sanitize(said).into_owned(),
        };
        writeln!(out, "    {}", tr!("history-assessment", text = assessment))?;
    }
    Ok(())
}

fn local_time(stamp: Stamp) -> String {
    chrono::DateTime::from_timestamp(stamp.0, 0)
        .map(|t| t.with_timezone(&chrono::Local).format("%d.%m.%Y %H:%M").to_string())
        .unwrap_or_default()
}

/// One line of `history --json`: a revision (as before, with `event`), or a review change.
#[derive(Serialize)]
struct JsonLine<'a> {
    event: &'static str,
    by: &'a str,
    at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    revision: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    carried_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    info: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    assessment: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<&'static str>,
}

fn rfc3339(at: Stamp) -> String {
    chrono::DateTime::from_timestamp(at.0, 0).map(|t| t.to_rfc3339()).unwrap_or_default()
}

impl<'a> From<&Line<'a>> for JsonLine<'a> {
    fn from(line: &Line<'a>) -> Self {
        let empty = JsonLine {
            event: "revision",
            by: "",
            at: String::new(),
            revision: None,
            source: None,
            carried_from: None,
            info: None,
            assessment: None,
            from: None,
            to: None,
        };
        match line {
            Line::Revision(r) => JsonLine {
                by: &r.by,
                at: rfc3339(r.at),
                revision: Some(r.revision),
                source: Some(match r.source {
                    RevisionSource::Edit => "edit",
                    RevisionSource::Import => "import",
                    RevisionSource::Restore => "restore",
                    RevisionSource::Carried { .. } => "carried",
                }),
                carried_from: match r.source {
                    RevisionSource::Carried { from } => Some(from.to_string()),
                    _ => None,
                },
                info: Some(&r.info),
                assessment: Some(&r.assessment),
                ..empty
            },
            Line::Review(e) => match e.change {
                ReviewChange::Review { from, to } => JsonLine {
                    event: "review",
                    by: &e.by,
                    at: rfc3339(e.at),
                    from: Some(from.as_str()),
                    to: Some(to.as_str()),
                    ..empty
                },
                ReviewChange::CarriedConfirmed => {
                    JsonLine { event: "carried_confirmed", by: &e.by, at: rfc3339(e.at), ..empty }
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revision_without_an_assessment_says_so_with_a_dash() {
        crate::i18n::set_lang(crate::i18n::Lang::Ru);
        let revision = Revision {
            revision: 1,
            by: "ivanova".into(),
            at: Stamp(0),
            info: "Проведено совещание".into(),
            assessment: " ".into(),
            source: RevisionSource::Edit,
        };
        let mut out = Vec::new();
        write_text(&mut out, "Пункт 1", &[Line::Revision(&revision)]).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.ends_with("    Проведено совещание\n    Оценка: —\n"), "{out}");
    }
}
