# _socket, select and asyncio against CPython: socketpair I/O, select/poll/
# epoll readiness, a TCP loopback connection, the constants and helpers of
# _socket, and asyncio (gather, tasks, timeouts, async generators, aiter/anext,
# TaskGroup/ExceptionGroup, streams over a real socket).
import asyncio
import errno
import select
import selectors
import signal
import socket
import sys

# --- socketpair, blocking and non-blocking I/O
a, b = socket.socketpair()
print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.proto)
print(a.gettimeout(), a.getblocking(), repr(a.getsockname()))
a.sendall(b"hello world")
print(b.recv(5), b.recv(100))
buf = bytearray(8)
a.send(b"xyz")
print(b.recv_into(buf), bytes(buf))
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == errno.EAGAIN)
b.settimeout(0.05)
try:
    b.recv(10)
except socket.timeout as e:
    print("timeout", type(e).__name__, e)
b.settimeout(None)

# --- select, poll, epoll, selectors
print(select.select([b], [], [], 0))
r, w, x = select.select([b], [a], [], 1.0)
print(r == [], w == [a], x)
a.send(b"!")
r, w, x = select.select([b], [], [], 1.0)
print(r == [b])
p = select.poll()
p.register(b, select.POLLIN)
print(p.poll(0) == [(b.fileno(), select.POLLIN)])
p.modify(b, select.POLLOUT)
print(p.poll(0) == [(b.fileno(), select.POLLOUT)])
p.unregister(b)
print(p.poll(0))
print(b.recv(1))
with select.epoll() as ep:
    ep.register(b.fileno(), select.EPOLLIN)
    print(ep.poll(0))
    a.send(b"e")
    print(ep.poll(1) == [(b.fileno(), select.EPOLLIN)])
    ep.unregister(b.fileno())
    print(ep.closed)
print(ep.closed)
try:
    ep.poll(0)
except ValueError as e:
    print("ValueError", e)
print(b.recv(1))
sel = selectors.DefaultSelector()
print(type(sel).__name__)
sel.register(b, selectors.EVENT_READ, "data-b")
a.send(b"s")
for key, events in sel.select(1):
    print(key.data, events == selectors.EVENT_READ, key.fileobj is b)
sel.close()
print(b.recv(1))
a.close()
print(b.recv(10))  # end of stream
b.close()
print(a.fileno(), b.fileno())
try:
    a.send(b"x")
except OSError as e:
    print("OSError", e.errno == errno.EBADF)

# --- TCP over loopback
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, 0 < port < 65536)
cli = socket.create_connection((host, port))
conn, addr = srv.accept()
print(addr[0], conn.getpeername() == cli.getsockname())
cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
cli.sendall(b"ping")
print(conn.recv(4))
conn.shutdown(socket.SHUT_WR)
print(cli.recv(4))
print(cli.connect_ex(("127.0.0.1", port)) != 0)
for s in (cli, conn, srv):
    s.close()
try:
    socket.socket().connect(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("refused", e.errno == errno.ECONNREFUSED)
try:
    srv.bind(("127.0.0.1", 70000))
except OverflowError as e:
    print("OverflowError", e)

# --- module helpers and constants
print(socket.inet_aton("127.1"), socket.inet_ntoa(b"\x0a\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
try:
    socket.inet_aton("1.2.3.256")
except OSError as e:
    print("OSError", e)
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "8080", type=socket.SOCK_DGRAM))
try:
    socket.getaddrinfo("no such host.invalid", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror", e.errno == socket.EAI_NONAME, issubclass(socket.gaierror, OSError))
print(socket.gethostname() == __import__("os").uname().nodename)
print(socket.getdefaulttimeout(), socket.error is OSError, socket.timeout is TimeoutError)
print(socket.herror.__module__, socket.gaierror.__mro__[1].__name__)
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_NONBLOCK, socket.SOCK_CLOEXEC)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.SO_ERROR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.MSG_PEEK, socket.SHUT_RDWR, socket.AI_PASSIVE, socket.NI_NUMERICHOST, socket.SOMAXCONN)
print(select.POLLIN, select.POLLOUT, select.EPOLLIN, select.EPOLLET, select.EPOLLRDHUP)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler, signal.NSIG)
print(signal.getsignal(signal.SIGTERM), signal.SIGRTMIN, len(signal.valid_signals()))
old = signal.signal(signal.SIGUSR1, lambda *a: None)
print(old, signal.getsignal(signal.SIGUSR1) is not old)
def on_usr1(n, frame):
    print("handler", signal.Signals(n).name, frame.f_code.co_name)
