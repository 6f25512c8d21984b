package net.collab.notification.domain;

/**
 * The kinds of news the service tells people, each with how much it matters: high and normal
 * priority reach a person by e-mail at once unless they chose otherwise, low priority in the daily
 * digest (see {@link Preferences}).
 */
public enum NotificationKind {
    MATCH_PROPOSED(Priority.HIGH),
    MATCH_ACCEPTED(Priority.HIGH),
    MATCH_DECLINED(Priority.NORMAL),
    MATCH_DELIVERED(Priority.HIGH),
    MATCH_CONFIRMED(Priority.NORMAL),
    MATCH_CANCELLED(Priority.NORMAL),
    MATCH_EXPIRED(Priority.NORMAL),
    NEED_ESCALATED(Priority.HIGH),
    /** One of the organization's webhooks could not be reached after its last attempt (or may never be). */
    WEBHOOK_FAILED(Priority.HIGH),
    /** An organization applied to join: the coordinators decide. */
    APPLICATION_RECEIVED(Priority.NORMAL),
    /** The organization was approved, rejected, suspended or reinstated: its members hear of it. */
    ORGANIZATION_STATUS_CHANGED(Priority.HIGH),
    /** To subscribers: a need posted where (or of what) they follow. */
    NEED_POSTED(Priority.LOW),
    /** To subscribers: an offer posted where (or of what) they follow. */
    OFFER_POSTED(Priority.LOW),
    /** To subscribers of the area: its risk level went up. */
    RISK_LEVEL_RAISED(Priority.HIGH),
    /** To those following a need: it received what it asked for (the requester confirmed a delivery). */
    NEED_FULFILLED(Priority.NORMAL),
    /** To the coordinators: a service could never handle a record and set it aside (a dead letter). */
    DEAD_LETTER(Priority.HIGH),
    /** To the person: they were added to an organization. */
    MEMBER_ADDED(Priority.NORMAL),
    /** To subscribers: an organization or place they follow published advocacy. */
    ADVOCACY_PUBLISHED(Priority.LOW),
    /** To subscribers: an organization (or need) they follow recorded money or materials in its public ledger. */
    LEDGER_ENTRY_RECORDED(Priority.LOW);

    public enum Priority {
        HIGH, NORMAL, LOW
    }

    /** How a kind reaches a person by e-mail. */
    public enum EmailMode {
        IMMEDIATE, DIGEST, OFF
    }

    private final Priority priority;

    NotificationKind(Priority priority) {
        this.priority = priority;
    }

    public Priority priority() {
        return priority;
    }

    /** Without a choice of the person's own. */
    public EmailMode defaultEmailMode() {
        return priority == Priority.LOW ? EmailMode.DIGEST : EmailMode.IMMEDIATE;
    }
}
