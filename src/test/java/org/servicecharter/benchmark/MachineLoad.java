package org.servicecharter.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * What limited a benchmark's measurement, for the README's "what limits it": where the machine's CPU time went
 * (Linux {@code /proc}: the whole machine and named groups of processes, in cores) and, sampled every 50 ms from
 * {@code pg_stat_activity}, what the database's sessions were doing (running, waiting for a lock, for the WAL,
 * idle inside a transaction while the application works). Linux only; a benchmark aid, not a test.
 */
final class MachineLoad {

    /** A process as {@code /proc/<pid>/stat} shows it. */
    record Proc(long pid, String command) {
    }

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final Map<String, Predicate<Proc>> groups;
    private final Connection database;
    private final String databaseName;
    private final Map<String, Long> groupTicks = new LinkedHashMap<>();
    private final Map<String, Integer> sessionStates = new TreeMap<>();
    private long machineBusyTicks;
    private double seconds;
    private int samples;
    // the interval being measured
    private long startNanos;
    private long[] machineStart;
    private Map<String, Map<Long, Long>> groupStart;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread sampler;

    /** {@code database}: the connection to sample {@code pg_stat_activity} on (null: none). */
    MachineLoad(Map<String, Predicate<Proc>> groups, Connection database, String databaseName) {
        this.groups = groups;
        this.database = database;
        this.databaseName = databaseName;
        groups.keySet().forEach(group -> groupTicks.put(group, 0L));
    }

    /** Starts an interval; the report covers all intervals together. */
    MachineLoad start() {
        startNanos = System.nanoTime();
        machineStart = machineTicks();
        groupStart = groupTicks(groups);
        running.set(true);
        sampler = new Thread(this::sample, "pg-activity-sampler");
        sampler.setDaemon(true);
        if (database != null) {
            sampler.start();
        }
        return this;
    }

    /** Ends the interval. */
    void stop() throws InterruptedException {
        running.set(false);
        if (database != null) {
            sampler.join();
        }
        seconds += (System.nanoTime() - startNanos) / 1e9;
        long[] machineEnd = machineTicks();
        machineBusyTicks += (machineEnd[0] - machineStart[0]) - (machineEnd[1] - machineStart[1]);
        Map<String, Map<Long, Long>> groupEnd = groupTicks(groups);
        for (String group : groups.keySet()) {
            long ticks = 0;
            for (Map.Entry<Long, Long> process : groupEnd.get(group).entrySet()) {
                ticks += process.getValue() - groupStart.get(group).getOrDefault(process.getKey(), 0L);
            }
            groupTicks.merge(group, ticks, Long::sum);
        }
    }

    /** CPU seconds the named groups used over the intervals measured. */
    double cpuSeconds(String... names) {
        long ticks = 0;
        for (String name : names) {
            ticks += groupTicks.get(name);
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** Cores busy in all and per group, mean database sessions per state, over the intervals measured. */
    String report() {
        StringBuilder out = new StringBuilder(String.format("machine %.2f cores busy", machineBusyTicks / TICKS_PER_SECOND / seconds));
        groupTicks.forEach((group, ticks) -> out.append(String.format(", %s %.2f", group, ticks / TICKS_PER_SECOND / seconds)));
        if (samples > 0) {
            out.append("; database sessions on average:");
            sessionStates.forEach((state, count) -> out.append(String.format(" %s %.2f,", state, count / (double) samples)));
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }

    private void sample() {
        String query = "SELECT state, wait_event_type, wait_event FROM pg_stat_activity WHERE datname = '" + databaseName
                + "' AND backend_type = 'client backend' AND pid <> pg_backend_pid()";
        try (Statement statement = database.createStatement()) {
            while (running.get()) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    Map<String, Integer> now = new LinkedHashMap<>();
                    while (rows.next()) {
                        now.merge(state(rows.getString(1), rows.getString(2), rows.getString(3)), 1, Integer::sum);
                    }
                    now.forEach((state, count) -> sessionStates.merge(state, count, Integer::sum));
                    samples++;
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** running; waiting for a lock (rows, tables), the WAL (commit flush), other; idle in a transaction; idle. */
    private static String state(String state, String waitType, String waitEvent) {
        if ("idle".equals(state)) {
            return "idle";
        }
        if (state != null && state.startsWith("idle in transaction")) {
            return "idle-in-transaction";
        }
        if (waitType == null) {
            return "running";
        }
        if ("Lock".equals(waitType)) {
            return "lock-wait";
        }
        if (waitEvent != null && waitEvent.startsWith("WAL")) {
            return "wal-wait";
        }
        return "other-wait(" + waitType + ")";
    }

    /** Total and idle (idle + iowait) ticks of all cores. */
    private static long[] machineTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length && i <= 8; i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException e) {
            throw new IllegalStateException("needs Linux /proc", e);
        }
    }

    /** utime + stime per process of each group. */
    private static Map<String, Map<Long, Long>> groupTicks(Map<String, Predicate<Proc>> groups) {
        Map<String, Map<Long, Long>> ticks = new LinkedHashMap<>();
        groups.keySet().forEach(group -> ticks.put(group, new LinkedHashMap<>()));
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                // pid (comm) state ppid ... field 14 utime, 15 stime; comm may hold spaces, so split after ')'
                int close = stat.lastIndexOf(')');
                Proc proc = new Proc(Long.parseLong(stat.substring(0, stat.indexOf(' '))), stat.substring(stat.indexOf('(') + 1, close));
                String[] rest = stat.substring(close + 2).split(" ");
                long used = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
                groups.forEach((group, member) -> {
                    if (member.test(proc)) {
                        ticks.get(group).put(proc.pid(), used);
                    }
                });
            }
        } catch (IOException e) {
            throw new IllegalStateException("needs Linux /proc", e);
        }
        return ticks;
    }
}
