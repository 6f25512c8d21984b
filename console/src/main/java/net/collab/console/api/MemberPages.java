package net.collab.console.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import net.collab.console.domain.FlowMonitor;
import net.collab.console.services.Service;
import net.collab.console.services.ServiceRefusal;
import net.collab.console.services.Services;

/**
 * What an organization's members do: apply for an organization, post needs and offers, answer the
 * matches proposed to them, deliver and confirm. Every write goes to the service with the person's
 * own token; a refusal comes back onto the form, next to the field it names.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class MemberPages {

    @Inject
    Services services;

    @Inject
    Views views;

    @Inject
    FlowMonitor monitor;

    @Inject
    io.vertx.core.http.HttpServerResponse vertxResponse;

    @Location("me.html")
    Template me;

    @Location("apply.html")
    Template apply;

    @Location("need-form.html")
    Template needForm;

    @Location("offer-form.html")
    Template offerForm;

    @Location("matches.html")
    Template matches;

    @Location("need.html")
    Template need;

    @GET
    @Path("me")
    @Authenticated
    public TemplateInstance me() {
        return views.page(me).data("organizations", mine());
    }

    @GET
    @Path("apply")
    @Authenticated
    public TemplateInstance applyForm() {
        return views.page(apply);
    }

    @POST
    @Path("apply")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response apply(MultivaluedMap<String, String> form) {
        Map<String, Object> body = Forms.fields(form, "nameZh", "nameEn", "kind", "registrationStatus", "unifiedSocialCreditCode",
                "description");
        String area = Forms.text(form, "areaCode");
        body.put("serviceAreas", area == null ? List.of() : List.of(area));
        body.put("targetGroups", Forms.all(form, "targetGroups"));
        try {
            services.post(Service.REGISTRY, "/organizations", body);
        } catch (ServiceRefusal refusal) {
            return views.refused(views.page(apply), form, refusal, Map.of("serviceAreas", "areaCode"));
        }
        return seeOther("/me?done=applied");
    }

    @GET
    @Path("needs/new")
    @Authenticated
    public TemplateInstance needForm() {
        return views.page(needForm).data("organizations", approved()).data("form", Map.of("urgency", "HIGH"));
    }

    @POST
    @Path("needs/new")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postNeed(MultivaluedMap<String, String> form) {
        Map<String, Object> body = Forms.fields(form, "organizationId", "category", "item", "quantity", "unit", "urgency", "areaCode",
                "targetGroup", "description");
        body.put("deadline", Forms.endOfDay(Forms.text(form, "deadline")));
        Map<String, Object> beneficiary = new LinkedHashMap<>();
        for (String field : List.of("name", "phone", "address")) {
            String value = Forms.text(form, "beneficiary." + field);
            if (value != null) {
                beneficiary.put(field, value);
            }
        }
        if (!beneficiary.isEmpty()) {
            body.put("beneficiary", beneficiary);
        }
        Map<?, ?> posted;
        try {
            posted = (Map<?, ?>) services.post(Service.ACTION, "/needs", body);
        } catch (ServiceRefusal refusal) {
            return views.refused(views.page(needForm).data("organizations", approved()), form, refusal, Map.of());
        }
        return seeOther("/needs/" + posted.get("id") + "?done=need");
    }

    @GET
    @Path("offers/new")
    @Authenticated
    public TemplateInstance offerForm() {
        return views.page(offerForm).data("organizations", approved());
    }

    @POST
    @Path("offers/new")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postOffer(MultivaluedMap<String, String> form) {
        Map<String, Object> body = Forms.fields(form, "organizationId", "category", "item", "quantity", "unit", "areaCode",
                "description");
        body.put("availableUntil", Forms.endOfDay(Forms.text(form, "availableUntil")));
        try {
            services.post(Service.ACTION, "/offers", body);
        } catch (ServiceRefusal refusal) {
            return views.refused(views.page(offerForm).data("organizations", approved()), form, refusal, Map.of());
        }
        return seeOther("/matches?done=offer");
    }

    /** The matches of every organization the person belongs to, with what each side may do next. */
    @GET
    @Path("matches")
    @Authenticated
    public TemplateInstance matches() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> organization : approved()) {
            String id = String.valueOf(organization.get("id"));
            Map<String, Object> page = services.getObject(Service.MATCHING, "/matches", Map.of("org", id, "size", 100));
            for (Object item : PublicPages.items(page)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> match = new LinkedHashMap<>((Map<String, Object>) item);
                match.put("asProvider", id.equals(String.valueOf(match.get("providerOrganizationId"))));
                match.put("asRequester", id.equals(String.valueOf(match.get("requesterOrganizationId"))));
                match.put("need", monitor.need(UUID.fromString(String.valueOf(match.get("needId")))));
                match.put("providerName", monitor.organizationName(uuid(match.get("providerOrganizationId"))));
                match.put("requesterName", monitor.organizationName(uuid(match.get("requesterOrganizationId"))));
                rows.add(match);
            }
        }
        return views.page(matches).data("matches", rows);
    }

    @POST
    @Path("matches/{id}/acceptance")
    @Authenticated
    public Response accept(@PathParam("id") String id) {
        return matchStep(id, "acceptance", null, "accepted");
    }

    @POST
    @Path("matches/{id}/decline")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return matchStep(id, "decline", Forms.fields(form, "reason"), "declined");
    }

    @POST
    @Path("matches/{id}/deliveries")
    @Authenticated
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deliver(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return matchStep(id, "deliveries", Forms.fields(form, "quantity", "note"), "delivered");
    }

    @POST
    @Path("matches/{id}/confirmation")
    @Authenticated
    public Response confirm(@PathParam("id") String id) {
        return matchStep(id, "confirmation", null, "confirmed");
    }

    private Response matchStep(String id, String step, Map<String, Object> body, String done) {
        try {
            services.post(Service.MATCHING, "/matches/" + Ids.uuid(id) + "/" + step, body == null ? Map.of() : body);
        } catch (ServiceRefusal refusal) {
            return views.refused(matches().data("failedMatch", id), new jakarta.ws.rs.core.MultivaluedHashMap<>(), refusal,
                    Map.of("quantity", "quantity", "reason", "reason"));
        }
        return seeOther("/matches?done=" + done + "#match-" + id);
    }

    /** A need: what it asks, how far it got, its matches and timeline; the beneficiary for those allowed to see them. */
    @GET
    @Path("needs/{id}")
    public TemplateInstance need(@PathParam("id") String id) {
        UUID needId = Ids.uuid(id);
        Map<String, Object> found = services.getObject(Service.ACTION, "/needs/" + needId, Map.of());
        Map<String, Object> matchesOfNeed = services.getObject(Service.MATCHING, "/needs/" + needId + "/matches", Map.of("size", 50));
        List<Map<String, Object>> named = new ArrayList<>();
        for (Object item : PublicPages.items(matchesOfNeed)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> match = new LinkedHashMap<>((Map<String, Object>) item);
            match.put("providerName", monitor.organizationName(uuid(match.get("providerOrganizationId"))));
            named.add(match);
        }
        Object beneficiary = null;
        if (views.person() != null) {
            try {
                beneficiary = services.get(Service.ACTION, "/needs/" + needId + "/beneficiary");
            } catch (ServiceRefusal notAllowed) {
                beneficiary = null; // only the requester and an accepted provider see who it is for
            }
        }
        FlowMonitor.NeedSummary summary = monitor.need(needId);
        if (beneficiary != null) {
            // Personal data: never kept by the browser (back button after signing out) or a cache on the way.
            vertxResponse.headers().set("Cache-Control", "no-store, private");
        }
        return views.page(need).data("need", found).data("matches", named).data("beneficiary", beneficiary)
                .data("timeline", summary == null ? List.of() : summary.steps()).data("monitor", monitor);
    }

    /** The person's organizations, whatever their status. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> mine() {
        List<Map<String, Object>> organizations = new ArrayList<>();
        for (Object organization : services.getList(Service.REGISTRY, "/organizations/mine", Map.of())) {
            organizations.add((Map<String, Object>) organization);
        }
        return organizations;
    }

    /**
     * The approved organizations the person acts for: their own, and the grassroots groups a hub
     * they belong to sponsors (a hub's administrators act for its groups; the services decide).
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> approved() {
        List<Map<String, Object>> actsFor = new ArrayList<>();
        for (Map<String, Object> organization : mine()) {
            if (!"APPROVED".equals(organization.get("status"))) {
                continue;
            }
            actsFor.add(organization);
            if ("HUB_ORGANIZATION".equals(organization.get("kind"))) {
                try {
                    for (Object group : services.getList(Service.REGISTRY, "/organizations/" + organization.get("id") + "/sponsored", Map.of())) {
                        Map<String, Object> sponsored = (Map<String, Object>) group;
                        if ("APPROVED".equals(sponsored.get("status")) && "ACCEPTED".equals(sponsored.get("sponsorshipStatus"))
                                && actsFor.stream().noneMatch(known -> known.get("id").equals(sponsored.get("id")))) {
                            actsFor.add(sponsored);
                        }
                    }
                } catch (ServiceRefusal notAnAdministrator) {
                    // a member who is not the hub's administrator acts for the hub only
                }
            }
        }
        return actsFor;
    }

    static UUID uuid(Object value) {
        try {
            return value == null ? null : UUID.fromString(value.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Response seeOther(String target) {
        return Response.seeOther(URI.create(target)).build();
    }
}
