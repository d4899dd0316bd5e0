//! Review files written on a thread of their own, in the order they were asked for: an atomic
//! write syncs the file to disk, which may take a moment the window should not wait for.
//!
//! The window builds the review file (it needs the comparison) and hands it over; the writer
//! reports back where it went (the set's folder, or the app's reviews folder when that one
//! cannot be written) or why it could not be written. On exit the window waits for every write
//! it asked for ([`ReviewWriter::flush`]): nothing typed is lost.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::review::ReviewFile;
use crate::review::store::Saved;
use crate::set::SetSource;

/// One review to write.
struct WriteJob {
    file: ReviewFile,
    path: PathBuf,
    source: SetSource,
    reviews_dir: PathBuf,
    /// Which comparison it belongs to (the window may have opened another since).
    generation: u64,
}

/// What became of a write.
pub(super) struct Written {
    /// Which comparison the review belongs to.
    pub(super) generation: u64,
    /// Where it was asked to go.
    pub(super) asked: PathBuf,
    /// Where it went, or why it could not be written.
    pub(super) result: std::io::Result<Saved>,
}

/// The writer thread and the answers it sends back.
pub(super) struct ReviewWriter {
    jobs: Sender<WriteJob>,
    answers: Receiver<Written>,
    /// Writes asked for and not answered yet.
    in_flight: usize,
}

impl ReviewWriter {
    /// Start the thread; `wake` asks the window for a frame when an answer comes.
    pub(super) fn new(wake: impl Fn() + Send + 'static) -> Self {
        let (jobs, job_receiver) = mpsc::channel::<WriteJob>();
        let (answer_sender, answers) = mpsc::channel();
        std::thread::spawn(move || {
            for job in job_receiver {
                let result =
                    crate::review::store::save(&job.file, &job.path, &job.source, &job.reviews_dir);
                let written = Written {
                    generation: job.generation,
                    asked: job.path,
                    result,
                };
                if answer_sender.send(written).is_err() {
                    break;
                }
                wake();
            }
        });
        Self {
            jobs,
            answers,
            in_flight: 0,
        }
    }

    /// Ask for a review to be written.
    pub(super) fn write(
        &mut self,
        file: ReviewFile,
        path: PathBuf,
        source: SetSource,
        reviews_dir: PathBuf,
        generation: u64,
    ) {
        let job = WriteJob {
            file,
            path,
            source,
            reviews_dir,
            generation,
        };
        if self.jobs.send(job).is_ok() {
            self.in_flight += 1;
        }
    }

    /// Whether a write is still under way.
    pub(super) fn is_busy(&self) -> bool {
        self.in_flight > 0
    }

    /// The answers that came, without waiting.
    pub(super) fn answers(&mut self) -> Vec<Written> {
        let answers: Vec<Written> = self.answers.try_iter().collect();
        self.in_flight = self.in_flight.saturating_sub(answers.len());
        answers
    }

    /// Wait for every write asked for, and return their answers (on exit, and for tests).
    pub(super) fn flush(&mut self) -> Vec<Written> {
        let mut answers = Vec::new();
        while self.in_flight > 0 {
            match self.answers.recv() {
                Ok(written) => {
                    self.in_flight -= 1;
                    answers.push(written);
                }
                Err(_) => {
                    self.in_flight = 0;
                }
            }
        }
        answers
    }
}
