package net.collab.console.api;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import net.collab.console.services.Service;
import net.collab.console.services.ServiceRefusal;
import net.collab.console.services.Services;

/**
 * One organization as its members run it: its members, its webhooks, its public ledger, its
 * actions and advocacy, and (for a hub) the grassroots groups it sponsors and may act for. The
 * services decide who may do what; the page offers each form and shows their answer.
 */
@Path("/my/organizations/{id}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class OrganizationPages {

    @Inject
    Services services;

    @Inject
    Views views;

    @Location("organization-manage.html")
    Template manage;

    @GET
    public TemplateInstance manage(@PathParam("id") String id) {
        return page(Ids.uuid(id));
    }

    private TemplateInstance page(UUID id) {
        Map<String, Object> organization = new java.util.HashMap<>(services.getObject(Service.REGISTRY, "/organizations/" + id, Map.of()));
        // Outsiders get the public profile, which the registry shows only for approved organizations.
        organization.putIfAbsent("status", "APPROVED");
        organization.putIfAbsent("statusReason", null);
        return views.page(manage).data("org", organization).data("members", listOrEmpty(Service.REGISTRY, "/organizations/" + id + "/members"))
                .data("webhooks", listOrEmpty(Service.NOTIFICATION, "/organizations/" + id + "/webhooks"))
                .data("sponsored", "HUB_ORGANIZATION".equals(organization.get("kind"))
                        ? listOrEmpty(Service.REGISTRY, "/organizations/" + id + "/sponsored") : List.of())
                .data("secret", null).data("failed", null);
    }

    /** What the person may not see (403) is shown as nothing rather than as an error page. */
    private List<Object> listOrEmpty(Service service, String path) {
        try {
            return services.getList(service, path, Map.of());
        } catch (ServiceRefusal refused) {
            return List.of();
        }
    }

    /** The profile: fields left blank keep what they hold (the registry's PATCH changes only what is sent). */
    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeProfile(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID organization = Ids.uuid(id);
        Map<String, Object> body = Forms.fields(form, "nameZh", "nameEn", "description", "website");
        Map<String, Object> contact = Forms.fields(form, "publicContact.phone", "publicContact.email", "publicContact.address");
        if (!contact.isEmpty()) {
            Map<String, Object> publicContact = new java.util.LinkedHashMap<>();
            contact.forEach((field, value) -> publicContact.put(field.substring("publicContact.".length()), value));
            body.put("publicContact", publicContact);
        }
        return write(organization, form, "profile", "profile",
                () -> services.patch(Service.REGISTRY, "/organizations/" + organization, body));
    }

    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID organization = Ids.uuid(id);
        return write(organization, form, "member", "members",
                () -> services.post(Service.REGISTRY, "/organizations/" + organization + "/members", Forms.fields(form, "email", "role")));
    }

    @POST
    @Path("members/{subject}/removal")
    public Response removeMember(@PathParam("id") String id, @PathParam("subject") String subject) {
        UUID organization = Ids.uuid(id);
        return write(organization, new MultivaluedHashMap<>(), "memberRemoved", "members",
                () -> services.delete(Service.REGISTRY, "/organizations/" + organization + "/members/" + Services.segment(subject)));
    }

    /** A webhook's secret is shown once, on the page that registered it. */
    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addWebhook(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID organization = Ids.uuid(id);
        Map<String, Object> body = Forms.fields(form, "url");
        body.put("kinds", Forms.all(form, "kinds"));
        Map<?, ?> made;
        try {
            made = (Map<?, ?>) services.post(Service.NOTIFICATION, "/organizations/" + organization + "/webhooks", body);
        } catch (ServiceRefusal refusal) {
            return views.refused(page(organization).data("failed", "webhooks"), form, refusal, Views.inSection("webhooks", refusal));
        }
        // Shown by this POST's answer (not after a redirect, which would need the secret kept somewhere): the language
        // switch goes back to the organization's page.
        String back = "/my/organizations/" + organization;
        return Response.ok(page(organization).data("secret", made.get("secret")).data("notice", views.texts().get("done_webhook"))
                .data("here", back).data("hereEncoded", java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8)))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("webhooks/{webhook}/removal")
    public Response removeWebhook(@PathParam("id") String id, @PathParam("webhook") String webhook) {
        UUID organization = Ids.uuid(id);
        return write(organization, new MultivaluedHashMap<>(), "webhookRemoved", "webhooks",
                () -> services.delete(Service.NOTIFICATION, "/organizations/" + organization + "/webhooks/" + Ids.uuid(webhook)));
    }

    @POST
    @Path("ledger")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordLedgerEntry(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID organization = Ids.uuid(id);
        Map<String, Object> body = Forms.fields(form, "kind", "amount", "unit", "item", "counterparty", "evidenceReference", "note");
        body.put("anonymous", form.containsKey("anonymous"));
        body.put("occurredAt", chinaTime(Forms.text(form, "occurredAt")));
        return write(organization, form, "ledger", "ledger",
                () -> services.post(Service.ACTION, "/ledgers/" + organization + "/entries", body));
    }

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publishAction(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID organization = Ids.uuid(id);
        Map<String, Object> body = Forms.fields(form, "title", "description", "startsOn", "endsOn", "status", "volunteersSought",
                "contact");
        body.put("organizationId", organization.toString());
        body.put("domains", Forms.all(form, "domains"));
        body.put("targetGroups", Forms.all(form, "targetGroups"));
        String area = Forms.text(form, "areaCode");
        body.put("areaCodes", area == null ? List.of() : List.of(area));
        return write(organization, form, "action", "actions", () -> services.post(Service.ACTION, "/actions", body),
                Map.of("areaCodes", "areaCode"));
    }

    @POST
    @Path("advocacy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publishAdvocacy(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID organization = Ids.uuid(id);
        Map<String, Object> body = Forms.fields(form, "audience", "title", "body");
        body.put("organizationId", organization.toString());
        body.put("domains", Forms.all(form, "domains"));
        return write(organization, form, "advocacy", "advocacy", () -> services.post(Service.ACTION, "/advocacy", body));
    }

    /** The coordinator suspends (with a reason the organization is told) and reinstates; registry-service refuses anyone else. */
    @POST
    @Path("suspension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suspend(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID organization = Ids.uuid(id);
        return write(organization, form, "suspended", "standing",
                () -> services.post(Service.REGISTRY, "/organizations/" + organization + "/suspension", Forms.fields(form, "reason")));
    }

    @POST
    @Path("reinstatement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reinstate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        UUID organization = Ids.uuid(id);
        return write(organization, form, "reinstated", "standing",
                () -> services.post(Service.REGISTRY, "/organizations/" + organization + "/reinstatement", Forms.fields(form, "reason")));
    }

    private Response write(UUID organization, MultivaluedMap<String, String> form, String done, String section, Runnable call) {
        return write(organization, form, done, section, call, Map.of());
    }

    /** Calls the service; on success back to the page (the section that changed), on refusal the page with the errors. */
    private Response write(UUID organization, MultivaluedMap<String, String> form, String done, String section, Runnable call,
            Map<String, String> renamed) {
        try {
            call.run();
        } catch (ServiceRefusal refusal) {
            Map<String, String> named = new java.util.HashMap<>(Views.inSection(section, refusal));
            renamed.forEach((field, shownAs) -> named.put(field, section + "." + shownAs));
            return views.refused(page(organization).data("failed", section), form, refusal, named);
        }
        return MemberPages.seeOther("/my/organizations/" + organization + "?done=" + done + "#" + section);
    }

    /** A time picked on the form (datetime-local) is China's time; anything else goes on as typed, for the service to judge. */
    static Object chinaTime(String local) {
        if (local == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(local).atZone(Formats.ZONE).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }
}
