package modules

import "testing"

// TestLodashExtrasMatchNewman checks the lodash 4.17.21 functions added
// to the built-in lodash for scripts that reach beyond the common ones
// (fill, takeWhile, mergeWith, defaultsDeep, sortedIndex, partial,
// curry, ...) against Newman 6.2.2's sandbox. Before, they were missing:
// a call failed with a TypeError, and _.fill, a name Sugar also gives
// functions, silently returned a function.
func TestLodashExtrasMatchNewman(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`require('lodash').fill(Array(3), 2)`, `object:[2,2,2]`},
		{`require('lodash').fill([4, 6, 8, 10], '*', 1, 3)`, `object:[4,"*","*",10]`},
		{`require('lodash').fill([1, 2, 3], 0, -2)`, `object:[1,0,0]`},
		{`require('lodash').takeWhile([{u: 'b', act: false}, {u: 'f', act: false}, {u: 'p', act: true}], function (o) { return !o.act; })`, `object:[{"u":"b","act":false},{"u":"f","act":false}]`},
		{`require('lodash').dropWhile([1, 2, 3, 1], function (x) { return x < 3; })`, `object:[3,1]`},
		{`require('lodash').takeRightWhile([1, 2, 3, 4], function (x) { return x > 2; })`, `object:[3,4]`},
		{`require('lodash').dropRightWhile([{a: 1}, {a: 2, act: true}], 'act')`, `object:[{"a":1}]`},
		{`(function () { var a = ['a', 'b', 'c', 'a', 'b', 'c']; var r = require('lodash').pullAll(a, ['a', 'c']); return [r, a, r === a]; })()`, `object:[["b","b"],["b","b"],true]`},
		{`require('lodash').pullAllBy([{x: 1}, {x: 2}, {x: 3}, {x: 1}], [{x: 1}, {x: 3}], 'x')`, `object:[{"x":2}]`},
		{`[require('lodash').sortedIndex([30, 50], 40), require('lodash').sortedIndex([4, 5, 5, 5, 6], 5), require('lodash').sortedLastIndex([4, 5, 5, 5, 6], 5), require('lodash').sortedIndex([1, 2, null, undefined, NaN], NaN)]`, `object:[1,1,4,4]`},
		{`[require('lodash').sortedIndexBy([{x: 4}, {x: 5}], {x: 4}, 'x'), require('lodash').sortedIndexOf([4, 5, 5, 5, 6], 5), require('lodash').sortedIndexOf([1], 2)]`, `object:[0,1,-1]`},
		{`[require('lodash').sortedUniq([1, 1, 2, 2, 3]), require('lodash').sortedUniqBy([1.1, 1.2, 2.3, 2.4], Math.floor)]`, `object:[[1,2,3],[1.1,2.3]]`},
		{`require('lodash').update({a: [{b: {c: 3}}]}, 'a[0].b.c', function (n) { return n * n; })`, `object:{"a":[{"b":{"c":9}}]}`},
		{`require('lodash').mergeWith({a: [1], b: [2]}, {a: [3], b: [4]}, function (o, s) { return Array.isArray(o) ? o.concat(s) : undefined; })`, `object:{"a":[1,3],"b":[2,4]}`},
		{`require('lodash').mergeWith({a: {x: 1}}, {a: {y: 2}}, function (o, s, k) { return k === 'a' ? 'replaced' : undefined; })`, `object:{"a":"replaced"}`},
		{`require('lodash').defaultsDeep({a: {b: 2}}, {a: {b: 1, c: 3}})`, `object:{"a":{"b":2,"c":3}}`},
		{`require('lodash').defaultsDeep({}, {a: {b: {c: 1}}}, {a: {b: {d: 2}}})`, `object:{"a":{"b":{"c":1,"d":2}}}`},
		{`require('lodash').defaultsDeep({a: [1]}, {a: [2, 3]})`, `object:{"a":[1,3]}`},
		{`require('lodash').findLastKey({a: {x: 1}, b: {x: 2}, c: {x: 1}}, {x: 1})`, `string:"c"`},
		{`require('lodash').functions({a: function () {}, b: 2})`, `object:["a"]`},
		{`[require('lodash').flatMapDeep([1, 2], function (n) { return [[[n, n]]]; }), require('lodash').flatMapDepth([1, 2], function (n) { return [[[n, n]]]; }, 2)]`, `object:[[1,1,2,2],[[1,1],[2,2]]]`},
		{`require('lodash').differenceWith([{x: 1, y: 2}, {x: 2, y: 1}], [{x: 1, y: 2}], require('lodash').isEqual)`, `object:[{"x":2,"y":1}]`},
		{`require('lodash').intersectionWith([{x: 1, y: 2}, {x: 2, y: 1}], [{x: 1, y: 1}, {x: 1, y: 2}], require('lodash').isEqual)`, `object:[{"x":1,"y":2}]`},
		{`require('lodash').unionWith([{x: 1, y: 2}, {x: 2, y: 1}], [{x: 1, y: 1}, {x: 1, y: 2}], require('lodash').isEqual)`, `object:[{"x":1,"y":2},{"x":2,"y":1},{"x":1,"y":1}]`},
		{`[require('lodash').xorBy([2.1, 1.2], [2.3, 3.4], Math.floor), require('lodash').xorWith([{x: 1}, {x: 2}], [{x: 1}], require('lodash').isEqual)]`, `object:[[1.2,3.4],[{"x":2}]]`},
		{`require('lodash').zipWith([1, 2], [10, 20], [100, 200], function (a, b, c) { return a + b + c; })`, `object:[111,222]`},
		{`require('lodash').invokeMap([[5, 1, 7], [3, 2, 1]], 'sort')`, `object:[[1,5,7],[1,2,3]]`},
		{`[require('lodash').conformsTo({a: 1, b: 2}, {b: function (n) { return n > 1; }}), require('lodash').conformsTo({a: 1, b: 2}, {b: function (n) { return n > 2; }})]`, `object:[true,false]`},
		{`[require('lodash').gte(3, 3), require('lodash').lte('a', 'b'), require('lodash').multiply(6, 4), require('lodash').divide(6, 4)]`, `object:[true,true,24,1.5]`},
		{`[require('lodash').toLength(3.2), require('lodash').toLength(Infinity), require('lodash').toSafeInteger(Infinity), require('lodash').toSafeInteger('3.2')]`, `object:[3,4294967295,9007199254740991,3]`},
		{`(function () { var n = 0, f = require('lodash').before(3, function () { return ++n; }); return [f(), f(), f(), f()]; })()`, `object:[1,2,2,2]`},
		{`(function () { var n = 0, f = require('lodash').after(2, function () { return ++n; }); return [f(), f(), f()]; })()`, `object:[null,1,2]`},
		{`[require('lodash').partial(function (g, n) { return g + ' ' + n; }, 'hi')('fred'), require('lodash').partialRight(function (g, n) { return g + ' ' + n; }, 'fred')('hi')]`, `object:["hi fred","hi fred"]`},
		{`(function () { var f = require('lodash').curry(function (a, b, c) { return [a, b, c]; }); return [f(1)(2)(3), f(1, 2)(3), f(1)(2, 3)]; })()`, `object:[[1,2,3],[1,2,3],[1,2,3]]`},
		{`['6', '8', '10'].map(require('lodash').unary(parseInt))`, `object:[6,8,10]`},
		{`require('lodash').flowRight([function (n) { return n * n; }, function (a, b) { return a + b; }])(2, 3)`, `number:25`},
		{`[require('lodash').rest(function (w, names) { return w + ' ' + names.join(','); })('hi', 'a', 'b'), require('lodash').spread(function (a, b) { return a + b; })([1, 2])]`, `object:["hi a,b",3]`},
		{`[require('lodash').nthArg(-2)('a', 'b', 'c'), require('lodash').over([Math.max, Math.min])(1, 2, 3, 4), require('lodash').overEvery([Boolean, isFinite])('1')]`, `object:["b",[4,1],true]`},
		{`['a[0]', 'b'].map(require('lodash').propertyOf({a: [1], b: 2}))`, `object:[1,2]`},
		{`require('lodash')([1, 2, 3, 4]).takeWhile(function (x) { return x < 3; }).value()`, `object:[1,2]`},
		{`require('lodash').chain([3, 1, 2]).sortBy().sortedIndex(2).value()`, `number:1`},
		{`_.fill([1, 2, 3], 0)`, `object:[0,0,0]`},
		{`(function () { var a = ['a', 'b', 'c', 'd']; var r = require('lodash').pullAt(a, [1, 3]); return [a, r]; })()`, `object:[["a","c"],["b","d"]]`},
		{`(function () { var a = [1, 2, 3]; return [require('lodash').pullAt(a, 0, 0, '1'), a]; })()`, `object:[[1,1,2],[3]]`},
		{`require('lodash').invoke({a: [{b: {c: [1, 2, 3, 4]}}]}, 'a[0].b.c.slice', 1, 3)`, `object:[2,3]`},
		{`require('lodash').map([{a: {b: function () { return 2; }}}], require('lodash').method('a.b'))`, `object:[2]`},
		{`require('lodash').invertBy({a: 1, b: 2, c: 1}, function (v) { return 'g' + v; })`, `object:{"g1":["a","c"],"g2":["b"]}`},
		{`(function () { var r = []; require('lodash').forOwnRight({a: 1, b: 2}, function (v, k) { r.push(k); }); return r; })()`, `object:["b","a"]`},
		{`require('lodash').unzipWith([[1, 10, 100], [2, 20, 200]], require('lodash').add)`, `object:[3,30,300]`},
		{`require('lodash').zipObjectDeep(['a.b[0].c', 'a.b[1].d'], [1, 2])`, `object:{"a":{"b":[{"c":1},{"d":2}]}}`},
		{`require('lodash').toPlainObject(Object.create({p: 1}, {o: {value: 2, enumerable: true}}))`, `object:{"o":2,"p":1}`},
		{`require('lodash').filter([{a: 2, b: 1}, {a: 1, b: 2}], require('lodash').conforms({b: function (n) { return n > 1; }}))`, `object:[{"a":1,"b":2}]`},
		{`require('lodash').bind(function (g, p) { return g + ' ' + this.user + p; }, {user: 'fred'}, 'hi')('!')`, `string:"hi fred!"`},
		{`(function () { var v = {label: 'docs', click: function () { return this.label; }}; require('lodash').bindAll(v, ['click']); var f = v.click; return f(); })()`, `string:"docs"`},
		{`require('lodash').wrap(require('lodash').escape, function (func, text) { return '<p>' + func(text) + '</p>'; })('fred & barney')`, `string:"<p>fred &amp; barney</p>"`},
		{`[require('lodash').sortedLastIndexOf([4, 5, 5, 5, 6], 5), require('lodash').sortedLastIndexOf([4], 1)]`, `object:[3,-1]`},
		{`require('lodash').assignWith({a: 1}, {a: 2, b: 3}, function (o, s) { return o === undefined ? s : o; })`, `object:{"a":1,"b":3}`},
		{`[require('lodash').setWith({}, '[0][1]', 'a', Object), require('lodash').updateWith({}, '[0][1]', function () { return 'a'; }, Object)]`, `object:[{"0":{"1":"a"}},{"0":{"1":"a"}}]`},
	})
}
