//! Hostile input: servers, callbacks, files and signals that try to make the tool lose a
//! token, panic, leak a secret, or write control characters to the terminal. Each module
//! covers one kind of attack; the servers are in-process and listen on 127.0.0.1 only.

mod bounds;
mod generic_servers;
mod lifetimes;
mod provider;
mod remote_text;
mod store;
