package org.luodi.query.notify;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.platform.problem.InvalidInputException;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.reference.ReferenceData;
import org.luodi.platform.security.LuodiUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * 消息推送: supervisors add the 企业微信 and 钉钉 group robots of the offices (for one township, or for the county), switch
 * them off, and read what was delivered. A robot's URL must be https on one of the allowed hosts.
 */
@RestController
@PreAuthorize("hasRole('SUPERVISOR')")
public class RobotController {
    private final Robots robots;
    private final Deliveries deliveries;
    private final NotifyProperties properties;
    private final ReferenceData reference;
    private final Clock clock;

    public RobotController(Robots robots, Deliveries deliveries, NotifyProperties properties, ReferenceData reference,
                           Clock clock) {
        this.robots = robots;
        this.deliveries = deliveries;
        this.properties = properties;
        this.reference = reference;
        this.clock = clock;
    }

    public record NewRobot(String name, Platform platform, String url, String secret, String township, String reason) {
    }

    public record SwitchOff(String reason) {
    }

    public record Overview(List<Robot> robots, List<Map<String, Object>> deliveries) {
    }

    @Operation(summary = "The group robots and the latest 50 deliveries (supervisors)")
    @GetMapping("/api/notify/robots")
    public Overview list() {
        return new Overview(robots.all(), deliveries.latest(50));
    }

    @Operation(summary = "Add a group robot (supervisors)",
            description = "name, platform (WECOM or DINGTALK), url (the robot's webhook, https on an allowed host), "
                    + "secret (钉钉 加签, optional), township (a code, or null for the whole county), reason.")
    @PostMapping("/api/notify/robots")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    public Map<String, Long> add(@RequestBody NewRobot body) {
        checkText("name", body.name(), 100);
        checkText("reason", body.reason(), 500);
        if (body.platform() == null) {
            throw new InvalidInputException("platform", "须为 WECOM（企业微信）或 DINGTALK（钉钉）");
        }
        checkUrl(body.url());
        if (body.secret() != null && (body.secret().isBlank() || body.secret().length() > 200)) {
            throw new InvalidInputException("secret", "加签密钥须为 1–200 个字符，或不填");
        }
        if (body.secret() != null && body.platform() != Platform.DINGTALK) {
            throw new InvalidInputException("secret", "只有钉钉机器人使用加签密钥");
        }
        if (body.township() != null && !reference.isTownship(body.township())) {
            throw new InvalidInputException("township", "未知的乡镇代码");
        }
        LuodiUser user = LuodiUser.current();
        long id = robots.add(body.name().strip(), body.platform(), body.url().strip(), body.secret(), body.township(),
                user.username(), clock.instant(), body.reason().strip());
        return Map.of("id", id);
    }

    @Operation(summary = "Switch a group robot off, with a reason (supervisors)")
    @PostMapping("/api/notify/robots/{id}/switch-off")
    @Transactional
    public Map<String, Long> switchOff(@PathVariable String id, @RequestBody SwitchOff body) {
        // the id is read only here, after the role: a clerk learns nothing from the shape of an id it may not use
        checkText("reason", body.reason(), 500);
        long robot = id.matches("[0-9]{1,18}") ? Long.parseLong(id) : -1;
        if (robot < 0 || !robots.switchOff(robot, LuodiUser.current().username(), clock.instant(),
                body.reason().strip())) {
            throw new NotFoundException(NotFoundException.Kind.RESOURCE, id, "没有这个启用中的群机器人");
        }
        return Map.of("id", robot);
    }

    private void checkUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 500) {
            throw new InvalidInputException("url", "须填写机器人的 Webhook 地址（最多 500 个字符）");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", "不是有效的网址");
        }
        boolean local = "http".equals(uri.getScheme()) && properties.allowedHosts().contains(uri.getHost())
                && ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
        if (!"https".equals(uri.getScheme()) && !local || uri.getHost() == null
                || !properties.allowedHosts().contains(uri.getHost()) || uri.getUserInfo() != null) {
            throw new InvalidInputException("url", "须为 https 地址，且主机为 " + String.join("、", properties.allowedHosts())
                    + " 之一");
        }
    }

    private static void checkText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "必填");
        }
        if (value.length() > max || value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidInputException(field, "不能超过 " + max + " 个字符，也不能含控制字符");
        }
    }
}
