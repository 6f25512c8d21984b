package net.collab.registry.api;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.panache.common.Sort;

import net.collab.events.Vocabulary.RiskLevel;
import net.collab.registry.domain.Area;
import net.collab.registry.domain.AreaImport;
import net.collab.registry.domain.AreaRiskLevelChange;
import net.collab.registry.domain.AreaService;
import net.collab.web.Caller;
import net.collab.web.Callers;

/** The administrative hierarchy (行政区划) and the communities' risk levels. */
@Path("/areas")
@Produces(MediaType.APPLICATION_JSON)
public class AreaResource {

    @Inject
    AreaService areas;

    @Inject
    AreaImport areaImport;

    @Inject
    Caller caller;

    public record AreaView(String code, String name, Area.Level level, String parentCode, RiskLevel riskLevel) {
        static AreaView of(Area area) {
            return new AreaView(area.code, area.name, area.level, area.parentCode, area.riskLevel);
        }
    }

    /** An area with the path from its province down to it. */
    public record AreaDetail(String code, String name, Area.Level level, String parentCode, RiskLevel riskLevel,
            List<AreaView> path) {
    }

    public record RiskLevelRequest(@NotNull RiskLevel level, @Size(max = 2000) String reason) {
    }

    public record RiskLevelChangeView(String areaCode, RiskLevel level, RiskLevel previousLevel, String reason,
            String changedBy, OffsetDateTime changedAt) {
        static RiskLevelChangeView of(AreaRiskLevelChange change) {
            return new RiskLevelChangeView(change.areaCode, change.level, change.previousLevel, change.reason,
                    change.changedBy, change.changedAt);
        }
    }

    /** The children of an area, or the provinces when no parent is given. */
    @GET
    @PermitAll
    @Transactional
    public List<AreaView> children(@QueryParam("parent") String parent) {
        if (parent != null && !parent.isBlank()) {
            areas.find(parent.strip());
        }
        List<Area> found = parent == null || parent.isBlank()
                ? Area.list("parentCode is null", Sort.by("code"))
                : Area.list("parentCode", Sort.by("code"), parent.strip());
        return found.stream().map(AreaView::of).toList();
    }

    @GET
    @Path("{code}")
    @PermitAll
    @Transactional
    public AreaDetail get(@PathParam("code") String code) {
        List<Area> path = areas.path(code);
        Area area = path.get(path.size() - 1);
        return new AreaDetail(area.code, area.name, area.level, area.parentCode, area.riskLevel,
                path.stream().map(AreaView::of).toList());
    }

    /** The coordinator sets a community's risk level (five colours); the history is kept. */
    @PUT
    @Path("{code}/risk-level")
    @RolesAllowed(Caller.COORDINATOR)
    @Extension(name = Callers.EXTENSION, value = Callers.COORDINATOR)
    public RiskLevelChangeView setRiskLevel(@PathParam("code") String code, @Valid @NotNull RiskLevelRequest request) {
        return RiskLevelChangeView.of(areas.setRiskLevel(code, request.level(), request.reason(), caller.subject()));
    }

    @GET
    @Path("{code}/risk-levels")
    @PermitAll
    public List<RiskLevelChangeView> riskHistory(@PathParam("code") String code) {
        return areas.riskHistory(code).stream().map(RiskLevelChangeView::of).toList();
    }

    /** Loads division codes from CSV (see deploy/import-areas); coordinator only. */
    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Caller.COORDINATOR)
    @Extension(name = Callers.EXTENSION, value = Callers.COORDINATOR)
    public Map<String, Integer> importCsv(InputStream csv) {
        return Map.of("imported", areaImport.load(new InputStreamReader(csv, StandardCharsets.UTF_8)));
    }
}
