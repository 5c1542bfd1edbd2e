//! The end-to-end tests, in one binary so the shared fixtures are built once: the real
//! binary driven by assert_cmd against real peers (an OAuth server, a Secret Service,
//! PostgreSQL and Redis, a browser), each module one area of the product.

#[macro_use]
mod common;

mod assets;
mod cli;
mod connect;
mod contract;
mod doctor;
mod hostile;
mod postiz;
mod providers;
mod refresh;
mod repair;
mod sandbox;
