// Test stand-ins for Postman's Response and Request, with the members
// chai-postman reads. The reference outcomes in cases.json were produced
// with postman-collection 4.4.0 objects; these mirror what those return.
(function () {
  var reasons = {
    100: 'Continue', 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 301: 'Moved Permanently',
    302: 'Found', 304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
    406: 'Not Acceptable', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway',
    503: 'Service Unavailable'
  };

  function HeaderList(members) {
    this.members = (members || []).map(function (h) { return { key: h.key, value: h.value }; });
  }
  HeaderList.prototype.has = function (key) {
    return this.one(key) !== undefined;
  };
  HeaderList.prototype.one = function (key) {
    var wanted = String(key).toLowerCase();
    var found;
    this.members.forEach(function (h) {
      if (h.key.toLowerCase() === wanted) found = h;
    });
    return found;
  };
  HeaderList.prototype.get = function (key) {
    var h = this.one(key);
    return h ? h.value : undefined;
  };
  HeaderList.prototype.each = function (fn) {
    this.members.forEach(fn);
  };
  HeaderList.prototype.toObject = function () {
    var out = {};
    this.members.forEach(function (h) { out[h.key] = h.value; });
    return out;
  };
  HeaderList.prototype.contentSize = function () {
    return this.members.reduce(function (n, h) { return n + (h.key + ': ' + h.value + '\r\n').length; }, 0);
  };

  function CookieList(members) {
    this.members = members || [];
  }
  CookieList.prototype.has = function (name) {
    return this.members.some(function (c) { return c.name === name; });
  };
  CookieList.prototype.get = function (name) {
    var found = this.members.filter(function (c) { return c.name === name; })[0];
    return found ? found.value : undefined;
  };

  function utf8Length(s) {
    return unescape(encodeURIComponent(s)).length;
  }

  function jsonError(message) {
    var e = new SyntaxError(message);
    e.name = 'JSONError';
    return e;
  }

  // Own members come in postman-collection's order, as failure messages
  // that print a whole response list them.
  function PostmanResponse(o) {
    this.id = '6f1c9c7e-2b8f-4a51-9d3e-4c2a7b1e0f55';
    this._details = { code: o.code };
    this.status = o.status || reasons[o.code];
    this.code = o.code;
    this.headers = new HeaderList(o.headers);
    this.body = o.body;
    this.cookies = new CookieList(o.cookies);
    // postman-collection leaves out members that were not given.
    if (o.responseTime !== undefined) this.responseTime = o.responseTime;
  }
  PostmanResponse._postman_propertyName = 'Response';
  PostmanResponse.prototype.reason = function () {
    return this.status || reasons[this.code];
  };
  PostmanResponse.prototype.details = function () {
    var d = { code: this.code };
    if (reasons[this.code]) {
      d.name = reasons[this.code];
      d.standardName = reasons[this.code];
    }
    if (this.status) d.name = this.status;
    return d;
  };
  PostmanResponse.prototype.text = function () {
    return this.body;
  };
  PostmanResponse.prototype.json = function () {
    var text = this.body;
    if (!text) throw jsonError('No data, empty input at 1:1\n\n^');
    try {
      return JSON.parse(text);
    } catch (e) {
      throw jsonError("Unexpected token '" + text.trim().charAt(0) + "' at 1:1\n" + text + '\n^');
    }
  };
  PostmanResponse.prototype.size = function () {
    var body = this.body === undefined || this.body === null ? 0 : utf8Length(String(this.body));
    var header = ('HTTP/X.X ' + this.code + ' ' + this.reason() + '\r\n\r\n').length + this.headers.contentSize();
    return { body: body, header: header, total: body + header };
  };

  function PostmanRequest(o) {
    this.url = o.url || 'http://example.com/';
    this.headers = new HeaderList(o.headers);
    this.method = o.method || 'GET';
  }
  PostmanRequest._postman_propertyName = 'Request';

  mkres = function (o) { return new PostmanResponse(o); };
  mkreq = function (o) { return new PostmanRequest(o); };
})();
