//! `facilitate --serve` on the command line: its options need `--serve`, and what stops a room
//! from opening (an address in use, a host key others can read) is said before any screen
//! opens, with exit code 2 and the session file untouched; a session another presenter has open
//! is refused a room.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]
#![cfg(unix)]

mod support;

use std::path::Path;

use support::cli::run;
use support::pty::Pty;
use support::DECISION;

#[test]
fn the_rooms_options_need_serve() {
    for extra in [
        &["--max-participants", "5"][..],
        &["--record-names"][..],
        &["--host-key", "k"][..],
    ] {
        let mut args = vec!["facilitate", DECISION, "--session", "s.ron"];
        args.extend_from_slice(extra);
        let out = run(&args, "");
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("--serve"), "{said}");
    }
    let out = run(
        &[
            "facilitate",
            DECISION,
            "--session",
            "s.ron",
            "--serve",
            "nowhere",
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(2));
}

/// Runs `facilitate --serve ADDR` in a terminal and returns its exit code and what it said.
fn serve(dir: &Path, addr: &str, key: &Path) -> (u32, String) {
    let guide = Path::new(env!("CARGO_MANIFEST_DIR")).join(DECISION);
    let session = dir.join("s.ron");
    let args = [
        "facilitate",
        guide.to_str().expect("path"),
        "--session",
        session.to_str().expect("path"),
        "--serve",
        addr,
        "--host-key",
        key.to_str().expect("path"),
    ];
    let mut pty = Pty::spawn_in(dir, &args, &[], 100, 30);
    let status = pty.wait_exit();
    (status.exit_code(), pty.screen())
}

#[test]
fn an_address_in_use_is_said_before_the_workshop_starts() {
    let dir = tempfile::tempdir().expect("temp");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = taken.local_addr().expect("address").to_string();
    let (code, said) = serve(dir.path(), &addr, &dir.path().join("key"));
    assert_eq!(code, 2, "{said}");
    assert!(said.contains(&format!("cannot serve on {addr}")), "{said}");
    assert!(
        !dir.path().join("s.ron").exists(),
        "no session file is left behind"
    );
}

#[test]
fn a_host_key_others_can_read_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp");
    let key = dir.path().join("key");
    coop_guide::room::host_key::HostKey::load_or_create(Some(&key)).expect("a key");
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    let (code, said) = serve(dir.path(), "127.0.0.1:0", &key);
    assert_eq!(code, 2, "{said}");
    assert!(said.contains("can be read by other users"), "{said}");
    assert!(said.contains("chmod 600"), "{said}");
    assert!(
        !dir.path().join("s.ron").exists(),
        "no session file is left behind"
    );
}

#[test]
fn a_room_is_refused_on_a_session_another_presenter_has_open() {
    let dir = tempfile::tempdir().expect("temp");
    let session = dir.path().join("s.ron");
    let key = dir.path().join("key");
    let held = coop_guide::store::Store::new(&session)
        .lock()
        .map_err(|_| "the lock")
        .expect("the lock is free");
    // With or without `--notes`: a room is only opened by the presenter that writes the
    // session, never by a read-only view of it.
    for notes in [false, true] {
        let mut args = vec![
            "facilitate",
            DECISION,
            "--session",
            session.to_str().expect("path"),
            "--serve",
            "127.0.0.1:0",
            "--host-key",
            key.to_str().expect("path"),
        ];
        if notes {
            args.push("--notes");
        }
        let out = run(&args, "");
        assert_eq!(out.status.code(), Some(2), "--notes {notes}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains(&format!("process {}", std::process::id())),
            "{said}"
        );
        assert!(said.contains("open a room for it"), "{said}");
    }
    assert!(!session.exists(), "no session file is written");
    assert!(!key.exists(), "nor a host key made");
    drop(held);
}
