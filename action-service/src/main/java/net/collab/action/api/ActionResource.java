package net.collab.action.api;

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.action.domain.Action;
import net.collab.action.domain.Actions;
import net.collab.domain.Refusal;
import net.collab.domain.Slice;
import net.collab.events.Vocabulary.ActionStatus;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.events.Vocabulary.TargetGroup;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.web.AtomFeed;
import net.collab.web.Caller;
import net.collab.web.Callers;
import net.collab.web.HxlCsv;
import net.collab.web.Page;
import net.collab.web.QueryParams;
import net.collab.web.SensibleDate;

/** Actions (行动信息): published by organizations' members, on a public board, as a feed and as a 3W table. */
@Path("/actions")
@Produces(MediaType.APPLICATION_JSON)
public class ActionResource {

    /** The newest actions a feed holds. */
    static final int FEED_SIZE = 50;

    private static final List<HxlCsv.Column> THREE_W = List.of(
            new HxlCsv.Column("组织 Organization", "#org+name"), new HxlCsv.Column("组织ID Organization id", "#org+id"),
            new HxlCsv.Column("行动 Action", "#activity+name"), new HxlCsv.Column("行动ID Action id", "#activity+id"),
            new HxlCsv.Column("领域 Domains", "#sector"), new HxlCsv.Column("服务对象 Target groups", "#targeted+type"),
            new HxlCsv.Column("地点 Places", "#loc+name"), new HxlCsv.Column("区划代码 Division codes", "#loc+code"),
            new HxlCsv.Column("状态 Status", "#status"), new HxlCsv.Column("开始 Start", "#date+start"),
            new HxlCsv.Column("结束 End", "#date+end"), new HxlCsv.Column("招募志愿者 Volunteers sought", "#volunteers+sought+num"),
            new HxlCsv.Column("联系 Contact", "#contact"));

    @Inject
    Actions actions;

    @Inject
    Caller caller;

    @Inject
    AreaReplica areas;

    @Inject
    OrganizationReplica organizations;

