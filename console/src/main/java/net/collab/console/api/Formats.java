package net.collab.console.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.quarkus.qute.TemplateExtension;

/** How pages write numbers, times and coded values: {@code {fmt:qty(n)}}, {@code {fmt:when(t)}}, {@code {fmt:label(t, 'status', code)}}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    /** Times are shown in China's time zone, where the network works. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {
    }

    /** 20, 2.5 — never 20.00 or 2.5E1. */
    static String qty(Object number) {
        if (number == null) {
            return "0";
        }
        try {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return number.toString();
        }
    }

    /** An ISO time as 2026-12-06 13:05 (Beijing time); empty when absent. */
    static String when(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        try {
            return OffsetDateTime.parse(iso.toString()).atZoneSameInstant(ZONE).format(WHEN);
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** The words for a coded value (e.g. {@code status_OPEN}); the code itself when there are none. */
    static String label(Map<String, String> texts, String group, Object code) {
        if (code == null) {
            return "";
        }
        String label = texts.get(group + "_" + code);
        return label == null ? code.toString() : label;
    }

    /** Percentage of a part in a whole, for progress bars. */
    static long percent(Object part, Object whole) {
        try {
            BigDecimal total = new BigDecimal(whole.toString());
            if (total.signum() <= 0) {
                return 0;
            }
            return Math.min(100, new BigDecimal(part.toString()).multiply(BigDecimal.valueOf(100))
                    .divide(total, 0, java.math.RoundingMode.DOWN).longValue());
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
