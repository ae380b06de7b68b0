//! `otchet completions bash|zsh|fish`: the shell's completion script, made by clap_complete
//! from the same definitions as `--help`, with two answers it cannot know: `--period`
//! completes the store's periods (asked of `otchet period list --ids` at the moment of
//! completing) and `--format` the export formats.

use clap::{Arg, ArgMatches, Command};
use clap_complete::Shell;

use super::Failure;
use super::args::localized;
use crate::formats::ExportFormat;
use crate::tr;

pub fn command() -> Command {
    localized(Command::new("completions"))
        .about(tr!("cli-completions"))
        .override_usage(tr!("cli-usage-completions"))
        .arg(Arg::new("shell").value_name("bash|zsh|fish").required(true).help(tr!("cli-completions-shell")))
}

pub fn run(m: &ArgMatches) -> Result<(), Failure> {
    let name = m.get_one::<String>("shell").map(String::as_str).unwrap_or_default();
    let shell = match name {
        "bash" => Shell::Bash,
        "zsh" => Shell::Zsh,
        "fish" => Shell::Fish,
        _ => return Err(Failure::usage(tr!("cli-bad-shell", value = name))),
    };
    print!("{}", script(shell));
    Ok(())
}

/// The whole script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut cmd = super::args::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, "otchet", &mut out);
    let generated = String::from_utf8_lossy(&out).into_owned();
    let formats = ExportFormat::names(" ");
    match shell {
        Shell::Bash => bash(&generated, &formats),
        Shell::Zsh => zsh(&generated, &formats),
        _ => fish(&generated, &formats),
    }
}

/// Bash: the generated function, wrapped so that the values of `--period` and `--format`
/// come from the store and the format list.
fn bash(generated: &str, formats: &str) -> String {
    format!(
        r#"{generated}
_otchet_values() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
    case "$prev" in
        --period) COMPREPLY=( $(compgen -W "$(otchet period list --ids 2>/dev/null)" -- "$cur") ); return 0 ;;
        --format) COMPREPLY=( $(compgen -W "{formats}" -- "$cur") ); return 0 ;;
    esac
    _otchet "$@"
}}
complete -F _otchet_values -o bashdefault -o default otchet
"#
    )
}

fn zsh(generated: &str, formats: &str) -> String {
    let periods = "_otchet_periods";
    let with_values = generated
        .replace(":ID:_default'", &format!(":ID:{periods}'"))
        .replace(&format!(":{}:_default'", ExportFormat::names("|")), &format!(":FORMAT:({formats})'"));
    format!(
        "{with_values}\n{periods}() {{\n    local -a periods\n    periods=(${{(f)\"$(otchet period list --ids 2>/dev/null)\"}})\n    compadd -a periods\n}}\n"
    )
}

fn fish(generated: &str, formats: &str) -> String {
    format!(
        "{generated}\ncomplete -c otchet -l period -x -a '(otchet period list --ids 2>/dev/null)'\ncomplete -c otchet -l format -x -a '{formats}'\n"
    )
}
