package org.luodi.platform.reference;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ReferenceDataConfig {

    @Bean
    public ReferenceData referenceData() {
        return ReferenceData.daye();
    }
}
