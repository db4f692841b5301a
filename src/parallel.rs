//! Work spread over threads, in the two shapes the builds need. Both use scoped threads of
//! the standard library, pass a worker's panic on to the caller, and keep results in the
//! order of the work, so that output never depends on which thread finished first.

/// Run `first` on a second thread while `second` runs on this one, and give both results.
///
/// What it buys: the feeds and the spreadsheet render while Tera renders the pages, and
/// the month sheets render in two halves; on two cores a hospital build takes about a
/// third less wall time than on one (16.5 → 10.0–10.6 ms, with the other changes of that
/// round, README "Performance").
pub(crate) fn join<A, B, RA, RB>(first: A, second: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    RA: Send,
    B: FnOnce() -> RB,
{
    std::thread::scope(|scope| {
        let handle = scope.spawn(first);
        let b = second();
        let a = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (a, b)
    })
}

/// A result being worked out on another thread (see [`meanwhile`]).
pub(crate) struct Pending<'scope, T>(std::thread::ScopedJoinHandle<'scope, T>);

impl<T> Pending<'_, T> {
    /// Wait for the result.
    pub(crate) fn wait(self) -> T {
        self.0.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

/// Start `background` on a second thread and run `foreground` here with its [`Pending`]
/// result, to wait for when it is first needed.
///
/// What it buys: the templates (about 1.3 ms of Tera compilation for the built-in set)
/// compile while the calendar is read and expanded and the feeds start, instead of first.
pub(crate) fn meanwhile<A, RA, B, RB>(background: A, foreground: B) -> RB
where
    A: FnOnce() -> RA + Send,
    RA: Send,
    B: for<'scope> FnOnce(Pending<'scope, RA>) -> RB,
{
    std::thread::scope(|scope| foreground(Pending(scope.spawn(background))))
}

/// `work(index, item)` for every item, on as many threads as the machine has cores, each
/// taking the next item when it is free; the results in the items' order.
///
/// What it buys: a federation's calendars build on every core (1,000 hospital calendars
/// ran at 127% CPU one after another, 190% this way on two cores).
pub(crate) fn map_in_order<T, R, F>(items: &[T], work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(usize, &T) -> R + Sync,
{
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers.min(items.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, work(i, item)));
                    }
                    done
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_work() {
        let items: Vec<u64> = (0..500).collect();
        let squares = map_in_order(&items, |i, x| {
            // Uneven work, so that threads finish out of order.
            std::thread::sleep(std::time::Duration::from_micros((x % 7) * 50));
            (i, x * x)
        });
        assert_eq!(squares, items.iter().map(|&x| (x as usize, x * x)).collect::<Vec<_>>());
        assert!(map_in_order(&[] as &[u8], |_, _| 1).is_empty());
    }

    #[test]
    fn both_sides_run_and_a_panic_reaches_the_caller() {
        assert_eq!(join(|| 1 + 1, || "two"), (2, "two"));
        let caught = std::panic::catch_unwind(|| join(|| panic!("worker"), || 0));
        assert!(caught.is_err());
    }
}
