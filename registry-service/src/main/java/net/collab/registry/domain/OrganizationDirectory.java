package net.collab.registry.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import net.collab.domain.Slice;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.events.Vocabulary.TargetGroup;

/** Search over approved organizations, for the public directory and the exports. */
@ApplicationScoped
public class OrganizationDirectory {

    /** The orders the directory lists in. */
    public enum Order {
        NAME("name_zh asc, id"), NAME_DESCENDING("name_zh desc, id"),
        CREATED("created_at asc, id"), CREATED_DESCENDING("created_at desc, id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /**
     * What to look for; null means any. {@code areaCode} means the area's whole subtree (and
     * organizations serving an area that contains it); {@code name} is a substring of the Chinese
     * or English name.
     */
    public record Criteria(OrganizationKind kind, RegistrationStatus registrationStatus, ServiceDomain domain,
            TargetGroup targetGroup, String areaCode, String name) {
    }

    /** The most organizations one export holds: an export is a document, not a dump of the database. */
    public static final int MAX_EXPORT = 5000;

    @Inject
    EntityManager entityManager;

    @Inject
    AreaService areas;

    @Transactional
    public Slice<Organization> search(Criteria criteria, Order order, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(criteria, parameters);
        Query select = bind(entityManager.createNativeQuery("select * from organization where " + where + " order by " + order.sql,
                Organization.class), parameters);
        Query count = bind(entityManager.createNativeQuery("select count(*) from organization where " + where), parameters);
        @SuppressWarnings("unchecked")
        List<Organization> found = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Slice<>(found, ((Number) count.getSingleResult()).longValue());
    }

    /** Applications the coordinator has not decided yet, oldest first: the coordinator's queue. */
    @Transactional
    public Slice<Organization> awaitingDecision(int page, int size) {
        String where = "status = 'APPLIED'";
        @SuppressWarnings("unchecked")
        List<Organization> found = entityManager.createNativeQuery(
                "select * from organization where " + where + " order by created_at asc, id", Organization.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = ((Number) entityManager.createNativeQuery("select count(*) from organization where " + where)
                .getSingleResult()).longValue();
        return new Slice<>(found, total);
    }

    /** The approved organizations matching the criteria, by name, at most {@link #MAX_EXPORT} of them. */
    @Transactional
    public Slice<Organization> export(Criteria criteria) {
        return search(criteria, Order.NAME, 0, MAX_EXPORT);
    }

    private String where(Criteria query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>(List.of("status = 'APPROVED'"));
        if (query.kind() != null) {
            conditions.add("kind = :kind");
            parameters.put("kind", query.kind().name());
        }
        if (query.registrationStatus() != null) {
            conditions.add("registration_status = :registrationStatus");
            parameters.put("registrationStatus", query.registrationStatus().name());
        }
        if (query.domain() != null) {
            conditions.add("cast(:domain as varchar) = any(service_domains)");
            parameters.put("domain", query.domain().name());
        }
        if (query.targetGroup() != null) {
            conditions.add("cast(:targetGroup as varchar) = any(target_groups)");
            parameters.put("targetGroup", query.targetGroup().name());
        }
        if (query.areaCode() != null) {
            areas.requireKnown("area", List.of(query.areaCode()));
            // Serves somewhere inside the area, or serves an area that contains it.
            conditions.add("exists (select 1 from unnest(service_areas) served"
                    + " where served like :area || '%' or :area like served || '%')");
            parameters.put("area", query.areaCode());
        }
        if (query.name() != null) {
            conditions.add("(name_zh like :name escape '\\' or lower(coalesce(name_en, '')) like lower(:name) escape '\\')");
            parameters.put("name", "%" + query.name().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return String.join(" and ", conditions);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
