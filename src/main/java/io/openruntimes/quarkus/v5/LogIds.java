package io.openruntimes.quarkus.v5;

import java.util.concurrent.ThreadLocalRandom;

/** The log id of an execution (contract-v5 4.7), and which ids may become a file name. */
final class LogIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogIds() {
    }

    /**
     * Whether {@code id} is safe as the start of a file name in the logs folder: only
     * {@code [A-Za-z0-9_.-]}, no {@code ..}, so it cannot leave the folder.
     */
    static boolean safe(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '.' && (i + 1 == id.length() || id.charAt(i + 1) != '.');
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /**
     * A fresh 20-digit lower-hex id, as upstream makes them: 8 digits of epoch seconds, 5 of the
     * microsecond clock mod 1000, 7 random.
     */
    static String fresh() {
        long micros = System.currentTimeMillis() * 1000 + Math.floorMod(System.nanoTime() / 1000, 1000);
        char[] id = new char[20];
        hex(id, 0, 8, micros / 1_000_000);
        hex(id, 8, 5, micros % 1000);
        hex(id, 13, 7, ThreadLocalRandom.current().nextInt(1 << 28));
        return new String(id);
    }

    private static void hex(char[] into, int from, int digits, long value) {
        for (int i = from + digits - 1; i >= from; i--) {
            into[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
