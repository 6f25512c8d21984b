package net.collab.action.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import net.collab.events.Vocabulary.ResourceCategory;

/** What an organization can give (资源), within an area and its whole subtree. */
@Entity
@Table(name = "offer")
public class Offer extends Posting {

    @Column(name = "available_until")
    private OffsetDateTime availableUntil;

    protected Offer() {
    }

    /** What the organization says when it posts; checked by the API. */
    public record Draft(UUID organizationId, ResourceCategory category, String item, BigDecimal quantity, String unit,
            String areaCode, OffsetDateTime availableUntil, String description, UUID actionId) {
    }

    /** An offer as posted by a member (or a sponsoring hub's administrator) of an approved organization. */
    public static Offer post(Draft draft, String postedBy, OffsetDateTime now) {
        Offer offer = new Offer();
        offer.open(draft.organizationId(), draft.category(), draft.item(), draft.quantity(), draft.unit(), draft.areaCode(),
                draft.description(), draft.actionId(), postedBy, now);
        offer.availableUntil = draft.availableUntil();
        return offer;
    }

    /**
     * The organization has more or less to give: the new whole quantity, what was proposed from it
     * included (matching keeps what it proposed and offers only what is left). @return the quantity before
     */
    public BigDecimal updateQuantity(BigDecimal quantity, OffsetDateTime now) {
        return changeQuantity(quantity, now);
    }

    @Override
    protected String kind() {
        return "offer";
    }

    public OffsetDateTime availableUntil() {
        return availableUntil;
    }
}
