package runner

import (
	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// compiledScript is one script compiled once per run; err is set when it
// does not compile, and is reported each time the script would run, as
// Newman reports a syntax error per execution.
type compiledScript struct {
	name    string
	program any
	err     *event.ScriptError
}

// scriptSet holds the run's compiled scripts, keyed by their event.
type scriptSet struct {
	byEvent map[*collections.Event]*compiledScript
}

func (s *scriptSet) get(e *collections.Event) *compiledScript { return s.byEvent[e] }

// compileScripts compiles every script of the collection once, sharing
// identical sources. The JavaScript engine is wired in sandbox.go.
func compileScripts(coll *collections.Collection) (*scriptSet, error) {
	set := &scriptSet{byEvent: map[*collections.Event]*compiledScript{}}
	bySource := map[string]*compiledScript{}
	add := func(where string, events []collections.Event) {
		for i := range events {
			e := &events[i]
			if e.Script.Exec == "" {
				continue
			}
			if cs, ok := bySource[e.Script.Exec]; ok {
				set.byEvent[e] = cs
				continue
			}
			cs := compileOne(where+" "+e.Listen, e.Script.Exec)
			bySource[e.Script.Exec] = cs
			set.byEvent[e] = cs
		}
	}
	add("collection", coll.Events)
	var walk func([]*collections.Item)
	walk = func(items []*collections.Item) {
		for _, it := range items {
			add(it.Path(), it.Events)
			walk(it.Items)
		}
	}
	walk(coll.Items)
	return set, nil
}
