package io.openruntimes.quarkus.edge;

/** Byte counts as people read them in a message: "20 MiB", "8 KiB", "4096 bytes". */
public final class Sizes {

    private Sizes() {
    }

    public static String describe(long bytes) {
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes > 0 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
