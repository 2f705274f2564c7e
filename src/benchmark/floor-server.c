// The kernel's floor for an HTTP execution: one thread, epoll, a fixed answer of the bench
// function's size to every request, keep-alive honoured, and nothing else (no parsing beyond the
// blank line that ends a request's head and the logging header, no body). What it costs in CPU per
// execution is what Linux alone costs, for a connection and for a request: a bound no server on
// the kernel's TCP can go under (docs/performance.md).
//
// With LOGS_DIR, a request with "x-open-runtimes-logging: enabled" also gets the contract's two
// log files, created empty there under a new id its answer names (as the runtime does for a
// function that logs nothing): the floor of per-execution logging too.
//
//   floor-server PORT [LOGS_DIR]
#define _GNU_SOURCE
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

static const char ANSWER[] =
    "HTTP/1.1 200 OK\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: 2\r\n"
    "x-open-runtimes-log-id: %019lu\r\n\r\nOK";

static const char *logs_dir;
static unsigned long executions;

// One execution's answer into answer; with logging asked for, its two files made first.
static int execute(const char *head, char *answer, size_t size) {
    unsigned long id = ++executions;
    if (logs_dir && strcasestr(head, "x-open-runtimes-logging: enabled")) {
        static const char *kinds[] = {"_logs.log", "_errors.log"};
        char path[512];
        for (int i = 0; i < 2; i++) {
            snprintf(path, sizeof path, "%s/%019lu%s", logs_dir, id, kinds[i]);
            int file = open(path, O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0644);
            if (file >= 0) close(file);
        }
    }
    return snprintf(answer, size, ANSWER, id);
}

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 3000, on = 1;
    logs_dir = argc > 2 ? argv[2] : NULL;
    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    if (bind(listener, (struct sockaddr *) &address, sizeof address) || listen(listener, 1024)) {
        perror("floor-server");
        return 1;
    }
    int poll = epoll_create1(0);
    struct epoll_event event = {.events = EPOLLIN, .data.fd = listener}, ready[64];
    epoll_ctl(poll, EPOLL_CTL_ADD, listener, &event);
    char buffer[8192], answer[256];
    for (;;) {
        int n = epoll_wait(poll, ready, 64, -1);
        for (int i = 0; i < n; i++) {
            int fd = ready[i].data.fd;
            if (fd == listener) {
                int connection;
                while ((connection = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(connection, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
                    event.events = EPOLLIN;
                    event.data.fd = connection;
                    epoll_ctl(poll, EPOLL_CTL_ADD, connection, &event);
                }
                continue;
            }
            int got = read(fd, buffer, sizeof buffer - 1);
            if (got <= 0) {
                close(fd); // the client closed first, as the executor does
                continue;
            }
            buffer[got] = 0;
            // One answer per request head in what arrived (the bench's requests have no body).
            for (char *head = buffer, *end; (end = strstr(head, "\r\n\r\n")); head = end + 4) {
                *end = 0;
                int length = execute(head, answer, sizeof answer);
                if (write(fd, answer, length) < 0) break;
            }
        }
    }
}
