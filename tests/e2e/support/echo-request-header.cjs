// Test harness, loaded with --require into a scripts/serve.ts that tests/e2e/serve-doors.spec.ts
// starts: after the server's request listener has run (and handed the request to Next), the
// value of the request header ECHO_HEADER as the app receives it is copied into the response
// header x-test-echo, so the test can see what the app sees.
const http = require("node:http");

const name = process.env.ECHO_HEADER;
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  const result = emit.apply(this, arguments);
  if (event === "request" && name && !res.headersSent) res.setHeader("x-test-echo", String(req.headers[name]));
  return result;
};
