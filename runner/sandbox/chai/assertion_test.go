package chai

import "testing"

// TestChainCases replays testdata/chain_cases.json, recorded like
// guard_cases.json under node 20 with chai 4.4.1. The cases pin what
// holding assertions in Go (assertion.go) must not change: every step is
// a new object whose flags are its own, so a kept step can be branched
// from; plugins added after an assertion was made still apply to it;
// util.flag reads and writes exactly as chai's (three arguments write),
// also on bags a script replaced or deleted and on objects that are no
// assertions; the own properties, prototype, JSON and inspect output an
// assertion shows; and getters see the unguarded assertion while methods
// see the guarded one, as under chai's Proxy; and what a chainable
// word's callable and its prototype show, and how its chaining behaviour
// runs (natively for the library's flag markers, in JS for any other).
func TestChainCases(t *testing.T) {
	t.Parallel()
	replayCases(t, "testdata/chain_cases.json", 40)
}
