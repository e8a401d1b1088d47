package org.luodi.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.Problem;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * 413 for a body over 1 MiB: at once when Content-Length says so, or while reading a chunked body, so that a huge
 * request never reaches a controller. A ledger upload ({@value #LEDGER_PATH}, on either side: the query side forwards
 * it) may be up to 20 MiB, a county's whole 台账 of 10,000 projects being about 2 MiB; so may an evidence file (a
 * photo or a scanned contract, #19).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BodySizeLimitFilter extends OncePerRequestFilter {
    public static final long LIMIT = 1024 * 1024;
    public static final String LEDGER_PATH = "/api/ledger/import";
    public static final long LEDGER_LIMIT = 20L * 1024 * 1024;
    /**
     * An evidence upload (POST /api/projects/{id}/evidence, /api/tickets/{id}/evidence): a file of up to
     * {@value #EVIDENCE_FILE_LIMIT} bytes, which the command side checks exactly, plus the multipart envelope.
     */
    public static final long EVIDENCE_FILE_LIMIT = 20L * 1024 * 1024;
    public static final long EVIDENCE_LIMIT = EVIDENCE_FILE_LIMIT + 64 * 1024;
    private static final java.util.regex.Pattern EVIDENCE_PATH =
            java.util.regex.Pattern.compile("/api/(projects|tickets)/[^/]+/evidence");

    /** Whether {@code uri} is an evidence upload's path. */
    public static boolean isEvidenceUpload(String uri) {
        return uri != null && EVIDENCE_PATH.matcher(uri).matches();
    }

    /** The 413 of an upload too large at {@code uri}: the ledger's, the evidence's, or any other body's. */
    public static ErrorCode tooLarge(String uri) {
        return LEDGER_PATH.equals(uri) ? ErrorCode.LEDGER_TOO_LARGE
                : isEvidenceUpload(uri) ? ErrorCode.EVIDENCE_TOO_LARGE : ErrorCode.BODY_TOO_LARGE;
    }

    /** Thrown while reading past the limit; mapped to 413 by {@link ExceptionProblems}. */
    public static class BodyTooLargeException extends IOException {
        private final ErrorCode code;

        public BodyTooLargeException() {
            this(ErrorCode.BODY_TOO_LARGE);
        }

        BodyTooLargeException(ErrorCode code) {
            super("request body over the limit (" + code.code() + ")");
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        long limit = LEDGER_PATH.equals(uri) ? LEDGER_LIMIT : isEvidenceUpload(uri) ? EVIDENCE_LIMIT : LIMIT;
        ErrorCode code = tooLarge(uri);
        if (request.getContentLengthLong() > limit) {
            ProblemResponses.write(response, Problem.of(code));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit, code), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private final ErrorCode code;
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit, ErrorCode code) {
            super(request);
            this.limit = limit;
            this.code = code;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                ServletInputStream in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLargeException(code);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }
}
