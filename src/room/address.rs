//! How participants reach the room: the `ssh` command the presenter shows.
//!
//! A room bound to one address is reached there. A room bound to every address (`0.0.0.0`,
//! `::`) is reached at this machine's own addresses on its networks, which the system lists
//! (`getifaddrs`): IPv4 first, loopback and link-local left out, since nobody else can use
//! them. Nothing is sent anywhere to find them.

use std::net::{IpAddr, SocketAddr};

/// The user name in the command; any name works, this one says what it is for.
pub const USER: &str = "room";

/// The hosts participants can use to reach a room listening on `bound`, best first (at most
/// three); never empty.
pub fn hosts(bound: SocketAddr) -> Vec<String> {
    let ip = bound.ip();
    if !ip.is_unspecified() {
        return vec![ip.to_string()];
    }
    let mut found = local_addresses();
    found.retain(|a| !a.is_loopback() && !link_local(a));
    found.sort_by_key(|a| (a.is_ipv6(), *a));
    found.dedup();
    let mut hosts: Vec<String> = found.iter().take(3).map(IpAddr::to_string).collect();
    if hosts.is_empty() {
        hosts.push(if ip.is_ipv6() { "::1" } else { "127.0.0.1" }.to_string());
    }
    hosts
}

/// The command that joins the room at `host` on `port`.
pub fn command(host: &str, port: u16) -> String {
    if port == 22 {
        format!("ssh {USER}@{host}")
    } else {
        format!("ssh -p {port} {USER}@{host}")
    }
}

fn link_local(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_link_local(),
        IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) == 0xfe80,
    }
}

/// This machine's interface addresses, as the system lists them.
#[cfg(unix)]
fn local_addresses() -> Vec<IpAddr> {
    let mut out = Vec::new();
    let mut list: *mut libc::ifaddrs = std::ptr::null_mut();
    // SAFETY: getifaddrs fills `list` with a linked list that stays valid until freeifaddrs;
    // every node and address is read only while it is, and only for the families checked.
    unsafe {
        if libc::getifaddrs(&mut list) != 0 {
            return out;
        }
        let mut node = list;
        while !node.is_null() {
            let addr = (*node).ifa_addr;
            if !addr.is_null() {
                match i32::from((*addr).sa_family) {
                    libc::AF_INET => {
                        let v4 = &*(addr as *const libc::sockaddr_in);
                        out.push(IpAddr::from(u32::from_be(v4.sin_addr.s_addr).to_be_bytes()));
                    }
                    libc::AF_INET6 => {
                        let v6 = &*(addr as *const libc::sockaddr_in6);
                        out.push(IpAddr::from(v6.sin6_addr.s6_addr));
                    }
                    _ => {}
                }
            }
            node = (*node).ifa_next;
        }
        libc::freeifaddrs(list);
    }
    out
}

#[cfg(not(unix))]
fn local_addresses() -> Vec<IpAddr> {
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_room_on_one_address_is_reached_there() {
        let bound: SocketAddr = "127.0.0.1:2222".parse().expect("address");
        assert_eq!(hosts(bound), vec!["127.0.0.1".to_string()]);
        assert_eq!(command("127.0.0.1", 2222), "ssh -p 2222 room@127.0.0.1");
        assert_eq!(command("10.0.0.5", 22), "ssh room@10.0.0.5");
    }

    #[test]
    fn a_room_on_every_address_lists_this_machines_own() {
        let bound: SocketAddr = "0.0.0.0:2222".parse().expect("address");
        let hosts = hosts(bound);
        assert!(!hosts.is_empty() && hosts.len() <= 3, "{hosts:?}");
        for host in &hosts {
            let ip: IpAddr = host.parse().expect("an address");
            assert!(!ip.is_unspecified(), "{host}");
        }
    }
}
