package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A variable whose value names itself several times multiplies at every
// one of the 19 substitution passes: colrun ran out of memory and died
// with a Go stack trace, writing no report or export (Newman grinds until
// it runs out too). Now that request fails, naming the cycle, and the run
// goes on and writes its exports.
func TestSelfMultiplyingVariableFailsItsRequest(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"c"},"item":[
		{"name":"grows","request":"%s/{{a}}"},
		{"name":"fine","request":"%s/x","event":[{"listen":"test","script":{"exec":["pm.environment.set('after', 'ran')"]}}]}]}`, srv.URL, srv.URL))
	env := filepath.Join(dir, "out", "env.json")
	res := colrun(t, nil, "run", coll, "--env-var", "a={{a}}{{a}}{{a}}{{a}}", "--export-environment", env, "--color", "off")
	if res.code != exitFailed {
		t.Errorf("exit %d, want 1; stderr:\n%s", res.code, res.stderr)
	}
	if want := "variable {{a}} refers to itself: a -> a"; !strings.Contains(res.stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, res.stdout)
	}
	data, err := os.ReadFile(env)
	if err != nil || !strings.Contains(string(data), `"after"`) {
		t.Errorf("exported environment = %s, %v; want it written, with the variable the next request set", data, err)
	}
}
