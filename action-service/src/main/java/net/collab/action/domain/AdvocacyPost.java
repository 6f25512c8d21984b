package net.collab.action.domain;

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
import net.collab.events.Vocabulary.AdvocacyAudience;
import net.collab.events.Vocabulary.ServiceDomain;

/** An advocacy post (倡导): an organization speaks to the public (公众倡导) or to the sector (行业倡导). */
@Entity
@Table(name = "advocacy_post")
public class AdvocacyPost extends PanacheEntityBase {

    public enum Status {
        PUBLISHED, WITHDRAWN
    }

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Enumerated(EnumType.STRING)
    private AdvocacyAudience audience;
    private String title;
    private String body;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(40)[]")
    private List<String> domains = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "area_codes", columnDefinition = "varchar(12)[]")
    private List<String> areaCodes = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "published_by")
    private String publishedBy;
    @Column(name = "published_at")
    private OffsetDateTime publishedAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private long version;

    protected AdvocacyPost() {
    }

    /** What the organization says; checked by the API. */
    public record Draft(UUID organizationId, AdvocacyAudience audience, String title, String body, List<ServiceDomain> domains,
            List<String> areaCodes) {
    }

    public static AdvocacyPost publish(Draft draft, String publishedBy, OffsetDateTime now) {
        AdvocacyPost post = new AdvocacyPost();
        post.id = UUID.randomUUID();
        post.organizationId = draft.organizationId();
        post.audience = draft.audience();
        post.title = draft.title();
        post.body = draft.body();
        post.domains = new ArrayList<>(draft.domains().stream().distinct().map(Enum::name).toList());
        post.areaCodes = new ArrayList<>(draft.areaCodes().stream().distinct().toList());
        post.status = Status.PUBLISHED;
        post.publishedBy = publishedBy;
        post.publishedAt = now;
        post.updatedAt = now;
        return post;
    }

    /** Taken down: no longer listed; once only. */
    public void withdraw(String reason, OffsetDateTime now) {
        if (status == Status.WITHDRAWN) {
            throw Refusal.conflict("advocacy post " + id + " is withdrawn already");
        }
        status = Status.WITHDRAWN;
        statusReason = reason;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public AdvocacyAudience audience() {
        return audience;
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public List<ServiceDomain> domains() {
        return domains.stream().map(ServiceDomain::valueOf).toList();
    }

    public List<String> areaCodes() {
        return List.copyOf(areaCodes);
    }

    public Status status() {
        return status;
    }

    public String statusReason() {
        return statusReason;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
