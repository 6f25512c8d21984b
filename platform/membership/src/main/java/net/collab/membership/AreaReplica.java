package net.collab.membership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecords;

import net.collab.domain.Refusal;
import net.collab.events.registry.AreaDefined;
import net.collab.events.registry.AreaEvent;
import net.collab.events.registry.RiskLevelChanged;
import net.collab.messaging.IdempotentConsumer;

/**
 * This service's copy of the registry's areas: whether a code names a real area, and what it is
 * called, with its path (济宁市任城区济阳街道草桥口社区). A service that uses it declares the channel
 * {@code areas} on {@code registry.areas.v1} and hands its batches to {@link #consume}.
 */
@ApplicationScoped
public class AreaReplica {

    static final String CONSUMER = "areas-replica";
    /** Names the division tables give to levels that name nothing of their own. */
    private static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("市辖区", "县", "省直辖县级行政区划",
            "自治区直辖县级行政区划");

    /** A place as people name it: the area's own name and the names of the areas above it, province first. */
    public record Place(String code, String name, String path) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    jakarta.enterprise.event.Event<AreaRiskChanged> riskChanged;

    public void consume(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("areas", CONSUMER, records, AreaEvent.class, (envelope, event) -> event.dispatchTo(apply));
    }

    private final AreaEvent.Handler apply = new AreaEvent.Handler() {
        @Override
        public void defined(AreaDefined area) {
            upsert(area.code(), area.name(), area.level().name(), area.parentCode(),
                    area.riskLevel() == null ? null : area.riskLevel().name());
        }

        @Override
        public void riskLevelChanged(RiskLevelChanged change) {
            if (change.name() == null) { // an event from before it carried the area's definition
                entityManager.createNativeQuery("update area_replica set risk_level = ?2 where code = ?1")
                        .setParameter(1, change.areaCode()).setParameter(2, change.level().name()).executeUpdate();
            } else {
                upsert(change.areaCode(), change.name(), change.areaLevel().name(), change.parentCode(), change.level().name());
            }
            // After the replica has the new level: whoever acts on it reads it there.
            riskChanged.fire(new AreaRiskChanged(change.areaCode(), java.util.Optional.ofNullable(change.previousLevel()), change.level()));
        }

        private void upsert(String code, String name, String level, String parentCode, String riskLevel) {
            entityManager.createNativeQuery("""
                    insert into area_replica (code, name, level, parent_code, risk_level) values (?1, ?2, ?3, ?4, ?5)
                    on conflict (code) do update set name = excluded.name, level = excluded.level,
                        parent_code = excluded.parent_code, risk_level = excluded.risk_level""")
                    .setParameter(1, code).setParameter(2, name).setParameter(3, level).setParameter(4, parentCode)
                    .setParameter(5, riskLevel).executeUpdate();
        }
    };

    /**
     * Refuses (400, naming the field) unless the code names an area the registry knows, at any
     * level from province to community.
     */
    @Transactional
    public void requireKnown(String field, String code) {
        if (code == null) {
            return;
        }
        if (entityManager.createNativeQuery("select 1 from area_replica where code = ?1").setParameter(1, code)
                .getResultList().isEmpty()) {
            throw Refusal.invalid(field, "\"" + code + "\" is not an area the network knows; use a division code"
                    + " of 2, 4, 6, 9 or 12 digits from the registry (GET /areas on registry-service), e.g. 3708 for 济宁市");
        }
    }

    /** As {@link #requireKnown(String, String)} for each of the codes, in one query; the refusal names the first unknown one. */
    @Transactional
    public void requireKnown(String field, Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return;
        }
        List<?> known = entityManager.createNativeQuery("select code from area_replica where code in (?1)")
                .setParameter(1, codes).getResultList();
        codes.stream().filter(code -> !known.contains(code)).findFirst().ifPresent(unknown -> requireKnown(field, unknown));
    }

    /** The places of these codes that this service knows, in one query. */
    @Transactional
    public Map<String, Place> places(Collection<String> codes) {
        Map<String, Place> places = new HashMap<>();
        if (codes.isEmpty()) {
            return places;
        }
        // Every ancestor's code is a prefix of the code (2, 4, 6, 9 digits): one query finds them all.
        List<String> wanted = new ArrayList<>();
        for (String code : codes) {
            for (int length : new int[] {2, 4, 6, 9, 12}) {
                if (code.length() >= length) {
                    wanted.add(code.substring(0, length));
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        for (Object row : entityManager.createNativeQuery("select code, name from area_replica where code in (?1)")
                .setParameter(1, wanted).getResultList()) {
            Object[] columns = (Object[]) row;
            names.put((String) columns[0], (String) columns[1]);
        }
        for (String code : codes) {
            if (!names.containsKey(code)) {
                continue;
            }
            // From the city down (济宁市任城区济阳街道); a municipality's city level is a placeholder
            // (市辖区), so there the province names it (北京市海淀区学院路街道).
            StringBuilder path = new StringBuilder();
            String city = code.length() > 4 ? names.get(code.substring(0, 4)) : null; // may not have arrived yet
            boolean cityIsPlaceholder = city != null && PLACEHOLDERS.contains(city);
            for (int length : new int[] {2, 4, 6, 9}) {
                String ancestor = code.length() > length ? names.get(code.substring(0, length)) : null;
                boolean province = length == 2;
                if (ancestor != null && !PLACEHOLDERS.contains(ancestor) && (!province || cityIsPlaceholder || code.length() == 4)) {
                    path.append(ancestor);
                }
            }
            places.put(code, new Place(code, names.get(code), path.toString()));
        }
        return places;
    }

    @Transactional
    public Optional<Place> place(String code) {
        return Optional.ofNullable(places(List.of(code)).get(code));
    }
}
