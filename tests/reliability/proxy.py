"""A loopback TCP proxy that can cut its connections after N bytes from the server (fault injection)."""

from __future__ import annotations

import socket
import threading

from followup.devserver import free_port


class CuttingProxy:
    """Forwards 127.0.0.1:<port> to the target. ``cut_after(n)`` arms it: the connection in which the
    server has sent ``n`` bytes is torn down (both sides) mid-stream, once; later connections pass."""

    def __init__(self, target_port: int, host: str = "127.0.0.1") -> None:
        self.target = (host, target_port)
        self.port = free_port()
        self._listener = socket.create_server((host, self.port))
        self._armed: int | None = None
        self._lock = threading.Lock()
        self.cuts = 0
        self.connections = 0
        self._open: list[socket.socket] = []
        self._stop = False
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_after(self, server_bytes: int) -> None:
        with self._lock:
            self._armed = server_bytes

    def close(self) -> None:
        self._stop = True
        self._listener.close()
        for s in list(self._open):
            _close(s)

    def _accept(self) -> None:
        while not self._stop:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            self.connections += 1
            self._open += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, True), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket, from_server: bool) -> None:
        sent = 0
        while True:
            try:
                data = src.recv(16384)
            except OSError:
                break
            if not data:
                break
            if from_server:
                with self._lock:
                    limit = self._armed
                if limit is not None and sent + len(data) >= limit:
                    with self._lock:
                        self._armed = None
                        self.cuts += 1
                    try:
                        dst.sendall(data[: max(0, limit - sent)])
                    except OSError:
                        pass
                    break
                sent += len(data)
            try:
                dst.sendall(data)
            except OSError:
                break
        _close(src)
        _close(dst)


def _close(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    s.close()
