package net.collab.console.api;

import java.util.LinkedHashMap;

import java.util.Map;

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

/** A person's notification settings: language, e-mail per kind of news (at once, daily digest, off), and subscriptions. */
@Path("/settings")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class SettingsPages {

    @Inject
    Services services;

    @Inject
    Views views;

    @Location("settings.html")
    Template settings;

    @GET
    public TemplateInstance settings() {
        return views.page(settings).data("preferences", services.getObject(Service.NOTIFICATION, "/preferences", Map.of()))
                .data("subscriptions", services.getList(Service.NOTIFICATION, "/subscriptions", Map.of()));
    }

    @POST
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preferences(MultivaluedMap<String, String> form) {
        Map<String, Object> body = Forms.fields(form, "language");
        Map<String, String> email = new LinkedHashMap<>();
        form.forEach((field, values) -> {
            if (field.startsWith("email.") && !values.isEmpty()) {
                email.put(field.substring("email.".length()), values.get(0));
            }
        });
        body.put("email", email);
        return write(form, "preferences", () -> services.put(Service.NOTIFICATION, "/preferences", body));
    }

    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(MultivaluedMap<String, String> form) {
        Map<String, Object> body = Forms.fields(form, "areaCode", "category", "organizationId");
        body.put("kinds", Forms.all(form, "kinds"));
        return write(form, "subscribed", () -> services.post(Service.NOTIFICATION, "/subscriptions", body));
    }

    @POST
    @Path("subscriptions/{id}/removal")
    public Response unsubscribe(@PathParam("id") String id) {
        return write(new MultivaluedHashMap<>(), "unsubscribed",
                () -> services.delete(Service.NOTIFICATION, "/subscriptions/" + Ids.uuid(id)));
    }

    private Response write(MultivaluedMap<String, String> form, String done, Runnable call) {
        try {
            call.run();
        } catch (ServiceRefusal refusal) {
            return views.refused(settings(), form, refusal, Map.of());
        }
        return MemberPages.seeOther("/settings?done=" + done);
    }
}
