"""The apps' dependencies point one way: library ← cities ← events, pressreview ← site-wide."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
#: Each app, and what it may import (besides Django and third-party packages).
ALLOWED = {
    "recs.common": set(),
    "recs.pages": {"recs.common"},
    "recs.mailinglist": {"recs.common"},
    "cities": {"recs.common"},
    "events": {"recs.common", "cities"},
    "pressreview": {"recs.common", "cities", "events"},
    "recs.publications": {"recs.common", "cities", "events"},
    "recs.newsletter": {
        "recs.common",
        "recs.mailinglist",
        "cities",
        "events",
        "pressreview",
        "recs.publications",
    },
    "recs.site": {
        "recs.common",
        "recs.pages",
        "cities",
        "events",
        "pressreview",
        "recs.publications",
        "recs.newsletter",
    },
}


def app_of(module):
    for app in sorted(ALLOWED, key=len, reverse=True):
        if module == app or module.startswith(app + "."):
            return app
    if module == "recs" or module.startswith("recs."):
        return "recs"  # the project's configuration
    return None


def imports_of(app):
    folder = ROOT.joinpath(*app.split("."))
    found = {}
    for path in folder.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                    names = [f"{base}.{node.module}" if node.module else base]
                else:
                    names = [node.module]
            else:
                continue
            for name in names:
                other = app_of(name)
                if other and other != app:
                    found.setdefault(other, []).append(str(path.relative_to(ROOT)))
    return found


def test_each_app_imports_only_the_apps_below_it():
    for app, allowed in ALLOWED.items():
        imported = imports_of(app)
        unexpected = {other: files for other, files in imported.items() if other not in allowed}
        assert not unexpected, f"{app} imports {unexpected}"


def test_the_allowed_dependencies_have_no_cycle():
    def reaches(start, target, seen=()):
        return any(
            other == target or (other not in seen and reaches(other, target, (*seen, other)))
            for other in ALLOWED[start]
        )

    assert not [app for app in ALLOWED if reaches(app, app)]
