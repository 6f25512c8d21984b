package net.collab.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The machine's Chromium, driven by Playwright without downloading a browser of its own. Found at
 * {@code CHROMIUM_PATH}, or where Debian installs it; on a machine without it, installed with apt
 * when the build runs as root, else the tests stop with one line saying what to install.
 */
final class Browsers {

    private static final List<String> KNOWN_PLACES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/lib/chromium/chromium");

    private Browsers() {
    }

    static Path chromium() {
        String configured = System.getenv("CHROMIUM_PATH");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("CHROMIUM_PATH=" + configured + " is not an executable Chromium");
            }
            return path;
        }
        Path found = installed();
        if (found != null) {
            ensureChineseFonts();
            return found;
        }
        if (isRoot() && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            System.out.println("Browser tests: installing Debian's chromium package (apt-get install chromium)…");
            run(List.of("apt-get", "update", "-qq"));
            run(List.of("apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-cjk"));
            found = installed();
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("The browser tests need Chromium: install it (Debian: apt-get install chromium)"
                + " or set CHROMIUM_PATH to its executable.");
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium()).setHeadless(true)
                .setChromiumSandbox(false).setArgs(List.of("--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-gpu", "--disable-quic")));
    }

    static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    /**
     * The pages are Chinese: without a CJK font the screenshots show boxes (the tests read the text,
     * so they pass either way). Installed with apt when possible, else said once.
     */
    private static void ensureChineseFonts() {
        if (Files.isDirectory(Path.of("/usr/share/fonts/opentype/noto")) || Files.isDirectory(Path.of("/usr/share/fonts/truetype/wqy"))) {
            return;
        }
        if (isRoot() && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            System.out.println("Browser tests: installing Debian's fonts-noto-cjk so that screenshots show Chinese…");
            run(List.of("apt-get", "install", "-y", "-qq", "fonts-noto-cjk"));
        } else {
            System.out.println("Browser tests: no Chinese font (Debian: apt-get install fonts-noto-cjk); screenshots will show boxes.");
        }
    }

    private static Path installed() {
        return KNOWN_PLACES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing Chromium", e);
        }
    }
}
