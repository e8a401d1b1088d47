package org.luodi.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word, as problem+json: what Tomcat refuses before any filter or controller sees the request (an
 * illegal character in the URL, broken percent-encoding, a header too large or with NUL, a contradicting length,
 * an unknown transfer coding) used to come back as an HTML page. Never a stack trace, a server name or a version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(ProblemResponses.CONTENT_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // the reporter is there only while nothing of the response has been written
            Writer writer = response.getReporter();
            if (writer != null) {
                byte[] problem = ProblemResponses.bytes(ProblemResponses.forStatus(status));
                writer.write(new String(problem, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response is closed: nothing more to say
        }
    }
}
