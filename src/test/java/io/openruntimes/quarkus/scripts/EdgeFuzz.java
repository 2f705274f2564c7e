package io.openruntimes.quarkus.scripts;

import static org.junit.jupiter.api.Assertions.fail;

import io.openruntimes.quarkus.RawHttp;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Seeded requests for the HTTP edge: mostly near-valid executions with one thing wrong or odd
 * (method, target, version, headers, framing, body, line endings), some plain noise, in either
 * protocol's {@link Dialect}. The same seed gives the same requests, so a failure can be replayed
 * with {@code -Dfuzz.seed=...}.
 */
public final class EdgeFuzz {

    /** What differs between the protocols: their methods, targets, bodies and credentials. */
    public interface Dialect {
        String[] methods();

        String[] targets();

        String[] bodies();

        /** Appends the request's credentials, right or wrong or none, and the protocol's own headers. */
        void credentials(StringBuilder head, String eol, Random random);

        /** Classic: mostly {@code POST /}, JSON executions, {@code x-internal-challenge}. */
        static Dialect classic(String key) {
            return new Dialect() {
                public String[] methods() {
                    return METHODS;
                }

                public String[] targets() {
                    return TARGETS;
                }

                public String[] bodies() {
                    return BODIES;
                }

                public void credentials(StringBuilder head, String eol, Random random) {
                    int challenge = random.nextInt(10);
                    if (challenge < 6) {
                        head.append("x-internal-challenge: ").append(key).append(eol);
                    } else if (challenge < 8) {
                        head.append("X-Internal-Challenge: ").append(key, 0, key.length() - 1).append(eol);
                    }
                }
            };
        }

        /**
         * v5: any method and path (the internal endpoints among them), {@code x-open-runtimes-secret},
         * and the executor's headers (timeout, logging, log id, Basic authorization), right or wrong.
         */
        static Dialect v5(String secret) {
            return new Dialect() {
                public String[] methods() {
                    return V5_METHODS;
                }

                public String[] targets() {
                    return V5_TARGETS;
                }

                public String[] bodies() {
                    return V5_BODIES;
                }

                public void credentials(StringBuilder head, String eol, Random random) {
                    int given = random.nextInt(10);
                    if (given < 6) {
                        head.append("x-open-runtimes-secret: ").append(secret).append(eol);
                    } else if (given < 8) {
                        head.append("X-Open-Runtimes-Secret: ").append(secret, 0, secret.length() - 1).append(eol);
                    } else if (given == 8) {
                        head.append("x-open-runtimes-secret: ").append(secret).append(eol)
                                .append("x-open-runtimes-secret: ").append(secret).append(eol);
                    }
                    if (random.nextBoolean()) {
                        head.append("authorization: Basic ").append(java.util.Base64.getEncoder()
                                .encodeToString(("opr:" + secret).getBytes(StandardCharsets.UTF_8))).append(eol);
                    }
                    if (random.nextInt(3) == 0) {
                        head.append("x-open-runtimes-timeout: ").append(pick(random, V5_TIMEOUTS)).append(eol);
                    }
                    if (random.nextInt(3) == 0) {
                        head.append("x-open-runtimes-logging: ").append(random.nextBoolean() ? "enabled" : "disabled").append(eol);
                    }
                    if (random.nextInt(3) == 0) {
                        head.append("x-open-runtimes-log-id: ").append(pick(random, V5_LOG_IDS)).append(eol);
                    }
                }
            };
        }
    }

    /** One connection's bytes, and which of its requests are HEADs (their answers have no body). */
    public record Case(int index, byte[] bytes, List<Boolean> heads) {
        public boolean head(int answer) {
            return answer < heads.size() && heads.get(answer);
        }

