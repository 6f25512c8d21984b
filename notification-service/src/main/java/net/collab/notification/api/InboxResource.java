package net.collab.notification.api;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.security.Authenticated;

import net.collab.domain.Refusal;
import net.collab.notification.domain.Inbox;
import net.collab.notification.domain.LiveFeed;
import net.collab.notification.domain.NotificationKind;
import net.collab.notification.domain.Person;
import net.collab.web.Callers;
import net.collab.web.Page;
import net.collab.web.QueryParams;

/** The caller's own inbox: what their organizations, their role and they themselves were told, with their read state. */
@Path("/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class InboxResource {

    @Inject
    CallerPerson callerPerson;

    @Inject
    Inbox inbox;

    @Inject
    LiveFeed feed;

    /** An item as the caller reads it, in their language. */
    public record InboxItemView(UUID id, long seq, String kind, String priority, String title, String body, UUID aboutId,
            UUID organizationId, boolean read, OffsetDateTime createdAt) {
        static InboxItemView of(Inbox.Read read, boolean english) {
            var item = read.item();
            return new InboxItemView(item.id, item.seq, item.kind, item.priority.name(), item.title(english), item.body(english),
                    item.aboutId, item.recipientOrganizationId, read.read(), item.createdAt);
        }
    }

    /** A page of the inbox with how many items are unread in all. */
    public record InboxPage(java.util.List<InboxItemView> items, int page, int size, long total, long unread) {
    }

    /** Newest first; {@code kind} keeps one kind of news, {@code unread=true} what the caller has not read. */
    @GET
    public InboxPage inbox(@QueryParam("page") String page, @QueryParam("size") String size, @QueryParam("kind") String kind,
            @QueryParam("unread") String unread) {
        Page.Request paging = Page.request(page, size);
        Optional<NotificationKind> onlyKind = Optional.ofNullable(QueryParams.enumValue(NotificationKind.class, "kind", kind));
        boolean unreadOnly = QueryParams.bool("unread", unread, false);
        Person person = callerPerson.get();
        var slice = inbox.of(person, onlyKind, unreadOnly, paging.page(), paging.size());
        return new InboxPage(slice.items().stream().map(read -> InboxItemView.of(read, person.english())).toList(), paging.page(),
                paging.size(), slice.total(), inbox.unread(person));
    }

    /** Marks one of the caller's items read (again: no change); 403 for someone else's item. */
    @POST
    @Path("/{id}/read")
    @Extension(name = Callers.EXTENSION, value = Callers.OWNER)
    public ReadResult markRead(@PathParam("id") UUID id) {
        Person person = callerPerson.get();
        switch (inbox.markRead(person, id)) {
            case NO_SUCH_ITEM -> throw Refusal.notFound("inbox item " + id);
            case NOT_THEIRS -> throw Refusal.forbidden("the item is for another organization or person");
            default -> {
            }
        }
        return new ReadResult(1, inbox.unread(person));
    }

    /** Marks everything the caller was told so far read. */
    @POST
    @Path("/read")
    @Extension(name = Callers.EXTENSION, value = Callers.SIGNED_IN)
    public ReadResult markAllRead() {
        Person person = callerPerson.get();
        int marked = inbox.markAllRead(person);
        return new ReadResult(marked, inbox.unread(person));
    }

    public record ReadResult(int marked, long unread) {
    }

    /**
     * The caller's new items as they come (Server-Sent Events): each an event {@code notification}
     * whose id is the item's position ({@code seq}) and whose data is the item as in GET /inbox.
     * After a reconnect, the {@code Last-Event-ID} header (browsers send it by themselves) resumes
     * after that position, so nothing is lost; an item may come twice around a reconnect — its
     * {@code id} tells. Without the header, only what comes from now on.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "the caller's new inbox items, as they come",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    public void stream(@jakarta.ws.rs.HeaderParam("Last-Event-ID") String lastEventId, @jakarta.ws.rs.core.Context SseEventSink sink,
            @jakarta.ws.rs.core.Context Sse sse) {
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw Refusal.invalid("Last-Event-ID", "\"" + lastEventId + "\" is not a position this stream gave (a whole number)");
            }
        }
        Person person = callerPerson.get();
        boolean english = person.english();
        feed.subscribe(person, after, item -> sink.send(sse.newEventBuilder().id(Long.toString(item.seq))
                .name("notification").mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(InboxItemView.class, InboxItemView.of(new Inbox.Read(item, false), english)).build())
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        sink.close();
                    }
                }), sink::isClosed, sink::close);
    }
}
