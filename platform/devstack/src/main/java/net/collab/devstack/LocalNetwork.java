package net.collab.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/start}: the whole network with demo data, until Ctrl-C or
 * {@code deploy/local/stop}. Argument: the repository's root.
 */
public final class LocalNetwork {

    private LocalNetwork() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        CollabNetwork.Options options = CollabNetwork.Options.local(root);
        Files.createDirectories(options.dataDir());
        Path pidFile = options.dataDir().resolve("local.pid");
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));

        System.out.println("启动协作网络 Starting the collaboration network (first start: about a minute)…");
        CollabNetwork network = CollabNetwork.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\n正在停止 Stopping…");
            network.close();
            try {
                Files.deleteIfExists(pidFile);
            } catch (java.io.IOException ignored) {
                // nothing left to clean
            }
            stopped.countDown();
        }, "collabnet-stop"));

        DemoData demo = new DemoData(network.keycloakIssuer(), network.url("registry-service"));
        int seeded = demo.seedOrganizations(root.resolve("deploy/local/demo-organizations.json"));
        if (seeded > 0) { // a first start: the network at work, not empty
            Map<String, String> services = new HashMap<>();
            for (String service : CollabNetwork.SERVICES) {
                services.put(service, network.url(service));
            }
            try {
                demo.seedActivity(root.resolve("deploy/local/demo-activity.json"), services);
            } catch (RuntimeException e) { // the network stands without it; say so and go on
                System.err.println("演示活动未能全部发布 Demo activity not all posted: " + e.getMessage());
            }
        }
        System.out.println(banner(network, seeded));
        stopped.await();
    }

    private static String banner(CollabNetwork network, int seeded) {
        return """

                社会组织协作网络已启动 · The collaboration network is running
                  控制台 Console          %s
                  registry-service        %s/q/swagger-ui
                  action-service          %s/q/swagger-ui
                  matching-service        %s/q/swagger-ui
                  notification-service    %s/q/swagger-ui
                  Keycloak                %s  (admin console: admin / admin)
                  Kafka                   %s
                  演示邮件 Demo e-mails    %s  (每封一个 .eml 文件 one .eml file each; IMAP localhost:%d)

                演示用户 Demo users (password = user name, local demo only):
                  coordinator   协作网络协调员 network coordinator
                  xiyang        北京市夕阳再晨社会工作服务中心 admin
                  changcheng    山东威海长城爱心大本营 admin
                  jiyang        济阳街道社会组织服务中心 admin (hub)
                  putian        莆田市妇女联合会 admin
                  caoqiao       草桥口社区志愿服务队 (frontline group)
                %s
                按 Ctrl-C 或运行 deploy/local/stop 停止 · Ctrl-C or deploy/local/stop to stop.
                """.formatted(network.url("console"), network.url("registry-service"), network.url("action-service"),
                network.url("matching-service"), network.url("notification-service"), network.url("keycloak"),
                network.kafkaBootstrapServers(), network.mailFolder(), network.mail().imapPort(),
                seeded > 0 ? "已登记并批准 " + seeded + " 个演示组织 · " + seeded + " demo organizations registered and approved."
                        : "演示组织已存在 · Demo organizations already present.");
    }
}
