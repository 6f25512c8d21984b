package net.collab.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.SelectOption;

import io.restassured.http.ContentType;

import net.collab.devstack.CollabNetwork;
import net.collab.devstack.DemoData;

/**
 * The console in a real Chromium against the running network: three people, one flow. The
 * coordinator approves a frontline group; its member posts a need from a phone (the place chosen
 * from the area tree), after a refused try whose errors stand next to the fields; the provider hears
 * of it live in the inbox, accepts and reports delivery; the requester confirms; the coordinator
 * sees the need's timeline and the flow monitor move. Every page is kept as a screenshot in
 * {@code system-tests/target/screenshots}.
 */
class ConsoleInBrowserIT {

    private static final String GROUP = "草桥口社区志愿服务队";
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static CollabNetwork network;
    private static DemoData keycloak;
    private static Playwright playwright;
    private static Browser browser;
    private static Path screenshots;

    @BeforeAll
    static void startTheNetworkAndABrowser() throws Exception {
        Path root = Path.of(System.getProperty("collabnet.root", "..")).toAbsolutePath().normalize();
        screenshots = Files.createDirectories(root.resolve("system-tests/target/screenshots"));
        Path chromium = Browsers.chromium(); // fails here, with what to install, before the network starts
        System.out.println("Browser tests use " + chromium);
        network = SharedNetwork.get();
        keycloak = SharedNetwork.keycloak();
        playwright = Browsers.playwright();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void threePeopleOneFlowFromANeedOnAPhoneToItsConfirmation() throws Exception {
        String console = network.url("console");
        // Set-up through the API: an approved provider with medicine to offer, and the group's application.
        String provider = Organizations.approved(network, keycloak, "changcheng", "山东威海长城爱心大本营", "3708");
        String providerToken = keycloak.token("changcheng");
        String requesterToken = keycloak.token("caoqiao");
        String requester = given().baseUri(network.url("registry-service")).auth().oauth2(requesterToken).contentType(ContentType.JSON)
                .body(Map.of("nameZh", GROUP, "kind", "VOLUNTEER_TEAM", "registrationStatus", "FILED",
                        "serviceAreas", List.of("370811012002")))
                .when().post("/organizations").then().statusCode(201).extract().path("id");
        Organizations.awaitApprovalKnownToActions(network, providerToken, provider);
        given().baseUri(network.url("action-service")).auth().oauth2(providerToken).contentType(ContentType.JSON)
                .body(Map.of("organizationId", provider, "category", "SUPPLIES", "item", "药品", "quantity", 100, "unit", "箱",
                        "areaCode", "3708"))
                .when().post("/offers").then().statusCode(201);

        // Another site's form is refused before anything else happens.
        given().baseUri(console).header("Origin", "http://elsewhere.example").contentType(ContentType.URLENC)
                .formParam("decision", "APPROVE").when().post("/coordinator/applications/" + requester).then().statusCode(403);
        given().baseUri(console).header("Sec-Fetch-Site", "cross-site").when().post("/inbox/read").then().statusCode(403);

        // The public pages, without signing in, in both languages.
        try (BrowserContext visitor = browser.newContext()) {
            Page page = visitor.newPage();
            for (String path : List.of("/", "/needs", "/organizations", "/organizations/" + provider, "/advocacy")) {
                assertThat(page.navigate(console + path).status()).as(path).isLessThan(400);
                assertThat(page.locator("h1").first().textContent()).isNotBlank();
                assertThat(page.content()).doesNotContain("Internal Server Error").doesNotContain("Exception");
                shoot(page, "public" + (path.equals("/") ? "-board" : path.replace('/', '-').replaceAll("-[0-9a-f-]{36}", "-profile")));
            }
            page.navigate(console);
            assertThat(page.locator("h1").first().textContent()).contains("行动看板"); // the console's board, not a stale page
            assertThat(page.locator("header nav a[href='/needs']").count()).isEqualTo(1);
            page.navigate(console + "/organizations/" + provider);
            assertThat(page.locator("[data-testid=ledger-verification]").textContent()).contains("账目链校验通过");
            page.navigate(console + "/organizations?q=长城");
            assertThat(page.locator(".card h3").allTextContents()).anyMatch(name -> name.contains("山东威海长城爱心大本营"));
            page.locator("header a[lang=en]").click();
            assertThat(page.locator("h1").first().textContent()).contains("Directory");
            shoot(page, "public-directory-english");
        }

        try (BrowserContext coordinatorBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                BrowserContext providerBrowser = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
                BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                        .setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2))) {
            // The coordinator approves the group's application.
            Page coordinator = signIn(coordinatorBrowser, console, "coordinator");
            coordinator.navigate(console + "/coordinator");
            Locator application = coordinator.locator("[data-testid=application]").filter(new Locator.FilterOptions().setHasText(GROUP));
            shoot(coordinator, "coordinator-applications");
            application.getByText("批准").click();
            assertThat(coordinator.locator(".notice").textContent()).contains("已批准");
            Organizations.awaitApprovalKnownToActions(network, requesterToken, requester);

            // The provider has the inbox open: news arrives by itself.
            Page providerPage = signIn(providerBrowser, console, "changcheng");
            providerPage.navigate(console + "/inbox");
            waitFor(() -> providerPage.locator("[data-testid=inbox-item]").count() >= 0); // the page stands
            int itemsBefore = providerPage.locator("[data-testid=inbox-item]").count();

            // The frontline member, on a phone: first a form the service refuses, then the need.
            Page member = signIn(phone, console, "caoqiao");
            member.navigate(console + "/needs/new");
            member.locator("#organizationId").selectOption(requester); // the member may belong to more than one group
            member.locator("#quantity").fill("-5");
            member.locator("button[type=submit]").click();
            assertThat(member.locator("#quantity-error").textContent()).isNotBlank();
            assertThat(member.locator("#item-error").textContent()).isNotBlank();
            assertThat(member.locator("[role=alert]").first().textContent()).isNotBlank();
            assertThat(member.content()).doesNotContain("Exception").doesNotContain("\"status\"");
            shoot(member, "member-need-refused-phone");
            assertThat(given().baseUri(network.url("action-service")).when().get("/needs?organizationId=" + requester)
                    .then().statusCode(200).extract().<Integer>path("total")).isZero();

            Instant started = Instant.now();
            member.navigate(console + "/needs/new");
            member.locator("#organizationId").selectOption(requester); // the member may belong to more than one group
            member.locator("#item").fill("药品");
            member.locator("#quantity").fill("20");
            member.locator("#unit").fill("箱");
            member.locator("#category").selectOption("SUPPLIES");
            member.locator("#urgency").selectOption("HIGH");
            chooseArea(member, List.of("山东省", "济宁市", "任城区", "济阳街道", "草桥口社区居民委员会"));
            member.locator("#targetGroup").selectOption("DISABLED");
            member.locator("#deadline").fill(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
            member.locator("[id='beneficiary.name']").fill("张桂兰");
            member.locator("[id='beneficiary.phone']").fill("13912345678");
            shoot(member, "member-need-form-phone");
            member.locator("button[type=submit]").click();
            member.waitForURL("**/needs/*?done=need");
            Duration posting = Duration.between(started, Instant.now());
            String needId = member.url().replaceAll(".*/needs/([0-9a-f-]{36}).*", "$1");
            assertThat(member.locator(".notice").textContent()).contains("需求已发布");
            assertThat(member.locator("h1").textContent()).contains("药品");
            assertThat(member.content()).contains("草桥口社区");
            shoot(member, "member-need-posted-phone");
            System.out.printf("A need posted from a phone-sized window in %.1f s (typing by machine)%n", posting.toMillis() / 1000.0);

            // The provider hears of it without reloading, accepts and reports delivery.
            waitFor(() -> providerPage.locator("[data-testid=inbox-item]").count() > itemsBefore);
            assertThat(providerPage.locator("[data-testid=inbox-item]").first().textContent()).contains("药品");
            assertThat(providerPage.content()).doesNotContain("张桂兰").doesNotContain("13912345678");
            shoot(providerPage, "provider-inbox-live");
            providerPage.navigate(console + "/matches");
            Locator match = providerPage.locator("[data-testid=match]").filter(new Locator.FilterOptions().setHasText("药品"));
            shoot(providerPage, "provider-matches-proposed");
            match.getByText("接受").click();
            assertThat(providerPage.locator(".notice").textContent()).contains("已接受");
            providerPage.navigate(console + "/needs/" + needId);
            reloadUntil(providerPage, () -> providerPage.locator("[data-testid=beneficiary]").count() > 0);
            assertThat(providerPage.locator("[data-testid=beneficiary]").textContent()).contains("张桂兰");
            shoot(providerPage, "provider-need-beneficiary");
            providerPage.navigate(console + "/matches");
            Locator accepted = providerPage.locator("[data-testid=match]").filter(new Locator.FilterOptions().setHasText("药品"));
            accepted.locator("input[name=quantity]").fill("20");
            accepted.getByText("报告送达").click();
            assertThat(providerPage.locator(".notice").textContent()).contains("已报告送达");
            shoot(providerPage, "provider-matches-delivered");

            // The requester confirms receipt; the need is fulfilled.
            member.navigate(console + "/matches");
            member.locator("[data-testid=match]").filter(new Locator.FilterOptions().setHasText("药品")).getByText("确认签收").click();
            assertThat(member.locator(".notice").textContent()).contains("已确认签收");
            shoot(member, "member-matches-confirmed-phone");
            member.navigate(console + "/needs/" + needId);
            reloadUntil(member, () -> member.locator("[data-testid=need-status]").textContent().contains("已完成"));
            shoot(member, "member-need-fulfilled-phone");

            // The coordinator sees the whole timeline, with who and when, and the monitor moving.
            coordinator.navigate(console + "/needs/" + needId);
            reloadUntil(coordinator, () -> coordinator.locator("[data-testid=timeline] li").count() >= 5);
            String timeline = coordinator.locator("[data-testid=timeline]").textContent();
            assertThat(timeline).contains("发布", "匹配", "接受", "送达", "签收").contains(GROUP, "山东威海长城爱心大本营");
            assertThat(timeline.indexOf("发布")).isLessThan(timeline.indexOf("签收"));
            shoot(coordinator, "coordinator-need-timeline");
            assertThat(coordinator.navigate(console + "/coordinator/escalations").status()).isEqualTo(200);
            shoot(coordinator, "coordinator-escalations");
            coordinator.navigate(console + "/coordinator/monitor");
            waitFor(() -> coordinator.locator("#stages tbody tr").allTextContents().stream()
                    .anyMatch(row -> row.startsWith("发布 → 签收") && !row.contains("—")));
            waitFor(() -> coordinator.locator("#lag tbody tr").allTextContents().stream().anyMatch(row -> row.contains("matching-service")));
            assertThat(coordinator.locator("#events-chart canvas").count()).isPositive();
            shoot(coordinator, "coordinator-flow-monitor");

            // The coordinator rates the group's community and sees dead letters; suspends the group and reinstates it.
            coordinator.navigate(console + "/coordinator/risk");
            chooseArea(coordinator, List.of("山东省", "济宁市", "任城区", "济阳街道", "草桥口社区居民委员会"));
            coordinator.locator("#risk-level").selectOption("HIGH");
            coordinator.locator("#risk-reason").fill("连续出现确诊病例");
            coordinator.locator("form.form button.primary").click();
            assertThat(coordinator.locator(".notice").textContent()).contains("风险等级已更新");
            reloadUntil(coordinator, () -> coordinator.locator("[data-testid=rated-areas]").textContent().contains("草桥口社区"));
            shoot(coordinator, "coordinator-risk-levels");
            assertThat(coordinator.navigate(console + "/coordinator/dead-letters").status()).isEqualTo(200);
            shoot(coordinator, "coordinator-dead-letters");
            coordinator.navigate(console + "/my/organizations/" + requester);
            coordinator.locator("#suspend-reason").fill("核实材料期间暂停");
            coordinator.getByText("暂停", new Page.GetByTextOptions().setExact(true)).click();
            coordinator.waitForURL("**done=suspended**");
            assertThat(coordinator.locator(".notice").textContent()).contains("已暂停");
            coordinator.getByText("恢复", new Page.GetByTextOptions().setExact(true)).click();
            coordinator.waitForURL("**done=reinstated**");
            assertThat(coordinator.locator(".notice").textContent()).contains("已恢复");

            // The provider runs its organization: a refused ledger entry, then one recorded; a webhook; advocacy.
            providerPage.navigate(console + "/my/organizations/" + provider);
            providerPage.locator("#ledger-kind").selectOption("MATERIALS_DISTRIBUTED");
            providerPage.locator("#ledger-unit").fill("箱");
            providerPage.locator("#ledger button.primary").click();
            assertThat(providerPage.locator("[id='ledger.amount-error']").textContent()).isNotBlank();
            providerPage.locator("#ledger-kind").selectOption("MATERIALS_DISTRIBUTED");
            providerPage.locator("#ledger-amount").fill("20");
            providerPage.locator("#ledger-unit").fill("箱");
            providerPage.locator("#ledger-item").fill("药品");
            providerPage.locator("#ledger-occurred").fill(LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusMinutes(5)
                    .truncatedTo(ChronoUnit.MINUTES).toString());
            providerPage.locator("#ledger button.primary").click();
            assertThat(providerPage.locator(".notice").textContent()).contains("账目已记录");
            providerPage.locator("#webhook-url").fill("http://127.0.0.1:9/collabnet");
            providerPage.locator("#webhooks input[value=MATCH_PROPOSED]").check();
            providerPage.locator("#webhooks form.form button").click();
            assertThat(providerPage.locator("[data-testid=webhook-secret]").textContent()).isNotBlank();
            shoot(providerPage, "provider-organization-manage");
            providerPage.navigate(console + "/my/organizations/" + provider);
            providerPage.locator("#advocacy-title").fill("独居老人用药，请邻里多看一眼");
            providerPage.locator("#advocacy-body").fill("疫情期间，独居老人取药不便。请邻里互相提醒，有需要请联系社区志愿服务队。");
            providerPage.locator("#advocacy button.primary").click();
            assertThat(providerPage.locator(".notice").textContent()).contains("倡导已发布");
            providerPage.navigate(console + "/my/organizations/" + provider);
            providerPage.locator("#profile-description").fill("威海、济宁两地的志愿者团队，送药上门、物资发放。");
            providerPage.locator("#profile-website").fill("not an address");
            providerPage.locator("#profile button").click();
            assertThat(providerPage.locator("[id='profile.website-error']").textContent()).isNotBlank();
            providerPage.locator("#profile-website").fill("https://changcheng.example.org");
            providerPage.locator("#profile button").click();
            assertThat(providerPage.locator(".notice").textContent()).contains("资料已保存");
            providerPage.navigate(console + "/organizations/" + provider);
            reloadUntil(providerPage, () -> providerPage.content().contains("发放物资"));
            assertThat(providerPage.content()).contains("送药上门、物资发放");
            assertThat(providerPage.locator("[data-testid=ledger-verification]").textContent()).contains("账目链校验通过");
            shoot(providerPage, "public-organization-ledger");
            providerPage.navigate(console + "/advocacy");
            reloadUntil(providerPage, () -> providerPage.content().contains("独居老人用药"));

            // The member's notification settings: no e-mail for new needs, and a subscription to the community.
            member.navigate(console + "/settings");
            member.locator("[id='email-NEED_POSTED']").selectOption("OFF");
            member.locator("form[action='/settings/preferences'] button").click();
            assertThat(member.locator(".notice").textContent()).contains("设置已保存");
            assertThat(member.locator("[id='email-NEED_POSTED']").inputValue()).isEqualTo("OFF");
            chooseArea(member, List.of("山东省", "济宁市", "任城区", "济阳街道", "草桥口社区居民委员会"));
            member.locator("input[name=kinds][value=NEED_POSTED]").check();
            member.locator("form[action='/settings/subscriptions'] button").click();
            member.waitForURL("**done=subscribed**");
            assertThat(member.locator(".notice").textContent()).contains("已订阅");
            assertThat(member.locator("[data-testid=subscriptions]").textContent()).contains("草桥口社区");
            shoot(member, "member-settings-phone");
        }
    }

