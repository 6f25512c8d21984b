package net.collab.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import net.collab.devstack.PostgresServer;

/**
 * Where the database's time goes, per statement, from PostgreSQL's pg_stat_statements (loaded by the
 * benchmark's server): reset before a phase, read after it, the statements that took most time.
 */
final class StatementStatistics {

    private StatementStatistics() {
    }

    static void reset(PostgresServer postgres) throws SQLException {
        try (Connection connection = connect(postgres); var statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /** The {@code top} statements by total time since the reset, per need of the phase. */
    static String table(PostgresServer postgres, int needs, int top) throws SQLException {
        StringBuilder table = new StringBuilder(String.format(
                "%n| database | statement | calls per need | mean ms | ms per need | share of database time |%n|---|---|---|---|---|---|%n"));
        try (Connection connection = connect(postgres); var statement = connection.prepareStatement("""
                select d.datname, s.query, s.calls, s.mean_exec_time, s.total_exec_time,
                    s.total_exec_time / nullif(sum(s.total_exec_time) over (), 0)
                from pg_stat_statements s join pg_database d on d.oid = s.dbid
                where d.datname in ('registry', 'action', 'matching', 'notification')
                order by s.total_exec_time desc limit ?""")) {
            statement.setInt(1, top);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    String query = rows.getString(2).replaceAll("\\s+", " ").replace("|", "\\|");
                    table.append(String.format("| %s | `%s` | %.2f | %.3f | %.3f | %.0f %% |%n", rows.getString(1),
                            query.length() > 110 ? query.substring(0, 110) + "…" : query, rows.getLong(3) / (double) Math.max(1, needs),
                            rows.getDouble(4), rows.getDouble(5) / Math.max(1, needs), rows.getDouble(6) * 100));
                }
            }
        }
        return table.toString();
    }

    private static Connection connect(PostgresServer postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), postgres.password());
    }
}
