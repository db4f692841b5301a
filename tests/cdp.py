#!/usr/bin/env python3
"""Drive headless Chromium over the DevTools protocol (a pipe, no extra packages): open a
page, then run steps, and print what the steps read.

usage: cdp.py CHROMIUM URL STEPS_JSON

Steps, in order:
  {"fill": [selector, text]}          set a field's value (then its input and change events)
  {"click": selector}                 click an element (as a person would, through .click())
  {"wait": js_expression, "ms": n}    wait until the expression is truthy (default 20 s)
  {"read": js_expression}             print the expression's value as a line of JSON
  {"screenshot": path, "width": w, "height": h}   save a PNG of the page at that size
Exits 1 when a wait times out or the page cannot be reached.
"""

import base64
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp()
        # Chromium reads commands on fd 3 and writes answers on fd 4. Every end of the
        # pipes is first moved to 10 or above, so that making the child's ends 3 and 4
        # overwrites none of ours.
        def high(fd):
            moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
            os.close(fd)
            return moved

        to_child_r, to_child_w = (high(fd) for fd in os.pipe())
        from_child_r, from_child_w = (high(fd) for fd in os.pipe())
        self.to_child, self.from_child = to_child_w, from_child_r
        os.dup2(to_child_r, 3)
        os.dup2(from_child_w, 4)
        os.close(to_child_r)
        os.close(from_child_w)
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--window-size=1366,768", "--user-data-dir=" + self.profile, "about:blank"],
            pass_fds=(3, 4), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(3)
        os.close(4)
        self.next_id = 0
        self.buffer = b""

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_child, 1 << 16)
                if not chunk:
                    raise SystemExit("chromium closed the pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            answer = json.loads(raw)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise SystemExit(f"{method}: {answer['error']}")
                return answer.get("result", {})

    def close(self):
        self.proc.kill()
        self.proc.wait()


def main():
    chromium, url, steps = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    browser = Browser(chromium)
    try:
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

        def evaluate(expression):
            result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                       "awaitPromise": True}, session)
            return result.get("result", {}).get("value")

        browser.send("Page.enable", {}, session)
        browser.send("Page.navigate", {"url": url}, session)
        deadline = time.time() + 20
        while evaluate("document.readyState") != "complete":
            if time.time() > deadline:
                raise SystemExit("the page did not load")
            time.sleep(0.1)
        for step in steps:
            if "fill" in step:
                selector, text = step["fill"]
                # As typing would: the value, then the input and change events.
                evaluate(f"(function(e){{e.value = {json.dumps(text)};"
                         "e.dispatchEvent(new Event('input', {bubbles: true}));"
                         "e.dispatchEvent(new Event('change', {bubbles: true}));})"
                         f"(document.querySelector({json.dumps(selector)}))")
            elif "click" in step:
                evaluate(f"document.querySelector({json.dumps(step['click'])}).click()")
            elif "wait" in step:
                deadline = time.time() + step.get("ms", 20000) / 1000
                while not evaluate(step["wait"]):
                    if time.time() > deadline:
                        raise SystemExit(f"timed out waiting for {step['wait']}")
                    time.sleep(0.1)
            elif "screenshot" in step:
                width, height = step.get("width", 1366), step.get("height", 768)
                browser.send("Emulation.setDeviceMetricsOverride", {
                    "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}, session)
                time.sleep(0.5)
                data = browser.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
                with open(step["screenshot"], "wb") as out:
                    out.write(base64.b64decode(data))
            elif "read" in step:
                print(json.dumps(evaluate(step["read"]), ensure_ascii=False))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