    @Test
    void aHubsAdministratorPostsANeedForTheGrassrootsGroupItSponsors() throws Exception {
        String console = network.url("console");
        String registry = network.url("registry-service");
        String coordinatorToken = keycloak.token("coordinator");
        String hub = Organizations.approved(network, keycloak, "jiyang", "济阳街道社会组织服务中心", "370811012",
                "HUB_ORGANIZATION");
        String group = given().baseUri(registry).auth().oauth2(keycloak.token("putian")).contentType(ContentType.JSON)
                .body(Map.of("nameZh", "南门社区互助小组", "kind", "VOLUNTEER_TEAM", "registrationStatus", "GRASSROOTS",
                        "sponsorOrganizationId", hub, "serviceAreas", List.of("370811012007")))
                .when().post("/organizations").then().statusCode(201).extract().path("id");
        given().baseUri(registry).auth().oauth2(keycloak.token("jiyang")).contentType(ContentType.JSON)
                .body(Map.of("answer", "ACCEPT")).when().post("/organizations/{id}/sponsorship/answer", group).then().statusCode(200);
        given().baseUri(registry).auth().oauth2(coordinatorToken).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post("/organizations/{id}/approval", group).then().statusCode(200);
        Organizations.awaitApprovalKnownToActions(network, keycloak.token("putian"), group);
        Organizations.awaitApprovalKnownToActions(network, keycloak.token("jiyang"), hub); // the hub and its administrator too

        try (BrowserContext hubBrowser = browser.newContext()) {
            Page page = signIn(hubBrowser, console, "jiyang");
            page.navigate(console + "/my/organizations/" + hub);
            assertThat(page.locator("#groups").textContent()).contains("南门社区互助小组");
            page.navigate(console + "/needs/new");
            assertThat(page.locator("#organizationId option").allTextContents()).contains("南门社区互助小组");
            page.locator("#organizationId").selectOption(group);
            page.locator("#item").fill("消毒液");
            page.locator("#quantity").fill("30");
            page.locator("#unit").fill("瓶");
            chooseArea(page, List.of("山东省", "济宁市", "任城区", "济阳街道", "南门社区居民委员会"));
            page.locator("button[type=submit]").click();
            page.waitForURL("**/needs/*?done=need");
            assertThat(page.content()).contains("南门社区互助小组");
            shoot(page, "hub-need-for-its-group");
            assertThat(page.navigate(console + "/matches").status()).isEqualTo(200); // the group's matches are the hub's to answer
        }
    }

