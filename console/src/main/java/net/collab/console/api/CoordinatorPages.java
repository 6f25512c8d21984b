package net.collab.console.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

import net.collab.console.config.ConsoleConfig;
import net.collab.console.domain.FlowMonitor;
import net.collab.console.domain.Places;
import net.collab.console.messaging.ConsumerLag;
import net.collab.console.services.Service;
import net.collab.console.services.ServiceRefusal;
import net.collab.console.services.Services;

/**
 * The coordinator's desk: applications to decide, escalated needs, and the live flow monitor (from
 * the events the services publish and the brokers' consumer offsets, never from their databases).
 */
@Path("/coordinator")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("coordinator")
public class CoordinatorPages {

    @Inject
    Services services;

    @Inject
    Views views;

    @Inject
    FlowMonitor monitor;

    @Inject
    ConsumerLag lag;

    @Inject
    Places places;

    @Inject
    ConsoleConfig config;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Location("applications.html")
    Template applications;

    @Location("monitor.html")
    Template monitorPage;

    @Location("escalations.html")
    Template escalations;

    @GET
    public TemplateInstance applications() {
        return views.page(applications).data("applications",
                services.getObject(Service.REGISTRY, "/organizations/applications", Map.of("size", 50)));
    }

    @POST
    @Path("applications/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> body = Forms.fields(form, "decision", "reason");
        try {
            services.post(Service.REGISTRY, "/organizations/" + Ids.uuid(id) + "/approval", body);
        } catch (ServiceRefusal refusal) {
            return views.refused(applications().data("failedId", id), form, refusal, Map.of("reasonGiven", "reason"));
        }
        return MemberPages.seeOther("/coordinator?done=" + ("REJECT".equals(body.get("decision")) ? "rejected" : "approved"));
    }

    @Location("risk.html")
    Template risk;

    @Location("dead-letters.html")
    Template deadLetters;

    /** Risk levels: the areas that have one, and a form to set one (the place chosen from the area tree). */
    @GET
    @Path("risk")
    public TemplateInstance risk() {
        List<Places.Place> rated = new ArrayList<>();
        for (String level : List.of("PROVINCE", "CITY", "DISTRICT", "STREET", "COMMUNITY")) {
            places.atLevel(level).stream().filter(place -> place.riskLevel() != null).forEach(rated::add);
        }
        rated.sort(java.util.Comparator.comparing(Places.Place::code));
        return views.page(risk).data("rated", rated);
    }

    @POST
    @Path("risk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setRisk(MultivaluedMap<String, String> form) {
        String area = Forms.text(form, "areaCode");
        try {
            if (area == null || !area.matches("[0-9]{2,12}")) {
                throw new ServiceRefusal(400, null, null, Map.of("areaCode", "must not be blank"));
            }
            services.put(Service.REGISTRY, "/areas/" + area + "/risk-level", Forms.fields(form, "level", "reason"));
        } catch (ServiceRefusal refusal) {
            return views.refused(risk(), form, refusal, Map.of());
        }
        return MemberPages.seeOther("/coordinator/risk?done=risk");
    }

    @GET
    @Path("dead-letters")
    public TemplateInstance deadLetters() {
        return views.page(deadLetters).data("letters", services.getObject(Service.NOTIFICATION, "/dead-letters", Map.of("size", 50)));
    }

    @POST
    @Path("dead-letters/{id}/replay")
    public Response replay(@PathParam("id") String id) {
        try {
            services.post(Service.NOTIFICATION, "/dead-letters/" + Ids.uuid(id) + "/replay", Map.of());
        } catch (ServiceRefusal refusal) {
            return views.refused(deadLetters(), new jakarta.ws.rs.core.MultivaluedHashMap<>(), refusal, Map.of());
        }
        return MemberPages.seeOther("/coordinator/dead-letters?done=replayed");
    }

    @GET
    @Path("escalations")
    public TemplateInstance escalations() {
        return views.page(escalations).data("escalations",
                services.getObject(Service.MATCHING, "/escalations", Map.of("size", 50)));
    }

    @GET
    @Path("monitor")
    public TemplateInstance monitor() {
        Map<String, String> texts = views.texts();
        Map<String, Object> words = new LinkedHashMap<>();
        for (String word : List.of("none", "seconds", "minutes", "hours", "minute", "unmet")) {
            words.put(word, texts.get("monitor_word_" + word));
        }
        Map<String, String> stages = new LinkedHashMap<>();
        for (FlowMonitor.Stage stage : FlowMonitor.Stage.values()) {
            stages.put(stage.name(), texts.get("stage_" + stage.name()));
        }
        words.put("stages", stages);
        Map<String, String> risks = new LinkedHashMap<>();
        for (String risk : List.of("HIGH", "RELATIVELY_HIGH", "MEDIUM", "LOW", "GENERAL", "NONE")) {
            risks.put(risk, texts.get("risk_" + risk));
        }
        words.put("risk", risks);
        String wordsJson;
        try {
            wordsJson = json.writeValueAsString(words).replace("</", "<\\/");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return views.page(monitorPage).data("recent", monitor.recent(20)).data("monitor", monitor).data("words", wordsJson);
    }

    /** The monitor's figures, for its charts (refreshed by the page every few seconds). */
    @GET
    @Path("monitor/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> monitorData() {
        Instant now = Instant.now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("minutes", 30);
        data.put("eventsPerMinute", monitor.eventsPerMinute(now, 30));
        data.put("consumerLag", lag.perGroup());
        data.put("stageTimes", monitor.stageTimes());
        List<Map<String, Object>> stuck = new ArrayList<>();
        for (FlowMonitor.StuckArea area : monitor.stuckByArea(now, config.stuckAfter())) {
            stuck.add(Map.of("area", places.path(area.areaCode()), "needs", area.needs(), "waitingSince", area.waitingSince().toString()));
        }
        data.put("stuckByArea", stuck);
        List<Map<String, Object>> picture = new ArrayList<>();
        monitor.unmetByArea().forEach((code, unmet) -> {
            Places.Place place = places.find(code);
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("name", places.name(code));
            cell.put("path", places.path(code));
            cell.put("riskLevel", place == null || place.riskLevel() == null ? "NONE" : place.riskLevel());
            cell.put("unmet", unmet);
            picture.add(cell);
        });
        for (Places.Place community : places.atLevel("COMMUNITY")) {
            if (community.riskLevel() != null && picture.stream().noneMatch(cell -> cell.get("path").equals(places.path(community.code())))) {
                picture.add(Map.of("name", community.name(), "path", places.path(community.code()), "riskLevel", community.riskLevel(),
                        "unmet", 0));
            }
        }
        data.put("areas", picture);
        data.put("needsFollowed", monitor.needsHeld());
        return data;
    }
}
