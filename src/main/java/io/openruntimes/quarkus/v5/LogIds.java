package io.openruntimes.quarkus.v5;

/** Which log ids (contract-v5 4.7) may become a file name; fresh ones are ExecutionIds'. */
final class LogIds {

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
}
