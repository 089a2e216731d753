package io.claimbench.runs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit: writes that arrive while one transaction commits are written together in the next, by one writer
 * thread, so that many concurrent work items cost a few commits instead of one each (a commit is what the embedded
 * database pays most for: it stores every page the transaction changed). With a linger, the writer also waits that
 * long after the first write of a batch for more to join it (until the batch is full, or {@link #hurry} says that no
 * more are coming soon); without one, nothing waits on purpose: a write that finds the writer idle is committed at
 * once, alone. {@link #submit} returns when the write is committed, with its result, or throws what writing it threw:
 * a batch that fails is written again one by one, so that one bad write fails alone.
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private record Pending<T, R>(T value, CompletableFuture<R> done) {
    }

    /** Queued by {@link #hurry}: ends a linger, writes nothing. */
    private final Pending<T, R> hurry = new Pending<>(null, null);
    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final long lingerNanos;
    private final Function<List<T>, List<R>> writeAll;
    private final Thread writer;
    private volatile boolean closed;

    /**
     * {@code writeAll} writes its values in one transaction and returns their results in order; a batch waits up to
     * {@code linger} for more writes to join it.
     */
    GroupCommit(String name, int maxBatch, Duration linger, Function<List<T>, List<R>> writeAll) {
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        this.writeAll = writeAll;
        this.writer = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    R submit(T value) {
        return submit(value, false);
    }

    /** Writes {@code value}; an urgent write ends the linger, so that it is committed with what is queued now. */
    R submit(T value, boolean urgent) {
        if (closed) {
            throw new IllegalStateException("stopped: no more writes");
        }
        CompletableFuture<R> done = new CompletableFuture<>();
        queue.add(new Pending<>(value, done));
        if (urgent) {
            hurry();
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Ends the linger of the batch being gathered: the writes queued now are all that is coming for a while. */
    void hurry() {
        if (lingerNanos > 0) {
            queue.add(hurry);
        }
    }

    private void loop() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.take();
                if (first == hurry) {
                    continue;
                }
                batch.add(first);
                gather(batch);
            } catch (InterruptedException e) {
                if (batch.isEmpty()) {
                    if (closed) {
                        break;
                    }
                    continue;
                }
            }
            batch.removeIf(p -> p == hurry);
            write(batch);
            batch.clear();
        }
        Pending<T, R> left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("stopped before this was written"));
        }
    }

    /** Adds what is queued to the batch, and with a linger what arrives until it ends, the batch is full or hurried. */
    private void gather(List<Pending<T, R>> batch) throws InterruptedException {
        queue.drainTo(batch, maxBatch - batch.size());
        long until = System.nanoTime() + lingerNanos;
        while (lingerNanos > 0 && batch.size() < maxBatch && !hurried(batch) && !closed) {
            long left = until - System.nanoTime();
            Pending<T, R> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    private boolean hurried(List<Pending<T, R>> batch) {
        return batch.stream().anyMatch(p -> p == hurry);
    }

    private void write(List<Pending<T, R>> batch) {
        try {
            List<R> results = writeAll.apply(batch.stream().map(Pending::value).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(results.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.getFirst().done().completeExceptionally(e);
                return;
            }
            for (Pending<T, R> p : batch) {
                write(List.of(p));
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
    }
}
