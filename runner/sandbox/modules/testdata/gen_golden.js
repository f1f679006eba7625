// Regenerates golden.json from cases.js with the real npm packages, at
// the versions Postman's sandbox ships:
//   mkdir /tmp/golden && cd /tmp/golden && npm init -y &&
//   npm install lodash@4.17.21 lodash3@3.10.2 moment@2.30.1 crypto-js@3.3.0 \
//     xml2js@0.4.23 tv4@1.3.0 atob@2.1.2 btoa@1.2.1
//   TZ=UTC node gen_golden.js /tmp/golden/node_modules
// uuid is Postman's own v4 shim, so the case only checks its shape.
var fs = require('fs'), p = require('path');
var dir = process.argv[2];
function req(name) { return require(p.join(dir, name)); }
var ctx = {
  L: req('lodash'), L3: req('lodash3'), moment: req('moment'), C: req('crypto-js'), xml2js: req('xml2js'),
  tv4: req('tv4'), atob: req('atob'), btoa: req('btoa'), Buffer: Buffer, path: require('path'),
  qs: require('querystring'), url: require('url'), util: require('util'),
  uuid: (function () {
    var v4 = function () { return require('crypto').randomUUID(); };
    v4.v4 = v4;
    return v4;
  })()
};
ctx.moment.suppressDeprecationWarnings = true;
var src = fs.readFileSync(p.join(__dirname, 'cases.js'), 'utf8');
var fn = new Function(Object.keys(ctx).join(','), src + '\nreturn { cases: cases, ser: ser };');
var env = fn.apply(null, Object.keys(ctx).map(function (k) { return ctx[k]; }));
var out = {};
env.cases.forEach(function (c) { out[c[0]] = JSON.parse(env.ser(c[1]())); });
fs.writeFileSync(p.join(__dirname, 'golden.json'), JSON.stringify(out, null, 1) + '\n');
console.log('wrote', Object.keys(out).length, 'cases');
