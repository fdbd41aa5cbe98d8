//! Where output goes: standard output, or a file replaced atomically.
//!
//! A file is written to a temporary file in the same directory and renamed
//! over the target only when everything was written, so an interrupted run
//! never leaves half a report where last week's used to be.
//!
//! Only regular files are replaced that way. Anything else that already
//! exists — `/dev/null`, a named pipe, a terminal — is opened and written in
//! place: renaming over it would swap a device for a plain file (as root,
//! turning `/dev/null` into a file every later program reads back). A symbolic
//! link is followed, so the file it points at is replaced, not the link.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use convoscan::error::{Error, Result};

pub enum Output {
    Stdout(BufWriter<io::Stdout>),
    File {
        writer: BufWriter<tempfile::NamedTempFile>,
        path: PathBuf,
    },
    /// A device or pipe, written in place.
    Special {
        writer: BufWriter<File>,
        path: PathBuf,
    },
}

impl Output {
    /// `None` or `-` is standard output.
    pub fn create(path: Option<&Path>) -> Result<Output> {
        match path {
            None => Ok(Output::stdout()),
            Some(p) if p.as_os_str() == "-" => Ok(Output::stdout()),
            Some(path) => match fs::metadata(path) {
                Ok(meta) if !meta.is_file() => Output::special(path),
                _ => Output::atomic(path),
            },
        }
    }

    fn special(path: &Path) -> Result<Output> {
        let file = OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        Ok(Output::Special {
            writer: BufWriter::with_capacity(1 << 16, file),
            path: path.to_path_buf(),
        })
    }

    fn atomic(requested: &Path) -> Result<Output> {
        // Replace what a symbolic link points at, not the link.
        let path = match fs::symlink_metadata(requested) {
            Ok(meta) if meta.file_type().is_symlink() => {
                fs::canonicalize(requested).map_err(|e| Error::io(requested, e))?
            }
            _ => requested.to_path_buf(),
        };
        let path = path.as_path();
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".convoscan-");
        // A report is for sharing: the usual file mode (0666 less
        // the umask), not the private 0600 of a temporary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let file = builder.tempfile_in(dir).map_err(|e| Error::io(path, e))?;
        Ok(Output::File {
            writer: BufWriter::with_capacity(1 << 16, file),
            path: path.to_path_buf(),
        })
    }

    fn stdout() -> Output {
        Output::Stdout(BufWriter::with_capacity(1 << 16, io::stdout()))
    }

    pub fn name(&self) -> String {
        match self {
            Output::Stdout(_) => "standard output".to_string(),
            Output::File { path, .. } | Output::Special { path, .. } => path.display().to_string(),
        }
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File { writer, .. } => writer,
            Output::Special { writer, .. } => writer,
        }
    }

    /// Flushes, and for a file renames it into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().map_err(|e| Error::io("standard output", e)),
            Output::File { writer, path } => {
                let file = writer
                    .into_inner()
                    .map_err(|e| Error::io(&path, e.into_error()))?;
                file.as_file().sync_all().map_err(|e| Error::io(&path, e))?;
                file.persist(&path).map_err(|e| Error::io(&path, e.error))?;
                Ok(())
            }
            Output::Special { mut writer, path } => writer.flush().map_err(|e| Error::io(&path, e)),
        }
    }
}
