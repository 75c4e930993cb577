"""Graduasi's JupyterLab server: the app built in app/build, served by Debian's jupyterlab_server.

A subclass of jupyterlab_server's LabServerApp, as in JupyterLab's examples/app/main.py. It serves
the front end of app/build (webpack), offers only the project's kernel (jupyter/kernels/tslab,
found through JUPYTER_PATH), and adds what JupyterLab 4 expects of a newer jupyter_server than
Debian's 1.23: the identity API (/api/me) and the event bus (/api/events/subscribe), both stubs.
It also serves the built-in scenarios for the Graduasi panel (/graduasi/scenarios), a JSON file
written by app/lab.js at each start. Ctrl-C (or SIGTERM) stops it at once and shuts every kernel
down, one being started at that moment included.

A request for a kernel the lab does not offer (python3, say) is refused with 400 and the names of
those it has. The token never appears in the log: every `token=` value in a logged line (a request's
URL, its referer) is masked.

Start it through `npm run lab` (app/lab.js), which sets the Jupyter folders, the token (in a file
of mode 0600 named by JUPYTER_TOKEN_FILE, so that it is not on the command line for `ps` to show)
and the options below. Options of its own (besides jupyter_server's):

    --GraduasiLab.state_dir=DIR        user settings and workspaces (default app/.lab, git-ignored)
    --GraduasiLab.scenarios_file=FILE  the scenarios JSON the panel shows
"""
import asyncio
import json
import logging
import os
import re
import signal

from jupyter_server.base.handlers import APIHandler, JupyterHandler
from jupyter_server.base.zmqhandlers import WebSocketMixin
from jupyter_server.serverapp import ServerApp
from jupyter_server.services.sessions.handlers import SessionRootHandler
from jupyterlab_server import LabServerApp
from tornado import web, websocket
from traitlets import Unicode, default

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = os.path.join(HERE, "build")

os.environ["JUPYTER_NO_CONFIG"] = "1"  # no jupyter_server_config from the user's folders


class MeHandler(APIHandler):
    """The identity API of jupyter_server 2 (JupyterLab's UserManager asks it): one local user."""

    @web.authenticated
    def get(self):
        self.finish(
            json.dumps(
                {
                    "identity": {
                        "username": "planner",
                        "name": "Planner",
                        "display_name": "Planner",
                        "initials": "P",
                        "avatar_url": None,
                        "color": None,
                    },
                    "permissions": {},
                }
            )
        )


class EventsHandler(WebSocketMixin, websocket.WebSocketHandler, JupyterHandler):
    """The event bus of jupyter_server 2: accepts the subscription and sends nothing (without it
    JupyterLab retries every second or two)."""

    def get(self, *args, **kwargs):
        if self.current_user is None:
            raise web.HTTPError(403)
        return super().get(*args, **kwargs)

    def on_message(self, message):
        pass


class ScenariosHandler(APIHandler):
    """The built-in scenarios with their parameters, units and sources, for the Graduasi panel."""

    @web.authenticated
    def get(self):
        path = self.settings["graduasi_scenarios_file"]
        if not path or not os.path.exists(path):
            raise web.HTTPError(404, "no scenarios file: start the lab with npm run lab")
        with open(path, encoding="utf-8") as f:
            self.finish(f.read())


# The value of a token in a URL, plain or percent-encoded (in a login page's ?next=): up to the
# next parameter or fragment, which may be encoded too.
TOKEN_IN_URL = re.compile(r"(token(?:=|%3D|%253D))(?:[^&#%\s'\"]|%(?!26|23|2526|2523)[0-9A-Fa-f]{2})+", re.IGNORECASE)


def hide_tokens(text):
    """The text with the value of every `token=` in it replaced by `[hidden]`."""
    return TOKEN_IN_URL.sub(r"\1[hidden]", text)


