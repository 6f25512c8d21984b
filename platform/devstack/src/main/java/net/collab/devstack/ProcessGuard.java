package net.collab.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One watchdog per JVM: a small shell loop in its own session that waits for this JVM to end and
 * then stops every process group still listed. Shutdown hooks do the orderly stop; the guard is
 * for SIGKILL and crashes, when no hook runs.
 */
public final class ProcessGuard {

    private static final String WATCHDOG = """
            owner=$1; pids=$2
            while kill -0 "$owner" 2>/dev/null; do sleep 1; done
            [ -s "$pids" ] || { rm -f "$pids"; exit 0; }
            for p in $(cat "$pids"); do kill -TERM -- "-$p" 2>/dev/null; kill -TERM "$p" 2>/dev/null; done
            sleep 8
            for p in $(cat "$pids"); do kill -KILL -- "-$p" 2>/dev/null; kill -KILL "$p" 2>/dev/null; done
            rm -f "$pids"
            """;

    private static Path pidFile;

    private ProcessGuard() {
    }

    /** Adds a process (and its group) to the list the guard stops when this JVM dies. */
    public static synchronized void watch(long pid) {
        ensureStarted();
        try {
            Files.writeString(pidFile, pid + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a process that was stopped in order, so that its pid, once reused, is left alone. */
    public static synchronized void forget(long pid) {
        if (pidFile == null) {
            return;
        }
        try {
            List<String> rest = Files.readAllLines(pidFile).stream()
                    .filter(line -> !line.equals(Long.toString(pid))).collect(Collectors.toList());
            Files.write(pidFile, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ensureStarted() {
        if (pidFile != null) {
            return;
        }
        try {
            pidFile = Files.createTempFile("collabnet-guard-", ".pids");
            new ProcessBuilder("setsid", "bash", "-c", WATCHDOG, "collabnet-guard",
                    Long.toString(ProcessHandle.current().pid()), pidFile.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the process guard", e);
        }
    }
}
