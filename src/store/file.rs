//! Files that hold state: written atomically (temp file + rename in the same directory),
//! with 0600 permissions from creation for anything that holds a secret.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// Make sure `dir` exists and only its owner can enter it: created 0700, and an existing
/// one that others can read or enter (0755, 0777...) is tightened to its owner's bits.
pub fn ensure_dir(dir: &Path) -> Result<(), Error> {
    // Called before every write: a stat is cheaper than a mkdir that fails with EEXIST.
    if let Ok(meta) = fs::metadata(dir) {
        if meta.is_dir() {
            return make_private(dir, &meta);
        }
    }
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|e| Error::Store {
        what: format!("cannot create {}: {e}", dir.display()),
        fix: "check the permissions, or point POSTIZ_CONNECT_HOME elsewhere".into(),
    })
}

#[cfg(unix)]
fn make_private(dir: &Path, meta: &fs::Metadata) -> Result<(), Error> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 == 0 {
        return Ok(());
    }
    fs::set_permissions(dir, fs::Permissions::from_mode(mode & 0o700)).map_err(|e| {
        Error::Store {
            what: format!(
                "{} is mode {mode:o}: other users can read the tokens in it, and it cannot be made private ({e})",
                dir.display()
            ),
            fix: format!(
                "chmod 700 '{}' as its owner, or point POSTIZ_CONNECT_HOME at a directory of your own",
                dir.display()
            ),
        }
    })
}

#[cfg(not(unix))]
fn make_private(_dir: &Path, _meta: &fs::Metadata) -> Result<(), Error> {
    Ok(())
}

/// Replace `path` with `bytes` atomically; the file is 0600 before any byte is written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    ensure_dir(dir)?;
    let fail = |e: &dyn std::fmt::Display| Error::Store {
        what: format!("cannot write {}: {e}", path.display()),
        fix: "check free disk space and the permissions of the directory".into(),
    };
    // tempfile creates with 0600 on Unix. The name tells whose temp file it is, so one a
    // killed process left behind can be found and removed.
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(&name))
        .tempfile_in(dir)
        .map_err(|e| fail(&e))?;
    tmp.write_all(bytes).map_err(|e| fail(&e))?;
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    // The rename must be durable before anything that relies on it (a pending record is
    // removed next): fsync the directory, or a power cut may keep the old file.
    #[cfg(unix)]
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| fail(&e))?;
    Ok(())
}

/// The start of the temp file names used while `name` is replaced.
pub fn temp_prefix(name: &str) -> String {
    format!(".{name}.tmp")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/secrets.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            let dmode = fs::metadata(path.parent().unwrap())
                .unwrap()
                .permissions()
                .mode()
                & 0o777;
            assert_eq!(dmode, 0o700);
        }
        // No temp files left behind.
        assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_loose_directory_is_made_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let loose = dir.path().join("secrets");
        fs::create_dir(&loose).unwrap();
        fs::set_permissions(&loose, fs::Permissions::from_mode(0o777)).unwrap();
        write_atomic(&loose.join("a.json"), b"{}").unwrap();
        let mode = fs::metadata(&loose).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }
}
