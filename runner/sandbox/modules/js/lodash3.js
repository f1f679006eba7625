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
    var arr = v4.isArray(coll) || v4.isArrayLike(coll) ? Array.prototype.slice.call(coll) : v4.values(coll);
    if (it === undefined || it === null) {
      var r = pick(arr);
      return r === undefined ? empty : r;
    }
    var f = v4.iteratee(it), best, bestV;
    arr.forEach(function (v) {
      var c = f(v);
      if (c != null && c === c && (bestV === undefined || (empty < 0 ? c > bestV : c < bestV))) { bestV = c; best = v; }
    });
    return bestV === undefined ? empty : best;
  };
}
var aliases = {
  contains: v4.includes, include: v4.includes, pluck: function (c, p) { return v4.map(c, v4.property(p)); },
  where: function (c, s) { return v4.filter(c, v4.matches(s)); }, findWhere: function (c, s) { return v4.find(c, v4.matches(s)); },
  indexBy: v4.keyBy, any: v4.some, all: v4.every, collect: v4.map, select: v4.filter, detect: v4.find, foldl: v4.reduce,
  inject: v4.reduce, foldr: v4.reduceRight, object: function (p, v) { return v4.isArray(p && p[0]) ? v4.fromPairs(p) : v4.zipObject(p, v); },
  pairs: v4.toPairs, rest: v4.tail, padLeft: v4.padStart, padRight: v4.padEnd, trunc: v4.truncate, trimLeft: v4.trimStart,
  trimRight: v4.trimEnd, sortByOrder: v4.orderBy, methods: function (o) { return v4.keysIn(o).filter(function (k) { return typeof o[k] == 'function'; }); },
  capitalize: function (s) { s = s == null ? '' : String(s); return s && s.charAt(0).toUpperCase() + s.slice(1); },
  max: maxOrMin(function (a) { return v4.maxBy(a, function (x) { return x; }); }, -Infinity),
  min: maxOrMin(function (a) { return v4.minBy(a, function (x) { return x; }); }, Infinity),
  sum: function (c, it) { var arr = v4.isArrayLike(c) ? c : v4.values(c); return it === undefined ? v4.sum(arr) : v4.sumBy(arr, it); },
  uniq: function (a, isSorted, it) { if (typeof isSorted != 'boolean') it = isSorted; return it == null ? v4.uniq(a) : v4.uniqBy(a, it); },
  flatten: function (a, isDeep) { return isDeep ? v4.flattenDeep(a) : v4.flatten(a); },
  // lodash 3's invoke is lodash 4's invokeMap.
  invoke: v4.invokeMap,
  backflow: v4.flowRight, compose: v4.flowRight, callback: v4.iteratee, restParam: v4.rest, sortByAll: v4.sortBy,
  // lodash 3's modArgs is lodash 4's overArgs.
  modArgs: v4.overArgs
};
aliases.unique = aliases.uniq;
for (var k in aliases) {
  if (Object.prototype.hasOwnProperty.call(aliases, k)) {
    if (_.mixin) { var o = {}; o[k] = aliases[k]; _.mixin(o); } else { _[k] = aliases[k]; }
  }
}
// lodash 3.10.2's functions, as Newman 6.2.2's `_` has them: the lodash 4
// functions it lacks (keyBy, isNil, pullAll, update, ...) are taken off, so
// that a script calling one fails with a TypeError as it does under Newman
// rather than passing under colrun alone.
var lodash3Names = {};
(
  '_ add after all any ary assign at attempt backflow before bind bindAll bindKey callback ' +
  'camelCase capitalize ceil chain chunk clone cloneDeep collect compact compose constant contains ' +
  'countBy create curry curryRight debounce deburr defaults defaultsDeep defer delay detect ' +
  'difference drop dropRight dropRightWhile dropWhile each eachRight endsWith eq escape ' +
  'escapeRegExp every extend fill filter find findIndex findKey findLast findLastIndex findLastKey ' +
  'findWhere first flatten flattenDeep floor flow flowRight foldl foldr forEach forEachRight forIn ' +
  'forInRight forOwn forOwnRight functions get groupBy gt gte has head identity inRange include ' +
  'includes indexBy indexOf initial inject intersection invert invoke isArguments isArray isBoolean ' +
  'isDate isElement isEmpty isEqual isError isFinite isFunction isMatch isNaN isNative isNull ' +
  'isNumber isObject isPlainObject isRegExp isString isTypedArray isUndefined iteratee kebabCase ' +
  'keys keysIn last lastIndexOf lt lte map mapKeys mapValues matches matchesProperty max memoize ' +
  'merge method methodOf methods min mixin modArgs negate noConflict noop now object omit once pad ' +
  'padLeft padRight pairs parseInt partial partialRight partition pick pluck property propertyOf ' +
  'pull pullAt random range rearg reduce reduceRight reject remove repeat rest restParam result ' +
  'round runInContext sample select set shuffle size slice snakeCase some sortBy sortByAll ' +
  'sortByOrder sortedIndex sortedLastIndex spread startCase startsWith sum tail take takeRight ' +
  'takeRightWhile takeWhile tap template throttle thru times toArray toPlainObject transform trim ' +
  'trimLeft trimRight trunc unescape union uniq unique uniqueId unzip unzipWith values valuesIn ' +
  'where without words wrap xor zip zipObject zipWith'
).split(' ').forEach(function (n) { lodash3Names[n] = true; });
Object.keys(_).forEach(function (k) {
  if (typeof _[k] === 'function' && !lodash3Names[k]) {
    delete _[k];
  }
});
_.VERSION = '3.10.2';
module.exports = _;
