package net.collab.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.awaitility.Awaitility;

import net.collab.devstack.CollabNetwork;

/**
 * What the services' databases hold, as a fingerprint per table (rows and a digest of their
 * content), to show that refused requests changed nothing.
 */
final class Databases {

    static final List<String> DATABASES = CollabNetwork.SERVICES.stream().map(service -> service.replace("-service", "")).toList();

    private Databases() {
    }

    /** Per table ("database.table"): its row count and a digest of its rows, in no particular order. */
    static Map<String, String> fingerprint(CollabNetwork network) throws SQLException {
        Map<String, String> fingerprint = new TreeMap<>();
        for (String database : DATABASES) {
            try (Connection connection = DriverManager.getConnection(network.postgres().jdbcUrl(database),
                    network.postgres().username(), network.postgres().password());
                    Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                        + " and tablename <> 'flyway_schema_history' order by tablename")) {
                    while (result.next()) {
                        tables.add(result.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet result = statement.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(md5(t::text),"
                            + " '' order by md5(t::text))), '') from \"" + table + "\" t")) {
                        result.next();
                        fingerprint.put(database + "." + table, result.getString(1));
                    }
                }
            }
        }
        return fingerprint;
    }

    /** The fingerprint once it holds still for two seconds: events in flight have been handled. */
    static Map<String, String> settled(CollabNetwork network) {
        var last = new java.util.concurrent.atomic.AtomicReference<Map<String, String>>();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Map<String, String> now = fingerprint(network);
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    /**
     * Every row of every table of every service, as text, that contains {@code text}: for a marker a
     * request carried, whatever background work changes meanwhile.
     */
    static List<String> rowsContaining(CollabNetwork network, String text) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String database : DATABASES) {
            try (Connection connection = DriverManager.getConnection(network.postgres().jdbcUrl(database),
                    network.postgres().username(), network.postgres().password());
                    Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
                    while (result.next()) {
                        tables.add(result.getString(1));
                    }
                }
                for (String table : tables) {
                    try (java.sql.PreparedStatement select = connection.prepareStatement(
                            "select t::text from \"" + table + "\" t where strpos(t::text, ?) > 0")) {
                        select.setString(1, text);
                        try (ResultSet result = select.executeQuery()) {
                            while (result.next()) {
                                rows.add(database + "." + table + ": " + result.getString(1));
                            }
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** The tables whose fingerprint differs, with before → after. */
    static Map<String, String> changes(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changes = new TreeMap<>();
        for (String table : after.keySet()) {
            if (!after.get(table).equals(before.get(table))) {
                changes.put(table, before.get(table) + " → " + after.get(table));
            }
        }
        return changes;
    }
}
