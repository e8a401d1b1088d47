package org.luodi.command.home;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command side's root, where a person lands who followed its address: what this service is and where the web UI
 * is, in Chinese. Open to everyone, since it says nothing that is not in the README; every {@code /api} path still
 * needs a sign-in.
 */
@RestController
public class HomeController {
    private static final String WHAT = "落地 Luodi 命令端：只接收录入命令（签约、注册、开工、入库、投产、到位资金、解约、更正），不提供页面。";
    private final String uiUrl;

    public HomeController(@Value("${LUODI_UI_URL:http://localhost:8082/}") String uiUrl) {
        this.uiUrl = uiUrl;
    }

    /** A page for a browser (it asks for text/html), the same facts as JSON for anything else. */
    @Operation(summary = "What the command side is and where the web UI is (no sign-in)")
    @GetMapping("/")
    public ResponseEntity<?> home(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(page());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(about());
    }

    private String page() {
        String ui = HtmlUtils.htmlEscape(uiUrl);
        return """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>落地 Luodi 命令端</title></head>
                <body><h1>落地 Luodi 命令端</h1><p>%s</p>
                <p>请打开网页界面：<a href="%s">%s</a>（查询端，用户名和密码同登录账号）。</p>
                <p>命令接口：<code>POST /api/projects</code> 等，需要登录。</p></body></html>
                """.formatted(HtmlUtils.htmlEscape(WHAT), ui, ui);
    }

    private Map<String, String> about() {
        Map<String, String> about = new LinkedHashMap<>();
        about.put("service", "落地 Luodi 命令端 (command side)");
        about.put("detail", WHAT);
        about.put("ui", uiUrl);
        about.put("api", "POST /api/projects …（需要登录）");
        return about;
    }
}
