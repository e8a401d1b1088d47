package org.luodi.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Input hygiene of the web layer: {@link RequestHygiene} on every handler, and JSON strings that hold only text.
 * The event store's own mapper ({@link org.luodi.events.EventJson}) is not touched.
 */
@Configuration(proxyBeanMethods = false)
public class WebHygieneConfig implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RequestHygiene());
    }

    /**
     * Luodi answers browsers and programs directly, behind no proxy it trusts, so X-Forwarded-* and Forwarded headers
     * are removed before anything reads them: a made-up {@code X-Forwarded-Host} made Swagger UI's redirect fail
     * with a 500 whose message repeated every request header, credentials included. First, so no filter sees them.
     */
    @Bean
    public FilterRegistrationBean<ForwardedHeaderFilter> forwardedHeadersRemoved() {
        ForwardedHeaderFilter filter = new ForwardedHeaderFilter();
        filter.setRemoveOnly(true);
        FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A JSON string with a NUL or an unpaired surrogate ({@code "\ud800"}) is not text: PostgreSQL cannot store it
     * (the read side turned a lone surrogate into "?", so the read model and the event store disagreed) and no
     * person typed it. Refused as a 400 naming the field, before any command is sent.
     */
    @Bean
    public Module textOnlyStrings() {
        SimpleModule module = new SimpleModule("luodi-text-only-strings")
                .addDeserializer(String.class, new TextOnlyStrings())
                .addDeserializer(LocalDate.class, new TextOnlyDates());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return new TextOnlyEnums(deserializer);
            }
        });
        return module;
    }

    /**
     * Jackson trims an enum's name before looking it up, and {@link String#trim()} drops control characters too:
     * {@code "kind":"NEW\u0000"} was recorded as NEW. A name with a control character is refused (400 naming the
     * field), as it is for every other string and for dates.
     */
    static final class TextOnlyEnums extends DelegatingDeserializer {
        TextOnlyEnums(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextOnlyEnums(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && p.getText().chars().anyMatch(Character::isISOControl)) {
                return ctxt.handleWeirdStringValue(handledType(), p.getText(), "control character");
            }
            return super.deserialize(p, ctxt);
        }
    }

    /**
     * A date is an ISO string ("2024-05-20"), as SPEC §7 shows it. Jackson also read a number as a day count since
     * 1970 ({"productionOn":19999} recorded production on 2024-10-04) and an array as [year, month, day], and
     * trimmed a string with {@link String#trim()}, which drops control characters too ("2024-05-20\u0000"). All
     * of these are refused like any other malformed date (400 naming the field).
     */
    static final class TextOnlyDates extends StdScalarDeserializer<LocalDate> {
        TextOnlyDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            if (p.getText().chars().anyMatch(Character::isISOControl)) {
                return (LocalDate) ctxt.handleWeirdStringValue(LocalDate.class, p.getText(), "control character");
            }
            return LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
        }
    }

    static final class TextOnlyStrings extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && !isText(value)) {
                throw ctxt.weirdStringException(value, String.class, INVALID_TEXT);
            }
            return value;
        }

        static boolean isText(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == 0) {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }

    static final String INVALID_TEXT = "NUL or unpaired surrogate";
}
