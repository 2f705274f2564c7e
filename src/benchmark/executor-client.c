// The executor's side of an execution, as Open Runtimes' executor (0.27) makes it with PHP's curl:
// a new connection, one HTTP/1.1 request with its four headers and no "Connection: close", the
// whole answer read, the execution's two log files read and deleted, then the connection closed
// by the client (curl's handle is dropped). wrk cannot do that: it only connects again when the
// answer says "close", which makes the server close first, and the closing side pays for it.
//
//   executor-client HOST PORT CONNECTIONS SECONDS SECRET LOGGING [LOGS_DIR] [keep-alive]
//
// CONNECTIONS threads, each one execution at a time. Prints "req/s p50(ms) p99(ms) non-2xx". With
// "keep-alive" last, each thread keeps one connection instead (the same client, for a like-for-like
// comparison).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static struct sockaddr_in server;
static char request[1024];
static int request_length;
static const char *logs_dir;
static int keep_alive;
static atomic_int running = 1;

#define BUCKETS 100000 // latency histogram, 10 µs a bucket, up to 1 s
static atomic_long histogram[BUCKETS];
static atomic_long answered, failed;

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static int open_connection(void) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on); // as curl does
    // A server that stops answering fails the execution after 10 s instead of hanging the run.
    struct timeval patience = {.tv_sec = 10};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
    if (connect(fd, (struct sockaddr *) &server, sizeof server) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static void collect_logs(const char *id) {
    static const char *kinds[] = {"_logs.log", "_errors.log"};
    char path[512], buffer[4096];
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof path, "%s/%s%s", logs_dir, id, kinds[i]);
        FILE *file = fopen(path, "rb");
        if (!file) continue;
        while (fread(buffer, 1, sizeof buffer, file) > 0) {}
        fclose(file);
        unlink(path);
    }
}

// One execution on fd: the request, then the answer up to its last byte (Content-Length framing,
// as the runtime answers this function). Returns the status, or -1 if the connection failed.
static int execute(int fd) {
    char answer[16384];
    if (write(fd, request, request_length) != request_length) return -1;
    int have = 0;
    char *end = NULL;
    while (!end) {
        int n = read(fd, answer + have, sizeof answer - 1 - have);
        if (n <= 0) return -1;
        have += n;
        answer[have] = 0;
        end = strstr(answer, "\r\n\r\n");
    }
    long length = 0;
    char id[256] = "";
    for (char *line = strstr(answer, "\r\n") + 2; line < end; line = strstr(line, "\r\n") + 2) {
        if (strncasecmp(line, "content-length:", 15) == 0) length = atol(line + 15);
        if (strncasecmp(line, "x-open-runtimes-log-id:", 23) == 0) sscanf(line + 23, " %255[^\r]", id);
    }
    long body = have - (end + 4 - answer);
    while (body < length) {
        int n = read(fd, answer, sizeof answer);
        if (n <= 0) return -1;
        body += n;
    }
    if (logs_dir && id[0]) collect_logs(id);
    return atoi(answer + 9);
}

static void *executor(void *unused) {
    (void) unused;
    int fd = -1;
    while (atomic_load(&running)) {
        long start = now_ns();
        if (fd < 0) fd = open_connection();
        int status = fd < 0 ? -1 : execute(fd);
        if (!keep_alive || status < 0) {
            if (fd >= 0) close(fd);
            fd = -1;
        }
        long bucket = (now_ns() - start) / 10000;
        atomic_fetch_add(&histogram[bucket < BUCKETS ? bucket : BUCKETS - 1], 1);
        atomic_fetch_add(status >= 200 && status < 300 ? &answered : &failed, 1);
    }
    if (fd >= 0) close(fd);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 7) {
        fprintf(stderr, "usage: %s HOST PORT CONNECTIONS SECONDS SECRET LOGGING [LOGS_DIR] [keep-alive]\n", argv[0]);
        return 2;
    }
    server.sin_family = AF_INET;
    server.sin_port = htons(atoi(argv[2]));
    inet_pton(AF_INET, argv[1], &server.sin_addr);
    int connections = atoi(argv[3]), seconds = atoi(argv[4]);
    const char *secret = argv[5], *logging = argv[6];
    logs_dir = argc > 7 && argv[7][0] ? argv[7] : NULL;
    keep_alive = argc > 8 && strcmp(argv[8], "keep-alive") == 0;

    char basic[256], credentials[200];
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    int length = snprintf(credentials, sizeof credentials, "opr:%s", secret), out = 0;
    for (int i = 0; i < length; i += 3) { // base64, for the Authorization header
        unsigned v = (unsigned char) credentials[i] << 16;
        if (i + 1 < length) v |= (unsigned char) credentials[i + 1] << 8;
        if (i + 2 < length) v |= (unsigned char) credentials[i + 2];
        basic[out++] = alphabet[(v >> 18) & 63];
        basic[out++] = alphabet[(v >> 12) & 63];
        basic[out++] = i + 1 < length ? alphabet[(v >> 6) & 63] : '=';
        basic[out++] = i + 2 < length ? alphabet[v & 63] : '=';
    }
    basic[out] = 0;
    request_length = snprintf(request, sizeof request,
        "GET / HTTP/1.1\r\nHost: %s:%s\r\nAccept: */*\r\nx-open-runtimes-logging: %s\r\n"
        "Authorization: Basic %s\r\nx-open-runtimes-secret: %s\r\nx-open-runtimes-timeout: 30\r\n\r\n",
        argv[1], argv[2], logging, basic, secret);

    pthread_t threads[256];
    for (int i = 0; i < connections && i < 256; i++) pthread_create(&threads[i], NULL, executor, NULL);
    sleep(seconds);
    atomic_store(&running, 0);
    for (int i = 0; i < connections && i < 256; i++) pthread_join(threads[i], NULL);

    long total = answered + failed, seen = 0, p50 = -1, p99 = -1;
    for (long b = 0; b < BUCKETS && p99 < 0; b++) {
        seen += histogram[b];
        if (p50 < 0 && seen * 2 >= total) p50 = b;
        if (seen * 100 >= total * 99) p99 = b;
    }
    printf("%.0f %.2f %.2f %ld\n", (double) answered / seconds, p50 / 100.0, p99 / 100.0, (long) failed);
    return 0;
}
