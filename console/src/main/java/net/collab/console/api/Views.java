package net.collab.console.api;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/**
 * What every page shows besides its own content: the words in the chosen language (a cookie set by
 * the language switch; Chinese by default), who is signed in, and where the switch comes back to.
 */
@RequestScoped
public class Views {

    public static final String LANGUAGE_COOKIE = "collabnet-lang";

    /** The signed-in person as the pages show them. */
    @TemplateData
    public record Person(String subject, String name, boolean coordinator) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    public String language() {
        Cookie cookie = request.getCookie(LANGUAGE_COOKIE);
        return Texts.language(cookie == null ? null : cookie.getValue());
    }

    public Map<String, String> texts() {
        return Texts.of(language());
    }

    /** Null when nobody is signed in. */
    public Person person() {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object display = token.getClaim("name");
            Object username = token.getClaim("preferred_username");
            name = display != null ? display.toString() : username != null ? username.toString() : name;
            return new Person(token.getSubject(), name, identity.hasRole("coordinator"));
        }
        return new Person(name, name, identity.hasRole("coordinator"));
    }

    /** The template with what every page needs: {@code t} (words), {@code lang}, {@code person}, {@code here}. */
    public TemplateInstance page(Template template) {
        String here = request.uri();
        return template.data("t", texts()).data("lang", language()).data("person", person()).data("here", here)
                .data("hereEncoded", java.net.URLEncoder.encode(here, java.nio.charset.StandardCharsets.UTF_8))
                .data("errors", Map.of()).data("form", Map.of()).data("refusal", null).data("refusalDetail", null).data("notice", noticeOf(request.getParam("done")));
    }

    /**
     * The page again, with what the person typed, the service's message on top and each field's
     * message next to that field ({@code renamed}: a service field shown under another form field).
     */
    public jakarta.ws.rs.core.Response refused(TemplateInstance page, jakarta.ws.rs.core.MultivaluedMap<String, String> form,
            net.collab.console.services.ServiceRefusal refusal, Map<String, String> renamed) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        refusal.fieldErrors().forEach((field, message) -> errors.merge(renamed.getOrDefault(field, field), inWords(message),
                (first, second) -> first + "; " + second));
        String title = refusal.title() != null ? refusal.title() : texts().get("error_refused");
        String summary = refusal.status() == 403 ? texts().get("error_forbidden")
                : refusal.status() == 401 ? texts().get("error_signin")
                : refusal.detail() != null && errors.isEmpty() ? refusal.detail() : null;
        int status = refusal.status() >= 400 && refusal.status() < 500 ? refusal.status() : 400;
        return jakarta.ws.rs.core.Response.status(status).entity(page.data("errors", errors).data("form", Forms.echo(form))
                .data("refusal", title).data("refusalDetail", summary)).type(jakarta.ws.rs.core.MediaType.TEXT_HTML).build();
    }

    /** Each field the service named, shown under {@code section.field}: for pages with several forms. */
    public static Map<String, String> inSection(String section, net.collab.console.services.ServiceRefusal refusal) {
        Map<String, String> renamed = new java.util.HashMap<>();
        refusal.fieldErrors().keySet().forEach(field -> renamed.put(field, section + "." + field));
        return renamed;
    }

    /** The services' usual validation messages in the page's language; others as the service wrote them. */
    String inWords(String message) {
        if (message == null) {
            return "";
        }
        String key = "validation_" + message.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return texts().getOrDefault(key, message);
    }

    private String noticeOf(String done) {
        if (done == null || !NOTICES.contains(done)) {
            return null;
        }
        return texts().get("done_" + done);
    }

    private static final Set<String> NOTICES = Set.of("need", "offer", "applied", "accepted", "declined", "delivered", "confirmed",
            "approved", "rejected", "read", "action", "advocacy", "ledger", "suspended", "reinstated", "risk", "replayed",
            "subscribed", "unsubscribed", "preferences", "webhook", "member", "profile", "memberRemoved", "webhookRemoved");
}
