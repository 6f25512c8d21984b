package net.collab.events;

/** The shared vocabulary of the domain (see shared/DOMAIN.md), used in contracts and code. */
public final class Vocabulary {
    private Vocabulary() {
    }

    /** 组织类型 */
    public enum OrganizationKind {
        SOCIAL_ORGANIZATION, MASS_ORGANIZATION, COMMUNITY_ORGANIZATION, HUB_ORGANIZATION,
        VOLUNTEER_TEAM, GOVERNMENT_OFFICE, ENTERPRISE, ACADEMIC
    }

    /** Membership status of an organization in the network. */
    public enum OrganizationStatus {
        APPLIED, APPROVED, REJECTED, SUSPENDED
    }

    public enum MemberRole {
        ORG_ADMIN, ORG_MEMBER
    }

    /** 需求 / 资源 categories. */
    public enum ResourceCategory {
        SUPPLIES, SERVICE, PEOPLE, FUNDS, VENUE, TECHNOLOGY
    }

    public enum Urgency {
        LOW, NORMAL, HIGH, CRITICAL
    }

    /** The five colours of the community epidemic-management system. */
    public enum RiskLevel {
        HIGH, RELATIVELY_HIGH, MEDIUM, LOW, GENERAL
    }
}