def raiser():
    signal.raise_signal(signal.SIGUSR1)
signal.signal(signal.SIGUSR1, on_usr1)
raiser()
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR1)
signal.siginterrupt(signal.SIGUSR1, False)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
signal.raise_signal(signal.SIGCHLD)  # default action: ignored
print(signal.strsignal(signal.SIGTERM), signal.strsignal(signal.SIGKILL))

# --- the network database files
print(socket.getservbyname("http"), socket.getservbyname("domain", "udp"))
print(socket.getservbyport(443), socket.getservbyport(53, "udp"), socket.getprotobyname("udp"))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(("::1", 53, 0, 0), socket.NI_NUMERICHOST | socket.NI_DGRAM))

# --- error messages
def attempt(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)

t = socket.socket()
attempt(lambda: t.bind("x"))
attempt(lambda: t.bind(("127.0.0.1",)))
attempt(lambda: t.bind((1, 2)))
attempt(lambda: t.settimeout(-1))
attempt(lambda: t.settimeout("x"))
attempt(lambda: t.setsockopt(socket.SOL_SOCKET, 12345, 1))
t.close()
attempt(lambda: t.send(b"x"))
attempt(lambda: socket.getaddrinfo(None, None))
attempt(lambda: socket.getaddrinfo("127.0.0.1", "http"))
attempt(lambda: socket.getaddrinfo("127.0.0.1", "domain", socket.AF_INET))
attempt(lambda: socket.getaddrinfo("127.0.0.1", "http", type=socket.SOCK_DGRAM))
attempt(lambda: socket.inet_ntop(socket.AF_INET, b"123"))
attempt(lambda: socket.htons(70000))
attempt(lambda: select.select([object()], [], [], 0))
attempt(lambda: select.select([], [], [], -1))
attempt(lambda: select.poll().unregister(5))
attempt(lambda: socket.socket(fileno=12345))
attempt(lambda: socket.getservbyname("no-such-service"))
attempt(lambda: socket.getservbyport(70000))
attempt(lambda: socket.getprotobyname("no-such-protocol"))

# --- asyncio
async def worker(name, delay, log):
    await asyncio.sleep(delay)
    log.append(name)
    return name.upper()

async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)

async def fails(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()

async def main():
    log = []
    print(await asyncio.gather(worker("a", 0.02, log), worker("b", 0.01, log), worker("c", 0, log)))
    print(log)
    t = asyncio.create_task(worker("task", 0, log))
    print(await t, t.done(), t.result())
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout() expired")
    print([i async for i in ticker(3)])
    it = aiter(ticker(2))
    print(await anext(it), await anext(it), await anext(it, "end"))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fails("one"))
            tg.create_task(fails("two"))
            tg.create_task(worker("ok", 0, log))
    except* ValueError as eg:
        print(type(eg).__name__, sorted(str(e) for e in eg.exceptions))
    r = await asyncio.gather(fails("g"), worker("x", 0, log), return_exceptions=True)
    print([type(v).__name__ for v in r])
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())
    hooks = sys.get_asyncgen_hooks()
    print(hooks.firstiter is not None, hooks.finalizer is not None)
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"hello stream\n")
    print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    loop = asyncio.get_running_loop()
    r, w = socket.socketpair()
    r.setblocking(False)
    w.setblocking(False)
    await loop.sock_sendall(w, b"via loop")
    print(await loop.sock_recv(r, 100))
    r.close()
    w.close()
    return "done"

print(asyncio.run(main()))
print(sys.get_asyncgen_hooks())
