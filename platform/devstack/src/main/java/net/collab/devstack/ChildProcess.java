package net.collab.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A process started in a session of its own (so that stopping it stops all its descendants, e.g.
 * Keycloak's launcher script and its JVM) and watched by the {@link ProcessGuard}, so that it
 * does not outlive the JVM that started it even when that JVM is killed with SIGKILL.
 */
public final class ChildProcess {

    private static final Logger LOG = Logger.getLogger(ChildProcess.class);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workDir,
            Path log) {
        List<String> sessionCommand = new ArrayList<>();
        sessionCommand.add("setsid");
        sessionCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(sessionCommand)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            ProcessGuard.watch(process.pid());
            LOG.debugf("started %s (pid %d), log %s", name, process.pid(), log);
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The Java executable of this JVM: children run on the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the whole process group to stop, and kills it after the grace period. */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            ProcessGuard.forget(process.pid());
            return;
        }
        signalGroup("TERM");
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s did not stop within %s; killing it", name, grace);
                signalGroup("KILL");
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            signalGroup("KILL");
        }
        ProcessGuard.forget(process.pid());
    }

    /** Kills the whole process group at once (SIGKILL: no shutdown hooks, nothing flushed) and waits until it is gone. */
    public void kill() {
        signalGroup("KILL");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " still runs 10 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessGuard.forget(process.pid());
    }

    private void signalGroup(String signal) {
        try {
            // setsid made the child the leader of its own group: its pid is the group id.
            new ProcessBuilder("kill", "-" + signal, "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the child's log, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
