//! Reading the files the program takes — guides, translations, sessions, answers files — within
//! bounds, whatever the path names.
//!
//! Only regular files are read. A device (`/dev/zero`), a named pipe or a socket is refused with
//! a message that says what it is, and the refusal is quick: the file is opened without blocking
//! (a named pipe with no writer would otherwise hang the open) and its type is checked on the
//! open handle, so nothing swapped in between a look and the open can slip through. Each kind of
//! file has a size cap far above any real one; a larger file is refused before it is read, and
//! the reading itself stops one byte past the cap, so no input can make the program hold more
//! than the cap in memory.
//!
//! Errors are [`io::Error`]s whose message says what is wrong without the path; callers put the
//! path in front (`cannot read \`x.ron\`: …`), as they do for every other reading error.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// What a file is for: each kind has its own size cap and its own name in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A guide (`.ron`).
    Guide,
    /// A translation of a guide.
    Translation,
    /// A workshop session file.
    Session,
    /// An answers file for `play --answers`.
    Answers,
    /// The remote room's SSH host key.
    HostKey,
}

const MIB: u64 = 1024 * 1024;

impl Kind {
    /// The largest file of this kind that is read. A generated guide of 100,000 questions is
    /// 64 MB, a real session a few kilobytes, a real answers file a few hundred bytes.
    pub fn cap(self) -> u64 {
        match self {
            Kind::Guide | Kind::Translation => 128 * MIB,
            Kind::Session => 8 * MIB,
            Kind::Answers => 16 * MIB,
            Kind::HostKey => 64 * 1024,
        }
    }

    /// The kind's name in messages, with its article.
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Guide => "a guide file",
            Kind::Translation => "a translation file",
            Kind::Session => "a session file",
            Kind::Answers => "an answers file",
            Kind::HostKey => "a host key file",
        }
    }
}

/// Why a path was refused before anything was read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A folder.
    Folder(Kind),
    /// A character or block device.
    Device(Kind),
    /// A named pipe.
    Pipe(Kind),
    /// A socket.
    Socket(Kind),
    /// Something else that is not a regular file.
    NotAFile(Kind),
    /// A regular file larger than the kind's cap: its size in bytes, and the kind.
    TooLarge(u64, Kind),
    /// Text that is not UTF-8: the offset of the first bad byte, and the kind.
    NotText(usize, Kind),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Refusal::Folder(kind) => write!(f, "it is a folder, not {}", kind.noun()),
            Refusal::Device(kind) => write!(f, "it is a device, not {}", kind.noun()),
            Refusal::Pipe(kind) => write!(
                f,
                "it is a named pipe, not {}; save what it carries to a file first",
                kind.noun()
            ),
            Refusal::Socket(kind) => write!(f, "it is a socket, not {}", kind.noun()),
            Refusal::NotAFile(kind) => {
                write!(f, "it is not a regular file, so not {}", kind.noun())
            }
            Refusal::TooLarge(size, kind) => write!(
                f,
                "it is {}, more than the {} {} may be; is this the right file?",
                size_text(size),
                size_text(kind.cap()),
                kind.noun()
            ),
            Refusal::NotText(offset, kind) => write!(
                f,
                "it is not UTF-8 text (the first bad byte is at offset {offset}), so not {}",
                kind.noun()
            ),
        }
    }
}

impl std::error::Error for Refusal {}

impl Refusal {
    /// The refusal carried by an error from this module, if it carries one.
    pub fn of(error: &io::Error) -> Option<&Refusal> {
        error.get_ref()?.downcast_ref::<Refusal>()
    }
}

/// A size for people: bytes, KB, or MB with one decimal (1024-based), rounded up so that a
/// size past a cap never reads as the cap itself.
pub fn size_text(bytes: u64) -> String {
    if bytes >= MIB {
        let tenths = (u128::from(bytes) * 10).div_ceil(u128::from(MIB));
        match tenths % 10 {
            0 => format!("{} MB", tenths / 10),
            d => format!("{}.{d} MB", tenths / 10),
        }
    } else if bytes >= 1024 {
        format!("{} KB", bytes.div_ceil(1024))
    } else {
        format!("{bytes} bytes")
    }
}

fn refused(refusal: Refusal) -> io::Error {
    let kind = match refusal {
        Refusal::TooLarge(..) => io::ErrorKind::FileTooLarge,
        Refusal::NotText(..) => io::ErrorKind::InvalidData,
        Refusal::Folder(_) => io::ErrorKind::IsADirectory,
        _ => io::ErrorKind::InvalidInput,
    };
    io::Error::new(kind, refusal)
}