        public String printable() {
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

    private static final String[] V5_METHODS = {"GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS",
            "TRACE", "CONNECT", "PROPFIND", "get", "PO ST", "", "P\u0000ST", "GÉT"};
    private static final String[] V5_TARGETS = {"/", "/", "/text", "/echo", "/echo/a?b=c&d", "/status", "/send", "/binary",
            "/empty", "/redirect", "/__opr/health", "/__opr/timings", "/other", "*", "http://localhost/echo", "", "//",
            "/%00", "/%zz", "/\u00e9", "localhost:80", "/a/../.."};
    private static final String[] V5_BODIES = {"", "{}", "{\"a\":1}", "text", "[1,2]", "{\"a\":", "\u0000\u0001\u0002",
            "\u00e9"};
    private static final String[] V5_TIMEOUTS = {"5", "1", "0", "-1", "abc", "99999999999", " 7 "};
    private static final String[] V5_LOG_IDS = {"fuzz", "fuzz-1.log", "../escape", "a/b", "", "x".repeat(200), "..", "é"};

    private final Random random;
    private final Dialect dialect;

    public EdgeFuzz(long seed, Dialect dialect) {
        this.random = new Random(seed);
        this.dialect = dialect;
    }

    public List<Case> cases(int count) {
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
            String method = pick(dialect.methods());
            request(out, method);
            heads.add(method.equals("HEAD"));
        }
        return new Case(index, out.toByteArray(), heads);
    }

    private void request(ByteArrayOutputStream out, String method) {
        String eol = random.nextInt(15) == 0 ? "\n" : "\r\n";
        String target = random.nextInt(40) == 0 ? "/" + "a".repeat(5000 + random.nextInt(3000)) : pick(dialect.targets());
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(' ').append(pick(VERSIONS)).append(eol);
        if (random.nextInt(10) != 0) {
            head.append(random.nextBoolean() ? "Host: localhost" : "host:localhost:3000").append(eol);
        }
        dialect.credentials(head, eol, random);
        for (int i = random.nextInt(4); i > 0; i--) {
            head.append(header()).append(eol);
        }
        byte[] body = pick(dialect.bodies()).getBytes(StandardCharsets.UTF_8);
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
        return pick(random, values);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * Sends {@code -Dfuzz.requests} (3,000) seeded connections in {@code dialect} to {@code port},
     * four at a time, checking every answer; the seed ({@code -Dfuzz.seed}, else the clock's) is
     * printed under {@code label}, to replay a failure.
     */
    public static void run(String label, int port, Dialect dialect, Check check) throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int count = Integer.getInteger("fuzz.requests", 3000);
        System.out.println(label + ": " + count + " connections, seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        List<Case> cases = new EdgeFuzz(seed, dialect).cases(count);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        int answers = 0;
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Case fuzzed : cases) {
                results.add(pool.submit(() -> exchange(port, fuzzed, seed, check)));
            }
            for (Future<Integer> result : results) {
                answers += result.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("%s: %d connections, %d answers, %.1f s%n", label, count, answers, (System.nanoTime() - start) / 1e9);
    }

    /** Checks one answer of a fuzzed connection; {@code answers} counts it, from 1. */
    public interface Check {
        void answer(RawHttp.Answer answer, int answers, Case fuzzed, long seed);
    }

    /**
     * Sends one case to {@code port}, says it is done, and checks every answer until the server
     * closes; returns the answer count. No answer and no close within 10 s fails.
     */
    public static int exchange(int port, Case fuzzed, long seed, Check check) {
        int answers = 0;
        try (RawHttp http = new RawHttp(port, Duration.ofSeconds(10))) {
            try {
                http.send(fuzzed.bytes());
            } catch (UncheckedIOException hungUp) {
                // the server may refuse and close before all was sent: its answer is still to be read
            }
            http.finish();
            while (true) {
                RawHttp.Answer answer;
                try {
                    answer = http.read(fuzzed.head(answers));
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof java.net.SocketTimeoutException) {
                        fail("no answer and no close within 10 s (seed " + seed + ", case " + fuzzed.index() + "):\n" + fuzzed.printable());
                    }
                    return answers; // reset: closed
                }
                if (answer.status() == null) {
                    return answers; // closed
                }
                if (answer.status() < 200) {
                    continue; // 100 Continue: the answer to the same request is still to come
                }
                answers++;
                check.answer(answer, answers, fuzzed, seed);
                if ("close".equalsIgnoreCase(answer.header("connection"))) {
                    // The last answer on this connection. (After a HEAD that could not be parsed as one,
                    // its body follows the headers: it is not another answer.)
                    return answers;
                }
            }
        }
    }
}
