package org.luodi.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side: takes commands over HTTP, decides with the InvestmentProject aggregate, appends events. */
@SpringBootApplication(scanBasePackages = {"org.luodi.command", "org.luodi.platform"})
public class CommandSideApplication {
    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
