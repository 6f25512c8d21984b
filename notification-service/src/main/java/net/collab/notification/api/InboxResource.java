package net.collab.notification.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;

import net.collab.membership.OrganizationReplica;
import net.collab.notification.domain.InboxItem;
import net.collab.web.Caller;
import net.collab.web.Page;

@Path("/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    Caller caller;

    @Inject
    OrganizationReplica organizations;

    public record InboxItemView(UUID id, UUID organizationId, String kind, String title, String body, UUID aboutId,
            OffsetDateTime createdAt) {
        static InboxItemView of(InboxItem item) {
            return new InboxItemView(item.id, item.recipientOrganizationId, item.kind, item.title, item.body, item.aboutId,
                    item.createdAt);
        }
    }

    /** What the caller's organizations were told, newest first. */
    @GET
    @Authenticated
    @Transactional
    public Page<InboxItemView> inbox(@QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size);
        List<UUID> mine = organizations.organizationsOf(caller.subject());
        if (mine.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        PanacheQuery<InboxItem> query = InboxItem.find("recipientOrganizationId in ?1",
                Sort.descending("createdAt").and("id"), mine);
        return new Page<>(query.page(page, size).list().stream().map(InboxItemView::of).toList(), page, size, query.count());
    }
}