    private static Page signIn(BrowserContext context, String console, String user) {
        Page page = context.newPage();
        page.navigate(console + "/me");
        page.locator("#username").fill(user);
        page.locator("#password").fill(user);
        page.locator("#kc-login").click();
        page.waitForURL(console + "/me");
        assertThat(page.locator("[data-testid=person]").textContent()).isNotBlank();
        return page;
    }

    /** One drop-down per level, each drawn after the one above is chosen. */
    private static void chooseArea(Page page, List<String> names) {
        for (int level = 0; level < names.size(); level++) {
            int index = level;
            Locator selects = page.locator("fieldset.area-picker select");
            waitFor(() -> selects.count() > index);
            selects.nth(index).selectOption(new SelectOption().setLabel(names.get(index)));
            waitFor(() -> page.locator("[data-testid=area-path]").count() > 0
                    && page.locator("[data-testid=area-path]").textContent().endsWith(names.get(index)));
        }
    }

    private static void waitFor(BooleanSupplier condition) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(condition::getAsBoolean);
    }

    /** For pages without a live stream: looks again until the condition holds. */
    private static void reloadUntil(Page page, BooleanSupplier condition) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            if (condition.getAsBoolean()) {
                return true;
            }
            page.reload();
            return condition.getAsBoolean();
        });
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }
}
