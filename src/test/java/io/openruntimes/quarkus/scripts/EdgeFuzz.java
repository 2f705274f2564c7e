package io.openruntimes.quarkus.scripts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded requests for the HTTP edge: mostly near-valid executions with one thing wrong or odd
 * (method, target, version, headers, framing, body, line endings), some plain noise. The same seed
 * gives the same requests, so a failure can be replayed with {@code -Dfuzz.seed=...}.
 */
final class EdgeFuzz {

    /** One connection's bytes, and which of its requests are HEADs (their answers have no body). */
    record Case(int index, byte[] bytes, List<Boolean> heads) {
        boolean head(int answer) {
            return answer < heads.size() && heads.get(answer);
        }

        String printable() {
            String text = new String(bytes, 0, Math.min(bytes.length, 3000), StandardCharsets.ISO_8859_1);
            StringBuilder out = new StringBuilder();
            for (char c : text.toCharArray()) {
                out.append(c == '\r' ? "\\r" : c == '\n' ? "\\n\n" : c < 32 || c > 126 ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
            return out + (bytes.length > 3000 ? "... (" + bytes.length + " bytes)" : "");
        }
    }

    private static final String[] METHODS = {"POST", "POST", "POST", "POST", "GET", "HEAD", "OPTIONS", "PUT", "DELETE",
            "PATCH", "TRACE", "CONNECT", "PROPFIND", "post", "PO ST", "", "P\u0000ST", "GÉT"};
    private static final String[] TARGETS = {"/", "/", "/", "/", "/other", "*", "http://localhost/", "", "//", "/?a=b",
            "/%00", "/%zz", "/q/health/live", "/q/health", "/q/elsewhere", "/\u00e9", "localhost:80", "/a/../.."};
    private static final String[] VERSIONS = {"HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.1", "HTTP/1.0", "HTTP/2.0",
            "HTTP/1.1x", "", "http/1.1", "HTTP/9.9", "HTTP/1"};
    private static final String[] BODIES = {"", "{}", "{\"payload\":\"fuzz\"}", "{\"payload\":\"text\"}", "[1,2]", "not json",
            "{\"payload\":", "{\"timeout\":-1}", "{\"env\":{\"GREETING_NAME\":\"fuzz\"}}", "\u0000\u0001\u0002", "{\"payload\":\"\u00e9\"}"};

    private final Random random;
    private final String key;

    EdgeFuzz(long seed, String key) {
        this.random = new Random(seed);
        this.key = key;
    }

    List<Case> cases(int count) {
        List<Case> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(next(i));
        }
        return cases;
    }

    private Case next(int index) {
        if (random.nextInt(20) == 0) {
            return new Case(index, noise(), List.of(false));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Boolean> heads = new ArrayList<>();
        for (int requests = random.nextInt(10) == 0 ? 2 : 1; requests > 0; requests--) { // sometimes pipelined
            String method = pick(METHODS);
            request(out, method);
            heads.add(method.equals("HEAD"));
        }
        return new Case(index, out.toByteArray(), heads);
    }

    private void request(ByteArrayOutputStream out, String method) {
        String eol = random.nextInt(15) == 0 ? "\n" : "\r\n";
        String target = random.nextInt(40) == 0 ? "/" + "a".repeat(5000 + random.nextInt(3000)) : pick(TARGETS);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(' ').append(pick(VERSIONS)).append(eol);
        if (random.nextInt(10) != 0) {
            head.append(random.nextBoolean() ? "Host: localhost" : "host:localhost:3000").append(eol);
        }
        int challenge = random.nextInt(10);
        if (challenge < 6) {
            head.append("x-internal-challenge: ").append(key).append(eol);
        } else if (challenge < 8) {
            head.append("X-Internal-Challenge: ").append(key, 0, key.length() - 1).append(eol);
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            head.append(header()).append(eol);
        }
        byte[] body = pick(BODIES).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(15) == 0) {
            body = bytes(1 + random.nextInt(20_000));
        }
        int framing = random.nextInt(12);
        byte[] payload;
        if (framing < 5) { // exact length
            head.append("Content-Length: ").append(body.length).append(eol);
            payload = body;
        } else if (framing < 8) { // chunked, well formed
            head.append("Transfer-Encoding: chunked").append(eol);
            payload = chunked(body, eol, false);
        } else if (framing == 8) { // chunked, broken
            head.append("Transfer-Encoding: chunked").append(eol);
            payload = chunked(body, eol, true);
        } else if (framing == 9) { // a length that lies
            head.append("Content-Length: ").append(Math.max(0, body.length + random.nextInt(21) - 10)).append(eol);
            payload = body;
        } else if (framing == 10) { // both
            head.append("Content-Length: ").append(body.length).append(eol).append("Transfer-Encoding: chunked").append(eol);
            payload = chunked(body, eol, false);
        } else { // none at all
            payload = random.nextBoolean() ? body : new byte[0];
        }
        head.append(eol);
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(payload);
    }

    private String header() {
        return switch (random.nextInt(14)) {
            case 0 -> "Content-Type: application/x-www-form-urlencoded";
            case 1 -> "Content-Type: multipart/form-data; boundary=x";
            case 2 -> "Expect: 100-continue";
            case 3 -> "Connection: close";
            case 4 -> "Transfer-Encoding: gzip";
            case 5 -> "Content-Length: " + (random.nextBoolean() ? "-1" : "99999999999999999999");
            case 6 -> "Bad Header: space in the name";
            case 7 -> "NoColon";
            case 8 -> "X-Long: " + "v".repeat(random.nextInt(30_000));
            case 9 -> "X-Ctl: a\u0000b";
            case 10 -> "X-Fold: a\r\n folded";
            case 11 -> "Accept: image/png";
            case 12 -> "Content-Encoding: gzip";
            default -> "X-" + random.nextInt(1000) + ": " + random.nextInt();
        };
    }

    private byte[] chunked(byte[] body, String eol, boolean broken) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int size = Math.min(body.length - at, 1 + random.nextInt(64));
            out.writeBytes((Integer.toHexString(size) + (random.nextInt(5) == 0 ? ";x=y" : "") + eol).getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, size);
            out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
            at += size;
        }
        String end = "0" + eol + eol;
        if (broken) {
            end = switch (random.nextInt(5)) {
                case 0 -> "zz" + eol;
                case 1 -> "-5" + eol + "abc" + eol;
                case 2 -> "ffffffffffffffff" + eol;
                case 3 -> "5" + eol + "abcdefgh" + eol + end;
                default -> "3" + eol + "ab";
            };
        }
        out.writeBytes(end.getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private byte[] noise() {
        byte[] bytes = bytes(1 + random.nextInt(3000));
        if (random.nextBoolean()) {
            bytes[bytes.length - 1] = '\n';
        }
        return bytes;
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