/// Opens a path for reading without ever blocking on the open (a named pipe with no writer
/// opens at once), and checks on the open handle that it is a regular file within the cap.
fn open(path: &Path, kind: Kind) -> io::Result<(File, u64)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    let file_type = meta.file_type();
    if file_type.is_dir() {
        return Err(refused(Refusal::Folder(kind)));
    }
    if !file_type.is_file() {
        return Err(refused(not_a_file(&file_type, kind)));
    }
    if meta.len() > kind.cap() {
        return Err(refused(Refusal::TooLarge(meta.len(), kind)));
    }
    Ok((file, meta.len()))
}

#[cfg(unix)]
fn not_a_file(file_type: &std::fs::FileType, kind: Kind) -> Refusal {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_char_device() || file_type.is_block_device() {
        Refusal::Device(kind)
    } else if file_type.is_fifo() {
        Refusal::Pipe(kind)
    } else if file_type.is_socket() {
        Refusal::Socket(kind)
    } else {
        Refusal::NotAFile(kind)
    }
}

#[cfg(not(unix))]
fn not_a_file(_: &std::fs::FileType, kind: Kind) -> Refusal {
    Refusal::NotAFile(kind)
}

/// The bytes of a regular file of this kind. A file that grows while it is read stops one
/// byte past the cap and is refused.
pub fn bytes(path: &Path, kind: Kind) -> io::Result<Vec<u8>> {
    let (file, len) = open(path, kind)?;
    let mut out = Vec::with_capacity(usize::try_from(len).unwrap_or(0).saturating_add(1));
    file.take(kind.cap().saturating_add(1))
        .read_to_end(&mut out)?;
    let read = u64::try_from(out.len()).unwrap_or(u64::MAX);
    if read > kind.cap() {
        return Err(refused(Refusal::TooLarge(read, kind)));
    }
    Ok(out)
}

/// The text of a regular file of this kind, which must be UTF-8.
pub fn text(path: &Path, kind: Kind) -> io::Result<String> {
    String::from_utf8(bytes(path, kind)?)
        .map_err(|e| refused(Refusal::NotText(e.utf8_error().valid_up_to(), kind)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn a_regular_file_is_read_whole() {
        let guide = Path::new("guides/decision-making.ron");
        let whole = std::fs::read_to_string(guide).expect("the guide is there");
        assert_eq!(text(guide, Kind::Guide).expect("read"), whole);
    }

    #[test]
    fn a_device_is_refused_without_reading_it() {
        let error = bytes(Path::new("/dev/zero"), Kind::Guide).expect_err("refused");
        assert_eq!(Refusal::of(&error), Some(&Refusal::Device(Kind::Guide)));
        assert_eq!(error.to_string(), "it is a device, not a guide file");
    }

    #[test]
    fn a_named_pipe_without_a_writer_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("temp");
        let fifo = dir.path().join("pipe.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let start = Instant::now();
        let error = bytes(&fifo, Kind::Session).expect_err("refused");
        assert!(start.elapsed() < Duration::from_secs(2));
        assert_eq!(Refusal::of(&error), Some(&Refusal::Pipe(Kind::Session)));
    }

    #[test]
    fn a_file_past_the_cap_is_refused_naming_its_size_and_the_cap() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("big.ron");
        let file = File::create(&path).expect("create");
        file.set_len(Kind::Session.cap() + 1).expect("grow");
        let error = bytes(&path, Kind::Session).expect_err("refused");
        assert_eq!(
            error.to_string(),
            "it is 8.1 MB, more than the 8 MB a session file may be; is this the right file?"
        );
    }

    #[test]
    fn text_that_is_not_utf8_says_where_it_breaks() {
        let dir = tempfile::tempdir().expect("temp");
        let path = dir.path().join("bad.txt");
        std::fs::write(&path, b"ab\xffcd").expect("write");
        let error = text(&path, Kind::Answers).expect_err("refused");
        assert_eq!(
            Refusal::of(&error),
            Some(&Refusal::NotText(2, Kind::Answers))
        );
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_text(12), "12 bytes");
        assert_eq!(size_text(4096), "4 KB");
        assert_eq!(size_text(300 * MIB), "300 MB");
        assert_eq!(size_text(MIB + MIB / 2), "1.5 MB");
    }
}
