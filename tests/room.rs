//! The remote room end to end over loopback, with russh's own client as the participants'
//! `ssh`: people join with the code, vote, change their votes and drop, and the presenter's
//! tallies are their votes; wrong codes are refused slowly and an address that keeps trying is
//! turned away; nothing but the participant's view is served; a participant who never reads
//! delays nobody; the presenter quitting lets everyone go.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation
)]

mod room_support;

use std::time::{Duration, Instant};

use coop_guide::room::{Limits, Stats};
use room_support::{
    authenticated, connect, guests, quick_limits, Desk, Guest, Relay, CODE, PATIENCE,
};
use russh::ChannelMsg;

#[test]
fn fifty_participants_join_vote_change_and_drop_and_the_tallies_are_their_votes() {
    let mut desk = Desk::open(quick_limits(), false);
    // Close the join panel, then start: the first question takes votes.
    desk.press("<enter><enter>");
    assert_eq!(desk.asked().as_deref(), Some("size"));
    let address = desk.address;
    let work = guests(async move {
        let mut tasks = Vec::new();
        for n in 0..50u32 {
            tasks.push(tokio::spawn(async move {
                let mut guest = Guest::join(address, &format!("P{n:02}")).await;
                guest.wait_for("How many people take part").await;
                // Everyone votes; every third changes their mind; then they drop.
                let first = if n % 2 == 0 { "1" } else { "2" };
                guest.send(first).await;
                guest.wait_for(&format!("Your vote: {first}.")).await;
                let last = if n % 3 == 0 {
                    let other = if first == "1" { "2" } else { "1" };
                    guest.send(other).await;
                    guest.wait_for(&format!("Your vote: {other}.")).await;
                    other
                } else {
                    first
                };
                guest.drop_connection().await;
                last
            }));
        }
        let mut votes = Vec::new();
        for task in tasks {
            votes.push(task.await.expect("a guest"));
        }
        votes
    });
    desk.tick_while(|| !work.is_finished());
    let votes = work.join().expect("the guests");
    let small = votes.iter().filter(|v| **v == "1").count() as u32;
    let large = votes.iter().filter(|v| **v == "2").count() as u32;
    assert_eq!(small + large, 50);
    desk.wait_until("the tallies to match the votes", |r| {
        let record = r.presenter().record();
        record.online("size", "small") == small && record.online("size", "large") == large
    });
    desk.wait_until("everyone to have left", |r| r.people() == 0);
    // The votes stay after people drop. They make the group's choice, never the marker: `›`
    // stays where the facilitator put it, and Enter on an answer with fewer votes asks first.
    assert_ne!(
        small, large,
        "every third changing their mind leaves 24 to 26"
    );
    let (leader, other) = if large > small { (1, 0) } else { (0, 1) };
    let presenter = desk.remote.presenter();
    assert_eq!(presenter.standing(0).leader(), Some(leader));
    assert_eq!(presenter.cursor(), 0, "the marker is the facilitator's");
    desk.press(&format!("{}<enter>", other + 1));
    assert!(desk.remote.presenter().asking(), "outvoted: Enter asks");
    assert_eq!(desk.asked().as_deref(), Some("size"));
    // Another key goes back; the leader is recorded at once, and the votes saved with it.
    desk.press(&format!("{}<enter>", leader + 1));
    assert_ne!(desk.asked().as_deref(), Some("size"), "recorded");
    let file = coop_guide::store::read_file(&desk.session).expect("the session reads");
    let online = file
        .online
        .iter()
        .find(|o| o.question == "size")
        .expect("the votes are saved");
    let mut saved = online.votes.clone();
    saved.sort();
    assert_eq!(
        saved,
        vec![("large".to_string(), large), ("small".to_string(), small)]
    );
    assert!(online.names.is_empty(), "names only when asked for");
}

