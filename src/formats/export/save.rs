//! Writing an exported file so that the path never holds half of it: a temporary file in
//! the same directory, flushed, then renamed over the path.

use std::fs::{self, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::ExportError;

pub fn save_atomically(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    save_atomically_with_mode(path, bytes, 0o666)
}

/// As `save_atomically`, the file created with `mode` (less the umask): 0o600 for a backup,
/// which holds the whole store.
pub fn save_atomically_with_mode(path: &Path, bytes: &[u8], mode: u32) -> Result<(), ExportError> {
    save_atomically_streaming(path, mode, |file| file.write_all(bytes))
}

/// As `save_atomically_with_mode`, the content written by `write` as it is made (a backup of
/// a large store is never held in memory as bytes).
pub fn save_atomically_streaming(
    path: &Path,
    mode: u32,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> Result<(), ExportError> {
    let mut file = AtomicFile::create(path, mode)?;
    write(file.file.get_mut()).map_err(|e| file.failed(&e))?;
    file.commit()
}

/// A file being written whose path never holds half of it: the content goes to a temporary
/// file in the same directory, flushed and renamed over the path by `commit`. Dropped
/// before that, the temporary file is removed.
pub struct AtomicFile {
    path: PathBuf,
    temp: PathBuf,
    file: BufWriter<fs::File>,
    committed: bool,
}

impl AtomicFile {
    /// The file to be saved at `path`, created with `mode` (less the umask).
    pub fn create(path: &Path, mode: u32) -> Result<AtomicFile, ExportError> {
        use std::os::unix::fs::OpenOptionsExt;
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let failed = |e: std::io::Error| ExportError::write(path, &e);
        let name = path.file_name().ok_or_else(|| failed(std::io::ErrorKind::InvalidInput.into()))?;
        let temp = dir_of(path).join(format!(
            ".{}.{}-{}.part",
            name.to_string_lossy(),
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        refuse_non_regular(path).map_err(failed)?;
        let file = OpenOptions::new().write(true).create_new(true).mode(mode).open(&temp).map_err(failed)?;
        Ok(AtomicFile { path: path.to_path_buf(), temp, file: BufWriter::new(file), committed: false })
    }

    pub fn writer(&mut self) -> &mut BufWriter<fs::File> {
        &mut self.file
    }

    /// A failure to write the file, naming its path.
    pub fn failed(&self, e: &std::io::Error) -> ExportError {
        ExportError::write(&self.path, e)
    }

    /// Flushes the file and puts it at its path.
    pub fn commit(mut self) -> Result<(), ExportError> {
        let saved = (|| {
            self.file.flush()?;
            self.file.get_ref().sync_all()?;
            fs::rename(&self.temp, &self.path)
        })();
        saved.map_err(|e| self.failed(&e))?;
        self.committed = true;
        // The rename itself survives a crash only once the directory is flushed.
        if let Ok(d) = fs::File::open(dir_of(&self.path)) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

/// Saves the JSON export of the whole store at `path`, from the parts `read` hands to the
/// function it is given, as they come. Returns how many plans and periods it holds.
pub fn save_json_export<E: From<ExportError>>(
    path: &Path,
    read: impl FnOnce(&mut dyn FnMut(crate::model::DumpPart) -> Result<(), E>) -> Result<(), E>,
) -> Result<(usize, usize), E> {
    let failed = |e: std::io::Error| ExportError::write(path, &e);
    let mut json = super::JsonDumpWriter::new(AtomicFile::create(path, 0o666)?);
    read(&mut |part| json.part(part).map_err(|e| E::from(failed(e))))?;
    let counts = json.counts();
    json.finish().map_err(failed)?.commit()?;
    Ok(counts)
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

fn dir_of(path: &Path) -> &Path {
    path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."))
}

/// A device, a folder, a link or a socket at `path` is never replaced by the file (as root,
/// `--output /dev/full` would otherwise become a regular file).
pub(crate) fn refuse_non_regular(path: &Path) -> std::io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() => {
            let said = crate::tr!("fs-not-regular", path = path.display().to_string());
            Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, crate::i18n::Said(said)))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("link.txt");
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), &link).unwrap();
        for path in [Path::new("/dev/null"), dir.path(), link.as_path()] {
            let refused = save_atomically(path, b"x").unwrap_err().to_string();
            assert!(refused.contains(&path.display().to_string()), "{refused}");
        }
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert!(!dir.path().join("elsewhere").exists());
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("otchet-2020-Q1.txt");
        save_atomically(&path, b"first").unwrap();
        save_atomically(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_private_file_is_created_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("backup.json");
        save_atomically_with_mode(&path, b"{}", 0o600).unwrap();
        assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_directory_in_the_way_is_an_error_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let err = save_atomically(dir.path(), b"x").unwrap_err();
        assert!(matches!(&err, ExportError::Write { path, .. } if path == dir.path()));
        let missing = dir.path().join("no-such-dir/out.csv");
        assert!(save_atomically(&missing, b"x").is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
