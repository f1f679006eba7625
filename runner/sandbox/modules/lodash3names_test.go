package modules

import "testing"

// TestLegacyLodashHasOnlyLodash3Functions checks that the `_` global has
// lodash 3.10.2's functions and not lodash 4's others, as in Newman 6.2.2's
// sandbox: a script calling _.keyBy or _.pullAll fails there with a
// TypeError, while require('lodash') has them. `_` was built from lodash 4
// and kept all of it, so such a script passed under colrun alone; and
// _.invoke, lodash 3's invokeMap, was lodash 4's invoke; lodash 3's
// unique, backflow, compose, callback, restParam and sortByAll were
// missing. The wanted
// values are Newman's for the same expressions.
func TestLegacyLodashHasOnlyLodash3Functions(t *testing.T) {
	t.Parallel()
	runNewmanCases(t, []newmanCase{
		{`[typeof _.keyBy, typeof _.isNil, typeof _.pullAll, typeof _.update, typeof _.mergeWith, typeof _.flatMapDeep, typeof _.toPairs, typeof _.padStart]`,
			`object:["undefined","undefined","undefined","undefined","undefined","undefined","undefined","undefined"]`},
		{`[typeof require('lodash').keyBy, typeof require('lodash').pullAll]`, `object:["function","function"]`},
		{`_.invoke([[5, 1, 7], [3, 2, 1]], 'sort')`, `object:[[1,5,7],[1,2,3]]`},
		{`[_.indexBy([{id: 'a'}], 'id'), _.pairs({b: 1}), _.max([1, 3]), _.padLeft('1', 3, '0'), _.pluck([{x: 2}], 'x'), _.sum({a: 1, b: 2})]`,
			`object:[{"a":{"id":"a"}},[["b",1]],3,"001",[2],3]`},
		{`[_.unique([1, 1, 2]), _.backflow(function (n) { return n * n; }, function (a, b) { return a + b; })(1, 2), _.compose(function (n) { return -n; })(1), _.map([{x: 1}], _.callback('x')), _.restParam(function (a, b) { return [a, b]; }, 1)(1, 2, 3)]`,
			`object:[[1,2],9,-1,[1],[1,[2,3]]]`},
		{`[_.sortByAll([{a: 2, b: 1}, {a: 1, b: 2}, {a: 1, b: 1}], ['a', 'b']), _.sortByAll([{a: 2, b: 1}, {a: 1, b: 2}, {a: 1, b: 1}], 'a', 'b')]`,
			`object:[[{"a":1,"b":1},{"a":1,"b":2},{"a":2,"b":1}],[{"a":1,"b":1},{"a":1,"b":2},{"a":2,"b":1}]]`},
		{`_.VERSION`, `string:"3.10.2"`},
	})
}
