package org.luodi.system.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Headless Debian Chromium driven by Selenium against the running query side, which serves the web UI. The driver
 * and the browser are Debian's (/usr/bin/chromedriver, /usr/bin/chromium), named explicitly so that Selenium
 * Manager never downloads anything; a fresh profile per browser; a 1366×900 window, the office screens' width.
 */
final class Chromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;
    private final String baseUrl;

    private Chromium(ChromeDriver driver, Path profile, String baseUrl) {
        this.driver = driver;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /**
     * Skips the calling test where there is no Chromium, unless this is CI (environment variable CI set, as
     * {@code .ci/run} does), where the browser tests must run and a missing browser is a failure.
     */
    static void assumeChromium() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") != null && !present) {
            throw new AssertionError("CI: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing, so the browser tests"
                    + " cannot run (.ci/run installs chromium and chromium-driver; did the install fail?)");
        }
        assumeTrue(present, "no " + CHROMIUM + " or " + CHROMEDRIVER
                + " here (install chromium and chromium-driver); browser tests skipped outside CI");
    }

    static Chromium open(String baseUrl) {
        try {
            Path profile = Files.createTempDirectory("luodi-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--window-size=1366,900", "--lang=zh-CN");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    // the UI locale (date inputs as 年/月/日) comes from the environment on Linux
                    .withEnvironment(Map.of("LANG", "zh_CN.UTF-8", "LANGUAGE", "zh_CN:zh"))
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(1366, 900));
            return new Chromium(driver, profile, baseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens a page of the UI by its hash route, e.g. {@code "/projects"}. */
    Chromium go(String route) {
        driver.get(baseUrl + "/#" + route);
        return this;
    }

    /** Signs in through the login page (the form, on a fresh session cookie); waits for the menu to appear. */
    Chromium login(String username) {
        driver.get(baseUrl + "/#/login");
        driver.manage().deleteAllCookies();
        driver.navigate().refresh();
        type("#username", username);
        type("#password", username);
        click("#login-submit");
        waitFor("#logout");
        return this;
    }

    WebElement waitFor(String css) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until the element's text contains {@code text}; returns the whole text. */
    String waitForText(String css, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return find(css).getText();
    }

    <T> T waitUntil(Function<Chromium, T> condition) {
        return new WebDriverWait(driver, WAIT).until(d -> condition.apply(this));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return waitFor(css).getText();
    }

    Chromium type(String css, String text) {
        WebElement input = waitFor(css);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    Chromium click(String css) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    Chromium select(String css, String value) {
        new Select(waitFor(css)).selectByValue(value);
        return this;
    }

    /**
     * Sets an {@code <input type=date>} to an ISO date. Typing into it depends on the browser's locale (年/月/日
     * or mm/dd/yyyy), so the value is set as the date picker would, with the events a user's choice fires.
     */
    Chromium date(String css, String isoDate) {
        WebElement input = waitFor(css);
        driver.executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, isoDate);
        return this;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs asynchronous script; it calls {@code arguments[arguments.length - 1]} with its result. */
    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Saves the whole page (the window grown to the page's height) as {@code <name>.png} under
     * target/test-output/screenshots, then restores the 1366×900 window.
     */
    Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("luodi.testOutput", "target/test-output"), "screenshots");
            Files.createDirectories(dir);
            Number height = (Number) script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
            driver.manage().window().setSize(new Dimension(1366, Math.min(Math.max(height.intValue() + 140, 900), 4000)));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path target = dir.resolve(name + ".png");
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new Dimension(1366, 900));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
