//! The process's own protection: its memory holds passwords (a Postiz `DATABASE_URL`,
//! client secrets) and tokens, so a crash must not write it to a core file, and another
//! process of the same user must not read it through ptrace or `/proc/PID/mem`.

/// Turn core dumps off for this process: `RLIMIT_CORE` 0 (soft and hard, so nothing it
/// runs can raise it again) and, on Linux, `PR_SET_DUMPABLE` 0 (no core even where a
/// `core_pattern` pipe ignores the limit, and no ptrace attach by the same user).
/// Best effort: a refusal leaves the process as it was, and the command runs all the same.
pub fn forbid_core_dumps() {
    #[cfg(unix)]
    {
        use rustix::process::{setrlimit, Resource, Rlimit};
        let _ = setrlimit(
            Resource::Core,
            Rlimit {
                current: Some(0),
                maximum: Some(0),
            },
        );
    }
    #[cfg(target_os = "linux")]
    {
        let _ =
            rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_os = "linux")]
    #[test]
    fn the_process_writes_no_core_and_cannot_be_dumped() {
        use rustix::process::{dumpable_behavior, getrlimit, DumpableBehavior, Resource};
        super::forbid_core_dumps();
        let core = getrlimit(Resource::Core);
        assert_eq!((core.current, core.maximum), (Some(0), Some(0)));
        assert_eq!(dumpable_behavior().unwrap(), DumpableBehavior::NotDumpable);
    }
}
