package net.collab.matching.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

import net.collab.matching.config.MatchingSettings;

/**
 * The score of a (need, offer) pair, computed in SQL so that candidates come out of the database
 * already in order and only as many as are needed: each part is a number from 0 to 1 (see
 * {@link MatchingSettings.Weights}), weighted and summed. The queries name the need {@code n}, the
 * offer {@code o}, the need's area {@code a} and the provider's record {@code p}.
 */
final class Ranking {

    /** The parts, in the order of the query's columns after the candidate's id. */
    enum Part {
        URGENCY("紧急程度", "urgency",
                "case n.urgency when 'CRITICAL' then 1.0 when 'HIGH' then 0.667 when 'NORMAL' then 0.333 else 0 end"),
        RISK("风险等级", "risk level", "case a.risk_level when 'HIGH' then 1.0 when 'RELATIVELY_HIGH' then 0.75"
                + " when 'MEDIUM' then 0.5 when 'LOW' then 0.25 else 0 end"),
        DEADLINE("截止时间", "deadline", "case when n.deadline is null then 0"
                + " else greatest(0, least(1, 1 - extract(epoch from (n.deadline - now())) / 604800.0)) end"),
        CLOSENESS("距离", "closeness", "1 - (" + level("n.area_code") + " - " + level("o.area_code") + ") / 4.0"),
        LOAD("提供方负荷", "provider's load", "1.0 / (1 + coalesce(p.active, 0))"),
        RECORD("履约记录", "track record", "(coalesce(p.delivered, 0) + 1.0)"
                + " / (coalesce(p.accepted, 0) + coalesce(p.declined, 0) + coalesce(p.expired, 0) + 2.0)");

        final String labelZh;
        final String labelEn;
        final String sql;

        Part(String labelZh, String labelEn, String sql) {
            this.labelZh = labelZh;
            this.labelEn = labelEn;
            this.sql = sql;
        }
    }

    private final MatchingSettings.Weights weights;

    Ranking(MatchingSettings.Weights weights) {
        this.weights = weights;
    }

    /** The weighted score alone, as an expression. */
    String score() {
        StringBuilder score = new StringBuilder("(0");
        for (Part part : Part.values()) {
            score.append(" + ").append(weight(part)).append(" * (").append(part.sql).append(")");
        }
        return score.append(")").toString();
    }

    /** The columns: each part, then the weighted score. */
    String columns() {
        StringBuilder columns = new StringBuilder();
        StringBuilder score = new StringBuilder("0");
        for (Part part : Part.values()) {
            columns.append(", ").append(part.sql);
            score.append(" + ").append(weight(part)).append(" * (").append(part.sql).append(")");
        }
        return columns.append(", ").append(score).toString();
    }

    /**
     * A need's own priority, the parts of its score that depend on it alone and not on time: urgency
     * and its place's risk, weighted. Kept on the need ({@link NeedPriorities}) so that an offer for a
     * wide area walks the needs most in need first instead of ranking them all.
     */
    String priority() {
        return weight(Part.URGENCY) + " * (" + Part.URGENCY.sql + ") + " + weight(Part.RISK) + " * (" + Part.RISK.sql + ")";
    }

    double weight(Part part) {
        return switch (part) {
            case URGENCY -> weights.urgency();
            case RISK -> weights.risk();
            case DEADLINE -> weights.deadline();
            case CLOSENESS -> weights.closeness();
            case LOAD -> weights.load();
            case RECORD -> weights.record();
        };
    }

    /** The parts read back from a row ({@code row[1..6]}), and the score ({@code row[7]}). */
    Scored scored(Object[] row) {
        Map<Part, BigDecimal> parts = new LinkedHashMap<>();
        for (Part part : Part.values()) {
            parts.put(part, number(row[1 + part.ordinal()]));
        }
        return new Scored(parts, number(row[1 + Part.values().length]));
    }

    /** A candidate's score and its parts (each 0–1, before weighting). */
    record Scored(Map<Part, BigDecimal> parts, BigDecimal score) {
    }

    private static BigDecimal number(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString()).setScale(3, RoundingMode.HALF_UP);
    }

    /** 0 for a province (2 digits) to 4 for a community (12 digits). */
    private static String level(String column) {
        return "case length(" + column + ") when 2 then 0 when 4 then 1 when 6 then 2 when 9 then 3 else 4 end";
    }
}
