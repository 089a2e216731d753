package io.claimbench.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/**
 * Group commit: writes that arrive while one transaction commits are written together in the next, by one writer
 * thread, so that many concurrent work items cost a few commits instead of one each (a commit is what the embedded
 * database pays most for: it stores every page the transaction changed). Nothing waits on purpose: a write that finds
 * the writer idle is committed at once, alone. {@link #submit} returns when the write is committed, with its result,
 * or throws what writing it threw: a batch that fails is written again one by one, so that one bad write fails
 * alone.
 */
final class GroupCommit<T, R> implements AutoCloseable {

    private record Pending<T, R>(T value, CompletableFuture<R> done) {
    }

    private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final int maxBatch;
    private final Function<List<T>, List<R>> writeAll;
    private final Thread writer;
    private volatile boolean closed;

    /** {@code writeAll} writes its values in one transaction and returns their results in order. */
    GroupCommit(String name, int maxBatch, Function<List<T>, List<R>> writeAll) {
        this.maxBatch = maxBatch;
        this.writeAll = writeAll;
        this.writer = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    R submit(T value) {
        if (closed) {
            throw new IllegalStateException("stopped: no more writes");
        }
        CompletableFuture<R> done = new CompletableFuture<>();
        queue.add(new Pending<>(value, done));
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

    private void loop() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (!closed || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
                continue;
            }
            queue.drainTo(batch, maxBatch - 1);
            write(batch);
            batch.clear();
        }
        Pending<T, R> left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("stopped before this was written"));
        }
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
