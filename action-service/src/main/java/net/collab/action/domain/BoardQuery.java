package net.collab.action.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import net.collab.domain.Slice;

/** A public list's search over one table: conditions with named parameters, then a page and the total. */
final class BoardQuery {

    private final List<String> conditions = new ArrayList<>(List.of("true"));
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** Adds the condition when {@code value} is given (non-null), binding it to {@code :name}. */
    BoardQuery where(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    BoardQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    /**
     * Rows whose {@code column} (an array of division codes) holds a place inside {@code areaCode}'s
     * subtree or one containing it: codes nest by prefix (3708 ⊃ 370811 ⊃ 370811012 ⊃ 370811012002).
     * {@code orNone}: rows about no place at all concern every place.
     */
    BoardQuery inOrAround(String column, String areaCode, boolean orNone) {
        String around = "exists (select 1 from unnest(" + column + ") covered where covered like :area || '%' or :area like covered || '%')";
        return where(orNone ? "(cardinality(" + column + ") = 0 or " + around + ")" : around, "area", areaCode);
    }

    /** Rows where {@code expression} contains {@code text}, any case; strpos, not like: what people type (%, _) is text. */
    BoardQuery containing(String expression, String text) {
        return where("strpos(lower(" + expression + "), lower(:text)) > 0", "text", text);
    }

    <T> Slice<T> page(EntityManager entityManager, Class<T> type, String table, String order, int page, int size) {
        String where = String.join(" and ", conditions);
        Query select = entityManager.createNativeQuery("select * from " + table + " where " + where + " order by " + order, type);
        Query count = entityManager.createNativeQuery("select count(*) from " + table + " where " + where);
        parameters.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<T> found = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Slice<>(found, ((Number) count.getSingleResult()).longValue());
    }
}
