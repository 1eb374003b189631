/**
 * The Postman-compatible script API (`pm.*`, `console`, legacy `postman.*`), as JavaScript
 * source evaluated INSIDE the sandbox before each script (docs/scripts.md). Living inside,
 * it behaves the same in the browser and the CLI; it reaches Parley only through the
 * `__parley` bridge the host installs (and this prelude removes from the global object):
 * `input()` → JSON, `set(scope, name, value?)`, `test(name, status, error?)`,
 * `log(level, text)`, `send(json)` → Promise<JSON>, `chai()` → chai's source, `fail(text)`,
 * `next(name?)` (setNextRequest; no argument = `null`, stop), `done(error?)`. `__parley_out()` gives the request after the script as JSON.
 * Anything of `pm` or `postman` not implemented throws an Error naming it.
 */
export const PM_PRELUDE = String.raw`(function () {
'use strict';
var G = globalThis;
var host = G.__parley;
delete G.__parley;
var input = JSON.parse(host.input());
var scopes = input.scopes;
var LOOKUP = ['locals', 'iterationData', 'environment', 'collectionVariables', 'globals'];
var has = function (o, k) { return Object.prototype.hasOwnProperty.call(o, k); };
var text = function (v) {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (typeof v === 'object' && v !== null) { try { return JSON.stringify(v); } catch (e) { return String(v); } }
  return String(v);
};
function fmt(v) {
  if (typeof v === 'string') return v;
  if (v instanceof Error) return v.name + ': ' + v.message;
  if (typeof v === 'function') return '[Function' + (v.name ? ': ' + v.name : '') + ']';
  if (typeof v === 'object' && v !== null) { try { return JSON.stringify(v); } catch (e) { return String(v); } }
  return String(v);
}
function replaceIn(s, get) {
  return String(s).replace(/\{\{\s*([^{}]*?)\s*\}\}/g, function (whole, name) {
    var v = get(name);
    return v === undefined ? whole : v;
  });
}
function unsupported(path) {
  throw new Error(path + ' is not supported in Parley scripts (see docs/scripts.md for the supported API)');
}
function strict(obj, path) {
  return new Proxy(obj, {
    get: function (t, k) {
      if (typeof k !== 'string' || k in t || k === 'then' || k === 'toJSON' || k === 'inspect') return t[k];
      return unsupported(path + '.' + k);
    },
  });
}

function Scope(name, readOnly) {
  var s = scopes[name];
  this.get = function (k) { return has(s, k) ? s[k] : undefined; };
  this.has = function (k) { return has(s, k); };
  this.toObject = function () { var o = {}; for (var k in s) if (has(s, k)) o[k] = s[k]; return o; };
  this.replaceIn = function (str) { return replaceIn(str, this.get); };
  var ro = function (op) { throw new Error('pm.' + name + '.' + op + ' is not allowed: the iteration data is read-only'); };
  this.set = function (k, v) { if (readOnly) ro('set'); k = String(k); s[k] = text(v); host.set(name, k, s[k]); };
  this.unset = function (k) { if (readOnly) ro('unset'); k = String(k); delete s[k]; host.set(name, k); };
  this.clear = function () { if (readOnly) ro('clear'); for (var k in s) if (has(s, k)) { delete s[k]; host.set(name, k); } };
}
var variables = new Scope('locals');
variables.get = function (k) {
  for (var i = 0; i < LOOKUP.length; i++) { var s = scopes[LOOKUP[i]]; if (has(s, k)) return s[k]; }
  return undefined;
};
variables.has = function (k) { return variables.get(k) !== undefined; };
variables.replaceIn = function (str) { return replaceIn(str, variables.get); };
variables.toObject = function () {
  var o = {};
  for (var i = LOOKUP.length - 1; i >= 0; i--) { var s = scopes[LOOKUP[i]]; for (var k in s) if (has(s, k)) o[k] = s[k]; }
  return o;
};

// A Postman PropertyList of {key, value} (header fields, query pairs, form fields).
function List(items, onChange) {
  var self = this;
  var list = items.map(function (h) { var o = { key: h.key, value: h.value }; if (h.disabled) o.disabled = true; return o; });
  var find = function (k) { k = String(k).toLowerCase(); for (var i = 0; i < list.length; i++) if (list[i].key.toLowerCase() === k && !list[i].disabled) return list[i]; };
  var norm = function (h, v) { return typeof h === 'string' ? { key: h, value: text(v) } : { key: String(h.key), value: text(h.value) }; };
  var changed = function () { if (onChange) onChange(); };
  this.get = function (k) { var h = find(k); return h ? h.value : undefined; };
  this.one = function (k) { return find(k); };
  this.has = function (k, v) { var h = find(k); return !!h && (v === undefined || h.value === v); };
  this.add = function (h, v) { list.push(norm(h, v)); changed(); };
  this.upsert = function (h, v) { var n = norm(h, v); var e = find(n.key); if (e) e.value = n.value; else list.push(n); changed(); };
  this.remove = function (k) {
    var pred = typeof k === 'function' ? k : function (h) { return h.key.toLowerCase() === String(k).toLowerCase(); };
    list = list.filter(function (h) { return !pred(h); }); changed();
  };
  this.clear = function () { list = []; changed(); };
  this.all = function () { return list.slice(); };
  this.count = function () { return list.length; };
  this.each = function (fn) { list.slice().forEach(fn); };
  this.map = function (fn) { return list.map(fn); };
  this.filter = function (fn) { return list.filter(fn); };
  this.toObject = function () { var o = {}; list.forEach(function (h) { if (!h.disabled) o[h.key] = h.value; }); return o; };
  this.toJSON = function () { return list.slice(); };
  this.toString = function () { return list.filter(function (h) { return !h.disabled; }).map(function (h) { return h.value === null ? h.key : h.key + '=' + h.value; }).join('&'); };
  Object.defineProperty(this, '__items', { get: function () { return list; } });
}

function Url(raw) {
  var self = this;
  var base = '', hash = '';
  this.update = function (str) {
    var s = String(str);
    var h = s.indexOf('#');
    hash = h >= 0 ? s.slice(h) : '';
    if (h >= 0) s = s.slice(0, h);
    var q = s.indexOf('?');
    base = q >= 0 ? s.slice(0, q) : s;
    var pairs = q >= 0 && s.length > q + 1 ? s.slice(q + 1).split('&') : [];
    self.query = new List(pairs.map(function (p) { var e = p.indexOf('='); return e >= 0 ? { key: p.slice(0, e), value: p.slice(e + 1) } : { key: p, value: null }; }));
  };
  this.update(raw);
  this.toString = function () { var q = self.query.toString(); return base + (q ? '?' + q : '') + hash; };
  this.getQueryString = function () { return self.query.toString(); };
  var m = function () { return /^([a-z][a-z0-9+.-]*):\/\/([^\/:?#]*)(?::(\d+))?([^?#]*)/i.exec(base) || []; };
  Object.defineProperty(this, 'protocol', { get: function () { return m()[1]; } });
  Object.defineProperty(this, 'host', { get: function () { var x = m()[2]; return x ? x.split('.') : []; } });
  Object.defineProperty(this, 'port', { get: function () { return m()[3]; } });
  Object.defineProperty(this, 'path', { get: function () { var p = m()[4] || ''; return p.split('/').filter(function (x) { return x !== ''; }); } });
  this.getHost = function () { return self.host.join('.'); };
  this.getPath = function () { return m()[4] || '/'; };
  this.toJSON = function () { return self.toString(); };
}

function Request(r) {
  var self = this;
  var url = new Url(r.url);
  Object.defineProperty(this, 'url', { enumerable: true, get: function () { return url; }, set: function (v) { url = new Url(String(v)); } });
  this.method = r.method;
  this.headers = new List(r.headers);
  var b = r.body || { mode: 'none' };
  this.body = { mode: b.mode };
  if (b.raw !== undefined) this.body.raw = b.raw;
  if (b.urlencoded) this.body.urlencoded = new List(b.urlencoded);
  if (b.formdata) this.body.formdata = new List(b.formdata);
  this.body.update = function (v) { self.body.mode = 'raw'; self.body.raw = typeof v === 'string' ? v : text(v && v.raw !== undefined ? v.raw : v); };
  this.body.toString = function () { return self.body.raw !== undefined ? self.body.raw : ''; };
  this.addHeader = function (h) { self.headers.add(h); };
  this.removeHeader = function (k) { self.headers.remove(k); };
  this.upsertHeader = function (h) { self.headers.upsert(h); };
  this.toJSON = function () { return out(self); };
}
function out(req) {
  var b = req.body || {};
  var body = { mode: b.mode || 'none' };
  if (b.raw !== undefined) body.raw = String(b.raw);
  if (b.urlencoded) body.urlencoded = b.urlencoded.__items || b.urlencoded;
  if (b.formdata) body.formdata = b.formdata.__items || b.formdata;
  return { url: String(req.url), method: String(req.method), headers: req.headers.__items, body: body };
}

function assertion(ok, message) {
  if (!ok) { var e = new Error(message); e.name = 'AssertionError'; throw e; }
}
function Response(r) {
  var self = this;
  this.code = r.code;
  this.status = r.status;
  this.headers = new List(r.headers.map(function (h) { return { key: h[0], value: h[1] }; }));
  this.responseTime = r.responseTime;
  this.responseSize = r.responseSize;
  this.text = function () { return r.body; };
  this.json = function () { return JSON.parse(r.body); };
  this.reason = function () { return r.status; };
  var range = function (lo, name) { return function () { assertion(self.code >= lo && self.code < lo + 100, 'expected response code to be ' + name + ' but found ' + self.code); }; };
  var be = {};
  Object.defineProperty(be, 'ok', { get: function () { assertion(self.code === 200, 'expected response code to be 200 but found ' + self.code); } });
  Object.defineProperty(be, 'success', { get: range(200, '2XX') });
  Object.defineProperty(be, 'redirection', { get: range(300, '3XX') });
  Object.defineProperty(be, 'clientError', { get: range(400, '4XX') });
  Object.defineProperty(be, 'serverError', { get: range(500, '5XX') });
  Object.defineProperty(be, 'json', { get: function () { try { JSON.parse(r.body); } catch (e) { assertion(false, 'expected response body to be a valid json but got error ' + e.message); } } });
  var hv = {
    status: function (c) {
      if (typeof c === 'string') assertion(self.status === c, "expected response to have status reason '" + c + "' but got '" + self.status + "'");
      else assertion(self.code === c, 'expected response to have status code ' + c + ' but got ' + self.code);
    },
    header: function (k, v) {
      assertion(self.headers.has(k), "expected response to have header with key '" + k + "'");
      if (v !== undefined) assertion(self.headers.get(k) === v, "expected response to have header '" + k + "' with value '" + v + "' but got '" + self.headers.get(k) + "'");
    },
    body: function (s) {
      if (s === undefined) assertion(r.body.length > 0, 'expected response to have content in body');
      else assertion(s instanceof RegExp ? s.test(r.body) : r.body === s, 'expected response body to ' + (s instanceof RegExp ? 'match ' + s : "equal '" + s + "'") + " but got '" + r.body + "'");
    },
    jsonBody: function (path) {
      var j; try { j = JSON.parse(r.body); } catch (e) { assertion(false, 'expected response body to be a valid json but got error ' + e.message); }
      if (path !== undefined) assertion(String(path).split('.').reduce(function (o, k) { return o != null && typeof o === 'object' && k in o ? o[k] : undefined; }, j) !== undefined, "expected response body json to have path '" + path + "'");
    },
  };
  this.to = { have: hv, be: be, not: {} };
  this.to.not.have = { status: function (c) { assertion(self.code !== c, 'expected response to not have status code ' + c); } };
  this.toJSON = function () { return { code: r.code, status: r.status, headers: r.headers, responseTime: r.responseTime }; };
}

var chai = null;
function loadChai() {
  if (chai === null) { (0, eval)(host.chai()); chai = G.chai; delete G.chai; }
  return chai;
}

var pending = 0;
function settle() { if (--pending === 0 && mainDone) host.done(mainError); }
function record(name, status, err) { host.test(String(name), status, err === undefined ? undefined : fmt(err)); }
function test(name, fn) {
  if (typeof fn !== 'function') { record(name, 'skipped'); return; }
  var r;
  try { r = fn(); } catch (e) { record(name, 'failed', e); return; }
  if (r && typeof r.then === 'function') {
    pending++;
    r.then(function () { record(name, 'passed'); settle(); }, function (e) { record(name, 'failed', e); settle(); });
  } else record(name, 'passed');
}
test.skip = function (name) { record(name, 'skipped'); };

function normalizeSend(req) {
  if (typeof req === 'string') return { url: req, method: 'GET', headers: [], body: { mode: 'none' } };
  var h = req.header || req.headers || [];
  if (!Array.isArray(h)) h = Object.keys(h).map(function (k) { return { key: k, value: text(h[k]) }; });
  var b = req.body || { mode: 'none' };
  var body = { mode: b.mode || 'none' };
  if (b.raw !== undefined) body.raw = text(b.raw);
  if (b.urlencoded) body.urlencoded = b.urlencoded.map(function (f) { return { key: String(f.key), value: text(f.value) }; });
  return { url: String(req.url), method: String(req.method || 'GET').toUpperCase(), headers: h.map(function (x) { return { key: String(x.key), value: text(x.value) }; }), body: body };
}
function sendRequest(req, cb) {
  var p;
  try { p = host.send(JSON.stringify(normalizeSend(req))); } catch (e) { p = Promise.reject(e); }
  pending++;
  var result = p.then(function (json) { return new Response(JSON.parse(json)); });
  result.then(function (res) {
    if (cb) { try { cb(null, res); } catch (e) { host.fail(fmt(e)); } }
    settle();
  }, function (err) {
    if (cb) { try { cb(err instanceof Error ? err : new Error(String(err)), null); } catch (e) { host.fail(fmt(e)); } }
    else host.fail('pm.sendRequest failed: ' + fmt(err));
    settle();
  });
  return cb ? undefined : result;
}

// pm.cookies: the jar's cookies for this request's target URI (read-only, Postman's CookieList).
function Cookies(list) {
  var live = function () { return list.filter(function (c) { return !c.expires || Date.parse(c.expires) > Date.now(); }); };
  var find = function (k) { var all = live(); for (var i = all.length - 1; i >= 0; i--) if (all[i].name === String(k)) return all[i]; };
  this.get = function (k) { var c = find(k); return c ? c.value : undefined; };
  this.one = function (k) { return find(k); };
  this.has = function (k) { return find(k) !== undefined; };
  this.all = function () { return live().slice(); };
  this.count = function () { return live().length; };
  this.each = function (fn) { live().forEach(fn); };
  this.map = function (fn) { return live().map(fn); };
  this.filter = function (fn) { return live().filter(fn); };
  this.toObject = function () { var o = {}; live().forEach(function (c) { o[c.name] = c.value; }); return o; };
  this.jar = function () { return unsupported('pm.cookies.jar() (changing the jar from a script)'); };
}
function setNextRequest(name) {
  if (name === null || name === undefined) host.next();
  else host.next(String(name));
}

var request = new Request(input.request);
var pm = {
  info: input.info,
  globals: new Scope('globals'),
  collectionVariables: new Scope('collectionVariables'),
  environment: new Scope('environment'),
  iterationData: new Scope('iterationData', true),
  variables: variables,
  test: test,
  sendRequest: sendRequest,
  cookies: strict(new Cookies(input.cookies || []), 'pm.cookies'),
  execution: strict({ setNextRequest: setNextRequest }, 'pm.execution'),
};
Object.defineProperty(pm, 'request', { enumerable: true, get: function () { return request; } });
if (input.response) pm.response = new Response(input.response);
else Object.defineProperty(pm, 'response', { get: function () { return unsupported('pm.response in a pre-request script (there is no response yet):'); } });
Object.defineProperty(pm, 'expect', { enumerable: true, get: function () { return loadChai().expect; } });

var postman = {
  setEnvironmentVariable: function (k, v) { pm.environment.set(k, v); },
  getEnvironmentVariable: function (k) { return pm.environment.get(k); },
  clearEnvironmentVariable: function (k) { pm.environment.unset(k); },
  setGlobalVariable: function (k, v) { pm.globals.set(k, v); },
  getGlobalVariable: function (k) { return pm.globals.get(k); },
  clearGlobalVariable: function (k) { pm.globals.unset(k); },
  setNextRequest: setNextRequest,
};
var levels = ['log', 'info', 'warn', 'error', 'debug'];
var console = {};
levels.forEach(function (l) { console[l] = function () { host.log(l, Array.prototype.map.call(arguments, fmt).join(' ')); }; });

var define = function (k, v) { Object.defineProperty(G, k, { value: v, writable: true, configurable: true }); };
define('pm', strict(pm, 'pm'));
define('postman', strict(postman, 'postman'));
define('console', console);
define('require', function (name) { throw new Error("require('" + name + "') is not supported in Parley scripts: no modules are available in the sandbox"); });
var mainDone = false, mainError;
define('__parley_main', function (fn) {
  pending++;
  fn().then(function () { mainDone = true; settle(); }, function (e) { mainDone = true; mainError = fmt(e) + line(e); settle(); });
});
function line(e) {
  var m = e && typeof e.stack === 'string' ? /script\.js:(\d+)/.exec(e.stack) : null;
  return m ? ' (line ' + m[1] + ')' : '';
}
define('__parley_out', function () { return JSON.stringify(out(request)); });
})();
`;

/**
 * Wraps a user script so it runs as the body of an async function (top-level `await` works,
 * `return` ends it early) and reports completion through the prelude. Line numbers are kept:
 * the wrapper adds nothing before the first line.
 */
export function wrapScript(code: string): string {
  return `__parley_main(async function () {${code}\n});`;
}
