package net.collab.action.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;

import io.quarkus.security.Authenticated;

import net.collab.action.domain.LedgerEntry;
import net.collab.action.domain.Ledgers;
import net.collab.domain.Refusal;
import net.collab.domain.Slice;
import net.collab.events.Vocabulary.LedgerEntryKind;
import net.collab.membership.OrganizationReplica;
import net.collab.web.Caller;
import net.collab.web.Callers;
import net.collab.web.HxlCsv;
import net.collab.web.Page;
import net.collab.web.QueryParams;
import net.collab.web.SensibleDate;

/**
 * An organization's public ledger (透明度, 定期公示): money and materials received and given out,
 * recorded by its administrators, read, totalled, exported and verified by anyone.
 */
@Path("/ledgers/{organizationId}")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private static final List<HxlCsv.Column> COLUMNS = List.of(
            new HxlCsv.Column("序号 No.", "#meta+sequence"), new HxlCsv.Column("条目ID Entry id", "#meta+id"),
            new HxlCsv.Column("组织 Organization", "#org+name"), new HxlCsv.Column("组织ID Organization id", "#org+id"),
            new HxlCsv.Column("类别 Kind", "#indicator+type"), new HxlCsv.Column("金额/数量 Amount", "#value"),
            new HxlCsv.Column("单位 Unit", "#value+unit"), new HxlCsv.Column("物资 Item", "#item+name"),
            new HxlCsv.Column("对方 Counterparty", "#org+counterparty"), new HxlCsv.Column("匿名 Anonymous", "#meta+anonymous"),
            new HxlCsv.Column("凭证 Evidence", "#meta+evidence"),
            new HxlCsv.Column("说明 Note", "#description"), new HxlCsv.Column("发生时间 Occurred", "#date+occurred"),
            new HxlCsv.Column("记录时间 Recorded", "#date+recorded"), new HxlCsv.Column("冲销 Reverses", "#meta+reverses"),
            new HxlCsv.Column("行动 Action", "#activity+id"), new HxlCsv.Column("需求 Need", "#need+id"),
            new HxlCsv.Column("哈希 Hash", "#meta+hash"), new HxlCsv.Column("前一哈希 Previous hash", "#meta+hash+previous"));

    @Inject
    Ledgers ledgers;

    @Inject
    Caller caller;

    @Inject
    OrganizationReplica organizations;

    public record EntryRequest(
            UUID actionId,
            UUID needId,
            @NotNull LedgerEntryKind kind,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000000000000")
            @Digits(integer = 14, fraction = 2, message = "has at most 2 decimals") BigDecimal amount,
            @NotBlank @Size(max = 20) String unit,
            @Size(max = 200) String item,
            @Size(max = 200) String counterparty,
            boolean anonymous,
            @Size(max = 500) String evidenceReference,
            @Size(max = 2000) String note,
            @NotNull @PastOrPresent(message = "must not be in the future (a ledger records what happened)") @SensibleDate
            OffsetDateTime occurredAt) {
    }

    public record ReversalRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** An entry as anyone sees it; an anonymous donor is shown as 匿名. */
    public record EntryView(UUID id, UUID organizationId, String organizationName, long sequence, LedgerEntryKind kind,
            String kindLabel, BigDecimal amount, String unit, String item, String counterparty, boolean anonymous,
            String evidenceReference, String note, OffsetDateTime occurredAt, OffsetDateTime recordedAt, UUID reversesEntryId,
            UUID actionId, UUID needId, String previousHash, String hash) {
    }

    public record TotalView(LedgerEntryKind kind, String kindLabel, String unit, String item, BigDecimal total, long entries) {
    }

    public record Totals(UUID organizationId, String organizationName, UUID actionId, UUID needId, List<TotalView> totals) {
    }

    /** An administrator of the organization (or of its sponsoring hub) records money or materials; 201 with the entry. */
    @POST
    @Path("entries")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.ADMINISTRATOR)
    public Response record(@PathParam("organizationId") UUID organizationId, @Valid @NotNull EntryRequest request) {
        if (request.anonymous() && request.counterparty() != null && !request.counterparty().isBlank()) {
            throw Refusal.invalid("counterparty", "must be empty for an anonymous donor (the name is not kept at all)");
        }
        if (!request.kind().money && (request.item() == null || request.item().isBlank())) {
            throw Refusal.invalid("item", "must name the materials (e.g. 医用口罩)");
        }
        LedgerEntry entry = ledgers.record(new LedgerEntry.Draft(organizationId, request.actionId(), request.needId(),
                request.kind(), request.amount(), request.unit().strip(), strip(request.item()), strip(request.counterparty()),
                request.anonymous(), strip(request.evidenceReference()), strip(request.note()), request.occurredAt()),
                caller.subject());
        return Response.created(URI.create("/ledgers/" + organizationId + "/entries/" + entry.id())).entity(view(entry)).build();
    }

    /** The correction: a new entry cancelling the amount of {@code entryId}, with the reason. */
    @POST
    @Path("entries/{entryId}/reversal")
    @Authenticated
    @Extension(name = Callers.EXTENSION, value = Callers.ADMINISTRATOR)
    public Response reverse(@PathParam("organizationId") UUID organizationId, @PathParam("entryId") UUID entryId,
            @Valid @NotNull ReversalRequest request) {
        LedgerEntry entry = ledgers.reverse(organizationId, entryId, request.reason().strip(), caller.subject());
        return Response.created(URI.create("/ledgers/" + organizationId + "/entries/" + entry.id())).entity(view(entry)).build();
    }

    /** The entries in the order they were recorded, optionally those of one action or one need. */
    @GET
    @PermitAll
    public Page<EntryView> entries(@PathParam("organizationId") UUID organizationId, @QueryParam("actionId") String actionId,
            @QueryParam("needId") String needId, @QueryParam("page") String page, @QueryParam("size") String size) {
        Page.Request paging = Page.request(page, size);
        Slice<LedgerEntry> found = ledgers.entries(organizationId, QueryParams.uuid("actionId", actionId),
                QueryParams.uuid("needId", needId), paging.page(), paging.size());
        String name = name(organizationId);
        return Page.of(found.map(entry -> view(entry, name)), paging);
    }

    /** What came in and went out, per kind, unit and item, reversals subtracted. */
    @GET
    @Path("totals")
    @PermitAll
    public Totals totals(@PathParam("organizationId") UUID organizationId, @QueryParam("actionId") String actionId,
            @QueryParam("needId") String needId) {
        UUID action = QueryParams.uuid("actionId", actionId);
        UUID need = QueryParams.uuid("needId", needId);
        return new Totals(organizationId, name(organizationId), action, need, ledgers.totals(organizationId, action, need).stream()
                .map(total -> new TotalView(total.kind(), total.kind().labelZh, total.unit(), total.item(), total.total(),
                        total.entries()))
                .toList());
    }

    /** Whether the ledger is as it was recorded: every changed or missing entry is named. */
    @GET
    @Path("verification")
    @PermitAll
    public Ledgers.Verification verify(@PathParam("organizationId") UUID organizationId) {
        return ledgers.verify(organizationId);
    }

    /** The entries as an HXL-tagged CSV (at most {@link Ledgers#MAX_EXPORT}; {@code X-Total-Count} says how many there are). */
    @GET
    @Path("export")
    @PermitAll
    @Produces("text/csv; charset=UTF-8")
    public Response export(@PathParam("organizationId") UUID organizationId, @QueryParam("actionId") String actionId,
            @QueryParam("needId") String needId) {
        Slice<LedgerEntry> found = ledgers.export(organizationId, QueryParams.uuid("actionId", actionId),
                QueryParams.uuid("needId", needId));
        String name = name(organizationId);
        List<List<String>> rows = new ArrayList<>();
        for (LedgerEntry entry : found.items()) {
            EntryView view = view(entry, name);
            rows.add(java.util.Arrays.asList(String.valueOf(view.sequence()), view.id().toString(), name,
                    organizationId.toString(), view.kind().name(), view.amount().toPlainString(), view.unit(), view.item(),
                    entry.counterparty(), String.valueOf(view.anonymous()), view.evidenceReference(),
                    view.note(), view.occurredAt().toString(), view.recordedAt().toString(), text(view.reversesEntryId()),
                    text(view.actionId()), text(view.needId()), view.hash(), view.previousHash()));
        }
        return Response.ok(HxlCsv.write(COLUMNS, rows))
                .header("Content-Disposition", "attachment; filename=\"ledger-" + organizationId + "-hxl.csv\"")
                .header("X-Total-Count", found.total()).build();
    }

    private String name(UUID organizationId) {
        return organizations.names(List.of(organizationId)).get(organizationId);
    }

    private EntryView view(LedgerEntry entry) {
        return view(entry, name(entry.organizationId()));
    }

    private static EntryView view(LedgerEntry entry, String organizationName) {
        return new EntryView(entry.id(), entry.organizationId(), organizationName, entry.sequence(), entry.kind(),
                entry.kind().labelZh, entry.amount(), entry.unit(), entry.item(),
                entry.anonymous() ? "匿名 anonymous" : entry.counterparty(), entry.anonymous(), entry.evidenceReference(),
                entry.note(), entry.occurredAt(), entry.recordedAt(), entry.reversesEntryId(), entry.actionId(), entry.needId(),
                entry.previousHash(), entry.hash());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
