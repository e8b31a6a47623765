//! The room's SSH host key: what lets participants' `ssh` know it is talking to this room, and
//! the fingerprint the presenter shows so they can check it.
//!
//! The key is Ed25519, made on first use and kept, so participants who accepted it once (it is
//! in their `known_hosts`) are not asked again next time. Its file is readable by its owner
//! only (mode 0600), in the user's data folder: `$XDG_DATA_HOME/coop-guide/host-key`, or
//! `~/.local/share/coop-guide/host-key`; `--host-key FILE` names another. The public half is
//! written beside it (`host-key.pub`), so `ssh-keygen -lf` can show the fingerprint too.
//!
//! A key file that others can read is refused, as OpenSSH refuses one: a host key anyone on
//! the machine can copy proves nothing. So is a key with a passphrase, or of another kind.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};

use crate::guide::text::sanitize_line;
use crate::read::{self, Kind};

/// The file name of the host key in the data folder.
pub const FILE_NAME: &str = "host-key";

/// Why the host key cannot be had.
#[derive(Debug)]
pub enum HostKeyError {
    /// Neither `XDG_DATA_HOME` nor `HOME` says where the data folder is.
    NoDataFolder,
    /// The file could not be read, written or made: the path, what was being done, the error.
    Io(PathBuf, &'static str, io::Error),
    /// The file is not a key this room can use: the path and why.
    Unusable(PathBuf, String),
    /// The file can be read by other users: the path and its mode.
    Exposed(PathBuf, u32),
    /// The system has no randomness to make a key with.
    Random(String),
}

impl fmt::Display for HostKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |p: &Path| sanitize_line(&p.display().to_string());
        match self {
            HostKeyError::NoDataFolder => write!(
                f,
                "cannot tell where to keep the room's host key (neither XDG_DATA_HOME nor HOME is set); name a file with --host-key"
            ),
            HostKeyError::Io(path, doing, e) => {
                write!(f, "cannot {doing} the host key `{}`: {e}", shown(path))
            }
            HostKeyError::Unusable(path, why) => {
                write!(f, "the host key `{}` cannot be used: {why}", shown(path))
            }
            HostKeyError::Exposed(path, mode) => write!(
                f,
                "the host key `{}` can be read by other users (mode {mode:o}); run `chmod 600 {}` and start again",
                shown(path),
                shown(path)
            ),
            HostKeyError::Random(e) => write!(f, "cannot make a host key: {e}"),
        }
    }
}

impl std::error::Error for HostKeyError {}

/// The room's host key and where it is kept.
#[derive(Debug, Clone)]
pub struct HostKey {
    /// The key.
    pub key: PrivateKey,
    /// Its file.
    pub path: PathBuf,
    /// True when it was made just now (participants will be asked to accept a new key).
    pub new: bool,
}

impl HostKey {
    /// The key at `path`, made there if there is no file yet; `None` for the data folder's.
    pub fn load_or_create(path: Option<&Path>) -> Result<HostKey, HostKeyError> {
        let path = match path {
            Some(p) => p.to_path_buf(),
            None => default_path()?,
        };
        match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => create(&path),
            Err(e) => Err(HostKeyError::Io(path, "read", e)),
            Ok(_) => load(&path),
        }
    }

    /// The fingerprint as OpenSSH prints it: `SHA256:` and the hash in base64.
    pub fn fingerprint(&self) -> String {
        self.key.fingerprint(HashAlg::Sha256).to_string()
    }
}

/// Where the host key is kept when no file is named: the user's data folder.
pub fn default_path() -> Result<PathBuf, HostKeyError> {
    let absolute = |v: std::ffi::OsString| {
        let p = PathBuf::from(v);
        p.is_absolute().then_some(p)
    };
    let data = std::env::var_os("XDG_DATA_HOME")
        .and_then(absolute)
        .or_else(|| {
            std::env::var_os("HOME")
                .and_then(absolute)
                .map(|home| home.join(".local").join("share"))
        })
        .ok_or(HostKeyError::NoDataFolder)?;
    Ok(data.join("coop-guide").join(FILE_NAME))
}

