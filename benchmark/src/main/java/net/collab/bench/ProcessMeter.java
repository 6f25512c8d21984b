package net.collab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the network's processes, each with all its descendants (a
 * PostgreSQL server is a postmaster and one process per connection), read from {@code /proc}.
 */
final class ProcessMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final long PAGE_SIZE = 4096;

    private static final String SELF = "benchmark (load generator, observer)";
    private final Map<String, Long> pids;

    ProcessMeter(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids);
        this.pids.put(SELF, ProcessHandle.current().pid());
    }

    /** CPU seconds used so far, per component. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, tree(name, pid).mapToDouble(ProcessMeter::cpuSecondsOf).sum()));
        return cpu;
    }

    /**
     * Resident memory in MiB, per component: the proportional set size, so that memory shared by
     * PostgreSQL's processes is counted once.
     */
    Map<String, Double> residentMiB() {
        Map<String, Double> rss = new LinkedHashMap<>();
        pids.forEach((name, pid) -> rss.put(name,
                tree(name, pid).mapToDouble(ProcessMeter::residentBytesOf).sum() / (1024.0 * 1024.0)));
        return rss;
    }

    /** The process and its descendants; the benchmark's own descendants are the network, counted apart. */
    private static LongStream tree(String name, long pid) {
        if (name.equals(SELF)) {
            return LongStream.of(pid);
        }
        return ProcessHandle.of(pid).map(handle -> Stream.concat(Stream.of(handle), handle.descendants()))
                .orElseGet(Stream::empty).mapToLong(ProcessHandle::pid);
    }

    private static double cpuSecondsOf(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat == null) {
            return 0;
        }
        // The command name (field 2) may contain spaces: the fields after it start after the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / TICKS_PER_SECOND;
    }

    private static double residentBytesOf(long pid) {
        String rollup = read(Path.of("/proc", Long.toString(pid), "smaps_rollup"));
        if (rollup != null) {
            for (String line : rollup.split("\n")) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        }
        String statm = read(Path.of("/proc", Long.toString(pid), "statm"));
        return statm == null ? 0 : Long.parseLong(statm.split(" ")[1]) * PAGE_SIZE;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return null; // the process ended meanwhile
        }
    }
}
