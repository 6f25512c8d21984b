package net.collab.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Port and readiness helpers for the components started here. */
public final class Ports {

    private Ports() {
    }

    /** Ports handed out by this JVM: components starting in parallel must not get the same one. */
    private static final java.util.Set<Integer> HANDED_OUT = new java.util.HashSet<>();

    /** A port free on the loopback interface right now, never handed out before by this JVM. */
    public static synchronized int free() {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A free port when {@code port} is 0; otherwise {@code port}, which must not be taken. */
    public static int freeOrRequire(int port, String what) {
        if (port == 0) {
            return free();
        }
        requireFree(port, what);
        return port;
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Fails clearly when a fixed port is already taken, instead of a confusing bind error later. */
    public static void requireFree(int port, String what) {
        if (isOpen(port)) {
            throw new IllegalStateException("port " + port + " for " + what
                    + " is in use: stop what runs there (deploy/local/stop) or choose another port");
        }
    }

    /** Polls until the condition holds, failing with the given message after the timeout. */
    public static void await(String what, Duration timeout, BooleanSupplier condition, ChildProcess process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited while starting; its log ends with:\n" + process.tail(40));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException(what + " not ready after " + timeout
                + (process == null ? "" : "; its log ends with:\n" + process.tail(40)));
    }
}
