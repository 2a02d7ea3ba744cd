"""A random agent on innerlab's CoinRun-lite through `innerlab serve`: prints each episode's return.

    python3 clients/python/example.py --episodes 5 --seed 1
    python3 clients/python/example.py --json -- java -jar target/innerlab-all.jar serve

With --json each episode is one JSON line with its seed and actions, which `innerlab replay` replays
to the same returns. Words after -- are the server command (default: the repository's launcher).
"""
import argparse
import json
import random
import sys
import time

from innerlab_env import InnerlabEnv

parser = argparse.ArgumentParser()
parser.add_argument("--env", default="coinrun-lite-v1")
parser.add_argument("--episodes", type=int, default=5)
parser.add_argument("--seed", type=int, default=0)
parser.add_argument("--max-steps", type=int, default=200)
parser.add_argument("--json", action="store_true")
parser.add_argument("command", nargs=argparse.REMAINDER)
args = parser.parse_args()
command = args.command[1:] if args.command[:1] == ["--"] else args.command

agent = random.Random(args.seed)
with InnerlabEnv(args.env, true_reward=True, command=command or None) as env:
    steps, started = 0, time.perf_counter()  # after the server's start, so this is the protocol's speed
    for episode in range(args.episodes):
        seed = args.seed + episode
        obs, info = env.reset(seed=seed)
        actions, total, hidden, done = [], 0.0, 0.0, False
        while not done and len(actions) < args.max_steps:
            action = agent.randrange(env.n_actions)
            obs, reward, terminated, truncated, info = env.step(action)
            actions.append(env.action_names[action])
            total += reward
            hidden += info["true_reward"]
            done = terminated or truncated
        steps += len(actions)
        if args.json:
            print(json.dumps({"seed": seed, "actions": ",".join(actions), "return": total,
                              "true_return": hidden}))
        else:
            print("episode %d (seed %d): return %g, true return %g, %d steps%s"
                  % (episode, seed, total, hidden, len(actions), "" if done else " (cut at --max-steps)"))
    seconds = time.perf_counter() - started
print("%d steps in %.2f s: %.0f steps/s" % (steps, seconds, steps / seconds), file=sys.stderr)