fn load(path: &Path) -> Result<HostKey, HostKeyError> {
    let text = read::text(path, Kind::HostKey)
        .map_err(|e| HostKeyError::Io(path.to_path_buf(), "read", e))?;
    check_mode(path)?;
    let key = PrivateKey::from_openssh(text.trim())
        .map_err(|_| unusable(path, "it is not an OpenSSH private key"))?;
    if key.is_encrypted() {
        return Err(unusable(
            path,
            "it has a passphrase; the room needs a key without one",
        ));
    }
    if key.algorithm() != Algorithm::Ed25519 {
        return Err(unusable(path, "it is not an Ed25519 key"));
    }
    Ok(HostKey {
        key,
        path: path.to_path_buf(),
        new: false,
    })
}

fn unusable(path: &Path, why: &str) -> HostKeyError {
    HostKeyError::Unusable(path.to_path_buf(), why.to_string())
}

#[cfg(unix)]
fn check_mode(path: &Path) -> Result<(), HostKeyError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|e| HostKeyError::Io(path.to_path_buf(), "read", e))?
        .permissions()
        .mode()
        & 0o777;
    if mode & 0o077 != 0 {
        return Err(HostKeyError::Exposed(path.to_path_buf(), mode));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_mode(_: &Path) -> Result<(), HostKeyError> {
    Ok(())
}

/// Makes a new key at `path` (its folder too, readable by its owner only, when it is the data
/// folder's), never over an existing file.
fn create(path: &Path) -> Result<HostKey, HostKeyError> {
    let io_error = |doing, e| HostKeyError::Io(path.to_path_buf(), doing, e);
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !folder.is_dir() {
            let ours = default_path().ok().as_deref() == Some(path);
            if !ours {
                let e = io::Error::new(
                    io::ErrorKind::NotFound,
                    format!(
                        "the folder `{}` does not exist",
                        sanitize_line(&folder.display().to_string())
                    ),
                );
                return Err(io_error("make", e));
            }
            make_private_folder(folder).map_err(|e| io_error("make", e))?;
        }
    }
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| HostKeyError::Random(e.to_string()))?;
    let key = PrivateKey::from(Ed25519Keypair::from_seed(&seed));
    seed.fill(0);
    let pem = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| HostKeyError::Random(e.to_string()))?;
    let mut file = private_file(path).map_err(|e| io_error("make", e))?;
    file.write_all(pem.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| io_error("write", e))?;
    // The public half is a convenience; the room works without it.
    if let Ok(public) = key.public_key().to_openssh() {
        let _ = std::fs::write(
            path.with_extension("pub"),
            format!("{public} coop-guide room\n"),
        );
    }
    Ok(HostKey {
        key,
        path: path.to_path_buf(),
        new: true,
    })
}

#[cfg(unix)]
fn private_file(path: &Path) -> io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> io::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

#[cfg(unix)]
fn make_private_folder(folder: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
}

#[cfg(not(unix))]
fn make_private_folder(folder: &Path) -> io::Result<()> {
    std::fs::create_dir_all(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_made_once_private_and_reused() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("key");
        let made = HostKey::load_or_create(Some(&path)).expect("made");
        assert!(made.new);
        let fingerprint = made.fingerprint();
        assert!(fingerprint.starts_with("SHA256:"), "{fingerprint}");
        assert_eq!(fingerprint.len(), "SHA256:".len() + 43, "{fingerprint}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let again = HostKey::load_or_create(Some(&path)).expect("loaded");
        assert!(!again.new);
        assert_eq!(again.fingerprint(), fingerprint);
        let public = std::fs::read_to_string(path.with_extension("pub")).expect("public half");
        assert!(public.starts_with("ssh-ed25519 "), "{public}");
    }

    #[cfg(unix)]
    #[test]
    fn a_key_others_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("key");
        HostKey::load_or_create(Some(&path)).expect("made");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let error = HostKey::load_or_create(Some(&path)).expect_err("refused");
        assert!(error.to_string().contains("chmod 600"), "{error}");
    }

    #[test]
    fn a_file_that_is_no_key_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("key");
        private_file(&path)
            .and_then(|mut f| f.write_all(b"not a key"))
            .expect("write");
        let error = HostKey::load_or_create(Some(&path)).expect_err("refused");
        assert!(
            error.to_string().contains("not an OpenSSH private key"),
            "{error}"
        );
        assert_eq!(std::fs::read(&path).expect("read"), b"not a key");
    }

    #[test]
    fn a_named_key_in_a_missing_folder_is_refused_naming_the_folder() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("nowhere").join("key");
        let error = HostKey::load_or_create(Some(&path)).expect_err("refused");
        assert!(error.to_string().contains("does not exist"), "{error}");
    }
}
