//! A parallel map over a slice with scoped threads: the only concurrency the core needs
//! (reading the documents of a set, tokenising paragraphs), without a thread-pool dependency.

use std::sync::atomic::{AtomicUsize, Ordering};

/// Map `f` over `items` on all available cores, keeping the order.
///
/// Items are handed out one at a time to whichever thread is free, so a set of one long book
/// and a few short articles keeps every core busy: the two sides of a book land on two cores.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(&f).collect();
    }
    // Small items go in batches, so that handing them out costs little beside the work.
    let batch = (items.len() / (threads * 64)).max(1);
    let next = AtomicUsize::new(0);
    let (f, next) = (&f, &next);
    let parts: Vec<Vec<(usize, Vec<R>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(move || {
                    let mut done = Vec::new();
                    loop {
                        let start = next.fetch_add(batch, Ordering::Relaxed);
                        if start >= items.len() {
                            break done;
                        }
                        let end = (start + batch).min(items.len());
                        done.push((start, items[start..end].iter().map(f).collect()));
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| match handle.join() {
                Ok(done) => done,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    let mut batches: Vec<(usize, Vec<R>)> = parts.into_iter().flatten().collect();
    batches.sort_unstable_by_key(|(start, _)| *start);
    batches
        .into_iter()
        .flat_map(|(_, results)| results)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_order() {
        for len in [0, 1, 2, 3, 7, 1000, 100_000] {
            let items: Vec<usize> = (0..len).collect();
            assert_eq!(
                super::map(&items, |x| x * 2),
                items.iter().map(|x| x * 2).collect::<Vec<_>>()
            );
        }
    }
}
