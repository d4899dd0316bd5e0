//! Startup timings, printed when `PARALLEL_READER_TIMINGS` is set: how long after start the
//! first frame and the first frame showing the set were drawn (the README's Speed figures).
//! With `PARALLEL_READER_TIMINGS=exit` the window closes once the set is shown, so a script can
//! time many starts.

use std::time::{Duration, Instant};

/// The environment variable that asks for the timings.
pub const TIMINGS_VAR: &str = "PARALLEL_READER_TIMINGS";

pub(super) struct StartupTimings {
    started: Instant,
    first_frame: Option<Duration>,
    exit_when_shown: bool,
    done: bool,
}

impl StartupTimings {
    /// Timings for this run, when asked for.
    pub(super) fn from_env(started: Instant) -> Option<Self> {
        let value = std::env::var(TIMINGS_VAR).ok()?;
        Some(Self {
            started,
            first_frame: None,
            exit_when_shown: value == "exit",
            done: false,
        })
    }

    /// Called at the end of every frame: prints the timings once the set is shown.
    pub(super) fn frame_drawn(&mut self, ctx: &egui::Context, set_shown: bool) {
        if self.done {
            return;
        }
        let elapsed = self.started.elapsed();
        let first_frame = *self.first_frame.get_or_insert(elapsed);
        if set_shown {
            eprintln!(
                "timings: first frame {:.0} ms, set shown {:.0} ms after start",
                first_frame.as_secs_f64() * 1e3,
                elapsed.as_secs_f64() * 1e3
            );
            self.done = true;
            if self.exit_when_shown {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }
}
