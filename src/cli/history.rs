//! `otchet history POINT [--period ID] [--json]`: every saved text of one item in one
//! period, oldest first, with who saved it and when.

use std::io::Write;

use clap::{Arg, ArgAction, ArgMatches, Command};
use serde::Serialize;

use super::Failure;
use super::args::{localized, period_arg};
use super::connect::Context;
use crate::domain::{PeriodId, Stamp, plan::strip_number_dot};
use crate::model::{Revision, RevisionSource};
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
    let mut out = std::io::stdout().lock();
    let written = if m.get_flag("json") {
        let json: Vec<JsonRevision<'_>> = revisions.iter().map(JsonRevision::from).collect();
        serde_json::to_writer_pretty(&mut out, &json).map_err(std::io::Error::other).and_then(|()| writeln!(out))
    } else {
        let heading = tr!(
            "history-heading",
            point = item.point_label(),
            title = crate::text_width::truncate(&crate::text_width::one_line(&item.title), 60),
            period = &snapshot.period.title,
            n = revisions.len()
        );
        write_text(&mut out, &heading, &revisions)
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::other(e)),
        _ => Ok(()),
    }
}

fn write_text(out: &mut impl Write, heading: &str, revisions: &[Revision]) -> std::io::Result<()> {
    writeln!(out, "{}", sanitize(heading))?;
    for r in revisions {
        writeln!(out)?;
        let source = match r.source {
            RevisionSource::Edit => tr!("history-source-edit"),
            RevisionSource::Import => tr!("history-source-import"),
            RevisionSource::Restore => tr!("history-source-restore"),
        };
        writeln!(
            out,
            "{}",
            tr!(
                "history-revision",
                n = r.revision,
                when = local_time(r.at),
                by = sanitize(&r.by).into_owned(),
                source = source
            )
        )?;
        for line in sanitize(&r.info).lines() {
            writeln!(out, "    {line}")?;
        }
        writeln!(out, "    {}", tr!("history-assessment", text = sanitize(&r.assessment).into_owned()))?;
    }
    Ok(())
}

fn local_time(stamp: Stamp) -> String {
    chrono::DateTime::from_timestamp(stamp.0, 0)
        .map(|t| t.with_timezone(&chrono::Local).format("%d.%m.%Y %H:%M").to_string())
        .unwrap_or_default()
}

#[derive(Serialize)]
struct JsonRevision<'a> {
    revision: u64,
    by: &'a str,
    at: String,
    source: &'static str,
    info: &'a str,
    assessment: &'a str,
}

impl<'a> From<&'a Revision> for JsonRevision<'a> {
    fn from(r: &'a Revision) -> Self {
        JsonRevision {
            revision: r.revision,
            by: &r.by,
            at: chrono::DateTime::from_timestamp(r.at.0, 0).map(|t| t.to_rfc3339()).unwrap_or_default(),
            source: match r.source {
                RevisionSource::Edit => "edit",
                RevisionSource::Import => "import",
                RevisionSource::Restore => "restore",
            },
            info: &r.info,
            assessment: &r.assessment,
        }
    }
}
