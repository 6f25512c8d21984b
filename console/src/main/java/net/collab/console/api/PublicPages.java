package net.collab.console.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import net.collab.console.services.Service;
import net.collab.console.services.Services;

/** What anyone sees without signing in: the action board, open needs, the directory, advocacy, public ledgers. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    @Inject
    Services services;

    @Inject
    Views views;

    @Location("board.html")
    Template board;

    @Location("needs.html")
    Template needs;

    @Location("organizations.html")
    Template organizations;

    @Location("organization.html")
    Template organization;

    @Location("advocacy.html")
    Template advocacy;

    @GET
    public TemplateInstance board() {
        Map<String, Object> actions = services.getObject(Service.ACTION, "/actions", Map.of("size", 10));
        Map<String, Object> open = services.getObject(Service.ACTION, "/needs", Map.of("size", 10));
        return views.page(board).data("actions", actions).data("needs", open);
    }

    @GET
    @Path("needs")
    public TemplateInstance needs(@QueryParam("category") String category, @QueryParam("page") Integer page) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("category", category);
        query.put("page", page);
        query.put("size", 20);
        return views.page(needs).data("needs", services.getObject(Service.ACTION, "/needs", query)).data("category", category);
    }

    @GET
    @Path("organizations")
    public TemplateInstance organizations(@QueryParam("q") String q, @QueryParam("kind") String kind, @QueryParam("area") String area,
            @QueryParam("page") Integer page) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("q", q);
        query.put("kind", kind);
        query.put("area", area);
        query.put("page", page);
        query.put("size", 20);
        return views.page(organizations).data("found", services.getObject(Service.REGISTRY, "/organizations", query))
                .data("q", q == null ? "" : q).data("kind", kind == null ? "" : kind);
    }

    /** An organization's profile, with its public ledger totals and whether its ledger verifies. */
    @GET
    @Path("organizations/{id}")
    public TemplateInstance organization(@PathParam("id") String id) {
        Map<String, Object> profile = services.getObject(Service.REGISTRY, "/organizations/" + Ids.uuid(id), Map.of());
        Map<String, Object> totals = services.getObject(Service.ACTION, "/ledgers/" + Ids.uuid(id) + "/totals", Map.of());
        Map<String, Object> verification = services.getObject(Service.ACTION, "/ledgers/" + Ids.uuid(id) + "/verification", Map.of());
        Map<String, Object> entries = services.getObject(Service.ACTION, "/ledgers/" + Ids.uuid(id), Map.of("size", 20));
        return views.page(organization).data("org", profile).data("totals", totals).data("verification", verification)
                .data("entries", entries);
    }

    @GET
    @Path("advocacy")
    public TemplateInstance advocacy(@QueryParam("page") Integer page) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("page", page);
        query.put("size", 20);
        return views.page(advocacy).data("posts", services.getObject(Service.ACTION, "/advocacy", query));
    }

    /** The language switch: remembers the choice for a year and goes back to the page it was pressed on. */
    @GET
    @Path("language/{language}")
    public Response language(@PathParam("language") String language, @QueryParam("back") String back) {
        // Only a path of this site: "//host" and "/\host" would lead browsers elsewhere.
        String target = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                && back.chars().noneMatch(Character::isISOControl) ? back : "/";
        NewCookie cookie = new NewCookie.Builder(Views.LANGUAGE_COOKIE).value(Texts.language(language)).path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build();
        java.net.URI location;
        try {
            location = new java.net.URI(target);
            if (location.getScheme() != null || location.getRawAuthority() != null) {
                location = java.net.URI.create("/");
            }
        } catch (java.net.URISyntaxException e) {
            location = java.net.URI.create("/");
        }
        return Response.seeOther(location).cookie(cookie).build();
    }

    static List<Object> items(Map<String, Object> page) {
        Object items = page.get("items");
        return items instanceof List<?> list ? List.copyOf(list) : List.of();
    }
}
