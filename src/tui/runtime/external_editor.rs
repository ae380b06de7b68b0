//! `E`: the execution text in the user's own editor ($VISUAL, then $EDITOR, then nano/vi).

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::process::Command;

use crate::tr;

fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| if which("nano") { "nano".into() } else { "vi".into() })
}

fn which(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Runs the editor on a private temporary file holding `text` and returns what it saved.
/// The terminal must be out of full-screen mode meanwhile.
pub fn edit(text: &str) -> Result<String, String> {
    let dir = std::env::temp_dir();
    let path = dir.join(format!("otchet-{}-{}.txt", std::process::id(), crate::clock::now().0));
    let fail = |e: std::io::Error| tr!("editor-failed", detail = crate::i18n::os_error(&e));
    {
        let mut file =
            std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(&path).map_err(fail)?;
        file.write_all(text.as_bytes()).map_err(fail)?;
    }
    // The command may carry arguments ("code --wait"): let the shell split it.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{} \"$1\"", editor_command()))
        .arg("otchet-editor")
        .arg(&path)
        .status();
    let result = match status {
        Ok(s) if s.success() => std::fs::read_to_string(&path).map_err(fail).map(|t| {
            // Editors add a final newline; the stored text has none.
            t.strip_suffix('\n').map(str::to_owned).unwrap_or(t)
        }),
        Ok(s) => Err(tr!("editor-exit", status = s.to_string())),
        Err(e) => Err(fail(e)),
    };
    let _ = std::fs::remove_file(&path);
    result
}