    public record ActionRequest(
            @NotNull UUID organizationId,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 8000) String description,
            @NotNull @Size(max = 10) List<@NotNull ServiceDomain> domains,
            @NotNull @Size(max = 10) List<@NotNull TargetGroup> targetGroups,
            @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = ActionViews.AREA_CODE,
                    message = ActionViews.AREA_CODE_MESSAGE) String> areaCodes,
            @SensibleDate LocalDate startsOn,
            @SensibleDate LocalDate endsOn,
            ActionStatus status,
            @PositiveOrZero @Max(1_000_000) Integer volunteersSought,
            @Size(max = 200) String contact) {

        Action.Draft toDraft() {
            return new Action.Draft(organizationId, title.strip(), description, domains, targetGroups, areaCodes, startsOn, endsOn,
                    status, volunteersSought, contact == null ? null : contact.strip());
        }
    }

    public record StatusRequest(@NotNull ActionStatus status) {
    }

    /** An action as anyone sees it: the organization and the places by name, and how many needs and offers are part of it. */
    public record ActionView(UUID id, UUID organizationId, String organizationName, String title, String description,
            List<Labelled> domains, List<Labelled> targetGroups, List<AreaReplica.Place> places, LocalDate startsOn, LocalDate endsOn,
            ActionStatus status, String statusLabel, Integer volunteersSought, String contact, long linkedNeeds, long linkedOffers,
            OffsetDateTime publishedAt, OffsetDateTime updatedAt) {
    }

    /** A vocabulary value with its Chinese label: {@code {"code":"DISABLED","label":"残疾人"}}. */
    public record Labelled(String code, String label) {
    }

    @POST
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.MEMBER)
    public Response publish(@Valid @NotNull ActionRequest request) {
        Action action = actions.publish(request.toDraft(), caller.subject());
        return Response.created(URI.create("/actions/" + action.id())).entity(view(action)).build();
    }

    /** The organization changes what it says about its action (not its status: see /status). */
    @PUT
    @Path("{id}")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.MEMBER)
    public ActionView revise(@PathParam("id") UUID id, @Valid @NotNull ActionRequest request) {
        return view(actions.revise(id, request.toDraft(), caller.subject()));
    }

    /** Forward only: planned → ongoing → completed, or cancelled before it is completed. */
    @POST
    @Path("{id}/status")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.MEMBER)
    public ActionView moveTo(@PathParam("id") UUID id, @Valid @NotNull StatusRequest request) {
        return view(actions.moveTo(id, request.status(), caller.subject()));
    }

    @GET
    @Path("{id}")
    @PermitAll
    public ActionView get(@PathParam("id") UUID id) {
        return view(actions.find(id));
    }

    /** The board: newest first, filtered, a page at a time with the total. */
    @GET
    @PermitAll
    public Page<ActionView> board(@BeanParam Filters filters) {
        Page.Request paging = Page.request(filters.page, filters.size);
        Slice<Action> found = actions.board(filters.criteria(), paging.page(), paging.size());
        return Page.of(new Slice<>(views(found.items()), found.total()), paging);
    }

    /** The board's newest actions (same filters) as an Atom feed. */
    @GET
    @Path("feed")
    @PermitAll
    @Produces(AtomFeed.MEDIA_TYPE)
    public String feed(@BeanParam Filters filters, @Context UriInfo uri) {
        List<ActionView> views = views(actions.board(filters.criteria(), 0, FEED_SIZE).items());
        List<AtomFeed.Entry> entries = views.stream().map(action -> new AtomFeed.Entry(action.id(),
                "[" + action.statusLabel() + "] " + action.title(), action.organizationName(),
                uri.getBaseUriBuilder().path("actions").path(action.id().toString()).build(),
                summary(action), action.domains().stream().map(Labelled::label).toList(), action.publishedAt(), action.updatedAt()))
                .toList();
        return AtomFeed.write(uri.getRequestUri(), "行动信息 Actions", entries, OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    private static String summary(ActionView action) {
        String places = String.join("、", action.places().stream().map(place -> place.path() + place.name()).toList());
        return places + (action.description() == null ? "" : " — " + action.description());
    }

    /**
     * The 3W table (who does what, where) of the board's actions, HXL-tagged CSV: at most
     * {@link Actions#MAX_EXPORT} rows, {@code X-Total-Count} says how many match.
     */
    @GET
    @Path("export")
    @PermitAll
    @Produces("text/csv; charset=UTF-8")
    public Response export(@BeanParam Filters filters) {
        Slice<Action> found = actions.board(filters.criteria(), 0, Actions.MAX_EXPORT);
        List<List<String>> rows = new ArrayList<>();
        for (ActionView action : views(found.items())) {
            rows.add(java.util.Arrays.asList(action.organizationName(), action.organizationId().toString(), action.title(),
                    action.id().toString(), join(action.domains()), join(action.targetGroups()),
                    String.join(";", action.places().stream().map(place -> place.path() + place.name()).toList()),
                    String.join(";", action.places().stream().map(AreaReplica.Place::code).toList()),
                    action.status().name(), text(action.startsOn()), text(action.endsOn()), text(action.volunteersSought()),
                    action.contact()));
        }
        return Response.ok(HxlCsv.write(THREE_W, rows))
                .header("Content-Disposition", "attachment; filename=\"actions-3w-hxl.csv\"")
                .header("X-Total-Count", found.total()).build();
    }

    private static String join(List<Labelled> values) {
        return String.join(";", values.stream().map(Labelled::code).toList());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private ActionView view(Action action) {
        return views(List.of(action)).get(0);
    }

    /** Names of organizations and places, and the linked counts, in one query each for the whole page. */
    private List<ActionView> views(List<Action> found) {
        Map<UUID, String> names = organizations.names(found.stream().map(Action::organizationId).distinct().toList());
        Map<String, AreaReplica.Place> places = areas.places(found.stream().flatMap(action -> action.areaCodes().stream())
                .distinct().toList());
        Map<UUID, Actions.Linked> linked = actions.linked(found.stream().map(Action::id).toList());
        return found.stream().map(action -> new ActionView(action.id(), action.organizationId(),
                names.get(action.organizationId()), action.title(), action.description(),
                action.domains().stream().map(code -> new Labelled(code, ServiceDomain.valueOf(code).labelZh)).toList(),
                action.targetGroups().stream().map(code -> new Labelled(code, TargetGroup.valueOf(code).labelZh)).toList(),
                placesOf(action.areaCodes(), places), action.startsOn(), action.endsOn(), action.status(),
                action.status().labelZh, action.volunteersSought(), action.contact(), linked.get(action.id()).needs(),
                linked.get(action.id()).offers(), action.publishedAt(), action.updatedAt())).toList();
    }

    /** Each code's place; a code the replica has not heard of yet keeps its code as its name. */
    static List<AreaReplica.Place> placesOf(Collection<String> codes, Map<String, AreaReplica.Place> places) {
        return codes.stream().map(code -> places.getOrDefault(code, new AreaReplica.Place(code, code, ""))).toList();
    }

    /** The board's filters as query parameters (400 naming the parameter when one cannot be read). */
    public static class Filters {
        @QueryParam("domain")
        String domain;
        @QueryParam("targetGroup")
        String targetGroup;
        @QueryParam("status")
        String status;
        @QueryParam("organizationId")
        String organizationId;
        @QueryParam("area")
        String area;
        @QueryParam("q")
        String text;
        @QueryParam("page")
        String page;
        @QueryParam("size")
        String size;

        Actions.Criteria criteria() {
            return new Actions.Criteria(QueryParams.enumValue(ServiceDomain.class, "domain", domain),
                    QueryParams.enumValue(TargetGroup.class, "targetGroup", targetGroup),
                    QueryParams.enumValue(ActionStatus.class, "status", status),
                    QueryParams.uuid("organizationId", organizationId), areaCode(area), QueryParams.text("q", text));
        }
    }

    /** An area code given as a filter: a division code of a known format (whether it exists is the domain's check). */
    static String areaCode(String given) {
        String code = QueryParams.text("area", given);
        if (code != null && !code.matches(ActionViews.AREA_CODE)) {
            throw Refusal.invalid("area", ActionViews.AREA_CODE_MESSAGE);
        }
        return code;
    }
}
