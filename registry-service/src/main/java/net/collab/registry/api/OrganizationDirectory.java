package net.collab.registry.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.events.Vocabulary.TargetGroup;
import net.collab.registry.api.OrganizationViews.PublicOrganization;
import net.collab.registry.domain.AreaService;
import net.collab.registry.domain.Organization;
import net.collab.registry.domain.RegistrationStatus;
import net.collab.web.Page;
import net.collab.web.QueryParams;
import net.collab.domain.Refusal;

/** Search over approved organizations, for the public directory and the exports. */
@ApplicationScoped
public class OrganizationDirectory {

    private static final Map<String, String> SORTS = Map.of(
            "name", "name_zh asc, id", "-name", "name_zh desc, id",
            "createdAt", "created_at asc, id", "-createdAt", "created_at desc, id");

    @Inject
    EntityManager entityManager;

    @Inject
    AreaService areas;

    /** The directory's filters, as query parameters. */
    public static class Filters {
        @QueryParam("kind")
        public String kind;
        @QueryParam("domain")
        public String domain;
        @QueryParam("targetGroup")
        public String targetGroup;
        @QueryParam("area")
        public String area;
        @QueryParam("registrationStatus")
        public String registrationStatus;
        @QueryParam("q")
        public String name;
        @QueryParam("sort")
        @DefaultValue("name")
        public String sort;
        @QueryParam("page")
        @DefaultValue("0")
        public int page;
        @QueryParam("size")
        @DefaultValue("20")
        public int size = Page.DEFAULT_SIZE;
    }

    @Transactional
    public Page<PublicOrganization> search(Filters query) {
        Page.check(query.page, query.size);
        String order = SORTS.get(query.sort);
        if (order == null) {
            throw Refusal.invalid("sort", "must be one of " + String.join(", ", SORTS.keySet()));
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, parameters);
        Query select = bind(entityManager.createNativeQuery("select * from organization where " + where + " order by " + order,
                Organization.class), parameters);
        Query count = bind(entityManager.createNativeQuery("select count(*) from organization where " + where), parameters);
        @SuppressWarnings("unchecked")
        List<Organization> found = select.setFirstResult(query.page * query.size).setMaxResults(query.size).getResultList();
        return new Page<>(found.stream().map(PublicOrganization::of).toList(), query.page, query.size,
                ((Number) count.getSingleResult()).longValue());
    }

    /** Every approved organization matching the filters, for an export. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Organization> all(Filters query) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(query, parameters);
        return bind(entityManager.createNativeQuery("select * from organization where " + where + " order by name_zh, id",
                Organization.class), parameters).getResultList();
    }

    private String where(Filters query, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>(List.of("status = 'APPROVED'"));
        OrganizationKind kind = QueryParams.enumValue(OrganizationKind.class, "kind", query.kind);
        RegistrationStatus registration = QueryParams.enumValue(RegistrationStatus.class, "registrationStatus",
                query.registrationStatus);
        ServiceDomain domain = QueryParams.enumValue(ServiceDomain.class, "domain", query.domain);
        TargetGroup targetGroup = QueryParams.enumValue(TargetGroup.class, "targetGroup", query.targetGroup);
        if (kind != null) {
            conditions.add("kind = :kind");
            parameters.put("kind", kind.name());
        }
        if (registration != null) {
            conditions.add("registration_status = :registrationStatus");
            parameters.put("registrationStatus", registration.name());
        }
        if (domain != null) {
            conditions.add("cast(:domain as varchar) = any(service_domains)");
            parameters.put("domain", domain.name());
        }
        if (targetGroup != null) {
            conditions.add("cast(:targetGroup as varchar) = any(target_groups)");
            parameters.put("targetGroup", targetGroup.name());
        }
        if (query.area != null && !query.area.isBlank()) {
            String area = query.area.strip();
            if (!area.matches(OrganizationViews.AREA_CODE)) {
                throw Refusal.invalid("area", OrganizationViews.AREA_CODE_MESSAGE);
            }
            areas.requireKnown("area", List.of(area));
            // Serves somewhere inside the area, or serves an area that contains it.
            conditions.add("exists (select 1 from unnest(service_areas) served"
                    + " where served like :area || '%' or :area like served || '%')");
            parameters.put("area", area);
        }
        if (query.name != null && !query.name.isBlank()) {
            conditions.add("(name_zh like :name escape '\\' or lower(coalesce(name_en, '')) like lower(:name) escape '\\')");
            parameters.put("name", "%" + query.name.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return String.join(" and ", conditions);
    }

    private static Query bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
