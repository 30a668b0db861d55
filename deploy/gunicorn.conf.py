"""Gunicorn settings for one app instance (`gunicorn -c deploy/gunicorn.conf.py recs.wsgi`).

The bind address comes from the command line (`--bind 127.0.0.1:8001`) or GUNICORN_CMD_ARGS.
"""

import os

wsgi_app = "recs.wsgi:application"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# A request never takes this long (the database and mail have shorter timeouts);
# a worker stuck past it is replaced, and nginx shows the bilingual 503 page.
timeout = 30
graceful_timeout = 20
# Recycle workers now and then so that no slow leak grows without bound.
max_requests = 2000
max_requests_jitter = 200
# Logs go to standard error, where systemd's journal (or the terminal) collects them.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'
# Only nginx, on this host, says how the visitor came in (X-Forwarded-Proto).
forwarded_allow_ips = "127.0.0.1,::1"
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Instances are managed by systemd (or `make serve`), not through gunicorn's control socket.
control_socket_disable = True
