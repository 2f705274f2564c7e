package io.openruntimes.quarkus.edge;

/** The wire protocols the runtime speaks; a process speaks the one its start script chose. */
public enum Protocol {
    /** {@code POST /} with a JSON execution and {@code x-internal-challenge}: start.sh. */
    CLASSIC,
    /** Today's Open Runtimes executors: any method and path, {@code x-open-runtimes-*}: helpers/start.sh. */
    V5
}
