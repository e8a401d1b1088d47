package org.luodi.platform.time;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** Every "today" in Luodi comes from this clock, in Asia/Shanghai, so that tests can stand on any date. */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.system(ZONE);
    }
}
