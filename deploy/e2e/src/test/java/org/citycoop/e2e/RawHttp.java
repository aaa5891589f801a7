package org.citycoop.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for {@link BadInputIT}: the bytes sent are
 * exactly the bytes given (java.net.http refuses or normalises malformed percent-encoding, control
 * characters in headers, a missing Host, other protocol versions, chunk sizes and header folding, which are
 * the cases to send). The answer is read with a timeout, so that a server that never answers shows as a
 * timeout instead of a stuck test.
 */
final class RawHttp {

    /** An answer: status and headers as received, the body decoded from its transfer coding. */
    record Response(int status, String statusLine, List<String[]> headers, byte[] body, String failure, long millis) {

        /** The first value of a header, by case-insensitive name, or null. */
        String header(String name) {
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    return header[1];
                }
            }
            return null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** True when no complete answer came: a timeout, a closed connection or an unreadable answer. */
        boolean failed() {
            return failure != null;
        }
    }

    /** A request to build; {@link #bytes(String)} writes it as is, adding only what was not given. */
    static final class Request {
        final String method;
        final String target;
        String version = "HTTP/1.1";
        final List<String[]> headers = new ArrayList<>();
        byte[] body;
        boolean contentLength = true;
        boolean host = true;

        Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        Request body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        Request body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        boolean has(String name) {
            return headers.stream().anyMatch(h -> h[0].equalsIgnoreCase(name));
        }

        Request copy() {
            Request copy = new Request(method, target);
            copy.version = version;
            copy.headers.addAll(headers);
            copy.body = body;
            copy.contentLength = contentLength;
            copy.host = host;
            return copy;
        }

        Request withTarget(String newTarget) {
            Request copy = new Request(method, newTarget);
            copy.version = version;
            copy.headers.addAll(headers);
            copy.body = body;
            copy.contentLength = contentLength;
            copy.host = host;
            return copy;
        }

        Request without(String name) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(name));
            return this;
        }

        /** The request line, the headers (plus Host, Content-Length and Connection: close unless given or switched off), the body. */
        byte[] bytes(String authority) {
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(' ').append(version).append("\r\n");
            if (host && !has("Host")) {
                head.append("Host: ").append(authority).append("\r\n");
            }
            for (String[] h : headers) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            if (contentLength && body != null && !has("Content-Length") && !has("Transfer-Encoding")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            if (!has("Connection")) {
                head.append("Connection: close\r\n");
            }
            head.append("\r\n");
            byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
            if (body == null) {
                return start;
            }
            byte[] all = new byte[start.length + body.length];
            System.arraycopy(start, 0, all, 0, start.length);
            System.arraycopy(body, 0, all, start.length, body.length);
            return all;
        }

        String describe() {
            return method + " " + (target.length() > 160 ? target.substring(0, 160) + "...(" + target.length() + " chars)" : target);
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    String authority() {
        return host + ":" + port;
    }

    Response send(Request request, String localAddress) {
        return send(request.bytes(authority()), localAddress, "HEAD".equals(request.method));
    }

    /** Writes the bytes, reads one answer (skipping interim 1xx answers) within the timeout. */
    Response send(byte[] request, String localAddress, boolean head) {
        long started = System.nanoTime();
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything (a 413 or 431): read what it said
            }
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            long deadline = started + timeoutMillis * 1_000_000L;
            while (true) {
                String headText = readHead(in);
                if (headText == null) {
                    return new Response(0, "", List.of(), new byte[0], "connection closed without an answer", elapsed(started));
                }
                String[] lines = headText.split("\r\n");
                String statusLine = lines[0];
                int status = parseStatus(statusLine);
                List<String[]> headers = new ArrayList<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon > 0) {
                        headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
                    }
                }
                if (status >= 100 && status < 200 && status != 101) {
                    if (System.nanoTime() > deadline) {
                        return new Response(status, statusLine, headers, new byte[0], "only an interim answer", elapsed(started));
                    }
                    continue;
                }
                byte[] body = readBody(in, headers, head || status == 204 || status == 304);
                return new Response(status, statusLine, headers, body, null, elapsed(started));
            }
        } catch (SocketTimeoutException e) {
            return new Response(0, "", List.of(), new byte[0], "no answer within " + timeoutMillis + " ms", elapsed(started));
        } catch (IOException | RuntimeException e) {
            return new Response(0, "", List.of(), new byte[0], e.getClass().getSimpleName() + ": " + e.getMessage(), elapsed(started));
        }
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static int parseStatus(String statusLine) {
        String[] parts = statusLine.split(" ", 3);
        try {
            return parts.length >= 2 ? Integer.parseInt(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The header block up to the empty line, or null when the connection closed before any byte. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = switch (matched) {
                case 0, 2 -> b == '\r' ? matched + 1 : 0;
                case 1, 3 -> b == '\n' ? matched + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (matched == 4) {
                String text = head.toString(StandardCharsets.ISO_8859_1);
                return text.substring(0, text.length() - 4);
            }
            if (head.size() > 256 * 1024) {
                throw new IOException("answer head over 256 KiB");
            }
        }
        if (head.size() == 0) {
            return null;
        }
        throw new IOException("connection closed inside the answer head: " + head.toString(StandardCharsets.ISO_8859_1));
    }

    private static byte[] readBody(InputStream in, List<String[]> headers, boolean none) throws IOException {
        if (none) {
            return new byte[0];
        }
        String encoding = null;
        String length = null;
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase("Transfer-Encoding")) {
                encoding = h[1].toLowerCase(Locale.ROOT);
            } else if (h[0].equalsIgnoreCase("Content-Length")) {
                length = h[1];
            }
        }
        if (encoding != null && encoding.contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(in);
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
                if (size == 0) {
                    while (!readLine(in).isEmpty()) {
                        // trailers
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        }
        if (length != null) {
            int n = Integer.parseInt(length.trim());
            byte[] body = in.readNBytes(n);
            if (body.length < n) {
                throw new IOException("body shorter than its Content-Length: " + body.length + " of " + n);
            }
            return body;
        }
        return in.readAllBytes();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        throw new IOException("connection closed inside a chunked body");
    }
}
