package net.collab.notification.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import net.collab.notification.domain.Inbox;
import net.collab.notification.domain.InboxItem;
import net.collab.web.Caller;
import net.collab.web.Page;

@Path("/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    Caller caller;

    @Inject
    Inbox inbox;

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
    public Page<InboxItemView> inbox(@QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        return Page.of(inbox.of(caller.subject(), paging.page(), paging.size()).map(InboxItemView::of), paging);
    }
}
