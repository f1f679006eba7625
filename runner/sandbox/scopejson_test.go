package sandbox

import (
	"testing"

	"github.com/colrun/colrun/runner/variables"
)

// TestScopeToJSON checks the shape of pm.environment.toJSON() and its
// siblings as Newman 6.2.2 gives it (recorded from its console output):
// an id, the environment's name, the script's sets and unsets under
// mutations.compacted as given (none for the data scope), and each variable as
// {type, value, key} with disabled only when true; a typed set shows its
// type for the rest of the script.
func TestScopeToJSON(t *testing.T) {
	t.Parallel()
	exec := newExec("prerequest")
	exec.EnvironmentName = "E"
	exec.Scopes.Environment.Set("server", "localhost")
	exec.Scopes.Collection = variables.NewScope("collection", nil)
	exec.Scopes.Collection.SetEntry(variables.Entry{Key: "off", Value: "x", Disabled: true})
	exec.Scopes.Data.Set("a", 1.0)
	tests := []struct{ name, src, want string }{
		{"environment", `pm.environment.set("s", "v"); pm.environment.set("n", "5", "number"); pm.environment.unset("gone");`,
			`id=string keys=id,name,mutations,values name=E mutations={"autoCompact":true,"stream":[],"compacted":{"s":["s","v"],"n":["n","5"],"gone":["gone"]}} values=[{"type":"any","value":"localhost","key":"server"},{"type":"any","value":"v","key":"s"},{"type":"number","value":5,"key":"n"}]`},
		{"collection variables", ``,
			`id=string keys=id,mutations,values name=undefined mutations={"autoCompact":true,"stream":[],"compacted":{}} values=[{"disabled":true,"type":"any","value":"x","key":"off"}]`},
		{"iteration data", ``,
			`id=string keys=id,values name=undefined mutations=undefined values=[{"type":"any","value":1,"key":"a"}]`},
		{"local variables", `pm.variables.set("l", 1); pm.variables.set("u", undefined);`,
			`id=string keys=id,mutations,values name=undefined mutations={"autoCompact":true,"stream":[],"compacted":{"l":["l",1],"u":["u",null]}} values=[{"type":"any","value":1,"key":"l"},{"type":"any","key":"u"}]`},
		// clear is an unset of each variable, the disabled one too, in
		// the scope's order after the script's own changes.
		{"cleared", `pm.collectionVariables.set("c", 1); pm.collectionVariables.clear();`,
			`id=string keys=id,mutations,values name=undefined mutations={"autoCompact":true,"stream":[],"compacted":{"c":["c"],"off":["off"]}} values=[]`},
	}
	scopes := map[string]string{"environment": "pm.environment", "collection variables": "pm.collectionVariables", "iteration data": "pm.iterationData", "local variables": "pm.variables", "cleared": "pm.collectionVariables"}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src + `const j = ` + scopes[tc.name] + `.toJSON();
console.log("id=" + typeof j.id + " keys=" + Object.keys(j).join(",") + " name=" + j.name + " mutations=" + JSON.stringify(j.mutations) + " values=" + JSON.stringify(j.values));`
			diff(t, "toJSON", []string{tc.want}, mustPass(t, run(t, exec, src)))
		})
	}
}
