// A partner's webhook endpoint for the tests: verifies every delivery with the Standard Webhooks
// library (not with the platform's own code), records each webhook-id and what was answered, and
// answers each path as the test tells it (200, or 503 during an outage).
//   node webhook-receiver.mjs        prints {"port": n} once listening on 127.0.0.1
//   POST /control/secret  {"path": "/hook", "secret": "whsec_..."}
//   POST /control/status  {"path": "/hook", "status": 503}
//   GET  /control/received?path=/hook   every post: id, verified, status answered, sequence
import http from "node:http";
import { Webhook } from "standardwebhooks";

const secrets = new Map();
const statuses = new Map();
const received = new Map();
const processed = new Set();

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res, status, value) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  const body = await readBody(req);
  if (url.pathname === "/control/secret" && req.method === "POST") {
    const { path, secret } = JSON.parse(body);
    secrets.set(path, secret);
    return json(res, 200, { ok: true });
  }
  if (url.pathname === "/control/status" && req.method === "POST") {
    const { path, status } = JSON.parse(body);
    statuses.set(path, status);
    return json(res, 200, { ok: true });
  }
  if (url.pathname === "/control/received" && req.method === "GET") {
    return json(res, 200, received.get(url.searchParams.get("path")) ?? []);
  }
  const path = url.pathname;
  const id = req.headers["webhook-id"];
  let verified = false;
  let event = null;
  let reason = null;
  try {
    event = new Webhook(secrets.get(path)).verify(body, {
      "webhook-id": id,
      "webhook-timestamp": req.headers["webhook-timestamp"],
      "webhook-signature": req.headers["webhook-signature"],
    });
    verified = true;
  } catch (e) {
    reason = String(e.message ?? e);
  }
  const status = !verified ? 400 : statuses.get(path) ?? 200;
  const duplicate = status === 200 && processed.has(path + " " + id);
  if (status === 200) {
    processed.add(path + " " + id);
  }
  const list = received.get(path) ?? [];
  list.push({ id, verified, reason, status, duplicate, subject: event?.subject ?? null, sequence: event?.sequence ?? null });
  received.set(path, list);
  res.writeHead(status, { "content-type": "text/plain" });
  res.end(verified ? "ok" : "signature not verified: " + reason);
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  console.log(JSON.stringify({ port: server.address().port }));
});
