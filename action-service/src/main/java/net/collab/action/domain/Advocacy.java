package net.collab.action.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
        if (criteria.areaCode() != null) {
            areas.requireKnown("area", criteria.areaCode());
        }
        return new BoardQuery().where("status = 'PUBLISHED'")
                .where("audience = :audience", "audience", Actions.name(criteria.audience()))
                .where("cast(:domain as varchar) = any(domains)", "domain", Actions.name(criteria.domain()))
                .where("organization_id = :organizationId", "organizationId", criteria.organizationId())
                .inOrAround("area_codes", criteria.areaCode(), true)
                .containing("title || ' ' || body", criteria.text())
                .page(entityManager, AdvocacyPost.class, "advocacy_post", "published_at desc, id", page, size);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
