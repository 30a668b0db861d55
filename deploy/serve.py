"""`make serve`: on this machine, the stack a server runs (see README, "Deploying").

Two gunicorn app instances with production settings behind nginx, sharing PostgreSQL
and Redis, plus the mail worker. Ctrl-C (or SIGTERM) stops everything it started.

    PORT          where nginx listens (default 8080); the instances use PORT+1 and PORT+2
    DATABASE_URL  default postgres://postgres@127.0.0.1:5432/recs (created when missing)
    REDIS_URL     default redis://127.0.0.1:6379/0
    RUN_DIR       nginx's configuration, pid and temporary files (default var/serve)
"""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")

NGINX_CONF = """\
{user}
worker_processes 1;
daemon off;
pid {run}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path {run}/tmp/body;
    proxy_temp_path {run}/tmp/proxy;
    fastcgi_temp_path {run}/tmp/fastcgi;
    uwsgi_temp_path {run}/tmp/uwsgi;
    scgi_temp_path {run}/tmp/scgi;
    upstream recs_app {{
{upstreams}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        server_name _;
        set $recs_root {root};
        set $recs_media_root {media};
        include {root}/deploy/nginx/recs-locations.conf;
    }}
}}
"""


class Stop(Exception):
    pass


def production_environment(port):
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "recs.settings.prod"
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/recs")
    env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    # Plain HTTP on this machine; on a server nginx terminates TLS and HTTPS stays on.
    env.setdefault("HTTPS", "false")
    env.setdefault("MEDIA_ROOT", str(ROOT / "media"))
    env.setdefault("STATIC_ROOT", str(ROOT / "staticfiles"))
    if not env.get("SECRET_KEY"):
        # A key of this machine's own, kept so that sessions survive a restart.
        key_file = ROOT / "var" / "secret_key"
        if not key_file.exists():
            key_file.parent.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_urlsafe(50))
            key_file.chmod(0o600)
        env["SECRET_KEY"] = key_file.read_text().strip()
    return env


def redis_answers(url):
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


def manage(env, *args):
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True)


def write_nginx_conf(run_dir, port, app_ports, media_root):
    for part in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (run_dir / "tmp" / part).mkdir(parents=True, exist_ok=True)
    conf = run_dir / "nginx.conf"
    conf.write_text(
        NGINX_CONF.format(
            # nginx started by root hands its workers to "nobody", who may not read the project.
            user="user root;" if os.geteuid() == 0 else "",
            run=run_dir,
            port=port,
            upstreams="\n".join(
                f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in app_ports
            ),
            root=ROOT,
            media=Path(media_root).resolve(),
        )
    )
    return conf


def wait_until_ready(port, processes, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if any(process.poll() is not None for process in processes):
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


def main():
    port = int(os.environ.get("PORT", "8080"))
    app_ports = [port + 1, port + 2]
    run_dir = Path(os.environ.get("RUN_DIR") or ROOT / "var" / "serve").resolve()
    env = production_environment(port)

    def stop(signum, frame):
        raise Stop

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)

    if not redis_answers(env["REDIS_URL"]):
        sys.exit(f"Redis does not answer at {env['REDIS_URL']}: start it (see README) or set REDIS_URL.")
    processes = []
    try:
        manage(env, "create_database")
        manage(env, "migrate", "--noinput")
        manage(env, "load_seed")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        gunicorn = [BIN / "gunicorn", "-c", "deploy/gunicorn.conf.py"]
        for app_port in app_ports:
            processes.append(
                subprocess.Popen([*gunicorn, "--bind", f"127.0.0.1:{app_port}"], cwd=ROOT, env=env)
            )
        processes.append(
            subprocess.Popen([BIN / "python", "manage.py", "run_mail_worker"], cwd=ROOT, env=env)
        )
        conf = write_nginx_conf(run_dir, port, app_ports, env["MEDIA_ROOT"])
        processes.append(subprocess.Popen([NGINX, "-e", "stderr", "-p", run_dir, "-c", conf], cwd=ROOT))
        if not wait_until_ready(port, processes):
            sys.exit("The stack did not become ready; see the messages above.")
        print(f"Serving on http://127.0.0.1:{port}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
        # Run until stopped, or until one of the parts ends (then stop the others too).
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)
        sys.exit("A part of the stack stopped; stopping the rest.")
    except (Stop, KeyboardInterrupt):
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=25)
            except subprocess.TimeoutExpired:
                process.kill()
        print("Stopped.", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