#[test]
fn wrong_codes_are_refused_slowly_and_an_address_that_keeps_trying_is_turned_away() {
    let limits = Limits {
        rejection_time: Duration::from_millis(150),
        failures_per_address: 4,
        block_for: Duration::from_millis(1500),
        ..Limits::default()
    };
    let mut desk = Desk::open(limits, false);
    let address = desk.address;
    let work = guests(async move {
        let mut handle = connect(address).await;
        // A wrong code takes the rejection time, every time, and a connection gets three tries.
        let mut outcomes = Vec::new();
        for guess in ["AAA-AAA", "k7q-m4y", "K7QM4"] {
            let start = Instant::now();
            let result = handle.authenticate_password("room", guess).await;
            outcomes.push((result.map(|a| a.success()).ok(), start.elapsed()));
        }
        let fourth = handle.authenticate_password("room", CODE).await;
        // A new connection: one more wrong code reaches the address's limit, and then even
        // the right one is refused, until the block ends.
        let mut again = connect(address).await;
        let blocked_wrong = again.authenticate_password("room", "BBB-BBB").await;
        let blocked_right = again.authenticate_password("room", CODE).await;
        tokio::time::sleep(Duration::from_millis(1600)).await;
        let later = authenticated(address).await;
        drop(later);
        (
            outcomes,
            fourth.map(|a| a.success()).ok(),
            blocked_wrong.map(|a| a.success()).ok(),
            blocked_right.map(|a| a.success()).ok(),
        )
    });
    desk.tick_while(|| !work.is_finished());
    let (outcomes, fourth, blocked_wrong, blocked_right) = work.join().expect("the guests");
    for (success, took) in &outcomes {
        assert_eq!(*success, Some(false), "{outcomes:?}");
        assert!(
            *took >= Duration::from_millis(140),
            "refused too fast: {took:?}"
        );
    }
    assert_ne!(fourth, Some(true), "three tries per connection");
    assert_eq!(blocked_wrong, Some(false));
    assert_ne!(
        blocked_right,
        Some(true),
        "the right code is refused while blocked"
    );
    let stats = desk.remote.room().expect("the room runs").stats();
    assert!(
        Stats::get(&stats.codes_refused) >= 4,
        "{} refused",
        Stats::get(&stats.codes_refused)
    );
}

#[test]
fn only_the_participants_view_is_served() {
    let mut desk = Desk::open(quick_limits(), false);
    let address = desk.address;
    let port = u32::from(address.port());
    let work = guests(async move {
        let mut refused = Vec::new();
        // Commands, a shell without a terminal, sftp, environment, X11, agent: all refused.
        for request in ["exec", "shell", "subsystem", "env", "x11", "agent"] {
            let handle = authenticated(address).await;
            let mut channel = handle.channel_open_session().await.expect("a session");
            let sent = match request {
                "exec" => channel.exec(true, "cat /etc/passwd").await,
                "shell" => channel.request_shell(true).await,
                "subsystem" => channel.request_subsystem(true, "sftp").await,
                "env" => channel.set_env(true, "LD_PRELOAD", "/tmp/x.so").await,
                "x11" => {
                    channel
                        .request_x11(true, false, "MIT-MAGIC-COOKIE-1", "00", 0)
                        .await
                }
                _ => channel.agent_forward(true).await,
            };
            sent.expect("sent");
            let answer = tokio::time::timeout(Duration::from_secs(2), channel.wait()).await;
            let failed = matches!(answer, Ok(Some(ChannelMsg::Failure)));
            let succeeded = matches!(answer, Ok(Some(ChannelMsg::Success)));
            refused.push((request, failed, succeeded));
            let _ = channel.close().await;
        }
        // Port forwarding both ways, and a second view on one connection.
        let handle = authenticated(address).await;
        let direct = handle
            .channel_open_direct_tcpip("127.0.0.1", port, "127.0.0.1", 5000)
            .await
            .is_err();
        let remote_forward = handle.tcpip_forward("127.0.0.1", 0).await.is_err();
        let first = handle.channel_open_session().await.expect("a session");
        first
            .request_pty(true, "xterm", 80, 24, 0, 0, &[])
            .await
            .expect("pty");
        first.request_shell(true).await.expect("shell");
        let second = handle.channel_open_session().await.is_err();
        (refused, direct, remote_forward, second)
    });
    desk.tick_while(|| !work.is_finished());
    let (refused, direct, remote_forward, second) = work.join().expect("the guests");
    for (request, failed, succeeded) in refused {
        assert!(!succeeded, "{request} was granted");
        if request != "agent" {
            assert!(failed, "{request} was not refused explicitly");
        }
    }
    assert!(direct, "a direct-tcpip channel was opened");
    assert!(remote_forward, "remote forwarding was granted");
    assert!(second, "a second session channel was opened");
}

