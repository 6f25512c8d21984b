package net.collab.web;

/**
 * Who may call a write endpoint, declared on each one as the OpenAPI extension {@value #EXTENSION}
 * ({@code @Extension(name = Callers.EXTENSION, value = Callers.MEMBER)}), so that the document says
 * it and the system tests' authorization matrix calls every write endpoint as everyone else.
 * The organization meant is the one the request acts for: named in the path or the body, or owning
 * the resource in the path.
 */
public final class Callers {

    public static final String EXTENSION = "x-collabnet-callers";

    /** Anyone signed in, for themselves (apply for an organization, their own settings). */
    public static final String SIGNED_IN = "signed-in";
    /** The person a resource belongs to (an inbox item, a subscription); to others it does not exist (404). */
    public static final String OWNER = "owner";
    /** The network's coordinator (role {@code coordinator}). */
    public static final String COORDINATOR = "coordinator";
    /** A member of the organization, or an administrator of the hub that sponsors it; the organization approved. */
    public static final String MEMBER = "member";
    /** An administrator (ORG_ADMIN) of the organization or of its sponsoring hub, or the coordinator. */
    public static final String ADMINISTRATOR = "administrator";
    /** A member of the organization that provides in a match. */
    public static final String PROVIDER_MEMBER = "member:provider";
    /** A member of the organization that asked in a match. */
    public static final String REQUESTER_MEMBER = "member:requester";
    /** An administrator of the hub a group names as its sponsor, or the coordinator. */
    public static final String SPONSOR_ADMINISTRATOR = "administrator:sponsor";

    private Callers() {
    }
}
