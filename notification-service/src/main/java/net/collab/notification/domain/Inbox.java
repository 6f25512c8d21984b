package net.collab.notification.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

import net.collab.domain.Slice;
import net.collab.membership.OrganizationReplica;

/** What a person's organizations were told, a page at a time. */
@ApplicationScoped
public class Inbox {

    @Inject
    OrganizationReplica organizations;

    @Transactional
    public Slice<InboxItem> of(String subject, int page, int size) {
        List<UUID> mine = organizations.organizationsOf(subject);
        if (mine.isEmpty()) {
            return new Slice<>(List.of(), 0);
        }
        PanacheQuery<InboxItem> query = InboxItem.find("recipientOrganizationId in ?1", Sort.descending("createdAt").and("id"), mine);
        return new Slice<>(query.page(page, size).list(), query.count());
    }
}
