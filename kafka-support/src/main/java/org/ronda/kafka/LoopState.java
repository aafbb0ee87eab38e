package org.ronda.kafka;

/** Whether a stage's consume loop runs, what it waits for, and why it stopped if it did. Read by health checks. */
public final class LoopState {

    private volatile String status = "starting";
    private volatile String failure;

    public void running() {
        status = "running";
        failure = null;
    }

    /** The loop is alive but cannot make progress until {@code dependency} answers again. */
    public void waiting(String dependency) {
        status = "waiting for " + dependency;
    }

    public void stopped() {
        status = "stopped";
    }

    public void failed(String reason) {
        status = "failed";
        failure = reason;
    }

    public boolean isRunning() {
        return "running".equals(status);
    }

    public boolean isFailed() {
        return "failed".equals(status);
    }

    public String status() {
        return failure == null ? status : status + ": " + failure;
    }
}
