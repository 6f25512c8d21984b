package net.collab.registry.domain;

/** How an organization is known to the state: 登记, 备案, or neither (草根). */
public enum RegistrationStatus {
    /** 登记: registered, has a Unified Social Credit Code. */
    REGISTERED,
    /** 备案: filed with a street office. */
    FILED,
    /** 草根: no filing; vouched for by a sponsoring hub organization. */
    GRASSROOTS
}
