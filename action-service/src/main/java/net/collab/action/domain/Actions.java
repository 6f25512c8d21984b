package net.collab.action.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import net.collab.domain.Refusal;
import net.collab.domain.Slice;
import net.collab.events.Vocabulary.ActionStatus;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.events.Vocabulary.TargetGroup;
import net.collab.membership.AreaReplica;
import net.collab.membership.Memberships;

/** Publishing actions and finding them on the public board. */
@ApplicationScoped
public class Actions {

    /** The most actions one export or feed holds: a document, not a dump of the database. */
    public static final int MAX_EXPORT = 5000;

    /**
     * What to look for on the board; null means any. {@code areaCode}: actions in the area's whole
     * subtree, and those covering an area that contains it (a city-wide action concerns each of its
     * communities). {@code text}: a substring of the title or description, Chinese or not, any case.
     */
    public record Criteria(ServiceDomain domain, TargetGroup targetGroup, ActionStatus status, UUID organizationId,
            String areaCode, String text) {
    }

    @Inject
    Memberships memberships;

    @Inject
    AreaReplica areas;

    @Inject
    ActionEvents events;

    @Inject
    EntityManager entityManager;

    @Transactional
    public Action publish(Action.Draft draft, String subject) {
        memberships.requireActiveMember(draft.organizationId(), subject);
        areas.requireKnown("areaCodes", draft.areaCodes());
        Action action = Action.publish(draft, subject, now());
        action.persist();
        events.actionPublished(action);
        return action;
    }

    @Transactional
    public Action revise(UUID actionId, Action.Draft draft, String subject) {
        Action action = find(actionId);
        memberships.requireActiveMember(action.organizationId(), subject);
        areas.requireKnown("areaCodes", draft.areaCodes());
        action.revise(draft, now());
        Action.flush(); // the event carries the version after this change
        events.actionUpdated(action);
        return action;
    }

    @Transactional
    public Action moveTo(UUID actionId, ActionStatus status, String subject) {
        Action action = find(actionId);
        memberships.requireActiveMember(action.organizationId(), subject);
        ActionStatus previous = action.moveTo(status, now());
        Action.flush();
        events.actionStatusChanged(action, previous);
        return action;
    }

    /**
     * The action a need or offer of {@code organizationId} says it is part of: it must be one of the
     * organization's own actions, still planned or ongoing (400 naming {@code actionId} otherwise).
     */
    public void requireJoinable(UUID actionId, UUID organizationId) {
        if (actionId == null) {
            return;
        }
        Action action = Action.findById(actionId);
        if (action == null || !action.organizationId().equals(organizationId)) {
            throw Refusal.invalid("actionId", "must be an action of organization " + organizationId);
        }
        if (!action.open()) {
            throw Refusal.invalid("actionId", "action " + actionId + " is " + action.status() + "; nothing more joins it");
        }
    }

    @Transactional
    public Action find(UUID id) {
        Action action = Action.findById(id);
        if (action == null) {
            throw Refusal.notFound("action " + id);
        }
        return action;
    }

    /** The board: newest first, a page at a time. */
    @Transactional
    public Slice<Action> board(Criteria criteria, int page, int size) {
        if (criteria.areaCode() != null) {
            areas.requireKnown("area", criteria.areaCode());
        }
        return new BoardQuery()
                .where("cast(:domain as varchar) = any(domains)", "domain", name(criteria.domain()))
                .where("cast(:targetGroup as varchar) = any(target_groups)", "targetGroup", name(criteria.targetGroup()))
                .where("status = :status", "status", name(criteria.status()))
                .where("organization_id = :organizationId", "organizationId", criteria.organizationId())
                .inOrAround("area_codes", criteria.areaCode(), false)
                .containing("title || ' ' || coalesce(description, '')", criteria.text())
                .page(entityManager, Action.class, "action", "published_at desc, id", page, size);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** How many needs and offers are part of each action, in one query each. */
    @Transactional
    public Map<UUID, Linked> linked(List<UUID> actionIds) {
        Map<UUID, Linked> linked = new HashMap<>();
        if (actionIds.isEmpty()) {
            return linked;
        }
        actionIds.forEach(id -> linked.put(id, new Linked(0, 0)));
        for (Object row : entityManager.createNativeQuery("select action_id, count(*) from need where action_id in (?1) group by action_id")
                .setParameter(1, actionIds).getResultList()) {
            Object[] columns = (Object[]) row;
            linked.computeIfPresent((UUID) columns[0], (id, counts) -> new Linked(((Number) columns[1]).longValue(), counts.offers()));
        }
        for (Object row : entityManager.createNativeQuery("select action_id, count(*) from offer where action_id in (?1) group by action_id")
                .setParameter(1, actionIds).getResultList()) {
            Object[] columns = (Object[]) row;
            linked.computeIfPresent((UUID) columns[0], (id, counts) -> new Linked(counts.needs(), ((Number) columns[1]).longValue()));
        }
        return linked;
    }

    /** How many needs and offers are part of an action. */
    public record Linked(long needs, long offers) {
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
