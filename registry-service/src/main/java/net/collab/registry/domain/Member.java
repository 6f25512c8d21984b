package net.collab.registry.domain;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import net.collab.events.Vocabulary.MemberRole;

/** A person in an organization, by the identity provider's subject. */
@Embeddable
public class Member {

    @Column(nullable = false)
    public String subject;

    @Enumerated(EnumType.STRING)
    public MemberRole role;

    @Column(name = "added_at")
    public OffsetDateTime addedAt;

    /** As the identity provider knows it, when the member was added by e-mail; personal, members only. */
    public String email;

    protected Member() {
    }

    public Member(String subject, MemberRole role, OffsetDateTime addedAt) {
        this(subject, role, addedAt, null);
    }

    public Member(String subject, MemberRole role, OffsetDateTime addedAt, String email) {
        this.subject = subject;
        this.role = role;
        this.addedAt = addedAt;
        this.email = email;
    }

    // Identity is the subject: one membership per person and organization.
    @Override
    public boolean equals(Object other) {
        return other instanceof Member member && Objects.equals(subject, member.subject);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(subject);
    }
}
