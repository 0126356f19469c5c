package io.cpabench.model;

import io.cpabench.gil.Gil;
import io.cpabench.workload.Task;
import io.cpabench.workload.Workbench;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Python's multiprocessing (or PEP 684 sub-interpreters): {@code workers} threads, each with a GIL of
 * its own, so they compute in parallel; but every task crosses a serialisation boundary on the way in
 * and its result on the way out, as pickling does.
 */
final class MultiInterpreterModel extends ModelBase<ThreadPoolExecutor> {
    private final ThreadLocal<Gil> ownGil;

    MultiInterpreterModel(ModelConfig config, Workbench wb) {
        super(config, wb, Threads.fixedPool(config.workers(), "interp"));
        this.ownGil = ThreadLocal.withInitial(config::newGil);
    }

    @Override
    public void submit(Task t, Completion c) {
        byte[] pickled = pickle(t); // the parent pickles each task, as Pool.map's feeder does
        pool.execute(() -> {
            long r;
            try {
                Task copy = (Task) unpickle(pickled);
                Gil gil = ownGil.get();
                gil.acquire();
                try {
                    r = copy.runBlocking(wb, gil, gil.releasing(wb.io()));
                } finally {
                    gil.release();
                }
                r = (Long) unpickle(pickle(r));
            } catch (Throwable e) {
                c.failed(e);
                return;
            }
            c.done(r);
        });
    }

    static byte[] pickle(Object o) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object unpickle(byte[] data) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
