"""A TCP relay in front of a real server that can make it look refused or hung."""

import socket
import threading


class FlakyRelay:
    """Relays 127.0.0.1:port to a real server; `mode` makes the server seem
    "up" (relayed), "refused" (nothing listens) or "hung" (connections are accepted,
    then never answered). Changing the mode drops the open connections, as a
    server restart or a network cut would."""

    def __init__(self, target_port, target_host="127.0.0.1"):
        self.target = (target_host, target_port)
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.mode = None
        self.listener = None
        self.open_sockets = set()
        self.lock = threading.Lock()
        self.set_mode("up")

    def set_mode(self, mode):
        with self.lock:
            self.mode = mode
            for sock in self.open_sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self.open_sockets.clear()
            if mode == "refused":
                if self.listener is not None:
                    # shutdown() wakes the thread blocked in accept(); close() alone would not.
                    try:
                        self.listener.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    self.listener.close()
                    self.listener = None
            elif self.listener is None:
                self.listener = socket.socket()
                self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                self.listener.bind(("127.0.0.1", self.port))
                self.listener.listen(64)
                threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # the listener was closed
            with self.lock:
                if self.mode == "refused":
                    client.close()
                    return
                self.open_sockets.add(client)
                if self.mode == "hung":
                    continue  # hold it open, never answer
            try:
                server = socket.create_connection(self.target, timeout=5)
                server.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.open_sockets.add(server)
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self):
        self.set_mode("refused")