#[test]
fn a_participant_who_never_reads_delays_nobody() {
    let mut desk = Desk::open(quick_limits(), false);
    desk.press("<enter><enter>");
    let address = desk.address;
    let (ready_tx, ready_rx) = std::sync::mpsc::channel::<()>();
    let (go_tx, go_rx) = tokio::sync::oneshot::channel::<()>();
    let work = guests(async move {
        // The stuck one: a large window, behind a relay that stops passing the room's bytes.
        let relay = Relay::open(address).await;
        let mut stuck = Guest::arrive(relay.address, 300, 100).await;
        stuck.send("Stuck\r").await;
        stuck.wait_for("you: Stuck").await;
        let mut others = Vec::new();
        for n in 0..10 {
            others.push(Guest::join(address, &format!("O{n}")).await);
        }
        relay.freeze();
        // The stuck one keeps asking for big frames: the help, over and over.
        for _ in 0..30 {
            stuck.send("?").await;
            tokio::time::sleep(Duration::from_millis(30)).await;
            stuck.send("\x1b").await;
            tokio::time::sleep(Duration::from_millis(30)).await;
        }
        let _ = ready_tx.send(());
        let _ = go_rx.await;
        // The others vote, and see their vote counted, as fast as ever.
        let start = Instant::now();
        for guest in &others {
            guest.send("2").await;
        }
        for guest in &mut others {
            guest.wait_for("Your vote: 2.").await;
        }
        (start.elapsed(), stuck)
    });
    // While the stuck participant piles frames up, the presenter moves on and back: the
    // frames to it are skipped, and the presenter never waits.
    let mut go = Some(go_tx);
    let start = Instant::now();
    let mut flips = 0;
    while !work.is_finished() {
        assert!(start.elapsed() < PATIENCE * 2, "the guests never finished");
        if go.is_some() {
            if ready_rx.try_recv().is_ok() {
                let _ = go.take().map(|g| g.send(()));
            } else if flips < 40 {
                let moved = Instant::now();
                desk.press(if flips % 2 == 0 { "2" } else { "1" });
                assert!(
                    moved.elapsed() < Duration::from_millis(200),
                    "the presenter waited"
                );
                flips += 1;
            }
        }
        desk.tick(Duration::from_millis(10));
    }
    let (took, _stuck) = work.join().expect("the guests");
    assert!(took < Duration::from_secs(3), "the others waited {took:?}");
    desk.wait_until("the others' votes", |r| {
        r.presenter().record().online("size", "large") == 10
    });
    let stats = desk.remote.room().expect("the room runs").stats();
    assert!(
        Stats::get(&stats.frames_skipped) > 0,
        "frames to the stuck participant were skipped, not queued"
    );
}

