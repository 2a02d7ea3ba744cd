"""A Gymnasium-like client for `innerlab serve`, standard library only.

    from innerlab_env import InnerlabEnv
    env = InnerlabEnv("coinrun-lite-v1", encoder="egocentric", true_reward=True)
    obs, info = env.reset(seed=7)
    obs, reward, terminated, truncated, info = env.step(1)   # info["true_reward"], info["events"]
    env.close()

The server is started as a child process speaking one JSON line per request and per response (see
docs/api.md). `command` is that process: by default the repository's `innerlab serve` launcher, or the
words of the INNERLAB_SERVE environment variable (e.g. "java -jar target/innerlab-all.jar serve").
"""
import json
import os
import shlex
import subprocess

_LAUNCHER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "innerlab")


class InnerlabError(RuntimeError):
    """The server refused a request; the message is its one-line error."""


class InnerlabEnv:
    """One environment served by `innerlab serve`: reset(seed) and step(action) as in Gymnasium."""

    def __init__(self, env_id, params=None, encoder="egocentric", board=False, true_reward=False,
                 view_radius=None, command=None):
        if command is None:
            words = os.environ.get("INNERLAB_SERVE")
            command = shlex.split(words) if words else [_LAUNCHER, "serve"]
        self._server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, encoding="utf-8", bufsize=1)
        make = {"op": "make", "env": env_id, "params": params or {}, "encoder": encoder,
                "board": board, "true_reward": true_reward}
        if view_radius is not None:
            make["view_radius"] = view_radius
        try:
            self.spec = self._call(make)
        except InnerlabError:
            self._server.communicate()  # end of input ends the session: the server exits
            raise
        self.action_names = self.spec["actions"]
        self.n_actions = self.spec["action_count"]

    def _call(self, request):
        self._server.stdin.write(json.dumps(request) + "\n")
        self._server.stdin.flush()
        line = self._server.stdout.readline()
        if not line:
            raise InnerlabError("innerlab serve ended (exit code %s)" % self._server.wait())
        response = json.loads(line)
        if "error" in response:
            raise InnerlabError(response["error"])
        return response

    def reset(self, seed=None):
        """Starts an episode; without a seed it continues the previous episode's generator."""
        request = {"op": "reset"} if seed is None else {"op": "reset", "seed": seed}
        response = self._call(request)
        return response["observation"], response["info"]

    def step(self, action):
        """Returns (observation, reward, terminated, truncated, info); info has events and true_reward."""
        r = self._call({"op": "step", "action": int(action)})
        info = {"events": r["events"]}
        if "true_reward" in r:
            info["true_reward"] = r["true_reward"]
        return r["observation"], r["reward"], r["terminated"], r["truncated"], info

    def close(self):
        if self._server.poll() is None:
            self._call({"op": "close"})
            self._server.stdin.close()
            self._server.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
