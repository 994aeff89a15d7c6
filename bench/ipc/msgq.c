/* The physical baseline for bench/ipc: the same msgsnd/msgrcv loop as the C# queue, between two processes.
 * usage: msgq send|recv KEY COUNT SIZE WARMUP
 * The sender stamps each message with CLOCK_MONOTONIC (the clock .NET's Stopwatch reads on Linux); the receiver
 * prints one line: rate (messages/s after the warm-up) and latency percentiles in microseconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/msg.h>

struct message { long type; unsigned char payload[8192]; };

static long long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int compare(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: msgq send|recv KEY COUNT SIZE WARMUP\n"); return 64; }
    int key = atoi(argv[2]); long count = atol(argv[3]); int size = atoi(argv[4]); long warmup = atol(argv[5]);
    int id = msgget(key, IPC_CREAT | 0600);
    if (id < 0) { perror("msgget"); return 1; }
    static struct message m;
    memset(&m, 0, sizeof m);
    m.type = 1;
    if (strcmp(argv[1], "send") == 0) {
        for (long i = 0; i < count; i++) {
            long long t = now_ns();
            memcpy(m.payload, &t, sizeof t);
            while (msgsnd(id, &m, size, 0) < 0) { perror("msgsnd"); return 1; }
        }
        return 0;
    }
    long long *latency = malloc(sizeof(long long) * count);
    long long start = 0;
    for (long i = 0; i < count; i++) {
        if (msgrcv(id, &m, sizeof m.payload, 0, 0) < 0) { perror("msgrcv"); return 1; }
        long long t = now_ns(), sent;
        memcpy(&sent, m.payload, sizeof sent);
        latency[i] = t - sent;
        if (i == warmup) start = t;
    }
    long long elapsed = now_ns() - start;
    msgctl(id, IPC_RMID, NULL);
    long measured = count - warmup;
    qsort(latency + warmup, measured, sizeof(long long), compare);
    printf("rate=%.0f p50_us=%.1f p99_us=%.1f p999_us=%.1f\n", measured / (elapsed / 1e9),
           latency[warmup + measured / 2] / 1e3, latency[warmup + measured * 99 / 100] / 1e3,
           latency[warmup + measured * 999 / 1000] / 1e3);
    return 0;
}
