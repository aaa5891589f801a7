package org.citycoop.catalog.activity;

import org.citycoop.platform.problem.Problem;
import org.citycoop.platform.problem.ProblemException;
import org.citycoop.platform.problem.ProblemTypes;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The size limit of an uploaded file: a declared {@code Content-Length} above it is refused before reading, and a
 * body that grows past it while being read (chunked) stops there with the same 413 problem naming {@code body}.
 */
final class SizeLimit {

    private final long maxBytes;

    SizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body, read through the limit. */
    InputStream apply(String contentLength, InputStream body) {
        if (contentLength != null && contentLength.matches("\\d{1,18}") && Long.parseLong(contentLength) > maxBytes) {
            throw tooLarge();
        }
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) {
                read += n;
                if (read > maxBytes) {
                    throw tooLarge();
                }
            }
        };
    }

    ProblemException tooLarge() {
        String detail = "the file is larger than " + maxBytes + " bytes, the limit of an import (IATI Registry files are at most "
                + "60 MB); split it, for example by recipient country";
        return new ProblemException(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Content too large", "body: " + detail,
                List.of(new Problem.FieldError("body", detail)));
    }
}
