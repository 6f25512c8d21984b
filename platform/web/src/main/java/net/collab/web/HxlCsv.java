package net.collab.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A CSV table tagged for the Humanitarian Exchange Language (HXL): a row of human headers, a row
 * of hashtags (e.g. {@code #org+name}), then the data, so that humanitarian tools read the columns
 * by meaning rather than by position.
 */
public final class HxlCsv {

    private static final CsvMapper CSV = new CsvMapper();

    /** A column: its header for people, and its HXL hashtag with attributes. */
    public record Column(String header, String hashtag) {
    }

    private HxlCsv() {
    }

    public static String write(List<Column> columns, List<List<String>> rows) {
        List<List<String>> table = new ArrayList<>(rows.size() + 2);
        table.add(columns.stream().map(Column::header).toList());
        table.add(columns.stream().map(Column::hashtag).toList());
        for (List<String> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells under " + columns.size() + " columns");
            }
            // An absent value is an empty cell: the CSV writer would drop a null and shift the columns after it.
            table.add(row.stream().map(value -> value == null ? "" : value).toList());
        }
        try (StringWriter out = new StringWriter()) {
            CSV.writer(CsvSchema.emptySchema()).writeValues(out).writeAll(table);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
