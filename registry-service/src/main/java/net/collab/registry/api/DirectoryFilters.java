package net.collab.registry.api;

import java.util.Map;

import jakarta.ws.rs.QueryParam;

import net.collab.domain.Refusal;
import net.collab.events.Vocabulary.OrganizationKind;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.events.Vocabulary.TargetGroup;
import net.collab.registry.domain.OrganizationDirectory;
import net.collab.registry.domain.RegistrationStatus;
import net.collab.web.Page;
import net.collab.web.QueryParams;

/** The directory's filters, as query parameters, read into the directory's criteria (400 naming the parameter otherwise). */
public class DirectoryFilters {

    private static final Map<String, OrganizationDirectory.Order> SORTS = Map.of(
            "name", OrganizationDirectory.Order.NAME, "-name", OrganizationDirectory.Order.NAME_DESCENDING,
            "createdAt", OrganizationDirectory.Order.CREATED, "-createdAt", OrganizationDirectory.Order.CREATED_DESCENDING);

    @QueryParam("kind")
    String kind;
    @QueryParam("domain")
    String domain;
    @QueryParam("targetGroup")
    String targetGroup;
    @QueryParam("area")
    String area;
    @QueryParam("registrationStatus")
    String registrationStatus;
    @QueryParam("q")
    String name;
    @QueryParam("sort")
    String sort;
    @QueryParam("page")
    String page;
    @QueryParam("size")
    String size;

    OrganizationDirectory.Criteria criteria() {
        String areaCode = QueryParams.text("area", area);
        if (areaCode != null && !areaCode.matches(OrganizationViews.AREA_CODE)) {
            throw Refusal.invalid("area", OrganizationViews.AREA_CODE_MESSAGE);
        }
        return new OrganizationDirectory.Criteria(
                QueryParams.enumValue(OrganizationKind.class, "kind", kind),
                QueryParams.enumValue(RegistrationStatus.class, "registrationStatus", registrationStatus),
                QueryParams.enumValue(ServiceDomain.class, "domain", domain),
                QueryParams.enumValue(TargetGroup.class, "targetGroup", targetGroup),
                areaCode, QueryParams.text("q", name));
    }

    OrganizationDirectory.Order order() {
        String given = sort == null || sort.isBlank() ? "name" : sort.strip();
        OrganizationDirectory.Order order = SORTS.get(given);
        if (order == null) {
            throw Refusal.invalid("sort", "must be one of " + String.join(", ", SORTS.keySet()));
        }
        return order;
    }

    Page.Request paging() {
        return Page.request(page, size);
    }
}