#[test]
fn a_participant_who_comes_back_with_the_same_name_gets_their_vote_back() {
    let mut desk = Desk::open(quick_limits(), true);
    desk.press("<enter><enter>");
    let address = desk.address;
    let work = guests(async move {
        let mut ana = Guest::join(address, "Ana").await;
        ana.wait_for("How many people").await;
        ana.send("2").await;
        ana.wait_for("Your vote: 2.").await;
        // While Ana is connected her name is hers.
        let mut other = Guest::arrive(address, 80, 24).await;
        other.send("ana\r").await;
        other.wait_for("Someone in the room has that name").await;
        ana.drop_connection().await;
        // Back, in another case: the same person, and the vote is there.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let mut back = Guest::join(address, "ANA").await;
        back.wait_for("Your vote: 2.").await;
        back.screen()
    });
    desk.tick_while(|| !work.is_finished());
    let screen = work.join().expect("the guests");
    assert!(
        screen.contains("you: Ana"),
        "the name as first typed:\n{screen}"
    );
    assert_eq!(desk.online("size", "large"), 1, "counted once");
    // Ana's vote leads; the facilitator marks it and records it.
    desk.press("2<enter>");
    let file = coop_guide::store::read_file(&desk.session).expect("the session reads");
    let online = file
        .online
        .iter()
        .find(|o| o.question == "size")
        .expect("saved");
    assert_eq!(online.names, vec![("Ana".to_string(), "large".to_string())]);
}

#[test]
fn participants_follow_the_presenter_and_the_end_lets_everyone_go() {
    let mut desk = Desk::open(quick_limits(), false);
    desk.press("<enter>");
    let address = desk.address;
    let (step_tx, step_rx) = std::sync::mpsc::channel::<&'static str>();
    let (next_tx, mut next_rx) = tokio::sync::mpsc::channel::<()>(4);
    let work = guests(async move {
        let mut guest = Guest::join(address, "Bo").await;
        guest
            .wait_for("Waiting for the facilitator to begin.")
            .await;
        let _ = step_tx.send("waiting");
        next_rx.recv().await;
        guest.wait_for("How many people").await;
        // A new size redraws the view at that size.
        guest
            .channel
            .window_change(60, 20, 0, 0)
            .await
            .expect("resize");
        guest.parser.screen_mut().set_size(
            std::num::NonZeroU16::new(20).expect("rows"),
            std::num::NonZeroU16::new(60).expect("cols"),
        );
        guest.send("1").await;
        guest.wait_for("Your vote: 1.").await;
        let _ = step_tx.send("voted");
        guest.wait_for("How quickly").await;
        let _ = step_tx.send("followed");
        let after = guest.wait_closed().await;
        (after, guest.exit)
    });
    let mut steps = Vec::new();
    let start = Instant::now();
    while steps.len() < 3 {
        assert!(start.elapsed() < PATIENCE, "steps so far: {steps:?}");
        desk.tick(Duration::from_millis(10));
        if let Ok(step) = step_rx.try_recv() {
            steps.push(step);
            match step {
                "waiting" => {
                    desk.press("<enter>");
                    let _ = next_tx.blocking_send(());
                }
                "voted" => {
                    desk.wait_until("the vote", |r| {
                        r.presenter().record().online("size", "small") == 1
                    });
                    desk.press("<enter>");
                }
                _ => {}
            }
        }
    }
    // The presenter quits: the room ends the session for everyone.
    drop(desk);
    let (after, exit) = work.join().expect("the guest");
    assert!(after.contains("The workshop session has ended."), "{after}");
    assert_eq!(exit, Some(0));
}

#[test]
fn a_full_room_says_so_and_a_connection_that_never_joins_is_let_go() {
    let limits = Limits {
        max_participants: 2,
        login_grace: Duration::from_millis(800),
        ..quick_limits()
    };
    let mut desk = Desk::open(limits, false);
    let address = desk.address;
    let work = guests(async move {
        let a = Guest::join(address, "A").await;
        let b = Guest::join(address, "B").await;
        let mut c = Guest::arrive(address, 80, 24).await;
        c.send("C\r").await;
        let full = c.wait_for("The room is full").await;
        // C never gets in, and after the grace time the room lets the connection go.
        let closed = tokio::time::timeout(PATIENCE, c.wait_closed())
            .await
            .is_ok();
        drop((a, b));
        (full, closed)
    });
    desk.tick_while(|| !work.is_finished());
    let (full, closed) = work.join().expect("the guests");
    assert!(full.contains("Ask the facilitator"), "{full}");
    assert!(closed);
}
