package net.collab.console.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

import net.collab.console.domain.Places;
import net.collab.console.services.Service;
import net.collab.console.services.Services;

/**
 * Choosing a place from the area tree instead of typing a code: one drop-down per level, from the
 * province down; choosing in one (htmx) redraws the picker with the next level's areas.
 */
@Path("/areas/picker")
@Produces(MediaType.TEXT_HTML)
public class AreaPicker {

    /** One drop-down: the areas of one level under the same parent, which is chosen, and the parent (chosen by "choose…"). */
    @TemplateData
    public record Level(List<Object> areas, String chosen, String parent) {
    }

    @Inject
    Services services;

    @Inject
    Places places;

    @Inject
    Views views;

    @Location("area-picker.html")
    Template picker;

    @GET
    public TemplateInstance picker(@QueryParam("code") String code, @QueryParam("name") String name) {
        return views.page(picker).data("levels", levels(code)).data("code", code == null ? "" : code)
                .data("name", name == null || !name.matches("[A-Za-z.]{1,40}") ? "areaCode" : name)
                .data("path", code == null ? "" : places.path(code));
    }

    /** The drop-downs from the root to the chosen area, and one more with its children (when it has any). */
    List<Level> levels(String code) {
        List<String> chain = new ArrayList<>();
        for (Places.Place place = places.find(code); place != null; place = places.find(place.parentCode())) {
            chain.add(place.code());
        }
        Collections.reverse(chain);
        List<Level> levels = new ArrayList<>();
        String parent = null;
        for (String chosen : chain) {
            levels.add(new Level(children(parent), chosen, parent == null ? "" : parent));
            parent = chosen;
        }
        List<Object> below = children(parent);
        if (!below.isEmpty()) {
            levels.add(new Level(below, "", parent == null ? "" : parent));
        }
        return levels;
    }

    private List<Object> children(String parent) {
        return services.getList(Service.REGISTRY, "/areas", parent == null ? Map.of() : Map.of("parent", parent));
    }
}
