//! `otchet review POINT [--period ID] open|ready|accepted`: an entry's review state, for
//! scripts (accepting, and undoing an acceptance, are an admin's).

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgMatches, Command};

use super::Failure;
use super::args::{localized, period_arg, period_of};
use super::connect::Context;
use crate::domain::Review;
use crate::domain::plan::strip_number_dot;
use crate::tr;

pub fn command() -> Command {
    localized(Command::new("review"))
        .about(tr!("cli-review"))
        .override_usage(tr!("cli-usage-review"))
        .arg(Arg::new("point").value_name(tr!("cli-point")).required(true).help(tr!("cli-plan-point")))
        .arg(
            Arg::new("state")
                .value_name("open|ready|accepted")
                .required(true)
                .value_parser(PossibleValuesParser::new(["open", "ready", "accepted"]))
                .help(tr!("cli-review-state")),
        )
        .arg(period_arg())
}

pub fn run(ctx: &Context, m: &ArgMatches) -> Result<(), Failure> {
    let point = m.get_one::<String>("point").map(|p| strip_number_dot(p).to_owned()).unwrap_or_default();
    let review = m.get_one::<String>("state").and_then(|s| Review::parse(s)).unwrap_or(Review::Open);
    let period = period_of(m)?;
    let mut client = ctx.client()?;
    let Some(snapshot) = client.snapshot(period)? else { return Err(super::period::no_period(ctx, &mut client)) };
    let period = snapshot.period.id;
    let Some(item) = snapshot.items.iter().find(|i| i.point_label() == point) else {
        return Err(Failure::usage(tr!("history-no-item", point = point.as_str(), period = period.to_string())));
    };
    client.set_review(period, item.id, review)?;
    let state = super::history::review_name(review);
    say!("{}", tr!("review-set", point = point.as_str(), period = period.to_string(), state = state));
    Ok(())
}