class HideTokens(logging.Filter):
    """Masks tokens in every line a log handler writes: jupyter_server logs a refused request's URL
    and referer, and tornado a failed request's whole description."""

    def filter(self, record):
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = hide_tokens(record.exc_text)
        masked = hide_tokens(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


def check_kernel_name(manager, kernel_name):
    """Refuses (400, with the names of the kernels the lab has) a kernel `manager` does not offer."""
    names = sorted(manager.kernel_spec_manager.get_all_specs())
    if kernel_name is not None and kernel_name not in names:
        raise web.HTTPError(400, f"no kernel named {kernel_name}; this lab has: {', '.join(names)}")


def refuse_unknown_kernels(manager):
    """Makes `manager` refuse to start a kernel it does not offer, before anything starts
    (jupyter_client would fail inside the start, and /api/kernels answer 500 with the traceback)."""
    start_kernel = manager.start_kernel

    async def start_known_kernel(kernel_name=None, **kwargs):
        check_kernel_name(manager, kernel_name)
        return await start_kernel(kernel_name=kernel_name, **kwargs)

    manager.start_kernel = start_known_kernel


class GraduasiLab(LabServerApp):
    name = "graduasi_lab"
    app_name = "Graduasi"
    app_version = json.load(open(os.path.join(HERE, "package.json"), encoding="utf-8"))["version"]
    extension_url = "/lab"
    default_url = "/lab/tree/notebooks"
    load_other_extensions = False

    static_dir = os.path.join(BUILD)
    schemas_dir = os.path.join(BUILD, "schemas")
    themes_dir = os.path.join(BUILD, "themes")
    app_settings_dir = os.path.join(HERE, "settings")
    templates_dir = os.path.join(HERE, "templates")

    serverapp_config = {"terminals_enabled": False}

    state_dir = Unicode(os.path.join(HERE, ".lab"), help="User settings and workspaces.").tag(config=True)
    scenarios_file = Unicode("", help="The scenarios JSON shown by the Graduasi panel.").tag(config=True)

    @default("user_settings_dir")
    def _default_user_settings_dir(self):
        return os.path.join(self.state_dir, "settings")

    @default("workspaces_dir")
    def _default_workspaces_dir(self):
        return os.path.join(self.state_dir, "workspaces")

    def _jupyter_server_config(self):
        # Only the project's kernel (a global tslab or python3 kernel is not offered).
        config = super()._jupyter_server_config()
        config["KernelSpecManager"] = {"allowed_kernelspecs": ["tslab"], "ensure_native_kernel": False}
        config["MappingKernelManager"] = {"default_kernel_name": "tslab"}
        return config

    def initialize_settings(self):
        super().initialize_settings()
        self.settings["graduasi_scenarios_file"] = self.scenarios_file
        refuse_unknown_kernels(self.serverapp.kernel_manager)
        hide_tokens_in_logs(self.serverapp.log, self.log, logging.getLogger())

    def initialize_handlers(self):
        super().initialize_handlers()
        self.handlers.extend(
            [
                ("/api/me", MeHandler),
                ("/api/events/subscribe", EventsHandler),
                ("/graduasi/scenarios", ScenariosHandler),
            ]
        )


def hide_tokens_in_logs(*loggers):
    """Puts HideTokens on every handler of `loggers` (tornado's loggers write through the server's)."""
    for handler in {h for logger in loggers for h in logger.handlers}:
        if not any(isinstance(f, HideTokens) for f in handler.filters):
            handler.addFilter(HideTokens())


def _jupyter_server_extension_points():
    return [{"module": __name__, "app": GraduasiLab}]


async def _cleanup_kernels(self):
    """Shuts every kernel down, including one whose start was asked for while stopping (a browser's
    open connection can still start a session after the listening socket has closed, and that
    kernel would outlive the server): new kernels are refused from now on, and kernels are shut
    down until none is left."""
    manager = getattr(self, "kernel_manager", None)
    if manager is None:
        return

    async def refuse(*args, **kwargs):
        raise web.HTTPError(503, "the server is stopping")

    manager.start_kernel = refuse
    for _ in range(10):
        forget_failed_starts(manager)
        await original_cleanup_kernels(self)
        await asyncio.sleep(0.2)
        forget_failed_starts(manager)
        if not manager.list_kernel_ids() and not manager._pending_kernels:
            return


def forget_failed_starts(manager):
    """Drops the kernels whose start failed: jupyter_client keeps them as pending for ever, and
    waiting for them to be shut down would hold up the stop."""
    for kernel_id, start in list(manager._pending_kernels.items()):
        if start.done() and kernel_id not in manager.list_kernel_ids():
            manager._pending_kernels.pop(kernel_id, None)


@web.authenticated
async def _post_session(self):
    """A new session whose kernel the lab does not offer is refused with 400 (jupyter_server would
    answer 501, or 500 for any error of the start)."""
    kernel = (self.get_json_body() or {}).get("kernel") or {}
    if not kernel.get("id"):
        check_kernel_name(self.kernel_manager, kernel.get("name"))
    return await original_post_session(self)


original_post_session = SessionRootHandler.post
SessionRootHandler.post = _post_session

original_cleanup_kernels = ServerApp.cleanup_kernels
ServerApp.cleanup_kernels = _cleanup_kernels


def _stop_on_sigint(self):
    """Ctrl-C stops the server at once, shutting its kernels down (jupyter_server would ask for a
    confirmation on a terminal, or, without one, stop without shutting the kernels down)."""
    original_init_signal(self)
    signal.signal(signal.SIGINT, self._signal_stop)


original_init_signal = ServerApp.init_signal
ServerApp.init_signal = _stop_on_sigint

def _stop_with_parent():
    """On Linux, stop (with the kernels) when the process that started the server dies, even by
    SIGKILL: no server or kernel outlives `npm run lab`."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


if __name__ == "__main__":
    _stop_with_parent()
    GraduasiLab.launch_instance()
