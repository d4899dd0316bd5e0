//! How far an opening has got, and the request to stop it.
//!
//! Opening a book takes seconds: the loader reports its stage and how much of it is done through
//! a [`Progress`] shared with the window (atomics only, no lock), and looks at
//! [`Progress::check`] between steps so that a cancelled opening stops early. The window does not
//! wait for it: it forgets a cancelled opening at once and keeps the set it had.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};

/// The steps of opening a set, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading, decoding and splitting the files; reading their figures.
    Reading,
    /// Aligning the paragraphs of the two sides.
    Aligning,
    /// Comparing the figures of every row.
    Comparing,
    /// Linking every row to the coverage.
    Linking,
}

impl Stage {
    const ALL: [Self; 4] = [
        Self::Reading,
        Self::Aligning,
        Self::Comparing,
        Self::Linking,
    ];

    /// The stage in words, for a progress line.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Reading => "Reading the files",
            Self::Aligning => "Aligning paragraphs",
            Self::Comparing => "Comparing figures",
            Self::Linking => "Linking coverage",
        }
    }

    /// Where the stage starts and how much of an opening it takes, as fractions of the whole
    /// (measured on the bundled set repeated 100 times: reading 35 %, aligning 30 %, comparing
    /// 5 %, linking 30 %).
    fn span(self) -> (f32, f32) {
        match self {
            Self::Reading => (0.0, 0.35),
            Self::Aligning => (0.35, 0.30),
            Self::Comparing => (0.65, 0.05),
            Self::Linking => (0.70, 0.30),
        }
    }
}

/// The opening was cancelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;

/// The progress of one opening, written by the loader and read by the window.
#[derive(Debug, Default)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicUsize,
    total: AtomicUsize,
    cancelled: AtomicBool,
}

/// What a [`Progress`] said at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Snapshot {
    /// The stage running.
    pub stage: Stage,
    /// Steps of the stage done (documents read, rows linked).
    pub done: usize,
    /// Steps of the stage in all (0 when the stage does not count them).
    pub total: usize,
}

impl Snapshot {
    /// How much of the whole opening is done, in `0.0..=1.0`.
    pub fn fraction(&self) -> f32 {
        let (start, span) = self.stage.span();
        let within = if self.total == 0 {
            0.0
        } else {
            (self.done.min(self.total) as f32) / (self.total as f32)
        };
        start + span * within
    }

    /// The stage and its count in words: "Linking coverage (4,000 of 12,900 rows)".
    pub fn describe(&self) -> String {
        let unit = match self.stage {
            Stage::Reading => "files",
            Stage::Aligning | Stage::Comparing | Stage::Linking => "rows",
        };
        if self.total == 0 {
            format!("{}…", self.stage.describe())
        } else {
            format!(
                "{}… ({} of {} {unit})",
                self.stage.describe(),
                self.done.min(self.total),
                self.total
            )
        }
    }
}

impl Progress {
    /// A new opening, at the start of reading.
    pub fn new() -> Self {
        Self::default()
    }

    /// Start a stage of `total` steps (0 when it does not count them); fails when cancelled.
    pub fn start(&self, stage: Stage, total: usize) -> Result<(), Cancelled> {
        self.check()?;
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        let index = Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0);
        self.stage.store(index as u8, Ordering::Relaxed);
        Ok(())
    }

    /// Count `steps` more steps of the stage done.
    pub fn advance(&self, steps: usize) {
        self.done.fetch_add(steps, Ordering::Relaxed);
    }

    /// Ask the opening to stop.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// `Err(Cancelled)` once the opening is cancelled: the loader's checkpoint.
    pub fn check(&self) -> Result<(), Cancelled> {
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }

    /// The stage and count now.
    pub fn snapshot(&self) -> Snapshot {
        let index = usize::from(self.stage.load(Ordering::Relaxed));
        Snapshot {
            stage: Stage::ALL[index.min(Stage::ALL.len() - 1)],
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fraction_grows_through_the_stages_and_stops_at_one() {
        let progress = Progress::new();
        let mut last = -1.0;
        for stage in Stage::ALL {
            progress.start(stage, 4).ok();
            for _ in 0..=4 {
                let fraction = progress.snapshot().fraction();
                assert!(fraction >= last, "{stage:?}: {fraction} after {last}");
                last = fraction;
                progress.advance(1);
            }
        }
        assert!((progress.snapshot().fraction() - 1.0).abs() < 1e-6);
        assert_eq!(
            progress.snapshot().describe(),
            "Linking coverage… (4 of 4 rows)"
        );
    }

    #[test]
    fn a_cancelled_opening_fails_at_its_next_checkpoint() {
        let progress = Progress::new();
        assert_eq!(progress.start(Stage::Reading, 2), Ok(()));
        progress.cancel();
        assert_eq!(progress.check(), Err(Cancelled));
        assert_eq!(progress.start(Stage::Aligning, 0), Err(Cancelled));
        assert_eq!(progress.snapshot().stage, Stage::Reading);
    }
}
