package net.collab.action.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import net.collab.domain.Refusal;
import net.collab.domain.Slice;
import net.collab.events.Vocabulary.AdvocacyAudience;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.membership.AreaReplica;
import net.collab.membership.Memberships;

/**
 * Advocacy posts: published by an administrator of an approved organization (it speaks for the
 * organization in public), listed for everyone.
 */
@ApplicationScoped
public class Advocacy {

    /**
     * What to look for; null means any. {@code areaCode} as on the action board (the subtree, and
     * posts about an area that contains it; posts about no place in particular concern everyone);
     * {@code text} a substring of the title or body.
     */
    public record Criteria(AdvocacyAudience audience, ServiceDomain domain, UUID organizationId, String areaCode, String text) {
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
    public AdvocacyPost publish(AdvocacyPost.Draft draft, String subject) {
        memberships.requireActiveAdministrator(draft.organizationId(), subject);
        areas.requireKnown("areaCodes", draft.areaCodes());
        AdvocacyPost post = AdvocacyPost.publish(draft, subject, now());
        post.persist();
        events.advocacyPublished(post);
        return post;
    }

    @Transactional
    public AdvocacyPost withdraw(UUID postId, String reason, String subject) {
        AdvocacyPost post = find(postId);
        memberships.requireActiveAdministrator(post.organizationId(), subject);
        post.withdraw(reason, now());
        events.advocacyWithdrawn(post);
        return post;
    }

    /** A published post; a withdrawn one is gone for the public (404). */
    @Transactional
    public AdvocacyPost find(UUID id) {
        AdvocacyPost post = AdvocacyPost.findById(id);
        if (post == null || post.status() != AdvocacyPost.Status.PUBLISHED) {
            throw Refusal.notFound("advocacy post " + id);
        }
        return post;
    }

    /** Published posts, newest first. */
    @Transactional
    public Slice<AdvocacyPost> search(Criteria criteria, int page, int size) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>(List.of("status = 'PUBLISHED'"));
        if (criteria.audience() != null) {
            conditions.add("audience = :audience");
            parameters.put("audience", criteria.audience().name());
        }
        if (criteria.domain() != null) {
            conditions.add("cast(:domain as varchar) = any(domains)");
            parameters.put("domain", criteria.domain().name());
        }
        if (criteria.organizationId() != null) {
            conditions.add("organization_id = :organizationId");
            parameters.put("organizationId", criteria.organizationId());
        }
        if (criteria.areaCode() != null) {
            areas.requireKnown("area", criteria.areaCode());
            conditions.add("(cardinality(area_codes) = 0 or exists (select 1 from unnest(area_codes) covered"
                    + " where covered like :area || '%' or :area like covered || '%'))");
            parameters.put("area", criteria.areaCode());
        }
        if (criteria.text() != null) {
            conditions.add("strpos(lower(title || ' ' || body), lower(:text)) > 0");
            parameters.put("text", criteria.text());
        }
        String where = String.join(" and ", conditions);
        Query select = entityManager.createNativeQuery(
                "select * from advocacy_post where " + where + " order by published_at desc, id", AdvocacyPost.class);
        Query count = entityManager.createNativeQuery("select count(*) from advocacy_post where " + where);
        parameters.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<AdvocacyPost> found = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Slice<>(found, ((Number) count.getSingleResult()).longValue());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
