// Node's url: the legacy parse/format/resolve that Postman bundles, plus
// the WHATWG URL and URLSearchParams classes (from goja_nodejs).
var querystring = require('querystring');

function Url() {
  this.protocol = null; this.slashes = null; this.auth = null; this.host = null;
  this.port = null; this.hostname = null; this.hash = null; this.search = null;
  this.query = null; this.pathname = null; this.path = null; this.href = null;
}

var slashedProtocol = { http: true, https: true, ftp: true, gopher: true, file: true, 'http:': true, 'https:': true, 'ftp:': true, 'gopher:': true, 'file:': true };

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  if (typeof url !== 'string') throw new TypeError("Parameter 'url' must be a string, not " + typeof url);
  var u = new Url(), rest = url.trim();
  var hashIdx = rest.indexOf('#');
  if (hashIdx >= 0) { u.hash = rest.slice(hashIdx); rest = rest.slice(0, hashIdx); }
  var qIdx = rest.indexOf('?');
  if (qIdx >= 0) {
    u.search = rest.slice(qIdx);
    u.query = rest.slice(qIdx + 1);
    rest = rest.slice(0, qIdx);
  } else if (parseQueryString) {
    u.search = '';
    u.query = {};
  }
  if (parseQueryString && typeof u.query === 'string') u.query = querystring.parse(u.query);
  var proto = /^([a-z0-9.+-]+:)/i.exec(rest);
  if (proto) {
    u.protocol = proto[1].toLowerCase();
    rest = rest.slice(proto[1].length);
  }
  var slashes = rest.slice(0, 2) === '//';
  if (slashes && !(u.protocol === 'javascript:')) {
    if (proto || slashesDenoteHost) {
      rest = rest.slice(2);
      u.slashes = true;
    }
  }
  if (u.slashes || (proto && !slashedProtocol[u.protocol] === false)) {
    if (u.slashes) {
      var end = rest.search(/[\/\\]/);
      var hostPart = end >= 0 ? rest.slice(0, end) : rest;
      rest = end >= 0 ? rest.slice(end) : '';
      var at = hostPart.lastIndexOf('@');
      if (at >= 0) {
        u.auth = decodeURIComponent(hostPart.slice(0, at));
        hostPart = hostPart.slice(at + 1);
      }
      var portMatch = /:([0-9]*)$/.exec(hostPart);
      if (portMatch) {
        if (portMatch[1]) u.port = portMatch[1];
        hostPart = hostPart.slice(0, hostPart.length - portMatch[0].length);
      }
      u.hostname = hostPart.toLowerCase();
      if (u.hostname.charAt(0) === '[' && u.hostname.charAt(u.hostname.length - 1) === ']') {
        u.hostname = u.hostname.slice(1, -1);
      }
      u.host = (hostPart.charAt(0) === '[' ? '[' + u.hostname + ']' : u.hostname) + (u.port ? ':' + u.port : '');
    }
  }
  u.pathname = rest || (u.slashes && slashedProtocol[u.protocol] && u.hostname ? '/' : null);
  if (u.pathname) u.pathname = u.pathname.replace(/ /g, '%20');
  if (u.pathname || u.search) u.path = (u.pathname || '') + (u.search || '');
  u.href = urlFormat(u);
  return u;
}

function urlFormat(obj) {
  if (typeof obj === 'string') obj = urlParse(obj);
  var auth = obj.auth ? encodeURIComponent(obj.auth).replace(/%3A/i, ':') + '@' : '';
  var protocol = obj.protocol || '', pathname = obj.pathname || '', hash = obj.hash || '';
  var host = '', query = '';
  if (obj.host) host = auth + obj.host;
  else if (obj.hostname) {
    host = auth + (obj.hostname.indexOf(':') === -1 ? obj.hostname : '[' + obj.hostname + ']');
    if (obj.port) host += ':' + obj.port;
  }
  if (obj.query && typeof obj.query === 'object' && Object.keys(obj.query).length) query = querystring.stringify(obj.query);
  var search = obj.search || (query && ('?' + query)) || '';
  if (protocol && protocol.slice(-1) !== ':') protocol += ':';
  if (obj.slashes || ((!protocol || slashedProtocol[protocol]) && host !== '')) {
    host = '//' + host;
    if (pathname && pathname.charAt(0) !== '/') pathname = '/' + pathname;
  }
  if (hash && hash.charAt(0) !== '#') hash = '#' + hash;
  if (search && search.charAt(0) !== '?') search = '?' + search;
  pathname = pathname.replace(/[?#]/g, encodeURIComponent);
  search = search.replace('#', '%23');
  return protocol + host + pathname + search + hash;
}

function urlResolve(from, to) {
  // A relative base gets a stand-in origin, removed again afterwards.
  var fake = 'http://resolve.invalid';
  var relative = !/^[a-z][a-z0-9.+-]*:/i.test(from);
  var base = relative ? fake + (from.charAt(0) === '/' ? '' : '/') + from : from;
  var res = native.resolveReference(base, to);
  if (relative && res.indexOf(fake) === 0) {
    res = res.slice(fake.length);
    return from.charAt(0) === '/' ? res : res.replace(/^\//, '');
  }
  return res;
}

Url.prototype.format = function () { return urlFormat(this); };
Url.prototype.resolve = function (rel) { return urlResolve(this.href, rel); };

exports.parse = urlParse;
exports.format = urlFormat;
exports.resolve = urlResolve;
exports.Url = Url;
exports.URL = native.URL;
exports.URLSearchParams = native.URLSearchParams;
exports.domainToASCII = native.domainToASCII;
exports.domainToUnicode = native.domainToUnicode;
