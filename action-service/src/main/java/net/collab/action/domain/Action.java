package net.collab.action.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import net.collab.domain.Refusal;
import net.collab.events.Vocabulary.ActionStatus;
import net.collab.events.Vocabulary.ServiceDomain;
import net.collab.events.Vocabulary.TargetGroup;
import net.collab.events.action.ActionSnapshot;

/**
 * An organization's action (行动信息), the "3W": who does what, where, for whom, and when. Its
 * status moves forward only: planned → ongoing → completed, or cancelled before it is completed.
 */
@Entity
@Table(name = "action")
public class Action extends PanacheEntityBase {

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String title;
    private String description;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(40)[]")
    private List<String> domains = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_groups", columnDefinition = "varchar(40)[]")
    private List<String> targetGroups = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_codes", columnDefinition = "varchar(12)[]")
    private List<String> areaCodes = new ArrayList<>();
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    @Enumerated(EnumType.STRING)
    private ActionStatus status;
    @Column(name = "volunteers_sought")
    private Integer volunteersSought;
    private String contact;
    @Column(name = "published_by")
    private String publishedBy;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    /** Two changes at once: one wins, the other gets a 409 rather than overwriting it unseen. */
    @Version
    private long version;

    protected Action() {
    }

    /** What the organization says about its action; checked by the API (the period by {@link #publish}). */
    public record Draft(UUID organizationId, String title, String description, List<ServiceDomain> domains,
            List<TargetGroup> targetGroups, List<String> areaCodes, LocalDate startsOn, LocalDate endsOn, ActionStatus status,
            Integer volunteersSought, String contact) {
    }

    public static Action publish(Draft draft, String publishedBy, OffsetDateTime now) {
        Action action = new Action();
        action.id = UUID.randomUUID();
        action.organizationId = draft.organizationId();
        ActionStatus status = draft.status() == null ? ActionStatus.PLANNED : draft.status();
        if (status == ActionStatus.CANCELLED) {
            throw Refusal.invalid("status", "an action is published as PLANNED, ONGOING or COMPLETED (a report of what was done)");
        }
        action.status = status;
        action.describe(draft);
        action.publishedBy = publishedBy;
        action.publishedAt = now;
        action.updatedAt = now;
        return action;
    }

    /** The organization changes what it says; the status changes only through {@link #moveTo}. */
    public void revise(Draft draft, OffsetDateTime now) {
        if (!draft.organizationId().equals(organizationId)) {
            throw Refusal.invalid("organizationId", "an action stays with the organization that published it");
        }
        describe(draft);
        updatedAt = now;
    }

    private void describe(Draft draft) {
        if (draft.startsOn() != null && draft.endsOn() != null && draft.endsOn().isBefore(draft.startsOn())) {
            throw Refusal.invalid("endsOn", "must not be before startsOn");
        }
        title = draft.title();
        description = draft.description();
        domains = new ArrayList<>(draft.domains().stream().distinct().map(Enum::name).toList());
        targetGroups = new ArrayList<>(draft.targetGroups().stream().distinct().map(Enum::name).toList());
        areaCodes = new ArrayList<>(draft.areaCodes().stream().distinct().toList());
        startsOn = draft.startsOn();
        endsOn = draft.endsOn();
        volunteersSought = draft.volunteersSought();
        contact = draft.contact();
    }

    /** Forward only: planned → ongoing → completed; cancelled from planned or ongoing. @return the status it had */
    public ActionStatus moveTo(ActionStatus next, OffsetDateTime now) {
        boolean allowed = switch (status) {
            case PLANNED -> next != ActionStatus.PLANNED;
            case ONGOING -> next == ActionStatus.COMPLETED || next == ActionStatus.CANCELLED;
            case COMPLETED, CANCELLED -> false;
        };
        if (!allowed) {
            throw Refusal.conflict("action " + id + " is " + status + "; it cannot become " + next
                    + " (planned → ongoing → completed, or cancelled before it is completed)");
        }
        ActionStatus previous = status;
        status = next;
        updatedAt = now;
        return previous;
    }

    /** Needs and offers can still join it while it is planned or ongoing. */
    public boolean open() {
        return status == ActionStatus.PLANNED || status == ActionStatus.ONGOING;
    }

    public ActionSnapshot snapshot() {
        return new ActionSnapshot(id, organizationId, title, description, domains.stream().map(ServiceDomain::valueOf).toList(),
                targetGroups.stream().map(TargetGroup::valueOf).toList(), areaCodes, startsOn, endsOn, status, volunteersSought,
                contact, publishedAt, updatedAt, version);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public List<String> domains() {
        return List.copyOf(domains);
    }

    public List<String> targetGroups() {
        return List.copyOf(targetGroups);
    }

    public List<String> areaCodes() {
        return List.copyOf(areaCodes);
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public ActionStatus status() {
        return status;
    }

    public Integer volunteersSought() {
        return volunteersSought;
    }

    public String contact() {
        return contact;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
