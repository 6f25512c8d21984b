package net.collab.console.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

/**
 * The administrative areas by code, with their names, parents and risk levels, as the registry
 * publishes them: pages show places by name ({@code {cdi:places.name(code)}}), never by code.
 */
@ApplicationScoped
@Named("places")
public class Places {

    /** One area; {@code riskLevel} is null where the coordinator set none. */
    @TemplateData
    public record Place(String code, String name, String level, String parentCode, String riskLevel) {
    }

    private final Map<String, Place> byCode = new ConcurrentHashMap<>();

    public void define(String code, String name, String level, String parentCode, String riskLevel) {
        byCode.put(code, new Place(code, name, level, parentCode, riskLevel));
    }

    public void riskLevel(String code, String riskLevel) {
        byCode.computeIfPresent(code, (key, place) -> new Place(key, place.name(), place.level(), place.parentCode(), riskLevel));
    }

    public Place find(String code) {
        return code == null ? null : byCode.get(code);
    }

    /** The area's name, or its code while the area is not known yet. */
    public String name(Object code) {
        if (code == null) {
            return "";
        }
        Place place = byCode.get(code.toString());
        return place == null ? code.toString() : place.name();
    }

    /** From the widest area down to this one, e.g. 山东省 › 济宁市 › 任城区 › 济阳街道 › 草桥口社区. */
    public String path(Object code) {
        if (code == null) {
            return "";
        }
        List<String> names = new ArrayList<>();
        Place place = byCode.get(code.toString());
        if (place == null) {
            return code.toString();
        }
        for (int depth = 0; place != null && depth < 8; depth++) {
            names.add(place.name());
            place = place.parentCode() == null ? null : byCode.get(place.parentCode());
        }
        Collections.reverse(names);
        return String.join(" › ", names);
    }

    /** Names of several areas, joined. */
    public String names(Object codes) {
        if (!(codes instanceof Iterable<?> iterable)) {
            return name(codes);
        }
        List<String> names = new ArrayList<>();
        iterable.forEach(code -> names.add(name(code)));
        return String.join("、", names);
    }

    /** Every area at the given level (e.g. COMMUNITY), for the area picture. */
    public List<Place> atLevel(String level) {
        return byCode.values().stream().filter(place -> level.equals(place.level())).toList();
    }
}
