// System headers that Glibc's Swift overlay does not export, and small wrappers for
// the macros Swift cannot import. Nothing hotel-specific belongs here.
#ifndef HOTELLINE_CSYSTEM_H
#define HOTELLINE_CSYSTEM_H

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/file.h>
#include <sys/uio.h>
#include <signal.h>
#include <sys/socket.h>
#include <crypt.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>

static inline unsigned int csystem_epollin(void) { return EPOLLIN; }
static inline unsigned int csystem_epollout(void) { return EPOLLOUT; }
static inline unsigned int csystem_epollerr(void) { return EPOLLERR; }
static inline unsigned int csystem_epollhup(void) { return EPOLLHUP; }
static inline unsigned int csystem_epollrdhup(void) { return EPOLLRDHUP; }
static inline unsigned int csystem_epollet(void) { return EPOLLET; }

// accept4 is declared only under _GNU_SOURCE, which Swift's Glibc module does not set.
int accept4(int fd, struct sockaddr *address, socklen_t *length, int flags);
static inline int csystem_accept4(int fd, struct sockaddr *address, socklen_t *length, int flags) {
    return accept4(fd, address, length, flags);
}

// The bytes a TCP socket's send queue holds that the peer has not acknowledged, sent or not
// (SIOCOUTQ), or -1: ioctl is variadic, which Swift cannot call.
static inline int csystem_send_queue_bytes(int fd) {
    int bytes = 0;
    return ioctl(fd, SIOCOUTQ, &bytes) == 0 ? bytes : -1;
}

// CRC-32C with the CPU's own instruction (SSE4.2 on x86-64), which Swift cannot reach:
// the journal's checksum at memory speed. `csystem_crc32c_available` says whether this
// CPU has it; without it `csystem_crc32c` must not be called (Storage falls back to its
// table). `crc` is the running register value, already inverted by the caller.
int csystem_crc32c_available(void);
unsigned int csystem_crc32c(unsigned int crc, const void *bytes, unsigned long count);

#endif
