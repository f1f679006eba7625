// The `_` global: Postman's legacy sandbox binds it to lodash 3.10, not 4.
// We start from a private lodash 4 (ours or an installed one) and restore
// the lodash 3 names and behaviours scripts written against `_` rely on.
var base = require('lodash');
var _ = typeof base.runInContext === 'function' ? base.runInContext() : base;
// The lodash 4 versions, as some lodash 3 functions below wrap the lodash
// 4 function of the same name.
var v4 = {};
Object.keys(_).forEach(function (k) { v4[k] = _[k]; });

function maxOrMin(pick, empty) {
  return function (coll, it) {
    var arr = _.isArray(coll) || _.isArrayLike(coll) ? Array.prototype.slice.call(coll) : _.values(coll);
    if (it === undefined || it === null) {
      var r = pick(arr);
      return r === undefined ? empty : r;
    }
    var f = _.iteratee(it), best, bestV;
    arr.forEach(function (v) {
      var c = f(v);
      if (c != null && c === c && (bestV === undefined || (empty < 0 ? c > bestV : c < bestV))) { bestV = c; best = v; }
    });
    return bestV === undefined ? empty : best;
  };
}
var aliases = {
  contains: _.includes, include: _.includes, pluck: function (c, p) { return _.map(c, _.property(p)); },
  where: function (c, s) { return _.filter(c, _.matches(s)); }, findWhere: function (c, s) { return _.find(c, _.matches(s)); },
  indexBy: _.keyBy, any: _.some, all: _.every, collect: _.map, select: _.filter, detect: _.find, foldl: _.reduce,
  inject: _.reduce, foldr: _.reduceRight, object: function (p, v) { return _.isArray(p && p[0]) ? _.fromPairs(p) : _.zipObject(p, v); },
  pairs: _.toPairs, rest: _.tail, padLeft: _.padStart, padRight: _.padEnd, trunc: _.truncate, trimLeft: _.trimStart,
  trimRight: _.trimEnd, sortByOrder: _.orderBy, methods: function (o) { return _.keysIn(o).filter(function (k) { return typeof o[k] == 'function'; }); },
  capitalize: function (s) { s = s == null ? '' : String(s); return s && s.charAt(0).toUpperCase() + s.slice(1); },
  max: maxOrMin(function (a) { return _.maxBy(a, function (x) { return x; }); }, -Infinity),
  min: maxOrMin(function (a) { return _.minBy(a, function (x) { return x; }); }, Infinity),
  sum: function (c, it) { var arr = _.isArrayLike(c) ? c : _.values(c); return it === undefined ? v4.sum(arr) : _.sumBy(arr, it); },
  uniq: function (a, isSorted, it) { if (typeof isSorted != 'boolean') it = isSorted; return it == null ? v4.uniq(a) : _.uniqBy(a, it); },
  flatten: function (a, isDeep) { return isDeep ? _.flattenDeep(a) : v4.flatten(a); }
};
for (var k in aliases) {
  if (Object.prototype.hasOwnProperty.call(aliases, k)) {
    if (_.mixin) { var o = {}; o[k] = aliases[k]; _.mixin(o); } else { _[k] = aliases[k]; }
  }
}
_.VERSION = '3.10.2';
module.exports = _;
