package org.ronda.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The thread a stage's consume loop runs on: started once, stopped by waking its consumer, and
 * its {@link LoopState} set to failed (with the reason) when the body throws. The body owns its
 * Kafka clients; it {@link #attach attaches} its consumer so that {@link #stop} can interrupt a poll.
 */
public final class PollLoop {

    private static final Logger LOG = Logger.getLogger(PollLoop.class);

    /** The work of a loop: open the clients, attach the consumer, poll while {@link #isRunning()}. */
    @FunctionalInterface
    public interface Body {
        void run(PollLoop loop);
    }

    private final String name;
    private final LoopState state = new LoopState();
    private volatile boolean running;
    private volatile Consumer<?, ?> consumer;
    private Thread thread;

    /** A loop whose thread is called {@code name}. */
    public PollLoop(String name) {
        this.name = name;
    }

    /** Starts {@code body} on the loop's thread. */
    public synchronized void start(Body body) {
        if (thread != null) {
            throw new IllegalStateException(name + " already started");
        }
        running = true;
        thread = new Thread(() -> guard(body), name);
        thread.start();
    }

    /** Lets {@link #stop} wake {@code c} out of a blocking poll. */
    public void attach(Consumer<?, ?> c) {
        consumer = c;
    }

    /** False once {@link #stop} was called: the body must then return. */
    public boolean isRunning() {
        return running;
    }

    /** Health of the loop, for health checks. */
    public LoopState state() {
        return state;
    }

    /** Asks the body to return, wakes its consumer, and waits up to {@code timeout} for the thread. */
    public void stop(Duration timeout) throws InterruptedException {
        running = false;
        Consumer<?, ?> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            t.join(timeout.toMillis());
        }
    }

    private void guard(Body body) {
        try {
            body.run(this);
        } catch (WakeupException e) {
            if (running) {
                state.failed("woken up unexpectedly");
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s stopped: %s", name, e.getMessage());
            state.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            consumer = null;
            if (!state.isFailed()) {
                state.stopped();
            }
        }
    }
}
