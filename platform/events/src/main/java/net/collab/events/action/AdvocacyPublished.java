package net.collab.events.action;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import net.collab.events.EventContract;
import net.collab.events.Topics;
import net.collab.events.Vocabulary.AdvocacyAudience;
import net.collab.events.Vocabulary.ServiceDomain;

/**
 * An organization speaks to the public or to the sector (倡导). The body stays in action-service (it
 * may be long); subscribers are told the title, the audience, the domains and the places, and read
 * the post at {@code /advocacy/{postId}}.
 */
@EventContract(topic = Topics.ADVOCACY, type = "net.collab.advocacy.published.v1")
public record AdvocacyPublished(
        UUID postId,
        UUID organizationId,
        AdvocacyAudience audience,
        String title,
        List<ServiceDomain> domains,
        List<String> areaCodes,
        OffsetDateTime publishedAt) implements AdvocacyEvent {

    public AdvocacyPublished {
        domains = domains == null ? List.of() : List.copyOf(domains);
        areaCodes = areaCodes == null ? List.of() : List.copyOf(areaCodes);
    }

    @Override
    public void dispatchTo(Handler handler) {
        handler.published(this);
    }

    @Override
    public String aggregateId() {
        return postId.toString();
    }
}
